"""Task tables ("Phụ lục: Danh mục nhiệm vụ": STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian hoàn thành | Sản phẩm) -> one assignment sentence per row.

A table reaches us in three shapes: .docx tables (rows of cells, merged cells repeated),
pipe tables in markdown, and plain text where columns are kept apart by tabs or by runs of
spaces — pasted from a spreadsheet, or a PDF page read in layout mode, where a cell's text
wraps over several lines. `text_tables` turns the last shape into pipe rows; every shape
ends in `table_to_paragraphs`, which writes "Giao X chủ trì, phối hợp với Y thực hiện: …
Thời hạn: … Sản phẩm: …" so that the text pipeline reads a row like any other assignment.
A row spanning the table ("I. Lĩnh vực kinh tế") becomes a heading and carries no task.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import lexicon as lx
from .names import (
    CATCHALL,
    GENERIC_KINDS,
    GROUP,
    NAMED,
    UnitRef,
    bare_subject_end,
    is_predicate_at,
    parse_unit,
    parse_unit_list,
)
from .text import UPPER, PhraseIndex, Token, low_at, tokenize

# The label of a table's number column, as every table reader (cells, bars, one cell a line) meets it.
NUMBER_HEAD = re.compile(r"^(?:STT|TT|Số TT|Số thứ tự|Bước)$", re.IGNORECASE)
_COLUMN_RULES = (  # checked in order: "Thời gian thực hiện" is a time, "Cơ quan phối hợp thực hiện" a partner
    ("number", NUMBER_HEAD),
    ("mixed", re.compile(r"chủ trì.*phối hợp")),  # "Cơ quan chủ trì, phối hợp": both in one column
    ("deadline", re.compile(r"thời hạn|thời gian|hạn hoàn thành|tiến độ|hoàn thành|thời điểm")),
    ("coordinators", re.compile(r"phối hợp|^(?:đơn vị|cơ quan|bộ phận) (?:cùng )?tham gia\b")),  # "Đơn vị tham gia": the partners
    ("lead", re.compile(r"chủ trì|(?:đơn vị|cơ quan|bộ phận|người) (?:thực hiện|tham mưu)|^thực hiện$|được giao|phụ trách|đầu mối|"
                        r"^(?:đơn vị|cơ quan)$|^trách nhiệm(?: thực hiện)?$|chịu trách nhiệm|^phân công(?: thực hiện)?$")),
    ("output", re.compile(r"sản phẩm|kết quả đầu ra|hình thức")),
    ("group", re.compile(r"^(?:thuộc\s+)?nhóm\b")),  # "Thuộc nhóm nhiệm vụ" heads the rows' own "Nội dung nhiệm vụ"
    # what an allocation gives each unit ("Đơn vị | Số lượng"): its content when the table has no other
    ("quantity", re.compile(r"^(?:số lượng|số người|định mức|kinh phí|chỉ tiêu giao|số chỉ tiêu)")),
    ("content", re.compile(r"nội dung|nhiệm vụ|công việc|tên|hoạt động|chỉ tiêu|trình tự|các bước|diễn giải|mô tả|đề xuất|"
                           r"^danh (?:sách|mục)")),  # "Danh sách các văn bản sửa đổi | Cơ quan chủ trì soạn thảo"
)
_EMPTY = ("", "-", "—", "–", "x")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$|^\([A-Z]\)$")
MAX_LABEL_WORDS = 5  # a header's label is short; a longer cell is a row's text
_ROMAN_ROW = re.compile(r"^(?:[IVXLC]+|[A-Z])[.)]?$")
_ROW_NUMBER = re.compile(r"^(?:(?P<digits>\d{1,3}(?:\.\d{1,2})*)|[IVXLC]{1,5}|[a-zđ])[.)]?$")


def is_row_number(text: str, *, outline: bool = False) -> bool:
    """"1", "2.", "1.2", "3)": the number a table row opens with; with `outline`, also a group's
    Roman numeral ("II", "III.") or a part's letter ("a)", "b")."""
    found = _ROW_NUMBER.match(text)
    return found is not None and (outline or found.group("digits") is not None)


def column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = _label(cell)
        for role, pattern in _COLUMN_RULES:
            if role not in roles and pattern.search(label):
                roles[role] = index
                break
    specific = next((k for k, cell in enumerate(header) if _SPECIFIC.search(" ".join(cell.casefold().split()))), None)
    if "content" in roles and specific is not None and specific not in roles.values():
        # "Nội dung hành động | Hành động cụ thể": the task is the specific action; the aim it serves heads it
        roles["content"] = specific
    if "lead" in roles and _BARE_UNIT.match(_label(header[roles["lead"]])):
        # "Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi": a bare "Đơn vị" beside a column that says
        # who leads is the indicator's unit of measure
        named = next((k for k, cell in enumerate(header) if k not in roles.values() and "chủ trì" in _label(cell)), None)
        if named is not None:
            roles["lead"] = named
    if "mixed" in roles and "lead" not in roles:
        roles["lead"] = roles["mixed"]
    if "lead" in roles and _PERSON_IN_CHARGE.search(header[roles["lead"]].casefold()):
        # "Người đứng đầu chịu trách nhiệm | Cơ quan chủ trì": the body leads; its head answers for it
        body = next((k for k, cell in enumerate(header) if k > roles["lead"] and k != roles.get("coordinators")
                     and _BODY_LEADS.search(cell.casefold())), None)
        if body is not None:
            roles["lead"] = body
    return roles


