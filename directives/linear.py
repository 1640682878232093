"""Task tables read from a PDF in plain mode, one cell line per line:

    TT / Tên nhiệm vụ / Cơ quan / chủ trì / Cơ quan / phối hợp / Thời gian / hoàn thành
    1 / Rà soát, thể chế hóa các chủ trương, / định hướng … / Bộ NN&MT, / Bộ Quốc phòng / Các bộ, / …

Gazettes print annexes this way when their text is copied. The header is the run of short
lines after "TT"/"STT" (a capitalized line opens a column label, a lowercase one goes on with
it); a row opens with its number alone on a line, a group ("I") with a Roman numeral, a
merged row's parts with "-". In a row, the task's text runs until a line opening a unit's
name; the cells after it are told apart by capitals (a lowercase line, or a line after ",",
"và" or a head word, goes on with its cell), and the time cell anchors the columns after
the units. Rows come out as pipe rows for `table_to_paragraphs`.
"""
from __future__ import annotations

import re

from . import lexicon as lx
from .fields import names_only
from .names import CATCHALL, bare_subject_end, parse_unit
from .tables import NUMBER_HEAD, column_roles, is_task_table, rewrite_tables
from .text import UPPER, PhraseIndex, tokenize

_ROW = re.compile(r"^\d{1,3}[.)]?$")
_GROUP = re.compile(r"^[IVXLC]{1,5}[.)]?$")
_PART = re.compile(r"^[-–+•]$")
_LETTER = re.compile(r"^[a-zđ][.)]$")  # "a)" over a lettered row of its own under a numbered group
_END = re.compile(r"^(?:Điều\s+\d|Nơi nhận|KT\.|TM\.|Phụ lục\b|PHỤ LỤC\b)")
_FURNITURE = re.compile(r"^(?:CÔNG BÁO\s*/\s*Số\s+\d+|(?:Ký bởi|Cơ quan|Ngày ký|Thời gian ký|Email)\s*:)")
_CELL_GAP = re.compile(r"\s{2,}")
_FOOTNOTE = re.compile(r"^\d{1,2}\s+[" + UPPER + r"]\S*\s+\S+.{40,}")
# A time cell's opening; "Quí" is the older spelling of "Quý", "Sau khi …" a time set by an event.
_TIME = re.compile(r"^(?:năm|quý|quí|tháng|thường xuyên|hằng|hàng|trước|trong|giai đoạn|từ|đến|định kỳ|chậm nhất|"
                   r"(?:cuối|đầu) (?:năm|quý|quí|tháng)|sau khi|\d{4}\b|\d{1,2}\s*/\s*\d{4})", re.IGNORECASE)
_HEADS = PhraseIndex(lx.NAMED_HEADS, lx.LEVEL_HEADS, lx.PERSON_HEADS)
_KNOWN = PhraseIndex(lx.KNOWN_BODIES)
_ROLES = PhraseIndex(lx.ROLE_UNITS)  # "Cơ sở khám bệnh, chữa bệnh", "Chủ đầu tư": units named by their kind
_JOINERS = (",", "và", "&", "-", "–", "/", "của", "các", "ở")
# A cell's line ending with one of these waits for its object ("Ủy ban nhân dân cấp tỉnh trình" /
# "Hội đồng nhân dân cùng cấp").
_OBJECT_WORDS = ("với", "cho", "tại", "về", "trình", "theo")
PAGE = "\f"  # where a row goes on over a page break: the cell above may be complete there
MAX_HEADER_LINES = 20
MAX_TIME_WORDS = 12
AHEAD_WORDS = 6  # "Cơ sở khám" / "bệnh," / "chữa" / "bệnh": enough words to tell a unit's name
MAX_HEADER_WORDS = 6


def linear_tables(text: str) -> str:
    """Text with each one-cell-per-line task table, and each task written as a record of labelled
    fields, as pipe rows."""
    text = _header_row_over_lines(field_records(text))
    if not re.search(r"(?m)^\s*S?TT\s*$", text):
        return text
    lines = [ln.strip() for ln in text.split("\n")]
    return rewrite_tables(lines, lambda lines, i: _table_at(lines, i) if NUMBER_HEAD.match(lines[i]) else None)


_PIPE_ROW = re.compile(r"^\|(.*)\|\s*$")
_SEPARATOR = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")


