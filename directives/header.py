"""The document header: number ("Số: 123/TB-UBND"), issuer, issue date, title."""
from __future__ import annotations

import re

from .dates import parse_full_date
from .model import DocumentInfo
from .normalize import AUTHORITY, MOTTO, Line

HEADER_SPAN = 14
_NUMBER = re.compile(r"(?:^|\s)Số\s*[:.]\s*([0-9][\w.\-&]*/[\w./\-&]+)|^Số\s+([0-9][\w.\-&]*/[\w./\-&]+)")
# A sentence's deadline ("… báo cáo trước thứ Sáu, ngày 15/5") is no place-and-date line.
_PLACE_DATE = re.compile(r"^(?![^,]*(?<!\w)(?:trước|thứ|chậm|hạn)(?!\w))[^\d,]{2,40},\s*ngày\s+\d", re.IGNORECASE)
_NATIONAL = MOTTO
_DOC_TYPE = re.compile(r"^(THÔNG BÁO|KẾ HOẠCH|CÔNG VĂN|CHỈ THỊ|QUYẾT ĐỊNH|CÔNG ĐIỆN|BÁO CÁO|NGHỊ QUYẾT|"
                       r"THÔNG TƯ|TỜ TRÌNH|CHƯƠNG TRÌNH|HƯỚNG DẪN|KẾT LUẬN|BIÊN BẢN)\b")
# The subject line "V/v …" / "Về việc …"; "Về việc này, UBND tỉnh yêu cầu …" opens a body sentence.
_SUBJECT = re.compile(r"^(?:V/v|Về việc)\b(?!\s*(?:này|nêu trên|trên|đó|nói trên)\b|\s*,)", re.IGNORECASE)
_MEETING = re.compile(r"^(?:vào\s+|sáng\s+|chiều\s+|tối\s+)?ngày\s+\d", re.IGNORECASE)
_SPEAKER = re.compile(
    r"((?:Chủ tịch |Phó Chủ tịch |Bộ trưởng |Giám đốc )?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Bộ|Sở|HĐND)"
    r"(?: [^\s,.;:]+){1,4}?) (?:kết luận|đề nghị|yêu cầu|thông báo|chỉ đạo)\b")
_BODY_MARKER = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\)|-)\s")
# Where the issuer's column ends on a line that also holds the motto's or the number's column ("ỦY BAN
# NHÂN DÂN CỘNG HÒA XÃ HỘI …", "TỈNH TÂN LẬP Độc lập - Tự do …", a scan's unaccented "CONG HOA").
_BESIDE_ISSUER = re.compile(r"\s(?:C[ỘO]NG\s+H[ÒOÓ]A|CỘNG\s+HOÀ|CỘNG$|H[ÒO]A\s+XÃ\s+HỘI|ĐỘC\s+LẬP|Số\s*:).*$",
                            re.IGNORECASE)
# The short rule under an issuer's name ("-------"), or the number alone on its line under "Số:".
_RULE = re.compile(r"^(?:[-_=.*\s]*|\d+\s*/\S*)$")


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.85


def parse_header(lines: list[Line]) -> tuple[DocumentInfo, int]:
    """Header fields and the index of the first body paragraph."""
    info = DocumentInfo()
    head = lines[:HEADER_SPAN]
    last_header = -1
    issuer_parts: list[str] = []
    prose_seen = False
    for i, line in enumerate(head):
        text = line.text
        # A field set in a second column comes after the body's prose ("V/v …" beside "Nơi nhận"): it
        # is read, but the body does not start after it.
        at = i if not prose_seen else last_header
        if info.number is None and (m := _NUMBER.search(text)):
            info.number = m.group(1) or m.group(2)
            last_header = at
            # "BỘ CÔNG THƯƠNG Số: 77/BCT-TTTN": the issuer's column beside the number's
            if not issuer_parts and (issuer := _issuer_cells(text[:m.start()])):
                issuer_parts.append(issuer)
            # "Số: 88/SXD-KHTC Bình An, ngày 05 tháng 3 năm 2026": the date on the number's line
            rest = text[m.end():].strip(" |")
            if info.issued is None and _PLACE_DATE.match(rest):
                info.issued = parse_full_date(rest)
            continue
        if info.issued is None and _PLACE_DATE.match(text):
            info.issued = parse_full_date(text)
            last_header = at
            continue
        if _NATIONAL.match(text):
            last_header = i
            continue
        if (doc_type := _DOC_TYPE.match(text)) and _is_caps(doc_type.group(1)) and len(text) < 80:
            info.title, end = _title_after(lines, i)
            last_header = end
            break
        if _SUBJECT.match(text):
            info.title = text
            last_header = at
            continue
        # The issuer block sits above the number and date; caps lines after them are titles, and
        # a caps line after the body's prose is a news page's byline ("MINH AN - PNN"), no header.
        if (issuer := _issuer_cells(text)) and len(text) < 80 and info.number is None and info.issued is None \
                and not prose_seen:
            issuer_parts.append(issuer)
            last_header = i
        elif _is_prose(text):
            prose_seen = True
    if issuer_parts:
        info.issuer = " ".join(issuer_parts)
    body_start = last_header + 1
    if info.issued is None:
        info.issued = _meeting_date(lines[body_start:body_start + 4])
    if info.issuer is None:
        info.issuer = _speaker(lines[body_start:body_start + 6])
    return info, body_start


