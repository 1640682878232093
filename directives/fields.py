"""Items whose parts are labeled lines instead of table cells.

Plans that carry out a law or a programme often write each task as a title followed by labeled
lines, the cells of a task table written one under the other:

    2. Tổ chức tập huấn chuyên sâu …
    - Cơ quan chủ trì: Bộ Công an.
    - Cơ quan phối hợp: các bộ, cơ quan ngang bộ … và Ủy ban nhân dân các tỉnh ….
    - Thời gian thực hiện: năm 2025 và các năm tiếp theo.

`field_items` turns such a group into the table reader's row sentence ("Giao X chủ trì, phối hợp
với Y thực hiện: … Thời hạn: …"), so the rest of the pipeline reads it like any table row. A lead
line that is itself a sentence ("Cơ quan thực hiện: Bộ A tiến hành rà soát …; Sở B rà soát …")
is left as written: its own verbs say who does what.
"""
from __future__ import annotations

import re

from .names import GENERIC_KINDS, PREDICATES, is_only_units
from .tables import ACTING_SCOPE, table_to_paragraphs
from .text import tokenize

_MARK = r"(?:[-–—•+*]\s*|[a-zđ][).]\s+)?"
# The label of a field line and the column of a task table it stands for.
_FIELD = re.compile(
    _MARK + r"(?P<label>(?:Cơ quan|Đơn vị)\s+(?:chủ trì(?:\s+tham mưu)?(?:,?\s+thực hiện)?|thực hiện|phối hợp(?:\s+thực hiện)?|"
    r"(?:tham mưu|đầu mối|chịu trách nhiệm(?:\s+chính)?)(?:\s+thực hiện)?)|"
    r"Chủ trì(?:\s+thực hiện)?|Phối hợp(?:\s+thực hiện)?|Thời gian(?:\s+(?:thực hiện|hoàn thành|dự kiến|tổ chức))?|"
    r"Trách nhiệm thực hiện|(?:Người|Bộ phận)\s+thực hiện|"
    r"Thời hạn(?:\s+(?:hoàn thành|ban hành|trình|thực hiện))?|Tiến độ(?:\s+thực hiện)?|"
    r"Sản phẩm(?:\s+đầu ra)?|Kết quả(?:\s+đầu ra)?|Nội dung(?:\s+(?:thực hiện|công việc|nhiệm vụ))?|"
    r"Nhiệm vụ(?:\s+cụ thể)?|"
    # a meeting's attendance and place among an item's fields: no column of a task
    r"Thành phần(?:\s+(?:tham dự|tham gia|mời))?|Địa điểm(?:\s+(?:thực hiện|tổ chức))?|"
    # an event's money and form among its fields ("- Kinh phí: Ngân sách Thành phố …", "- Hình thức thực hiện: …")
    r"Kinh phí(?:\s+thực hiện)?|Hình thức(?:\s+(?:thực hiện|tổ chức))?|"
    # the leader who oversees a group of tasks ("Lãnh đạo phụ trách: Phó Giám đốc …"): no column either
    r"Lãnh đạo\s+(?:phụ trách|chỉ đạo|theo dõi))\s*:\s*(?P<value>.*)$",
    re.IGNORECASE)
_TITLE_MARK = re.compile(r"^((?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+|\d+(?:\.\d+)+\s+|[-–—•+*]\s*)")


def is_field_line(text: str) -> bool:
    """"- Cơ quan chủ trì: …", "+ Thời hạn: …": a labeled part of an item, never the rest of a name."""
    return _FIELD.match(text) is not None


def _column(label: str) -> str:
    label = label.casefold()
    if "phối hợp" in label:
        return "Cơ quan phối hợp"
    if "chủ trì" in label or ("thực hiện" in label or "tham mưu" in label or "đầu mối" in label or
                               "chịu trách nhiệm" in label) and \
            label.startswith(("cơ quan", "đơn vị", "trách nhiệm", "người", "bộ phận")):
        return "Cơ quan chủ trì"
    if label.startswith(("thời", "tiến độ")):
        return "Thời hạn"
    if label.startswith(("sản phẩm", "kết quả")):
        return "Sản phẩm"
    if label.startswith(("thành phần", "địa điểm", "kinh phí", "hình thức", "lãnh đạo")):
        return label.split()[0]  # kept apart, read into no column
    return "Nội dung"