def _header_row_over_lines(text: str) -> str:
    """"| TT | Nội dung | Cơ quan chủ trì | …" and its "| --- |" line over cells written one a line (a
    converter kept the header a table and let the body run out): the header's labels a line each, as
    the reader of such tables expects them."""
    if "| ---" not in text and "|---" not in text:
        return text
    lines = text.split("\n")
    for i in range(len(lines) - 2):
        header = _PIPE_ROW.match(lines[i].strip())
        if header is None or not _SEPARATOR.match(lines[i + 1].strip()) or _PIPE_ROW.match(lines[i + 2].strip()):
            continue
        labels = [cell.strip() for cell in header.group(1).split("|")]
        if not labels or not NUMBER_HEAD.match(labels[0]) or not is_task_table(labels):
            continue
        lines[i:i + 2] = ["\n".join(labels)]
    return "\n".join(lines)


def _header(lines: list[str], i: int) -> tuple[list[str], list[str], int] | None:
    """(labels, the header's lines, index after the header) of a header starting at line i."""
    labels: list[str] = [lines[i]]
    raw = [" ".join(lines[i].split())]
    j = i + 1
    while j < len(lines) and j < i + MAX_HEADER_LINES:
        line = lines[j]
        if not line:
            j += 1
            continue
        if _ROW.match(line) or _GROUP.match(line) or len(line.split()) > MAX_HEADER_WORDS:
            break
        if line[0].isupper():
            labels.append(line)
        else:
            labels[-1] += " " + line
        raw.append(" ".join(line.split()))
        j += 1
    labels = [" ".join(label.split()) for label in labels]
    if len(labels) < 3 or not is_task_table(labels):
        return None
    return labels, raw, j


