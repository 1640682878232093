"""Bytes of a .txt/.md/.docx/.pdf file -> its text, or an ExtractionError in Vietnamese.

Tables of assignments in a .docx ("Nội dung | Chủ trì | Phối hợp | Thời hạn") are
turned into sentences ("Giao X chủ trì, phối hợp với Y thực hiện: …") so that the
text pipeline reads them like any other assignment.
"""
from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
from pathlib import Path

from .errors import ExtractionError

MAX_BYTES = 5 * 1024 * 1024
TEXT_EXTENSIONS = (".txt", ".md", ".markdown")
SUPPORTED = TEXT_EXTENSIONS + (".docx", ".pdf")
MIN_PDF_TEXT = 20

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")

MSG_EMPTY = "Tệp trống — không có nội dung để đọc."
MSG_TOO_BIG = "Tệp quá lớn ({size:.1f} MB) — giới hạn là 5 MB."
MSG_UNSUPPORTED = "Không hỗ trợ định dạng tệp “{ext}” — chỉ đọc được: {supported}."
MSG_OLD_DOC = " Hãy lưu lại văn bản dưới dạng .docx."
MSG_BINARY = "Tệp không phải văn bản đọc được (dữ liệu nhị phân hoặc bảng mã lạ)."
MSG_NO_TEXT_LAYER = "Tệp PDF không có lớp chữ (bản scan) — cần bản có lớp chữ hoặc gửi bản .docx"
MSG_BAD_PDF = "Không đọc được tệp PDF (tệp hỏng hoặc có mật khẩu)."
MSG_BAD_DOCX = "Không đọc được tệp .docx (tệp hỏng hoặc không đúng định dạng Word)."
MSG_NOT_FOUND = "Không tìm thấy tệp “{name}”."
MSG_DIRECTORY = "“{name}” là một thư mục, không phải tệp: hãy chỉ ra một tệp văn bản trong đó (.docx, .pdf, .txt)."


def read_document(path_or_bytes: str | Path | bytes, filename: str | None = None) -> str:
    """The text of a directive file; raises ExtractionError with a user-facing message."""
    data, name = _load(path_or_bytes, filename)
    if not data.strip():
        raise ExtractionError(MSG_EMPTY)
    kind = _kind(name, data)
    if kind == "docx":
        text = _read_docx(data)
    elif kind == "pdf":
        text = _read_pdf(data)
    else:
        text = _decode_text(data)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ExtractionError(MSG_EMPTY)
    return text


def _load(source, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        if len(data) > MAX_BYTES:
            raise ExtractionError(MSG_TOO_BIG.format(size=len(data) / 1024 / 1024))
        return data, filename or ""
    path = Path(source)
    try:
        size = path.stat().st_size
    except OSError:
        raise ExtractionError(MSG_NOT_FOUND.format(name=path.name)) from None
    if path.is_dir():
        raise ExtractionError(MSG_DIRECTORY.format(name=source))
    if not path.is_file():
        raise ExtractionError(MSG_NOT_FOUND.format(name=path.name))
    if size > MAX_BYTES:
        raise ExtractionError(MSG_TOO_BIG.format(size=size / 1024 / 1024))
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
    hint = MSG_OLD_DOC if ext in (".doc", ".rtf", ".odt") else ""
    raise ExtractionError(MSG_UNSUPPORTED.format(ext=ext, supported=", ".join(SUPPORTED)) + hint)


def _decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_printable(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ExtractionError(MSG_BINARY) from None
    if b"\x00" in data:
        raise ExtractionError(MSG_BINARY)
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return _check_printable(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise ExtractionError(MSG_BINARY)


def _check_printable(text: str) -> str:
    # Random bytes often decode in cp1258; control characters and symbol soup betray them.
    sample = text[:20000]
    if not sample:
        return text
    bad = len(_CONTROL.findall(sample))
    letters = sum(map(str.isalpha, sample))
    if bad / len(sample) > 0.01 or letters / len(sample) < 0.4:
        raise ExtractionError(MSG_BINARY)
    return text


def _read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs and warns about every flaw of a damaged file; the person gets one clear
    # sentence instead (MSG_BAD_PDF), so its chatter is kept out of the terminal.
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ExtractionError(MSG_BAD_PDF)
            pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, IndexError):
        raise ExtractionError(MSG_BAD_PDF) from None
    except Exception:  # pypdf raises assorted errors on damaged files
        raise ExtractionError(MSG_BAD_PDF) from None
    finally:
        quiet.setLevel(level)
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < MIN_PDF_TEXT:
        raise ExtractionError(MSG_NO_TEXT_LAYER)
    return text


def _read_docx(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises zipfile/KeyError/lxml errors on bad files
        raise ExtractionError(MSG_BAD_DOCX) from None
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
    rows = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            # Merged cells come back once per grid column: keep one copy.
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append("\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        rows.append(cells)
    return rows


# --- tables --------------------------------------------------------------------------------

_COLUMN_RULES = (
    ("lead", re.compile(r"chủ trì|thực hiện|đơn vị được giao|cơ quan được giao|phụ trách|đầu mối")),
    ("coordinators", re.compile(r"phối hợp")),
    ("deadline", re.compile(r"thời hạn|thời gian|hạn hoàn thành|tiến độ|hoàn thành")),
    ("output", re.compile(r"sản phẩm|kết quả đầu ra|hình thức")),
    ("content", re.compile(r"nội dung|nhiệm vụ|công việc|tên")),
    ("number", re.compile(r"^(stt|tt|số tt|số thứ tự)$")),
)


def _column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = " ".join(cell.casefold().split())
        for role, pattern in _COLUMN_RULES:
            if role not in roles and pattern.search(label):
                roles[role] = index
                break
    return roles


def table_to_paragraphs(rows: list[list[str]]) -> list[str]:
    """Paragraphs for a table: assignment rows become sentences, other tables cell by cell."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return []
    roles = _column_roles(rows[0])
    if "lead" not in roles or "content" not in roles:
        return [cell for row in rows for cell in row if cell.strip()]
    out: list[str] = []
    for row in rows[1:]:
        sentence = _row_sentence(row, roles)
        if sentence:
            out.append(sentence)
    return out


def _cell(row: list[str], roles: dict[str, int], role: str) -> str:
    index = roles.get(role)
    if index is None or index >= len(row):
        return ""
    return " ".join(row[index].split()).strip(" .;")


def _row_sentence(row: list[str], roles: dict[str, int]) -> str:
    content, lead = _cell(row, roles, "content"), _cell(row, roles, "lead")
    if len({c for c in row if c.strip()}) == 1:
        # A row spanning the table ("I. Lĩnh vực kinh tế") is a heading.
        return next(c for c in row if c.strip()).strip()
    if not content or not lead:
        return content
    sentence = f"Giao {lead} chủ trì"
    coordinators = _cell(row, roles, "coordinators")
    if coordinators and coordinators not in ("-", "—"):
        sentence += f", phối hợp với {coordinators}"
    content = content[0].lower() + content[1:] if content[:2] != content[:2].upper() else content
    sentence += f" thực hiện: {content}."
    deadline = _cell(row, roles, "deadline")
    if deadline and deadline not in ("-", "—"):
        sentence += f" Thời hạn: {deadline}."
    output = _cell(row, roles, "output")
    if output and output not in ("-", "—"):
        sentence += f" Sản phẩm: {output}."
    return sentence
