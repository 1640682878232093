"""Issue 19, finding 5: a .docx holding 2 GiB compressed, too many parts, XML entities,
a PDF of too many pages, and a read beyond the worker's memory or time cap: the office
is told plainly what was wrong, and the serving process neither grows nor waits."""
from __future__ import annotations

import io
import resource
import time
import zipfile

import pytest

from directives import ExtractionError
from directives.limits import MAX_PARTS, FileLimitError, check_zip
from directives.sandbox import read_isolated
from locales import translate
from presentation.messages import Attachment


def docx_bytes(text: str = "Giao Sở Tài chính chủ trì rà soát vốn đầu tư công, hoàn thành trước ngày 30/6/2026.") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_parts(base: bytes, extra) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        extra(dst)
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """A real .docx plus a part of 2 GiB of zeros, deflated (about 2 MB)."""
    zeros = bytes(1 << 20)

    def add(archive: zipfile.ZipFile) -> None:
        with archive.open("word/media/bomb.xml", "w", force_zip64=True) as part:
            for _ in range(2048):
                part.write(zeros)
    return with_parts(docx_bytes(), add)


@pytest.fixture
def office(province, chat_factory):
    chat = chat_factory("760", "Lê Văn Phòng")
    chat.say(f"/start {province['codes']['office']}")
    return chat


def upload(chat, name: str, data: bytes):
    return chat.say("", attachment=Attachment("document", "f", name, size=len(data), fetch=lambda: data))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_zip_bomb_is_refused_quickly_and_plainly(office, bomb):
    assert len(bomb) < 5 * 1024 * 1024
    peak_before = rss_mb()
    started = time.perf_counter()
    text = upload(office, "thong-bao.docx", bomb)[0].text
    elapsed = time.perf_counter() - started
    assert "giải nén lên tới 2,049 MB (giới hạn 50 MB)" in text and "bom nén" in text
    assert elapsed < 5
    assert rss_mb() - peak_before < 50  # nothing was unpacked in this process
    office.say("/lang en")
    assert "unpacks to 2,049 MB" in upload(office, "thong-bao.docx", bomb)[0].text


def test_too_many_parts_and_xml_entities_are_refused(office):
    many = with_parts(docx_bytes(), lambda z: [z.writestr(f"customXml/item{i}.xml", "<a/>")
                                               for i in range(MAX_PARTS + 5)])
    assert f"thành phần (giới hạn {MAX_PARTS})" in upload(office, "a.docx", many)[0].text
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{"&lol%s;" % (i - 1 if i else "") * 10}">' for i in range(1, 9))
              + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&lol8;</w:document>')
    base = docx_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, laughs if item.filename == "word/document.xml" else src.read(item.filename))
    assert "DOCTYPE/ENTITY" in upload(office, "b.docx", out.getvalue())[0].text
    with pytest.raises(FileLimitError) as refused:  # the CLI path reads in process, with the same checks
        check_zip(out.getvalue())
    assert refused.value.key == "upload.xml_entities"


def test_a_pdf_of_too_many_pages_is_refused(office):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(600):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    assert "có 600 trang (giới hạn 500 trang)" in upload(office, "phu-luc.pdf", out.getvalue())[0].text


def test_the_worker_caps_memory_and_time_and_a_good_file_still_reads():
    good = docx_bytes()
    assert "rà soát vốn đầu tư công" in read_isolated(good, "a.docx")
    with pytest.raises(FileLimitError) as heavy:
        read_isolated(good, "a.docx", memory=12 * 1024 * 1024)  # too little to even load the reader
    assert heavy.value.key == "upload.too_heavy"
    with pytest.raises(FileLimitError) as slow:
        read_isolated(good, "a.docx", seconds=0.05)
    assert slow.value.key == "upload.too_slow"
    with pytest.raises(ExtractionError) as bad:
        read_isolated(b"not a zip", "hong.docx")
    assert "không đúng định dạng Word" in str(bad.value)


def test_the_office_reads_the_message_in_its_language(office, bomb):
    office.say("/lang en")
    text = upload(office, "x.docx", bomb)[0].text
    assert text.startswith(translate("en", "publish.unreadable", error="")[:20]) and "zip bomb" in text
