"""Tables copied from a web page whose cells come one per line between lines holding a lone "|".

A portal's HTML table pasted as text gives, for a table of N columns:

    |            <- the row's opening bar
    STT
    |
    Tên nhiệm vụ
    |
    …
    Thời gian
    |            <- the last cell's closing bar
    |            <- the next row's opening bar
    1
    |
    …

A cell's text may wrap over several lines and an empty cell is two bars in a row. `bar_tables`
writes every such task table as pipe rows ("| 1 | Rà soát … | Bộ Xây dựng | … |"), which the
table reader turns into assignment sentences like any other table.
"""
from __future__ import annotations

from .names import is_only_units
from .tables import NUMBER_HEAD, column_roles, is_row_number, is_task_table, rewrite_tables, spread_header

_TASK_WORDS = 5  # a cell opening with this many words on its first line is a task's text
_MAX_CELL_LINES = 40  # a cell longer than this is no cell: the bars were something else
_LABEL_WORDS = 6  # a header cell's label is short
_LAST_CELL_LINES = 3  # the last cell of a table ending the text without its closing bar is short


def _is_bar(line: str) -> bool:
    return line.strip() == "|"


def _opens_header(line: str) -> bool:
    """"STT", or a column's label ("Nội dung công việc", "Nhiệm vụ"): a table's first header cell."""
    return bool(NUMBER_HEAD.match(line)) or len(line.split()) <= _LABEL_WORDS and bool(column_roles([line]))


def _cell(lines: list[str], p: int) -> tuple[str, int] | None:
    """The text of the cell starting at line p and the index of its closing bar."""
    q = p
    while q < len(lines) and not _is_bar(lines[q]):
        if q - p > _MAX_CELL_LINES:
            return None
        q += 1
    if q >= len(lines):
        return None
    return " ".join(" ".join(ln.split()) for ln in lines[p:q] if ln.strip()), q


def _header(lines: list[str], p: int) -> tuple[list[str], int] | None:
    """The header's cells from its opening bar at line p, and the next row's opening bar."""
    cells: list[str] = []
    p += 1
    while True:
        found = _cell(lines, p)
        if found is None:
            return None
        text, bar = found
        if not text:
            return cells, p  # the header's closing bar, then the next row's opening bar
        cells.append(text)
        p = bar + 1


def _row(lines: list[str], p: int, width: int, lead: int) -> tuple[list[str], int, bool]:
    """The cells of the row whose opening bar is line p, the index after it, and whether another
    row follows. A row spanning the table ("I | Hoàn thiện thể chế") has fewer cells: two bars
    followed by a row number open the next row; two bars otherwise hold an empty cell."""
    cells: list[str] = []
    p += 1
    while True:
        found = _cell(lines, p)
        if found is None:
            if len(cells) == width - 1 and 0 < len(rest := [ln for ln in lines[p:] if ln.strip()]) <= _LAST_CELL_LINES:
                # "Quý IV-2025" ending the text: the page's copy lost the last cell's closing bar
                cells.append(" ".join(" ".join(ln.split()) for ln in rest))
                return cells, len(lines), False
            return cells, p, False
        text, bar = found
        cells.append(text)
        p = bar + 1
        if p >= len(lines):
            return cells, p, False
        if _is_bar(lines[p]):
            after = lines[p + 1].strip() if p + 1 < len(lines) else ""
            if is_row_number(after, outline=True) or len(cells) >= width:
                return cells, p, True
            if len(cells) > lead and len(after.split()) >= _TASK_WORDS:
                return cells, p, True  # a task's text after the lead's row: the next row, its number merged
            continue  # an empty cell: its closing bar is the next line
        if len(cells) >= width:
            return cells, p, False  # the text after the table


def _table_at(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    if not (_is_bar(lines[i]) and i + 1 < len(lines) and _opens_header(lines[i + 1].strip())):
        return None
    header = _header(lines, i)
    if header is None or len(header[0]) < 3 or not is_task_table(header[0]):
        return None
    rows, p = [header[0]], header[1]
    width = len(header[0])
    roles = column_roles(header[0])
    if p < len(lines) and _is_bar(lines[p]):
        cells, after, _ = _row(lines, p, width, roles["lead"])
        wide = spread_header(header[0], cells) if len(cells) < width else None
        if wide is not None:  # "Cơ quan thực hiện" over "Chủ trì | Phối hợp"
            rows, p, width, roles = [wide], after, len(wide), column_roles(wide)
    more = True
    while more and p < len(lines) and _is_bar(lines[p]):
        cells, p, more = _row(lines, p, width, roles["lead"])
        opens = cells[0].split(" ", 1)[0] if cells else ""
        if "number" in roles and len(rows) > 1 and len(cells) >= 2 and not is_row_number(opens, outline=True):
            # A row under merged cells: its first cell is a task's text (the number merged) or a
            # lead (the number and the task merged); the cells it lacks are those of the row above.
            above = rows[-1]
            # "Ủy ban nhân dân các tỉnh" opening it: the row starts at the lead's column.
            if is_only_units(cells[0]):
                cells = above[:roles["lead"]] + cells
            else:
                cells = [""] * roles["content"] + cells
            cells += above[len(cells):]
        rows.append((cells + [""] * width)[:width])
    return rows, p


def bar_tables(text: str) -> str:
    """Text with each bar-separated task table written as pipe rows."""
    if "\n|\n" not in text:
        return text
    return rewrite_tables(text.split("\n"), _table_at)
