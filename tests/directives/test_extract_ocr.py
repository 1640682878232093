"""Scanned PDFs: the test draws its own page (text -> image -> image-only PDF), Tesseract reads it.

Needs the Debian packages tesseract-ocr and tesseract-ocr-vie (.ci/run installs them)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from directives import extract_file, ocr, read_document
from presentation.messages import Attachment

ROOT = Path(__file__).resolve().parents[2]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_ocr = pytest.mark.skipif(not ocr.available() or not FONT.exists(),
                               reason="tesseract-ocr + tesseract-ocr-vie (and DejaVu fonts) not installed")

LINES = ["ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "Số: 12/UBND-VX",
         "Giao Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra",
         "an toàn thực phẩm, hoàn thành trước ngày 15/5/2026."]
BLURRED = "Giao Sở Tài chính rà soát nguồn vốn đầu tư công."


def scanned_pdf(lines: list[str], blurred: str | None = None) -> bytes:
    """An A4 page at 200 dpi with the lines drawn on it, saved as a PDF holding only the image.
    The blurred line is drawn small and scaled up, as a worn photocopy reads."""
    font = ImageFont.truetype(str(FONT), 34)
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    y = 150
    for line in lines:
        draw.text((120, y), line, font=font, fill=0)
        y += 70
    if blurred:
        strip = Image.new("L", (1400, 60), 255)
        ImageDraw.Draw(strip).text((0, 5), blurred, font=font, fill=0)
        strip = strip.resize((300, 13)).resize((1400, 60)).filter(ImageFilter.GaussianBlur(2))
        page.paste(strip, (120, y + 70))
    out = io.BytesIO()
    page.save(out, "PDF", resolution=200)
    return out.getvalue()


@needs_ocr
def test_a_scanned_page_is_read_and_said_to_be_a_scan(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(LINES))
    result = extract_file(path)
    assert result.document.scanned and result.document.number == "12/UBND-VX"
    (task,) = result.tasks
    assert task.lead == "Sở Y tế" and task.coordinators == ["Công an tỉnh"]
    assert task.deadline.isoformat() == "2026-05-15" and not task.uncertain
    assert "\u2042" not in task.text and "\u2047" not in task.text


@needs_ocr
def test_a_line_read_with_low_confidence_marks_its_task():
    text = read_document(scanned_pdf(LINES, blurred=BLURRED), "scan.pdf")
    assert text.startswith(ocr.SCAN_MARK)
    clean, marks = ocr.take_marks(text)
    assert marks.scanned and len(marks.low_lines) == 1 and "Tài chính" in marks.low_lines[0]
    from directives import extract_text
    tasks = {t.lead: t for t in extract_text(text).tasks}
    assert tasks["Sở Tài chính"].uncertain and not tasks["Sở Y tế"].uncertain


@needs_ocr
def test_cli_on_a_scan_says_where_the_text_came_from(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(LINES))
    run = subprocess.run([sys.executable, "-m", "bot.cli", "extract", str(path)], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "bản scan, đọc bằng OCR" in run.stdout and "Chủ trì: Sở Y tế" in run.stdout


def test_without_tesseract_the_cli_says_what_to_install(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_image_pdf())
    # No tesseract on PATH: pytesseract cannot start it, as on a machine where it was never installed.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "bot.cli", "extract", str(path)], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=60)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "tesseract-ocr tesseract-ocr-vie" in run.stderr and "bản scan" in run.stderr


def test_without_tesseract_the_office_is_told_what_to_install(db, province, chat_factory, monkeypatch, tmp_path):
    office = chat_factory("office", "Trần Văn Phòng")
    office.say(f"/start {province['codes']['office']}")
    monkeypatch.setenv("PATH", str(tmp_path))
    data = _image_pdf()
    office.say("", attachment=Attachment("document", "s1", "scan.pdf", size=len(data), fetch=lambda: data))
    assert "bản scan" in office.text and "apt-get install tesseract-ocr tesseract-ocr-vie" in office.text


@needs_ocr
def test_the_office_draft_says_scan_and_marks_the_doubtful_task(db, province, chat_factory):
    office = chat_factory("office", "Trần Văn Phòng")
    office.say(f"/start {province['codes']['office']}")
    data = scanned_pdf(LINES, blurred=BLURRED)
    office.say("", attachment=Attachment("document", "s2", "scan.pdf", size=len(data), fetch=lambda: data))
    assert "bản scan (OCR)" in office.text and "1 nhiệm vụ đánh dấu ⚠️" in office.text
    assert "⚠️ Sở Tài chính" in office.text or "⚠️ ❓ Sở Tài chính" in office.text


def test_marks_are_taken_off_before_reading():
    text = f"{ocr.SCAN_MARK}\nSở Y tế chủ trì kiểm tra.\n{ocr.LOW_MARK}Sở Xây dựng rà soát công trình.\n"
    clean, marks = ocr.take_marks(text)
    assert "\u2042" not in clean and "\u2047" not in clean
    assert marks.scanned and marks.low_lines == ["Sở Xây dựng rà soát công trình."]
    assert ocr.uncertain("Sở Xây dựng rà soát công trình.", marks.low_lines)
    assert not ocr.uncertain("Sở Y tế chủ trì kiểm tra.", marks.low_lines)


def _image_pdf() -> bytes:
    out = io.BytesIO()
    Image.new("L", (200, 200), 255).save(out, "PDF")
    return out.getvalue()