# "Phó Chủ tịch Thường trực, phụ trách lĩnh vực tuyên truyền": the field a post is in charge of, part
# of who is meant; its words are no verbs of the cell.
_IN_CHARGE_OF = re.compile(r",\s*phụ trách\s+[^,;]+", re.IGNORECASE)


def names_only(value: str) -> bool:
    """Whether a lead's value lists bodies, not a sentence with verbs of its own ("Cơ quan thực
    hiện: Sở A chủ trì …; Sở B tổ chức …"); the scope units act in is no part of it."""
    value = _IN_CHARGE_OF.sub("", ACTING_SCOPE.sub("", value)).rstrip(" ;.")
    # "Sở A; Sở B; Báo C và các sở, ngành liên quan": units kept apart by semicolons
    return bool(value) and all(_names_part(part) for part in value.split(";"))


def _names_part(value: str) -> bool:
    tokens = tokenize(value)
    if not tokens:
        return False
    if is_only_units(value, raw=True):
        return True
    return not any(token.is_word and not token.is_capitalized and PREDICATES.match(tokens, i) and
                   not (i and tokens[i - 1].text in (",", "và", "các") and GENERIC_KINDS.match(tokens, i)) and
                   not (token.low == "có" and i + 1 < len(tokens) and tokens[i + 1].low == "liên")
                   for i, token in enumerate(tokens))  # "…, tổ chức khác" lists a kind, no verb


# "Đơn vị chủ trì: Phòng A; Đơn vị phối hợp: Phòng B, Văn phòng Sở.": two fields on one line
_NEXT_FIELD = re.compile(r"[;.]\s+(?=(?:Cơ quan|Đơn vị|Thời gian|Thời hạn|Sản phẩm|Tiến độ)[^:;]{0,30}:)", re.IGNORECASE)


def _line_fields(text: str) -> list[tuple[str, str]]:
    """The (label, value) fields of one line, or none when it is no field line."""
    whole = _FIELD.match(text)
    if whole is None:
        return []
    parts = _NEXT_FIELD.split(text)
    if _FIELD.match(parts[0].strip()) is None:
        return [(whole.group("label"), whole.group("value"))]
    fields: list[tuple[str, str]] = []
    for part in parts:
        m = _FIELD.match(part.strip())
        if m is not None:
            fields.append((m.group("label"), m.group("value")))
        else:  # "; Đơn vị có hạ tầng lưu ý: …" labels no field: more of the value before it
            label, value = fields[-1]
            fields[-1] = (label, f"{value}; {part.strip()}")
    return fields


def _group(texts: list[str], start: int) -> tuple[dict[str, str], int]:
    """The fields from line `start` on, by column, and the line after them."""
    fields: dict[str, str] = {}
    j = start
    while j < len(texts):
        found = _line_fields(texts[j])
        if not found:
            break
        columns = []
        for label, _ in found:
            column = _column(label)
            if column == "Cơ quan chủ trì" and (column in fields or column in columns) and \
                    "chủ trì" not in label.casefold():
                column = "thực hiện"  # "Đơn vị thực hiện" under "Đơn vị chủ trì": the unit it acts through, read into no column
            columns.append(column)
        if any(column in fields for column in columns):
            break  # a second lead: the next item's fields
        for (_, value), column in zip(found, columns, strict=True):
            fields[column] = value.strip()
        j += 1
    return fields, j


# A label standing alone over the values listed below it ("a) Cơ quan chủ trì" then "- Bộ A.",
# "- Sở B."), or over the labeled lines of two columns ("2. Cơ quan chủ trì, phối hợp").
_LABEL_ONLY = re.compile(
    r"(?:[-–—•+*]\s*|(?:\d{1,2}|[a-zđ])[).]\s+)?(?P<labels>(?:(?:Cơ quan|Đơn vị)\s+(?:chủ trì|phối hợp|thực hiện)|"
    r"(?:Chủ trì|Phối hợp)(?:\s+thực hiện)?)"
    r"(?:\s*(?:,|và)\s*(?:(?:cơ quan|đơn vị)\s+)?(?:chủ trì|phối hợp|thực hiện))*)\s*:?\s*$", re.IGNORECASE)
_VALUE_LINE = re.compile(r"^[-–—•+*]\s*(?P<value>\S.*)$")
# "3. Thời gian thực hiện: …" numbered like the block's parts, after the other labeled lines
_NUMBERED_FIELD = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")