def _label(cell: str) -> str:
    return " ".join(cell.casefold().split()).strip(" .:*")


_BARE_UNIT = re.compile(r"^(?:đơn vị|cơ quan)$")
_SPECIFIC = re.compile(r"^(?:hành động|nhiệm vụ|nội dung|hoạt động|công việc|giải pháp) cụ thể$")
_PERSON_IN_CHARGE = re.compile(r"^\W*(?:người|lãnh đạo|cá nhân)")
_BODY_LEADS = re.compile(r"^\W*(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện)")


def is_task_table(header: list[str]) -> bool:
    roles = column_roles(header)
    return "lead" in roles and ("content" in roles or "quantity" in roles)


def table_to_paragraphs(rows: list[list[str]]) -> list[str]:
    """Paragraphs for a table: assignment rows become sentences, other tables cell by cell."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return []
    if len(rows) > 1 and _sub_header(rows[0], rows[1]):
        # "Cơ quan thực hiện" over "Chủ trì | Phối hợp": the header's two rows make one
        rows = [_joined_header(rows[0], rows[1]), *rows[2:]]
    if any(_NAME_COLUMN.match(" ".join(cell.casefold().split())) for cell in rows[0]):
        # "TT | Họ tên | Đơn vị | Nhiệm vụ": who sits on a board and the post each holds in it, no work
        return []
    roles = column_roles(rows[0])
    quantity = "content" not in roles and "quantity" in roles
    if quantity:
        # "STT | Đơn vị | Số lượng" under "Phân bổ … như sau:": each unit's share is its task
        roles["content"] = roles["quantity"]
    # (cells only put back an empty number or drop an empty last cell: a table read cell by cell is the same)
    rows = [rows[0], *_numbers_restored(rows[0], rows[1:], roles)]
    if "lead" not in roles or "content" not in roles:
        return [cell for row in rows for cell in row if cell.strip()]
    out: list[str] = []
    above: list[str] = []
    for row in _groups_spread(rows[1:], roles):
        if all(_COLUMN_NUMBER.match(c.strip()) for c in row if c.strip()):
            continue  # "| (1) | (2) | (3) |": the columns numbered under the header, no task
        row = _merged_lead(_merged_content(row, above, roles), above, roles)
        above = row
        if quantity and _cell(row, roles, "content"):
            row = list(row)
            row[roles["content"]] = f"{rows[0][roles['content']].strip()}: {row[roles['content']].strip()}"
        sentence = _row_sentence(row, roles)
        if sentence:
            out.append(sentence)
    return out


_NAME_COLUMN = re.compile(r"^\W*họ\s*(?:và|,)?\s*tên\b")


# "Theo thời hạn cụ thể sau đây:": a group's cell pointing to its rows, which hold the value
_POINTS_BELOW = re.compile(r"(?:sau\s+đây|dưới\s+đây|như\s+sau)\s*:?\s*$|:\s*$", re.IGNORECASE)


def _groups_spread(rows: list[list[str]], roles: dict[str, int]) -> list[list[str]]:
    """A group row without a number over numbered rows ("|  | 1 | Làm sạch dữ liệu … |  | Sở A | … |
    30/8/2026 |" over "| 1 | a) | Dữ liệu quy hoạch | Sở B |  |  |  |"): its lead, partners and time
    are cells merged over the rows below, which a text export left empty in each of them. The rows below
    are the tasks; the group row, or one whose time points to them ("Theo thời hạn cụ thể sau đây:"), is
    none. A row without a number that names its lead is a task of its own (its number cell merged above)."""
    if "number" not in roles:
        return rows
    rows = [list(r) for r in rows]
    for i, group in enumerate(rows[:-1]):
        if _cell(group, roles, "number") or not _cell(group, roles, "content"):
            continue
        points_below = any(_POINTS_BELOW.search(_cell(group, roles, role)) for role in ("deadline", "output"))
        if _cell(group, roles, "lead") and not points_below:
            continue  # the second row of a task whose number cell is merged with the row above
        run = list(itertools.takewhile(lambda r: is_row_number(_cell(r, roles, "number")), rows[i + 1:]))
        if len(run) < 2:
            continue
        spread = False
        for role in ("lead", "coordinators", "deadline"):
            value, at = _cell(group, roles, role), roles.get(role)
            if at is None or not value or _POINTS_BELOW.search(value) or any(_cell(r, roles, role) for r in run):
                continue  # a cell merged over the rows is empty in every one of them
            spread = True
            for row in run:
                row.extend([""] * (at + 1 - len(row)))
                row[at] = group[at]
        if spread or points_below:
            rows[i] = [""] * len(group)  # its words stand over the rows, which say the work themselves
    return rows


def _numbers_restored(header: list[str], rows: list[list[str]], roles: dict[str, int]) -> list[list[str]]:
    """Rows a copy gave without their number cell ("Đoàn khoa A | 100" under "STT | Đơn vị | Số lượng"):
    an empty number put back, so each cell stands under its label."""
    # (a copy may also close each row with an empty cell of its own: "| Luật A | Chính phủ | … | |")
    rows = [r[:-1] if len(r) == len(header) and not r[-1].strip() else r for r in rows]
    if roles.get("number") != 0 or not rows or any(len(r) != len(header) - 1 or is_row_number(r[0].strip())
                                                   for r in rows):
        return rows
    return [["", *r] for r in rows]


def _merged_content(row: list[str], above: list[str], roles: dict[str, int]) -> list[str]:
    """A row without number or content of its own but with a lead ("|  |  | Kế hoạch tự kiểm tra … |
    Các cơ quan, đơn vị …"): a second lead of the task above, whose merged cells a text export left
    empty; it takes the number and the content of the row above."""
    content, number = roles["content"], roles.get("number")
    if not above or _cell(row, roles, "content") or not _cell(row, roles, "lead") or \
            (number is not None and _cell(row, roles, "number")) or not _cell(above, roles, "content"):
        return row
    row = list(row) + [""] * (len(above) - len(row))
    row[content] = above[content]
    if number is not None:
        row[number] = above[number]
    return row


def _merged_lead(row: list[str], above: list[str], roles: dict[str, int]) -> list[str]:
    """A row without number or lead but with content of its own and a deadline or partners ("|  | Ban
    hành quy chế … | Sở Ya | Quý IV/2026"): another task of the lead above, whose merged cell a text
    export left empty. Content going on in lower case is the row above split by a page, and content
    ending in a colon opens the rows below it: neither is a task."""
    lead, number = roles["lead"], roles.get("number")
    content = _cell(row, roles, "content")
    if not above or not content or content[0].islower() or content.endswith(":") or _cell(row, roles, "lead") or \
            (number is not None and _cell(row, roles, "number")) or not _cell(above, roles, "lead") or \
            not (_cell(row, roles, "deadline") or _cell(row, roles, "coordinators")):
        return row
    row = list(row) + [""] * (len(above) - len(row))
    row[lead] = above[lead]
    partners = roles.get("coordinators")
    if partners is not None and partners < roles["content"] and not _cell(row, roles, "coordinators"):
        row[partners] = above[partners]  # the partners' cell, left of the content, was merged with the lead's
    return row


def _sub_header(header: list[str], row: list[str]) -> bool:
    """A header's second row: labels under merged cells ("Chủ trì", "Phối hợp"), every other cell
    empty, the merged cell above repeated or another short label of its own ("Theo NQ 01", "Chính
    phủ" under "Cấp trình"), no row number, and a role it gives that the first row lacks."""
    labels = [c.strip() for k, c in enumerate(row) if c.strip() and (k >= len(header) or c.strip() != header[k].strip())]
    if not labels or any(len(label.split()) > MAX_LABEL_WORDS for label in labels) or \
            not any(column_roles([label]) for label in labels):
        return False
    number = column_roles(header).get("number")
    if number is not None and number < len(row) and is_row_number(row[number].strip(), outline=True):
        return False
    return bool(set(column_roles(_joined_header(header, row))) - set(column_roles(header)))


def spread_header(header: list[str], labels: list[str]) -> list[str] | None:
    """The header with its lead's cell spread over the labels of a second row that a page gives
    only its own cells ("Cơ quan thực hiện" over "Chủ trì", "Phối hợp"), or None when the second
    row holds no such labels."""
    roles = column_roles(header)
    if "lead" not in roles or not labels or \
            any(not column_roles([label]) or len(label.split()) > MAX_LABEL_WORDS for label in labels):
        return None
    at = roles["lead"]
    wide = header[:at] + [f"{header[at]} {label}" for label in labels] + header[at + 1:]
    return wide if set(column_roles(wide)) - set(roles) else None


def _joined_header(header: list[str], row: list[str]) -> list[str]:
    cells = []
    for k in range(max(len(header), len(row))):
        top = header[k].strip() if k < len(header) else ""
        below = row[k].strip() if k < len(row) else ""
        cells.append(top if below in ("", top) else f"{top} {below}".strip())
    return cells


_MIXED_FIELDS = re.compile(r"^chủ trì\s*:\s*(?P<lead>.+?)(?:[;.,]?\s*phối hợp\s*:\s*(?P<partners>.*))?$", re.IGNORECASE)
_LEAD_MARK = re.compile(r"\s*(?:\(\s*chủ trì\s*\)|(?<!\w)chủ trì(?!\w))\s*[,;.:]?\s*", re.IGNORECASE)
_PARTNERS_MARK = re.compile(r"\s*(?:\(\s*phối hợp\s*\)|(?<!\w)phối hợp)\s*$", re.IGNORECASE)


def _split_mixed(cell: str) -> tuple[str, str]:
    """(lead, partners) of a cell of a column "Cơ quan chủ trì, phối hợp": "Chủ trì: A; Phối hợp: B",
    "A (chủ trì); B, C", "A chủ trì, B phối hợp"; a cell that marks neither names the lead."""
    m = _MIXED_FIELDS.match(cell)
    if m:
        return m.group("lead").strip(" ;,."), (m.group("partners") or "").strip(" ;,.")
    m = _LEAD_MARK.search(cell)
    if m and m.start() > 0:
        return cell[:m.start()].strip(" ;,."), _PARTNERS_MARK.sub("", cell[m.end():]).strip(" ;,.")
    return cell, ""


def _cell(row: list[str], roles: dict[str, int], role: str) -> str:
    index = roles.get(role)
    if index is None or index >= len(row):
        return ""
    text = row[index]
    if role in ("lead", "coordinators"):
        text = _REMARK.sub(lambda m: "" if m["remark"][0].islower() else m[0],
                           ACTING_SCOPE.sub("", _LINE_OF_UNITS.sub(", ", text)))
    value = " ".join(text.split()).strip(" .;")
    return "" if value.casefold() in _EMPTY else value


# "Bộ X (chủ trì phần chính sách); UBND các tỉnh (mạng lưới địa phương)": which share each unit leads, no
# part of its name
_REMARK = re.compile(r"\s*\((?!\s*(?:chủ trì|phối hợp)\s*\))(?P<remark>[^()]{3,120})\)")  # ("(chủ trì)" marks the lead)
# "… trong phạm vi chức năng, nhiệm vụ của mình": the scope every unit acts in, no part of a name.
ACTING_SCOPE = re.compile(r"\s*,?\s*(?:trong phạm vi|theo) chức năng,? nhiệm vụ(?:,? quyền hạn)?(?: (?:của mình|được giao))?",
                          re.IGNORECASE)


_CELL_BULLET = re.compile(r"(?:^|\s)[-–+•]\s+")


def _bulleted(value: str) -> str:
    """"- Sở Tài chính - Sở Tư pháp": a cell listing its units as bullets, as a list ("Sở Tài chính; Sở
    Tư pháp"); a dash inside a name ("Phòng Văn hóa - Xã hội") opens no unit and stays."""
    if not _CELL_BULLET.match(value):
        return value
    pieces: list[str] = []
    for piece in _CELL_BULLET.split(value):
        if not piece.strip():
            continue
        if pieces and parse_unit(tokenize(piece), 0) is None:
            pieces[-1] += " - " + piece.strip()
        else:
            pieces.append(piece.strip(" ,;"))
    return "; ".join(pieces)


# "Sở Y tế" / "Sở Tài chính": units a cell of a .docx lists one a paragraph, each line a name; a line
# ending with a joiner ("Sở Khoa học và" / "Công nghệ") or going on in lower case is one name.
_LINE_OF_UNITS = re.compile(r"(?<![,;&/–-])(?<!\svà)(?<!\scủa)(?<!\scác)[ \t]*\n\s*(?=[" + UPPER + r"])")


# A lead's or partners' cell that points to another document's assignment instead of naming a unit.
_TOTAL_ROW = re.compile(r"^\W*(?:tổng cộng|tổng số|tổng|cộng)\W*$", re.IGNORECASE)
_REFERENCE_CELL = re.compile(r"^theo\s+(?:sự\s+)?(?:phân công|quy định|chức năng|kế hoạch|quyết định|phương án|"
                            r"văn bản|nghị quyết|thông báo|chỉ thị|danh mục|phụ lục)\b", re.IGNORECASE)


_REQUESTED = re.compile(r"(^|[;,]\s*)(?:đề nghị|kiến nghị)\s+(?=\S)", re.IGNORECASE)


def _row_sentence(row: list[str], roles: dict[str, int]) -> str:
    content, lead = _cell(row, roles, "content"), _cell(row, roles, "lead")
    if len({c.strip() for c in row if c.strip()}) == 1:
        # A row spanning the table ("I. Lĩnh vực kinh tế") is a heading.
        return next(c for c in row if c.strip()).strip()
    if _REFERENCE_CELL.match(lead) or _TOTAL_ROW.match(lead):
        # "Theo phân công tại Quyết định số …": the lead is named elsewhere; "Tổng cộng | 150": the sum of
        # the shares above; neither row gives a task
        return ""
    number = _cell(row, roles, "number")
    if not lead and _ROMAN_ROW.match(number) and content:
        return f"{number.rstrip('.)')}. {content}"  # "I | Lĩnh vực kinh tế" with the other cells empty
    if content and not lead and is_row_number(number) and not content.endswith((".", "!", "?", ":", ";")):
        # a numbered row naming no lead ends there: no reflow joins it to the next row's sentence
        return content + "."
    if not content or not lead:
        return content
    # "Đề nghị phối hợp với các Bộ, ngành liên quan": the cell says what its column already does
    coordinators = re.sub(r"^(?:đề nghị\s+)?phối hợp(?:\s+với)?\s+", "", _cell(row, roles, "coordinators"), flags=re.IGNORECASE)
    if _REFERENCE_CELL.match(coordinators):
        coordinators = ""
    if roles.get("mixed") == roles["lead"]:
        lead, coordinators = _split_mixed(lead)
    # "Bộ A; Đề nghị Viện B": a body the Government may only ask is asked in the cell; it leads all the same
    lead, coordinators = _REQUESTED.sub(r"\1", lead), _REQUESTED.sub(r"\1", coordinators)
    # "Sở A; Sở B": units kept apart by semicolons, which in a sentence would end its clause
    sentence = f"Giao {_bulleted(lead).replace(';', ',')} chủ trì"
    coordinators = _bulleted(coordinators).replace(";", ",")
    if coordinators:
        sentence += f", phối hợp với {coordinators}"
    content = content[0].lower() + content[1:] if content[:2] != content[:2].upper() else content
    sentence += f" thực hiện: {content}."
    deadline = _cell(row, roles, "deadline")
    if deadline:
        # "Giai đoạn 2026 - 2027. Thực hiện rà soát (nếu có)": the time is the cell's first sentence
        deadline = re.split(r"\.\s+(?=[" + UPPER + r"])", deadline, maxsplit=1)[0]
        # "Hoàn thành trong giai đoạn 2026 - 2027 và vận hành thường xuyên": due at the window's end
        # ("… và những năm tiếp theo" goes on past it: no end)
        deadline = re.sub(r"^.{0,40}?(?<!\w)(?:trong\s+)?giai đoạn\s+\d{4}\s*[-–]\s*(\d{4})"
                          r"(?:\s*(?:và|,)\s(?!\s*(?:những|các)\s+năm\s+(?:tiếp theo|sau)).*)?$", r"năm \1",
                          deadline, flags=re.IGNORECASE)
        # "2026" alone is the year's end; "2026 và hằng năm" a yearly duty from then on.
        # "Từ tháng 3/2025 đến tháng 9/2027": a span of work is due at its end.
        deadline = re.sub(r"^từ\s+\S.*?\s+(?=(?:đến|tới)\s)", "", deadline, flags=re.IGNORECASE)
        deadline = re.sub(r"^(?:đến|tới)\s+(?:hết\s+)?|^giai đoạn\s+(?=\d)", "", deadline, flags=re.IGNORECASE)
        deadline = re.sub(r"^(?:năm\s+)?\d{4}\s*[-–]\s*(\d{4})$", r"năm \1", deadline, flags=re.IGNORECASE)
        deadline = _span_end(deadline)
        # "Phiên họp tháng 9/2025": the session in that month it goes to
        deadline = re.sub(r"^(?:phiên họp|kỳ họp)(?:\s+thường kỳ)?\s+(?=tháng\s+\d)", "", deadline, flags=re.IGNORECASE)
        # "Trước năm 2025" in a time column: by the end of the year before
        deadline = re.sub(r"^trước\s+năm\s+(\d{4})$", lambda y: f"năm {int(y.group(1)) - 1}", deadline,
                          flags=re.IGNORECASE)
        deadline = re.sub(r"^(\d{4})$", r"năm \1", deadline)
        # "100 ngày": the plan's own count, from the day it is issued
        deadline = re.sub(r"^(\d{1,3}\s+ngày(?:\s+làm\s+việc)?)$", r"\1 kể từ ngày ban hành", deadline, flags=re.IGNORECASE)
        deadline = re.sub(r"^(?:năm\s+)?\d{4}\s+(?:và|,)\s+((?:hằng|hàng) năm)$", r"\1", deadline, flags=re.IGNORECASE)
        sentence += f" Thời hạn: {deadline}."
    output = _cell(row, roles, "output")
    if output:
        sentence += f" Sản phẩm: {output}."
    return sentence


# "Quý IV/2025 - Quý II/2026", "Tháng 10 - 12/2026", "Quý II, III/2026", "quý II, III năm 2026": a span
# of time, or two parts of one, due at the end of the last.
_SPAN = re.compile(r"^(?P<unit>tháng|quý)\s+[0-9IV]{1,4}(?:\s*/\s*\d{4})?(?:\s*[-–,]\s*|\s+(?:và|đến)\s+)"
                   r"(?:(?:tháng|quý)\s+)?(?P<end>[0-9IV]{1,4}(?:\s*/\s*|\s+năm\s+)\d{4})$", re.IGNORECASE)


# "16-20/4/2019", "27/4 - 19/5/2019": days a row's work runs over, due on the last
# ("26/4/2018 – 21/5/2018 ≤ 20 ngày làm việc": a schedule's span, then the time the law allows for it)
_DAY_SPAN = re.compile(r"^(?:từ\s+)?(?:\d{1,2}|\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)\s*[-–]\s*"
                       r"(?P<end>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})(?=\s*(?:[≤(]|$))", re.IGNORECASE)
# "≤ 10 ngày Dự kiến 10/7/2018": the day a schedule plans for the step
_PLANNED_DAY = re.compile(r"(?<!\w)dự kiến\s*:?\s*(?:ngày\s+)?(?P<day>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})", re.IGNORECASE)


def _span_end(deadline: str) -> str:
    m = _SPAN.match(deadline)
    if m:
        return f"{m.group('unit').lower()} {m.group('end')}"
    m = _DAY_SPAN.match(deadline)
    if m:
        return m.group("end")
    planned = _PLANNED_DAY.search(deadline)
    return planned.group("day") if planned else deadline


# --- a row's sentence read back ------------------------------------------------------------

# The sentence `_row_sentence` writes ("Giao <lead> chủ trì, phối hợp với <partners> thực hiện: …"):
# the words between its fixed parts are the lead's and the partners' cells, whole.
_ROW_ACTION = r"chủ trì(?:, phối hợp với (?P<coordinators>.+?))? (?=thực hiện: )"
ROW_SENTENCE = re.compile(rf"Giao (?P<lead>.+?) {_ROW_ACTION}")
ROW_ACTION = re.compile(_ROW_ACTION)  # the words before the content: the action is the content


def cell_units(text: str, tokens: list[Token], start: int, stop: int, raw: bool = False) -> list[UnitRef]:
    """The units a table cell names (tokens start..stop of text; raw as in parse_unit_list). A
    cell holds names and nothing else, so the words the name grammar leaves are names too: right
    after a name, the rest of it ("Ban Quản lý các khu công nghệ cao | và khu công nghiệp"); after
    a comma, the rest of a name holding one when capitalized ("Viện Kinh tế, | Xã hội …"),
    else a unit of its own ("…; | Báo và Phát thanh …", "…, | nhà cung cấp dịch vụ"). A note in
    brackets is no name, nor are words a verb opens (a row the reader cut wrong)."""
    tokens = tokens[:stop]
    units: list[UnitRef] = []
    j = start
    while j < stop:
        after = j + 1 if tokens[j].text in (",", ";", "và") else j
        found, end = parse_unit_list(text, tokens, j, raw=raw) if after == j else ([], j)
        if not found and after > j:
            found, end = parse_unit_list(text, tokens, after, raw=raw)
        if found and end > j:
            units.extend(found)
            j = end
            continue
        separated = tokens[j].text in (",", ";")
        first = j + 1 if separated else j
        if first < stop and tokens[first].text == "(":
            j = _after_brackets(tokens, first, stop)  # "Bộ Tư pháp (đối với …)": a note on the unit
            continue
        bare = bare_subject_end(tokens, first) if first < stop else None
        if bare:
            # "Sở, ban, ngành": kinds of body, no name among them
            units.append(UnitRef(text[tokens[first].start:tokens[bare - 1].end], GROUP, first, bare))
            j = bare
            continue
        k = _piece_end(text, tokens, first + 1, stop, raw)
        j = k
        if first >= k or not tokens[first].is_capitalized and _verb_opens(tokens, first, separated):
            continue
        if units and separated and tokens[first].low == "phụ" and low_at(tokens, first + 1) == "trách":
            # "Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực X": the field the post is in charge
            # of, said after it, is part of who is meant
            last = units[-1]
            units[-1] = UnitRef(text[tokens[last.start].start:tokens[k - 1].end].strip(" .;,"), last.kind, last.start, k,
                                last.distributive, last.head_title)
        elif units and tokens[first].low == "và" and _ENDS_RELATED.search(text[tokens[first].end:tokens[k - 1].end]):
            # "… các tổ chức chính trị - xã hội và cơ quan tổ chức có liên quan": the catch-all after "và"
            # is no rest of the name before it
            units.append(UnitRef(text[tokens[first + 1].start:tokens[k - 1].end].strip(" .;,"), CATCHALL,
                                 first + 1, k))
        elif units and (not separated or tokens[first].is_capitalized and tokens[first - 1].text == ","
                      and not _HEADS.match(tokens, first) and tokens[first].low not in ("các", "những")
                      and not (_PLACE.match(text, tokens[first].start) and not _PLACES_GOVERNMENT.match(units[-1].text))
                      and not tokens[first].is_abbreviation):  # ("…, HV": initials are a unit of their own)
            last = units[-1]  # the rest of a name the grammar read in part
            units[-1] = UnitRef(text[tokens[last.start].start:tokens[k - 1].end], last.kind, last.start, k,
                                last.distributive, last.head_title)
        elif tokens[first].is_capitalized or k - first >= 2:
            piece = text[tokens[first].start:tokens[k - 1].end].strip(" .;,")
            # ("…; doanh nghiệp liên quan": those concerned, a catch-all beside the bodies named)
            units.append(UnitRef(piece, CATCHALL if _ENDS_RELATED.search(piece) else NAMED, first, k))
    return _kinds_as_one(text, tokens, units)


# "…, Thành phố Hồ Chí Minh", "…, Tỉnh Xa": a place by its level and name, its government; no rest of the
# name before it; but after "UBND thành phố Xa," the places go on naming whose government leads, as one
_PLACE = re.compile(r"(?:Thành phố|Tỉnh|Thủ đô)\s+[" + UPPER + r"]")
_PLACES_GOVERNMENT = re.compile(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s", re.IGNORECASE)


def _kinds_as_one(text: str, tokens: list[Token], units: list[UnitRef]) -> list[UnitRef]:
    """"Bộ X; Tập đoàn, tổng công ty, doanh nghiệp nhà nước": kinds of enterprise named one after another are
    one group, the kinds of the state's enterprises."""
    merged: list[UnitRef] = []
    for unit in units:
        if merged and _enterprise_kind(unit.text) and _enterprise_kind(merged[-1].text.split(",")[-1].strip()):
            first = merged[-1]
            merged[-1] = UnitRef(text[tokens[first.start].start:tokens[unit.end - 1].end], GROUP, first.start, unit.end)
        else:
            merged.append(unit)
    return merged


_ENTERPRISE_HEADS = ("tập đoàn", "tổng công ty", "công ty", "doanh nghiệp", "ngân hàng thương mại")


def _enterprise_kind(name: str) -> bool:
    """"Tập đoàn kinh tế", "tổng công ty", "doanh nghiệp nhà nước": a kind of enterprise, no one company."""
    words = name.split()
    low = " ".join(words).casefold()
    return low.startswith(_ENTERPRISE_HEADS) and len(words) <= 4 and not any(w[0].isupper() for w in words[1:]
                                                                            if w.casefold() not in ("công", "ty"))


_ENDS_RELATED = re.compile(r"^\s*[^,;]{0,40}?\b(?:có\s+)?liên\s+quan\s*[.;]?\s*$")
_HEADS = PhraseIndex(lx.NAMED_HEADS, lx.LEVEL_HEADS, lx.PERSON_HEADS, lx.PLURAL_HEADS)


def _verb_opens(tokens: list[Token], first: int, separated: bool) -> bool:
    """"… trình cấp có thẩm quyền", "… trình Hội đồng nhân dân": what the unit does, not its name;
    after a comma "tổ chức chính trị - xã hội" names a kind of body."""
    return is_predicate_at(tokens, first, weak=False) and not (separated and GENERIC_KINDS.match(tokens, first))


def _after_brackets(tokens: list[Token], k: int, stop: int) -> int:
    depth = 0
    while k < stop:
        depth += (tokens[k].text == "(") - (tokens[k].text == ")")
        k += 1
        if not depth:
            break
    return k


def _piece_end(text: str, tokens: list[Token], k: int, stop: int, raw: bool) -> int:
    """Where a cell's leftover words end: the next "," or ";" outside brackets, or a "và" before
    units the grammar reads ("Đài Phát thanh … | và các sở, ngành có liên quan")."""
    depth = 0
    while k < stop:
        t = tokens[k].text
        depth += (t == "(") - (t == ")")
        if not depth and (t in (",", ";") or tokens[k].low == "và" and parse_unit_list(text, tokens, k + 1, raw=raw)[0]):
            return k
        k += 1
    return stop


# --- tables in plain text ------------------------------------------------------------------

_GAP = re.compile(r"\S+(?: \S+)*")  # words joined by single spaces
_GROUP_ROW = re.compile(r"^(?:[IVXLC]+|[A-Z])[.)]\s+\S")
_TABLE_END = re.compile(r"^(?:Nơi nhận|KT\.|TM\.|Ghi chú|CHỦ TỊCH|GIÁM ĐỐC)", re.IGNORECASE)
HEADER_LINES = 3  # a header cell wraps over at most this many lines ("Cơ quan chủ / trì")


@dataclass
class _Segment:
    start: int
    end: int
    text: str


def pdf_page_text(page) -> str:
    """A PDF page's text; a page holding a task table is read in layout mode, which keeps the
    columns apart (plain mode gives one cell per line, rows no longer told apart)."""
    text = page.extract_text() or ""
    if not re.search(r"chủ\s+trì", text) or not re.search(r"\b(?:STT|TT|Nhiệm\s+vụ|Nội\s+dung)\b", text):
        return text
    layout = page.extract_text(extraction_mode="layout") or ""
    return layout if text_tables(layout) != layout else text


def _segments(line: str) -> list[_Segment]:
    """The cells of an aligned line: runs of text kept apart by two spaces or more."""
    return [_Segment(m.start(), m.end(), m.group(0)) for m in _GAP.finditer(line)]


def text_tables(text: str) -> str:
    """Plain text with every task table written as pipe rows ("| 1 | Rà soát … | Sở Tài chính |")."""
    if "\t" not in text and "  " not in text:
        return text
    return rewrite_tables(text.split("\n"), _table_at, blank_before=False)


def rewrite_tables(lines: list[str], table_at: Callable[[list[str], int], tuple[list[list[str]], int] | None],
                   *, blank_before: bool = True) -> str:
    """The lines joined again, each table that `table_at(lines, i)` finds there (its rows and the
    index after it) written as pipe rows, a blank line after it (and before it, when asked)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = table_at(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        rows, i = found
        if blank_before:
            out.append("")
        out.extend("| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in rows)
        out.append("")
    return "\n".join(out)


def _table_at(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """The rows of a task table whose header starts at line i, and the line after it."""
    if lines[i].lstrip().startswith("|"):
        return None  # a pipe row, read as such later: its "|  |" (an empty cell) is no gap between columns
    if "\t" in lines[i]:
        header = [c.strip() for c in lines[i].split("\t")]
        if len(header) >= 3 and is_task_table(header):
            return _tab_rows(lines, i, header)
        return None
    first = _segments(lines[i].expandtabs())
    if len(first) < 3:
        return None
    for depth in range(1, HEADER_LINES + 1):
        columns = _header_columns(lines[i:i + depth])
        if columns is None:
            return None
        labels = [" ".join(parts) for _, parts in columns]
        if is_task_table(labels):
            # "Cơ quan phối / hợp": the header may wrap one line further than its lead and content.
            while depth < HEADER_LINES and _header_goes_on(lines, i + depth, columns, labels):
                depth += 1
                wider = _header_columns(lines[i:i + depth])
                if wider is None:  # not a header line after all: rows start there
                    depth -= 1
                    break
                columns = wider
                labels = [" ".join(parts) for _, parts in columns]
            return _aligned_rows(lines, i + depth, columns, labels)
    return None


def _header_goes_on(lines: list[str], j: int, columns, labels: list[str]) -> bool:
    """Whether line j still belongs to a numbered table's header: short pieces, no row number."""
    roles = column_roles(labels)
    if j >= len(lines) or "number" not in roles or not lines[j].strip():
        return False
    segments = _segments(lines[j].expandtabs())
    starts = [start for start, _ in columns]
    if any(_column_of(starts, s) == roles["number"] for s in segments):
        return False
    return all(len(s.text.split()) <= 3 for s in segments)


def _tab_rows(lines: list[str], i: int, header: list[str]) -> tuple[list[list[str]], int]:
    rows = [header]
    j = i + 1
    while j < len(lines) and ("\t" in lines[j] or not lines[j].strip() or _GROUP_ROW.match(lines[j].strip())):
        if lines[j].strip():  # a group row pasted from a merged cell has no tab
            rows.append([c.strip() for c in lines[j].split("\t")])
        j += 1
    return rows, j


def _header_columns(lines: list[str]) -> list[tuple[int, list[str]]] | None:
    """Columns of a header wrapped over lines: (start position, words) from the first line,
    later lines' pieces added to the column they start under."""
    columns = [(s.start, [s.text]) for s in _segments(lines[0].expandtabs())]
    for line in lines[1:]:
        pieces = _segments(line.expandtabs())
        if not pieces:
            return None
        for piece in pieces:
            _nearest(columns, piece.start)[1].append(piece.text)
    return columns


def _nearest(columns, position: int):
    return min(columns, key=lambda c: abs(c[0] - position))


def _column_of(starts: list[int], segment: _Segment) -> int:
    """The column a cell's text falls in: the one its span overlaps most (header labels and
    cell texts need not start at the same position)."""
    best, best_overlap = 0, -1
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else 10 ** 6
        overlap = min(end, segment.end) - max(start, segment.start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def _aligned_rows(lines: list[str], j: int, columns, labels: list[str]) -> tuple[list[list[str]], int]:
    starts = [start for start, _ in columns]
    roles = column_roles(labels)
    numbered = "number" in roles
    rows: list[list] = [labels]  # a row is cells of text, or of parts while lines continue it
    current: list[list[str]] | None = None
    blanks = 0
    while j < len(lines):
        line = lines[j].expandtabs()
        if not line.strip():
            blanks += 1
            if blanks >= 2:
                break
            j += 1
            continue
        blanks = 0
        segments = _segments(line)
        if _TABLE_END.match(line.strip()) or _spans_columns(segments, starts):
            break
        if len(segments) == 1 and _GROUP_ROW.match(segments[0].text) and segments[0].start <= starts[1]:
            current = None
            rows.append([segments[0].text])
            j += 1
            continue
        cells: list[list[str]] = [[] for _ in starts]
        for segment in segments:
            cells[_column_of(starts, segment)].append(segment.text)
        if _starts_row(cells, roles, numbered) or current is None:
            current = cells
            rows.append(current)  # filled in place by the lines that continue it
        else:
            for index, parts in enumerate(cells):
                current[index].extend(parts)
        j += 1
    return [row if isinstance(row[0], str) else [" ".join(parts) for parts in row] for row in rows], j


def _starts_row(cells: list[list[str]], roles: dict[str, int], numbered: bool) -> bool:
    if numbered:
        number = " ".join(cells[roles["number"]])
        return is_row_number(number) or bool(_ROMAN_ROW.match(number))
    return bool(cells[roles["lead"]]) and bool(cells[roles["content"]])


def _spans_columns(segments: list[_Segment], starts: list[int]) -> bool:
    """A line of running text under the table: one piece crossing two column starts or more."""
    if len(segments) != 1:
        return False
    segment = segments[0]
    return sum(1 for s in starts[1:] if segment.start < s - 1 and segment.end > s + 1) >= 2


# "TT | Nhiệm vụ | Cơ quan chủ trì | …" without bars at its ends (a converter's text of a table):
# a line of three cells or more kept apart by " | ".
_BARE_SEPARATOR = " | "


def _bare_cells(line: str, in_table: bool = False, width: int = 0) -> list[str] | None:
    stripped = line.strip()
    # "|  | Kế hoạch … | Sở Nội vụ": inside a bare table, a row whose first cells are empty opens with
    # a bar; outside one, a line opening with a bar is markdown's
    if stripped.startswith("|") and not in_table:
        return None
    if stripped.count(_BARE_SEPARATOR) < 2:
        # "A | PHÁT TRIỂN NỀN MÓNG …", "II | Phát triển hạ tầng": inside a table, a group row that a merged
        # cell wrote as its mark and title
        mark = stripped.split(_BARE_SEPARATOR, 1)[0].strip()
        # (in a table of three columns, a row without its number has two cells: "Đoàn khoa A | 100")
        if not (in_table and stripped.count(_BARE_SEPARATOR) == 1 and
                (_ROMAN_ROW.match(mark) or is_row_number(mark, outline=True) or 0 < width <= 3)):
            return None
    return [c.strip() for c in stripped.split("|")]  # "… | | …": an empty cell


def bare_pipe_tables(text: str) -> str:
    """Text with each task table written as bare pipe rows ("1 | Rà soát … | Sở Tài chính | …")
    written as pipe rows, from its header row on; blank lines between rows do not end it."""
    if _BARE_SEPARATOR not in text:
        return text
    return rewrite_tables(text.split("\n"), _bare_table_at)


def _bare_table_at(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    header = _bare_cells(lines[i])
    if header is None or not is_task_table(header):
        return None
    rows, j, end = [header], i + 1, i + 1
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        cells = _bare_cells(lines[j], in_table=True, width=len(header))
        if cells is None and _GROUP_LINE.match(lines[j].strip()) and _rows_go_on(lines, j + 1):
            # "II. Xã hội số" between rows: a group row written without its bars ("III Tiếp tục …": its dot too)
            cells = [re.sub(r"^([IVXLC]{1,5}|\d{1,2})\s+", r"\1. ", lines[j].strip())]
        if cells is None:
            break
        rows.append(_merged_group(cells))
        j = end = j + 1
    return rows, end


# "II. Xã hội số", "1. Chuyển đổi số", "2 Công tác nhân sự", "III Tiếp tục sắp xếp …": a group's title
# between rows
_GROUP_LINE = re.compile(r"^(?:(?:[IVXLC]{1,5}|[A-Z]|\d{1,2}(?:\.\d{1,2})?)[.)]|(?:\d{1,2}|[IVXLC]{1,5})(?=\s+[" + UPPER + r"]))"
                         r"\s+[^|]{1,200}$")  # (a long field's title runs past 100 characters)


def _rows_go_on(lines: list[str], j: int) -> bool:
    """The next line that is neither blank nor a group's title is a row of the table."""
    while j < len(lines) and (not lines[j].strip() or _GROUP_LINE.match(lines[j].strip()) and
                              _bare_cells(lines[j], in_table=True) is None):
        j += 1
    return j < len(lines) and _bare_cells(lines[j], in_table=True) is not None


def _merged_group(cells: list[str]) -> list[str]:
    """"I | Lĩnh vực kinh tế | Lĩnh vực kinh tế | …": a group row whose title a merged cell repeats in
    every column is one title, no task."""
    rest = {c for c in cells[1:] if c}
    if len(cells) > 2 and len(rest) == 1:
        return [f"{cells[0]}. {rest.pop()}" if cells[0] else rest.pop()]
    return cells
