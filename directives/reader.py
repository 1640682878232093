"""Bytes of a .txt/.md/.docx/.pdf file -> its text, or an ExtractionError (a catalog key).

Tables of assignments ("Nội dung | Chủ trì | Phối hợp | Thời hạn") are turned into
sentences by directives/tables.py so that the text pipeline reads them like any other
assignment.
"""
from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
from pathlib import Path

from .errors import ExtractionError
from .limits import MAX_BYTES, check_pdf_pages, check_zip
from .tables import pdf_page_text, table_to_paragraphs

TEXT_EXTENSIONS = (".txt", ".md", ".markdown")
SUPPORTED = TEXT_EXTENSIONS + (".docx", ".pdf")
MIN_PDF_TEXT = 20

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def read_document(path_or_bytes: str | Path | bytes, filename: str | None = None) -> str:
    """The text of a directive file; raises ExtractionError with a user-facing message."""
    data, name = _load(path_or_bytes, filename)
    if not data.strip():
        raise ExtractionError("document.empty")
    kind = _kind(name, data)
    if kind == "docx":
        text = _read_docx(data)
    elif kind == "pdf":
        text = _read_pdf(data)
    else:
        text = _decode_text(data)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ExtractionError("document.empty")
    return text


def _load(source, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        if len(data) > MAX_BYTES:
            raise ExtractionError("document.too_big", size=len(data) / 1024 / 1024)
        return data, filename or ""
    path = Path(source)
    try:
        size = path.stat().st_size
    except OSError:
        raise ExtractionError("document.not_found", name=path.name) from None
    if path.is_dir():
        raise ExtractionError("document.is_directory", name=str(source))
    if not path.is_file():
        raise ExtractionError("document.not_found", name=path.name)
    if size > MAX_BYTES:
        raise ExtractionError("document.too_big", size=size / 1024 / 1024)
    # The extension is checked before reading so that a huge unsupported file costs nothing.
    _kind(filename or path.name, b"")
    return path.read_bytes(), filename or path.name


def _kind(name: str, data: bytes) -> str:
    ext = Path(name).suffix.lower() if name else ""
    if ext in (".docx",):
        return "docx"
    if ext == ".pdf":
        return "pdf"
    if ext in TEXT_EXTENSIONS:
        return "text"
    if not ext:
        if data.startswith(b"%PDF"):
            return "pdf"
        if data.startswith(b"PK\x03\x04"):
            return "docx"
        return "text"
    # An old Word or rich-text file: the reader is told to save it as .docx.
    key = "document.unsupported_old" if ext in (".doc", ".rtf", ".odt") else "document.unsupported"
    raise ExtractionError(key, ext=ext, supported=", ".join(SUPPORTED))


def _decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_printable(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ExtractionError("document.binary") from None
    if b"\x00" in data:
        raise ExtractionError("document.binary")
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return _check_printable(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise ExtractionError("document.binary")


# Neither a letter, a digit nor a space ("\w" is a letter, a digit or "_", as str.isalnum() or "_").
_NOT_WORDISH = re.compile(r"[^\w\s]|_")


def _check_printable(text: str) -> str:
    # Random bytes often decode in cp1258; control characters and symbol soup betray them.
    sample = text[:20000]
    if not sample:
        return text
    bad = len(_CONTROL.findall(sample))
    # Digits and spaces count as text: a decision's wide figures table is mostly both.
    wordish = len(sample) - len(_NOT_WORDISH.findall(sample))
    if bad / len(sample) > 0.01 or wordish / len(sample) < 0.6:
        raise ExtractionError("document.binary")
    return text


def _read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs and warns about every flaw of a damaged file; the person gets one clear
    # sentence instead ("document.bad_pdf"), so its chatter is kept out of the terminal.
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ExtractionError("document.bad_pdf")
            check_pdf_pages(len(reader.pages))
            pages = [pdf_page_text(page) for page in reader.pages]
    except (ExtractionError, MemoryError):
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, IndexError):
        raise ExtractionError("document.bad_pdf") from None
    except Exception:  # pypdf raises assorted errors on damaged files
        raise ExtractionError("document.bad_pdf") from None
    finally:
        quiet.setLevel(level)
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < MIN_PDF_TEXT:
        from .ocr import read_scanned_pdf  # a scan: Tesseract reads the page images

        return read_scanned_pdf(data)
    return text


def _read_docx(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except MemoryError:  # the worker's cap, not a damaged file (directives/sandbox.py)
        raise
    except Exception:  # python-docx raises zipfile/KeyError/lxml errors on bad files
        raise ExtractionError("document.bad_docx") from None
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(_paragraph_text(item))
        elif isinstance(item, Table):
            blocks.extend(table_to_paragraphs(_table_rows(item)))
    return "\n\n".join(b for b in blocks if b is not None)


def _paragraph_text(paragraph) -> str:
    text = paragraph.text.replace("\v", "\n").strip()
    if text and _is_list_paragraph(paragraph) and not re.match(r"^([-–+•]|\d+[.)]|[a-zđ][.)]|[IVX]+\.)\s", text):
        # Word's automatic numbering is not in the text: mark the item so structure sees a list.
        text = "- " + text
    return text


def _is_list_paragraph(paragraph) -> bool:
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _table_rows(table) -> list[list[str]]:
    # Merged cells come back once per grid column: every row keeps the grid's columns, so that a
    # header merged across ("Cơ quan thực hiện" over "Chủ trì | Phối hợp") stays above its columns.
    return [["\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip()) for cell in row.cells]
            for row in table.rows]