# "Tháng 12/2026 và thường xuyên", "Quý II/2026 và cập nhật hằng năm": the period the work is due in,
# then the upkeep that follows it.
_UPKEEP = re.compile(r"^(?P<due>[^;]*\d[^;]*?)\s+và\s+(?P<upkeep>\D+)$")


# "Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025 …)": the planned day, then the latest one allowed.
_LATEST = re.compile(r"(?:chậm nhất|muộn nhất|không muộn hơn)\s+(?:là\s+|vào\s+)?(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}",
                     re.IGNORECASE)
# "Dự kiến tháng 11/2025", "ngày Tháng 11/2025": the period planned, as its deadline.
_PLANNED = re.compile(r"^(?:dự kiến\s+)?(?:ngày\s+(?=tháng\b))?", re.IGNORECASE)


def _completion(value: str) -> str:
    """A time field's due period without the upkeep after it (the row's deadline, not a cadence)."""
    latest = _LATEST.search(value)
    if latest:
        return "chậm nhất " + latest.group(0).split(None, 2)[-1]
    value = _PLANNED.sub("", value.strip())
    m = _UPKEEP.match(value.strip().rstrip(" ."))
    if m is None or _CADENCE.search(m.group("due")) or not _CADENCE.search(m.group("upkeep")):
        return value  # "năm 2025 và các năm tiếp theo": the work goes on, no period it is due in
    return m.group("due")


_CADENCE = re.compile(r"(?<!\w)(?:(?:hằng|hàng|mỗi)\s+(?:ngày|tuần|tháng|quý|năm)|thường\s+xuyên|định\s+kỳ)(?!\w)",
                      re.IGNORECASE)


def _listed_values(texts: list[str], start: int, strict: bool) -> tuple[list[str], int]:
    """The "- …" lines from `start` on (each naming bodies, when `strict`: a lead's), and the line
    after them. A remark in brackets among them is no value; one line without a dash may hold all."""
    values: list[str] = []
    j = start
    while j < len(texts):
        text = texts[j]
        m = _VALUE_LINE.match(text)
        if text.startswith("(") and text.rstrip(" .;").endswith(")") and values:
            j += 1  # "(Văn phòng … đồng thời là cơ quan đầu mối …)": a remark on the bodies above
            continue
        value = m.group("value") if m else text if j == start and names_only(text) else None
        if value is None or _FIELD.match(text) or _LABEL_ONLY.match(text) or strict and not names_only(value):
            break
        values.append(value.strip().rstrip(" ;."))
        j += 1
        if not m:
            break
    return values, j


def _folded(texts: list[str]) -> tuple[list[str], list[int], dict[int, list[int]]]:
    """A task written as a record whose fields list their values on lines of their own:

        2. Cơ quan chủ trì, phối hợp
        a) Cơ quan chủ trì
        - Bộ A.
        - Sở B; Sở C.
        b) Cơ quan phối hợp
        - Hội D.
        3. Thời gian thực hiện: năm 2026.

    becomes the labeled lines "- Cơ quan chủ trì: Bộ A; Sở B; Sở C", "- Cơ quan phối hợp: Hội D",
    "- Thời gian thực hiện: năm 2026." that `field_items` reads as one row. Returns the lines to read,
    the line each stands for, and per read line the lines folded into it."""
    work: list[str] = []
    where: list[int] = []
    folded: dict[int, list[int]] = {}
    pending: list[int] = []  # a two-column label ("Cơ quan chủ trì, phối hợp") over its labeled lines
    i = 0
    while i < len(texts):
        text = texts[i]
        m = _LABEL_ONLY.match(text)
        values, end = _listed_values(texts, i + 1, "phối hợp" not in m.group("labels").casefold()) if m else ([], i + 1)
        line = None
        numbered = _NUMBERED_FIELD.match(text)
        if m and values:
            line = f"- {m.group('labels')}: {'; '.join(values)}"
        elif m and (re.search(r",|\svà\s", m.group("labels")) or m.group("labels").casefold().endswith("thực hiện")) \
                and i + 1 < len(texts) and (_LABEL_ONLY.match(texts[i + 1]) or _FIELD.match(texts[i + 1])):
            # "b) Cơ quan thực hiện:" over "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …": a heading of the fields
            pending.append(i)
            i += 1
            continue
        elif work and numbered and _FIELD.match(work[-1]) and _FIELD.match(text[numbered.end():]):
            line = "- " + text[numbered.end():]
        if line is None:
            line, end = text, i + 1
        folded[len(work)] = pending + list(range(i + 1, end))
        pending = []
        work.append(line)
        where.append(i)
        i = end
    for k in pending:  # a two-column label over nothing it could fold: as written
        folded.setdefault(len(work), []).append(k)
    return work, where, folded