def _table_at(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    header = _header(lines, i)
    if header is None:
        return None
    labels, raw_header, j = header
    roles = column_roles(labels)
    rows: list[list[str]] = [labels]
    current: list[str] | None = None  # the lines of the row being read
    kind = "row"
    previous: list[str] | None = None  # the cells of the last part of a merged row
    after_furniture = False
    pending: list[str] = []
    while pending or j < len(lines):
        if not pending:
            if _END.match(lines[j]):
                break
            # "7  Đề án về chỉ số …", "cơ quan ngang bộ  Bộ Tư pháp": cells the copy put on one line.
            pending = [p for p in _CELL_GAP.split(lines[j]) if p] if not _FOOTNOTE.match(lines[j]) else []
            j += 1
            continue
        line = pending.pop(0)
        if _FURNITURE.match(line):
            after_furniture = line.startswith("CÔNG BÁO")
            continue
        if after_furniture and _ROW.match(line):
            after_furniture = False
            continue  # the gazette's page number under its running head
        after_furniture = False
        if NUMBER_HEAD.match(line) and not pending and \
                [" ".join(x.split()) for x in lines[j:j + len(raw_header) - 1]] == raw_header[1:]:
            j += len(raw_header) - 1  # the header again on a new page
            if current is not None:
                current.append(PAGE)
            continue
        if _ROW.match(line) or _GROUP.match(line) or _PART.match(line) or _LETTER.match(line) and current is not None:
            previous = _flush(rows, current, kind, labels, roles, previous)
            kind = "group" if _GROUP.match(line) else "part" if _PART.match(line) else "row"
            current = [line]
            continue
        if current is not None:
            current.append(line)
    _flush(rows, current, kind, labels, roles, previous)
    return (rows, j) if len(rows) > 1 else None


def _flush(rows: list[list[str]], current: list[str] | None, kind: str, labels: list[str],
           roles: dict[str, int], previous: list[str] | None) -> list[str] | None:
    """Write the row just read; return the cells a following merged part may take over."""
    if not current:
        return previous
    number, body = current[0], current[1:]
    if kind == "group":
        rows.append([number.rstrip(".)") + ". " + " ".join(line for line in body if line != PAGE)])
        return None
    cells, *more = _row_cells(body, labels, roles)
    if kind == "part" and previous is not None:
        # A merged row's part: what it leaves empty is the merged cell above it.
        cells = [c or p for c, p in zip(cells, previous, strict=True)]
    if kind == "row" and not cells[roles["lead"]]:
        # "Hoàn thiện hệ thống tiêu chuẩn …" over "-" parts: the row heads its parts.
        return cells
    cells[roles.get("number", 0)] = "" if kind == "part" else number
    rows.append(cells)
    for extra in more:  # the row's second result with its own time: one more task, same work
        rows.append([c or ("" if k == roles.get("number", 0) else p)
                     for k, (c, p) in enumerate(zip(extra, cells, strict=True))])
    return cells


def _row_cells(body: list[str], labels: list[str], roles: dict[str, int]) -> list[list[str]]:
    """The row's cells, then the cells of each further result it gives a time of its own."""
    cells = [""] * len(labels)
    content_end = next((k for k in range(1, len(body))
                        if body[k] != PAGE and _opens_unit(_ahead(body, k), body[k - 1])), len(body))
    content = " ".join(line for line in body[:content_end] if line != PAGE)
    pieces, more = _over_pages(_pieces(body[content_end:]))
    if "content" in roles:
        cells[roles["content"]] = " ".join([content, *more])
    return _unit_cells(cells, [p for p in pieces if p], labels, roles)


def _over_pages(marked: list[str]) -> tuple[list[str], list[str]]:
    """The cells after the task's text, with what a page break cut put back where it goes; and
    the task's text that goes on after the time cell."""
    pieces: list[str] = []
    more: list[str] = []
    for piece in marked:
        if not piece.startswith(PAGE):
            pieces.append(piece)
            continue
        piece = piece[1:]
        home = next((k for k in range(len(pieces) - 1, -1, -1) if _completes(pieces[k], piece)), None)
        if home is not None:
            # "Đài Tiếng nói" / page break, time and other cells / "Việt Nam và các bộ, ngành": the
            # page goes on with the name a cell above left unfinished.
            pieces[home] += " " + piece
        elif pieces and not piece[:1].isupper():
            # "… máy bay không người lái" / page break / "(UAV), mô hình …": a cell going on over the
            # page; after the time cell, which is whole, it can only be the task's text.
            if _is_time(pieces[-1]):
                more.append(piece)
            else:
                pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return pieces, more


def _unit_cells(cells: list[str], pieces: list[str], labels: list[str], roles: dict[str, int]) -> list[list[str]]:
    if not pieces:
        return [cells]
    after = [k for k in sorted(roles.values()) if k > roles["lead"]]
    cells[roles["lead"]] = pieces[0]
    rest = pieces[1:]
    deadline = roles.get("deadline")
    timed = next((k for k, p in enumerate(rest) if _is_time(p)), None)
    if deadline is None or timed is None:
        columns = [k for k in range(roles["lead"] + 1, len(labels)) if k != deadline]
        _fill(cells, columns, rest, roles)
        return [cells]
    following = len(labels) - deadline - 1
    start = _next_result(rest, timed, following)
    tail = rest[start:] if start is not None else []
    rest = rest[:start] if start is not None else rest
    _fill(cells, [k for k in after if k < deadline], rest[:timed], roles)
    cells[deadline] = rest[timed]
    _fill(cells, list(range(deadline + 1, len(labels))), rest[timed + 1:], roles)
    if not tail:
        return [cells]
    # The lead's cell merged over both results, or printed again with them.
    again = tail if _opens_unit(tail[0], "") else [cells[roles["lead"]], *tail]
    blank = [""] * len(labels)
    if "content" in roles:
        blank[roles["content"]] = cells[roles["content"]]
    return [cells, *_unit_cells(blank, again, labels, roles)]


def _is_time(piece: str) -> bool:
    """A time cell ("Tháng 5/2026", "2026 và hằng năm"), not a result opening with its year
    ("2026 được tổ chức thành công")."""
    return bool(_TIME.match(piece)) and not re.search(r"(?<!\w)(?:được|đã|sẽ)(?!\w)", piece) and \
        len(piece.split()) <= MAX_TIME_WORDS


def _next_result(rest: list[str], timed: int, following: int) -> int | None:
    """Where a row's second result starts: a later cell giving a time ("Tháng 11/2026", "2027 -
    2030"), after the cells of the first result; the second result opens with its lead printed
    again, or with its own result text."""
    later = next((k for k in range(timed + 1, len(rest)) if _is_time(rest[k]) and
                  re.search(r"\d|thường xuyên|hằng|hàng", rest[k], re.IGNORECASE)), None)
    if later is None:
        return None
    lead = next((k for k in range(timed + 1, later) if _opens_unit(rest[k], rest[k - 1])), None)
    if lead is not None:
        return lead
    start = timed + 1 + following
    return start if start < later else None


def _ahead(body: list[str], k: int) -> str:
    """Line k with the lines after it, up to four words: a narrow column prints "Các" / "bộ" / "ở"
    / "Trung ương," one word a line, and only the words together open a unit's name."""
    text = body[k]
    for line in body[k + 1:]:
        if len(text.split()) >= AHEAD_WORDS or not (line[:1].islower() or _awaits_name(text) and line[:1].isupper()):
            break
        text += " " + line
    return text


def _awaits_name(text: str) -> bool:
    """"Ban Chỉ đạo" / "Phòng thủ dân" / "sự quốc gia": a head word, and no name yet; a kind in
    lower case ("…, tổ chức chính trị - xã hội") is whole."""
    tokens = tokenize(text)
    return bool(tokens) and tokens[-1].is_word and tokens[0].is_capitalized and bool(_HEADS.match(tokens, 0)) and \
        parse_unit(tokens, 0) is None


def _fill(cells: list[str], columns: list[int], pieces: list[str], roles: dict[str, int]) -> None:
    """Pieces into columns in order; the partners' column only takes a piece that names units."""
    queue = list(pieces)
    for column in columns:
        if not queue:
            return
        if column == roles.get("coordinators") and not (_opens_unit(queue[0], "") or _names_others(queue[0])):
            continue
        cells[column] = queue.pop(0)


def _names_others(piece: str) -> bool:
    """A partners' cell naming only "the others concerned" ("Cơ quan, địa phương liên quan", "Đơn
    vị có liên quan"): a catch-all the whole cell is, not the start of a unit's name."""
    tokens = tokenize(piece.rstrip(" .;"))
    parsed = parse_unit(tokens, 0) if tokens and tokens[0].is_capitalized else None
    return parsed is not None and parsed[0] == CATCHALL and parsed[1] == len(tokens)


def _pieces(lines: list[str]) -> list[str]:
    """Cells from the lines after a task's text: a capital opens a cell unless the line before
    asks for more ("Bộ Khoa học và" / "Công nghệ", "Bộ Công" / "Thương")."""
    pieces: list[str] = []
    page = False
    for line in lines:
        if line == PAGE:
            page = True  # the next line opens a piece of its own, marked
            continue
        if pieces and not page and _goes_on(pieces[-1], line):
            pieces[-1] += " " + line
        else:
            pieces.append((PAGE if page else "") + line)
        page = False
    return [(PAGE if p.startswith(PAGE) else "") + " ".join(p.split()) for p in pieces]


def _goes_on(cell: str, line: str) -> bool:
    if line[0].isdigit() or re.match(r"[IVX]{1,4}\s*/\s*\d", line):  # "Trong quý" / "IV/2027"
        return bool(_TIME.match(cell)) and bool(re.search(r"(?:tháng|quý|năm|ngày|đoạn)$", cell, re.IGNORECASE))
    if not line[0].isupper():
        return True
    if _awaits_name(_last_name(cell)):
        return not _TIME.match(line)
    tokens = tokenize(cell)
    last = tokens[-1].low if tokens else ""
    # "Bộ Tài chính, Bộ" / "Tư pháp": a head word closing a cell, alone after its comma, waits for its name.
    # "Các Bộ:" / "NN&MT," / "Xây dựng,": a colon announces the names that follow it.
    if last in (*_JOINERS, *_OBJECT_WORDS, ":") or (tokens and _HEADS.match(tokens, len(tokens) - 1) == 1 and tokens[-1].is_capitalized
                            and len(tokens) > 1 and (tokens[-2].low not in _JOINERS or tokens[-2].text == ",")):
        return not _TIME.match(line)
    return _completes(cell, line)


def _completes(cell: str, line: str) -> bool:
    """"Bộ NN&MT, Bộ Công" / "Thương, các địa": the line completes the cell's last name."""
    tokens = tokenize(cell)
    both = tokenize(cell + " " + line)
    start = _name_start(tokens)
    n = _KNOWN.match(both, start)
    return bool(n) and start + n > len(tokens)


def _last_name(cell: str) -> str:
    return cell.rsplit(",", 1)[-1].strip()


def _name_start(tokens) -> int:
    """Where the last unit name of a cell begins (after its last comma)."""
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    return commas[-1] + 1 if commas else 0


def _opens_unit(line: str, before: str) -> bool:
    """A line that opens a unit's name ("Bộ NN&MT,", "Các bộ,", "UBND các") after a line that
    does not ask for more words."""
    tokens = tokenize(line)
    if not tokens or not tokens[0].is_capitalized:
        return False
    previous = tokenize(before)
    if previous and previous[-1].low in (*_JOINERS, *_OBJECT_WORDS):
        return False
    if tokens[0].low in ("các", "những") and len(tokens) > 1:
        return parse_unit(tokens, 0) is not None or bool(_HEADS.match(tokens, 1)) or tokens[1].low in (
            "bộ", "sở", "cơ", "đơn", "tỉnh", "địa", "cấp", "ngành")
    return bool(_HEADS.match(tokens, 0)) and parse_unit(tokens, 0) is not None or \
        tokens[0].low in ("ubnd", "hđnd") or bool(_KNOWN.match(tokens, 0)) or bool(_ROLES.match(tokens, 0)) or \
        _opens_kinds(tokens)


def _opens_kinds(tokens) -> bool:
    """"Cơ quan, địa phương liên quan", "Sở, ban, ngành, tổ chức …": the kinds concerned, capitalized
    at the head of their cell, name the units as a heading of a unit's name would."""
    parsed = parse_unit(tokens, 0)
    return parsed is not None and parsed[0] == CATCHALL or bool(bare_subject_end(tokens, 0))


# "2. Cơ quan chủ trì: Bộ Tư pháp.": a field of a task set out as a record, its label a column's.
_FIELD = re.compile(r"^(?:(?:\d{1,2}|[a-zđ])[.)]\s*|[-–+•]\s*)?([" + UPPER + r"][^:|.;]{1,40}?)\s*:\s*(.*)$")
_ITEM = re.compile(r"^(?:[IVXLC]+|\d{1,2}|[a-zđ])[.)]\s|^[-–+•]\s|^(?:Điều|Chương|Phần)\s+\d")
MIN_FIELDS = 3
MAX_LABEL_WORDS = 6


def field_records(text: str) -> str:
    """A task written as fields ("1. Tên nhiệm vụ: …" / "2. Cơ quan chủ trì: …" / "3. Cơ quan phối
    hợp: …" / "4. Thời gian hoàn thành: …") as a table of one row: header of labels, row of values."""
    if text.count(":") < MIN_FIELDS:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        fields, end = _record_at(lines, i)
        if fields is None:
            out.append(lines[i])
            i += 1
            continue
        title = _title_before(out, fields)
        if title is not None:
            # "6. Xây dựng Cổng thông tin …" over "- Nội dung: …", "- Cơ quan thực hiện: …": the item's
            # title names the task, its "Nội dung" field tells what the work holds.
            start, name = title
            del out[start:]
            content = column_roles([label for label, _ in fields])["content"]
            fields[content] = (fields[content][0], name)
        out.extend(["", "| " + " | ".join(label for label, _ in fields) + " |",
                    "| " + " | ".join(value.replace("|", "/").rstrip(" .;") for _, value in fields) + " |", ""])
        i = end
    return "\n".join(out)


MAX_TITLE_LINES = 4


def _title_before(out: list[str], fields: list[tuple[str, str]]) -> tuple[int, str] | None:
    """(where it starts in out, its text) of the numbered or bulleted title right above a record
    whose content is a "Nội dung" field, wrapped over a few lines."""
    content = column_roles([label for label, _ in fields]).get("content")
    if content is None or not fields[content][0].casefold().startswith("nội dung"):
        return None
    for start in range(len(out) - 1, max(-1, len(out) - 1 - MAX_TITLE_LINES), -1):
        line = out[start].strip()
        if not line or _field_at(line) is not None or line.endswith(":") or line.startswith("|"):
            return None
        if _ITEM.match(line) and not line.startswith(("Điều", "Chương", "Phần")):
            text = " ".join(" ".join(ln.split()) for ln in out[start:])
            return start, _ITEM_MARK.sub("", text).rstrip(" .;")
    return None


_ITEM_MARK = re.compile(r"^(?:(?:[IVXLC]+|\d{1,2}|[a-zđ])[.)]|[-–+•])\s*")


def _field_at(line: str) -> tuple[str, str] | None:
    if _FURNITURE.match(line.strip()):
        return None
    m = _FIELD.match(line.strip())
    if not m or len(m.group(1).split()) > MAX_LABEL_WORDS:
        return None
    return " ".join(m.group(1).split()), m.group(2).strip()


def _record_at(lines: list[str], i: int) -> tuple[list[tuple[str, str]] | None, int]:
    """The fields of a record starting at line i (each value with the lines it wraps onto) and the
    line after them, when the labels name at least a task and its lead."""
    fields: list[tuple[str, str]] = []
    j = i
    while j < len(lines):
        field = _field_at(lines[j])
        if field is not None and (column_roles([field[0]]) or fields):
            fields.append(field)
        elif fields and lines[j].strip() and not _FURNITURE.match(lines[j].strip()) and \
                not _ITEM.match(lines[j].strip()) and \
                (not re.search(r"[.;]$", fields[-1][1]) or lines[j].strip()[:1].islower()):
            fields[-1] = (fields[-1][0], (fields[-1][1] + " " + lines[j].strip()).strip())
        else:
            break
        j += 1
    labels = [label for label, _ in fields]
    roles = column_roles(labels)
    if len(fields) < MIN_FIELDS or "lead" not in roles or "content" not in roles or not column_roles(labels[:1]):
        return None, i
    if not names_only(fields[roles["lead"]][1]):
        return None, i  # the lead's field is a sentence naming who does what: read as written
    return fields, j