def _issuer_cells(text: str) -> str | None:
    """The issuer's part of a header line in capitals: a .docx or PDF header table's cells ("BỘ Y TẾ |
    CỘNG HÒA …") or two columns flattened onto one line keep only the issuer's column; a line set in
    capitals that is all motto, number or rule gives nothing. "ỦY" alone (a name broken after its first
    word) counts."""
    cells = []
    for cell in text.split("|"):
        cell = _BESIDE_ISSUER.sub("", " " + cell.strip()).strip().rstrip("-_= ")
        if cell and not _RULE.match(cell) and not _NATIONAL.match(cell):
            cells.append(cell)
    issuer = " ".join(cells)
    return issuer if _is_caps(issuer) or (issuer.isupper() and re.fullmatch(r"[^\W\d_]{2,}", issuer)) else None


PROSE_CHARS = 200  # a line this long, not in capitals, is a paragraph of the body
SENTENCE_WORDS = 8  # … and so is a shorter one ending a sentence with this many words


def _is_prose(text: str) -> bool:
    if _is_caps(text):
        return False
    return len(text) >= PROSE_CHARS or (text.rstrip().endswith((".", "./.")) and len(text.split()) >= SENTENCE_WORDS)


def _title_after(lines: list[Line], i: int) -> tuple[str, int]:
    doc_type = _DOC_TYPE.match(lines[i].text)
    if doc_type is None:  # called for a line that names the document's type
        raise ValueError(lines[i].text)
    kind = doc_type.group(1)
    rest = lines[i].text[len(kind):].strip(" :-")
    if rest:
        return f"{kind.capitalize()} {rest}", i
    if i + 1 < len(lines):
        nxt = lines[i + 1].text
        # a sentence of the body right under the type ("QUYẾT ĐỊNH:" then "Giao Sở A … trước ngày …."): no title
        if len(nxt) < 300 and not _BODY_MARKER.match(nxt) and not nxt.endswith(":") and not _is_prose(nxt) and \
                not re.match(r"kính gửi", nxt, re.IGNORECASE):
            return _title_lines(lines, i + 1)
    return kind.capitalize(), i


TITLE_LINES = 4


def _title_lines(lines: list[Line], j: int) -> tuple[str, int]:
    """A title in capitals a pasted page broke over lines ("TRIỂN" / "KHAI THI HÀNH LUẬT …"), up to
    the authority's line or the body."""
    parts, end = [lines[j].text], j
    while _is_caps(lines[end].text) and end + 1 < len(lines) and end - j < TITLE_LINES - 1:
        nxt = lines[end + 1].text
        if not _is_caps(nxt) or len(nxt) > 200 or AUTHORITY.match(nxt) or _DOC_TYPE.match(nxt) or \
                _BODY_MARKER.match(nxt) or MOTTO.match(nxt):
            break
        parts.append(nxt)
        end += 1
    return " ".join(parts), end


def _meeting_date(lines: list[Line]):
    for line in lines:
        if _MEETING.match(line.text):
            found = parse_full_date(line.text if line.text.lower().startswith("ngày") else
                                    line.text[line.text.lower().index("ngày"):])
            if found:
                return found
    return None


def _speaker(lines: list[Line]) -> str | None:
    for line in lines:
        m = _SPEAKER.search(line.text)
        if m:
            return m.group(1)
    return None