def field_items(texts: list[str]) -> list[str | None]:
    """Per line: its text, a row sentence for a title whose fields follow it, or None for a
    field line read into that sentence."""
    work, where, folded = _folded(texts)
    rows = _field_rows(work)
    out: list[str | None] = list(texts)
    for k, row in enumerate(rows):
        if row == work[k]:
            continue  # not read into a row: every line it stands for stays as written
        out[where[k]] = row
        for j in folded.get(k, []):
            out[j] = None
    return out


# "Cơ quan thực hiện: Sở A chủ trì, phối hợp với Sở B; UBND các huyện.": the lead and its partners
# in one field, the two columns of a task table written as a clause.
_LEAD_AND_PARTNERS = re.compile(r"^(?P<lead>[^;:]+?)\s+chủ trì\s*,?\s*(?:và\s+)?phối hợp(?:\s+với)?\s+(?P<partners>.+?)[\s.;]*$",
                                re.IGNORECASE)


def _split_partners(fields: dict[str, str]) -> None:
    m = _LEAD_AND_PARTNERS.match(fields.get("Cơ quan chủ trì", ""))
    if m is None or "Cơ quan phối hợp" in fields or not names_only(m.group("lead")) or \
            not names_only(m.group("partners")):
        return
    fields["Cơ quan chủ trì"] = m.group("lead")
    fields["Cơ quan phối hợp"] = m.group("partners")


def _field_rows(texts: list[str]) -> list[str | None]:
    out: list[str | None] = list(texts)
    i = 0
    while i < len(texts):
        fields, end = _group(texts, i)
        _split_partners(fields)
        lead = ACTING_SCOPE.sub("", fields.get("Cơ quan chủ trì", ""))
        if lead and not names_only(lead):
            # "Cơ quan thực hiện: Sở A chủ trì …; Sở B tổ chức …": a sentence, read as written
            label = _FIELD.match(texts[i + list(fields).index("Cơ quan chủ trì")])
            if label is not None:
                at = i + list(fields).index("Cơ quan chủ trì")
                mark = _TITLE_MARK.match(texts[at])
                out[at] = (mark.group(1) if mark else "") + label.group("value").strip()
        if not lead or not names_only(lead):
            i = max(end, i + 1)
            continue
        bullets = _tasks_above(texts, i, out)
        if bullets:
            # "1. Tái cơ cấu …" / "- Tham mưu …" / "- Phối hợp …" / "- Đôn đốc …" / "Đơn vị chủ trì: A; Đơn vị phối
            # hợp: B": the fields close a group of tasks, each dash one of them
            for k in bullets:
                mark = _CONTENT_LINE.match(texts[k])
                sentences = table_to_paragraphs([_ROW_HEADER, [_line_content(texts[k]), lead.replace(";", ","),
                                                               fields.get("Cơ quan phối hợp", "").replace(";", ","),
                                                               _completion(fields.get("Thời hạn", "")),
                                                               fields.get("Sản phẩm", "")]])
                if sentences:
                    out[k] = (mark.group(0) if mark else "") + sentences[0]
            for k in range(i, end):
                out[k] = None
            i = end
            continue
        title_at = _title_above(texts, i, out)
        said = title_at if title_at is not None and title_at < i - 1 else None
        title = texts[title_at] if title_at is not None else ""
        mark = _TITLE_MARK.match(title)
        content = title[mark.end():] if mark else title
        if said is not None:
            # the item's own requirements between its title and its fields belong to its content
            content = "; ".join([content.strip().rstrip(" .;"),
                                 *(_line_content(texts[k]) for k in range(said + 1, i)
                                   if not _STAGE_DATE.search(_line_content(texts[k])))])  # (a stage's own date is no content)
            for k in range(said + 1, i):
                out[k] = None
        content = content.strip() or fields.get("Nội dung", "")
        if not content:
            i = end
            continue
        header = _ROW_HEADER
        row = [content, lead.replace(";", ","), fields.get("Cơ quan phối hợp", "").replace(";", ","),
               _completion(fields.get("Thời hạn", "")), fields.get("Sản phẩm", "")]
        sentences = table_to_paragraphs([header, row])
        if not sentences:
            i = end
            continue
        if title_at is not None:
            out[title_at] = (mark.group(1) if mark else "") + sentences[0]
            first_dropped = title_at + 1  # the lines that describe the work, then its fields
        else:
            out[i] = sentences[0]
            first_dropped = i + 1
        for k in range(first_dropped, end):
            out[k] = None
        i = end
    return out


_ROW_HEADER = ["Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Sản phẩm"]
MIN_TASK_BULLETS = 3  # fewer dashes under a title are what the titled task must meet ("- Bảo đảm thống nhất …")
MAX_TASK_BULLETS = 15


def _tasks_above(texts: list[str], start: int, out: list[str | None]) -> list[int]:
    """The dashed lines just above the fields at `start` when each is a task of its own: at least
    MIN_TASK_BULLETS of them, under a numbered heading, each opening with a verb (not a labeled line such
    as "- Nguyên tắc tổ chức: …"); else none."""
    k = start - 1
    while k >= 0 and start - k <= MAX_TASK_BULLETS and texts[k].startswith(("-", "–", "+", "•")) and \
            not _FIELD.match(texts[k]) and out[k] == texts[k]:
        k -= 1
    bullets = list(range(k + 1, start))
    if len(bullets) < MIN_TASK_BULLETS or k < 0 or not _NUMBERED_TITLE.match(texts[k]) or texts[k].rstrip().endswith(":"):
        return []  # ("a) Nhiệm vụ:" over dashes, then "b) Cơ quan thực hiện:": the dashes are one record's work)
    verbless = [b for b in bullets if not (tokens := tokenize(_line_content(texts[b]))) or not PREDICATES.match(tokens, 0)]
    # one line may open with a slip of the keyboard ("Phhosi hợp tổ chức …")
    return bullets if len(verbless) <= 1 and len(bullets) - len(verbless) >= MIN_TASK_BULLETS else []


# An item's numbered title ("1.2. Xây dựng …", "b) Tổ chức …", "3. …"), not a bullet of its content.
_NUMBERED_TITLE = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*\.?|[a-zđ][.)])\s+(?=\S)")
_CONTENT_LINE = re.compile(r"^(?:[-–—•+*]\s*|\(\d{1,2}\)\s+)(?=\S)")


# A date in a line under an item's title: the date of one stage of it ("- Trước ngày 15/3: …"), not its content.
_STAGE_DATE = re.compile(r"\d{1,2}/\d{1,4}|\b(?:ngày|tháng|quý|năm)\s+(?:\d|[IV]+\b)", re.IGNORECASE)


def _line_content(text: str) -> str:
    """A content line without its mark: "(1) Tiếp tục …", "- Bảo đảm …" as "Tiếp tục …", "Bảo đảm …"."""
    return _CONTENT_LINE.sub("", _TITLE_MARK.sub("", text)).strip().rstrip(" .;")


def _title_above(texts: list[str], start: int, out: list[str | None]) -> int | None:
    """The line naming the task whose fields open at `start`: the line just above, or, when dashed
    lines describing the work stand between ("1.2. Xây dựng Hướng dẫn …" / "- Bảo đảm thống nhất …" /
    "- Đơn vị chủ trì: …"), the numbered title over them: those lines are the task's content."""
    if not start or _FIELD.match(texts[start - 1]):
        return None
    k = start - 1
    while k >= 0 and start - k <= 6 and _CONTENT_LINE.match(texts[k]) and not _FIELD.match(texts[k]) \
            and out[k] == texts[k]:
        k -= 1
    title = _NUMBERED_TITLE.match(texts[k]) if 0 <= k < start - 1 and out[k] == texts[k] else None
    # a short heading ("2. Nhiệm vụ cụ thể") or one announcing a list ("… các nhiệm vụ:") heads items,
    # and the dashed line under it is the task's title
    if title and not _FIELD.match(texts[k]) and not texts[k].rstrip().endswith(":") and \
            len(texts[k][title.end():].split()) >= 7:
        return k
    return start - 1
