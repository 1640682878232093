"""/banhanh: the office publishes a directive from the chat.

1. Staff send a file (.docx/.pdf/.txt) or paste the text (after /banhanh, or as
   the next message). The extraction engine finds the tasks.
2. A draft is stored (Directive.status "draft", the task list in Directive.draft)
   and shown page by page: lead, coordinators, deadline or recurrence, action.
   Names not in the directory are flagged, with buttons to map them to a unit
   or create one. Lines are fixed with short edit commands (EDIT_FORMS).
3. "Ban hành" creates the tasks and queues a notice to every person of every
   lead and coordinator unit (outbox). Nothing is sent before; the directive
   row is locked while publishing and a second press sends nothing.

The draft lives in the database: it survives a restart, and `/banhanh` offers
to resume the person's open drafts.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

from directives.errors import ExtractionError
from directives.limits import MAX_BYTES
from directives.ocr import OcrUnavailable, take_marks
from directives.sandbox import read_isolated
from presentation.messages import Button, Reply
from presentation.render import fmt_date, fmt_local, recurrence_label, shorten
from storage.crud import audit, dialogs, drafts, units
from storage.crud import tasks as crud
from storage.crud.directives import same_directive, task_count
from storage.crud.drafts import DraftItem
from storage.models import Dialog, Directive, Task, Unit, nfc
from workcalendar.recurrence import is_valid as valid_recurrence

from . import dates, deadlines, notify
from .context import Context
from .refusal import Refusal, expired
from .reports import cancel_markup
from .roles import require_office_dialog

DIALOG = "publish"
# Button routes on a draft ("<prefix>:<draft id>[:…]"): a page, resume, map a name to a
# unit, create a unit, one task per unit of a group, discard, publish.
PAGE = "pg"
RESUME = "pr"
MAP = "pm"
CREATE = "pc"
EXPAND = "pe"
DISCARD = "pd"
PUBLISH = "pp"
PER_PAGE = 10
# Unknown names offered with mapping buttons at once; the rest by text ("gán …").
MAX_UNKNOWN_BUTTONS = 4
MAX_SUGGESTIONS = 2
DOCUMENT_TYPES = (".docx", ".pdf", ".txt", ".md")
# Longer than any edit line: more text pasted while a draft is under review.
LONG_PASTE = 300


# ----------------------------------------------------------------- entry points

def publish_command(ctx: Context, args: str) -> list[Reply]:
    if ctx.incoming.attachment is not None:
        return from_file(ctx)
    if args.strip():
        return _from_text(ctx, args)
    own = drafts.own_drafts(ctx.session, ctx.person.id)
    dialogs.start(ctx.session, ctx.person.id, DIALOG, None, "source")
    buttons = [[Button(ctx.t("publish.resume", label=shorten(d.label, 40)), f"{RESUME}:{d.id}")] for d in own]
    buttons.append(cancel_markup(ctx)[0])
    key = "publish.ask_source_drafts" if own else "publish.ask_source"
    return [Reply(ctx.t(key, limit=MAX_BYTES // (1024 * 1024)), buttons=buttons)]


def from_file(ctx: Context) -> list[Reply]:
    """A document sent by office staff: with /banhanh as caption, in the "send the
    file" step, or on its own (a directive is the only file the office sends)."""
    t, att = ctx.t, ctx.incoming.attachment
    name = att.name or ""
    if att.kind != "document" or not name.lower().endswith(DOCUMENT_TYPES):
        return [Reply(t("publish.bad_type", name=shorten(name or att.kind, 60)))]
    limit_mb = MAX_BYTES // (1024 * 1024)
    if att.size is not None and att.size > MAX_BYTES:
        return [Reply(t("publish.too_big", size=f"{att.size / 1024 / 1024:.1f}", limit=limit_mb))]
    if att.fetch is None:
        return [Reply(t("publish.no_download"))]
    try:
        data = att.fetch()
        # In a capped worker process: a bad file (a zip bomb) costs that worker only.
        text = read_isolated(data, name)
    except OcrUnavailable as exc:
        return [Reply(t("publish.ocr_missing", missing=exc.missing))]
    except ExtractionError as exc:
        return [Reply(t("publish.unreadable", error=exc.text(t)))]
    except OSError:
        return [Reply(t("publish.download_failed"))]
    return _start_draft(ctx, text, name)


def _from_text(ctx: Context, text: str) -> list[Reply]:
    if len(text.strip()) < 40:
        return [Reply(ctx.t("publish.text_too_short"))]
    return _start_draft(ctx, text, "")


def continue_dialog(ctx: Context, dialog: Dialog) -> list[Reply]:
    require_office_dialog(ctx)
    if dialog.step == "source":
        if ctx.incoming.attachment is not None:
            return from_file(ctx)
        return _from_text(ctx, ctx.incoming.text or "")
    directive = _draft(ctx, dialog.data.get("directive_id"))
    if directive is None:
        dialogs.finish(ctx.session, ctx.person.id)
        return [Reply(ctx.t("publish.draft_gone"))]
    if ctx.incoming.attachment is not None:
        return [Reply(ctx.t("publish.finish_first", label=directive.label))]
    return _edit(ctx, directive, (ctx.incoming.text or "").strip())


# ------------------------------------------------------------------- the draft

def _directory(ctx: Context) -> list[tuple[str, tuple[str, ...]]]:
    return [(u.name, tuple(u.alias_list)) for u in units.list_units(ctx.session)]


def _resolve(ctx: Context, name: str, index: dict[str, Unit], directory) -> int | None:
    unit = units.find_unit(ctx.session, name, index)
    if unit is None:
        from directives.units import resolve_unit  # the lexicon loads with the first directive

        matched, _ = resolve_unit(name, directory)
        unit = index.get(units.name_key(matched)) if matched else None
    return unit.id if unit else None


def _start_draft(ctx: Context, source: str, filename: str) -> list[Reply]:
    directory = _directory(ctx)
    try:
        from directives.extract import extract_text  # the engine loads with the first directive

        result = extract_text(source, units=directory)
    except ExtractionError as exc:
        return [Reply(ctx.t("publish.unreadable", error=exc.text(ctx.t)))]
    index = units.unit_index(ctx.session)
    items: list[DraftItem] = []
    for task in result.tasks:
        lead_id = _resolve(ctx, task.lead_unit or task.lead, index, directory) if task.lead else None
        items.append({
            "lead": task.lead_unit or task.lead, "lead_id": lead_id,
            "coordinators": [[name, _resolve(ctx, name, index, directory)] for name in task.coordinators],
            "deadline": task.deadline.isoformat() if task.deadline else None,
            "recurrence": task.recurrence, "action": task.text, "output": task.output or "",
            "uncertain": task.uncertain,
        })
    doc = result.document
    directive = drafts.create(ctx.session, number=doc.number or "", title=doc.title or filename or "",
                              issuer=doc.issuer or "", issued_on=doc.issued, source_text=take_marks(source)[0],
                              items=items, created_by=ctx.person.id, scanned=doc.scanned)
    audit.log(ctx.session, "directive.draft", "directive", directive.id, person_id=ctx.person.id,
              actor=ctx.actor, tasks=len(items), file=filename)
    dialogs.start(ctx.session, ctx.person.id, DIALOG, None, "review", {"directive_id": directive.id})
    if not items:
        return [Reply(ctx.t("publish.no_tasks"), buttons=_draft_buttons(ctx, directive, 1, 1))]
    return [review(ctx, directive, 1)]


def _draft(ctx: Context, directive_id, *, lock: bool = False) -> Directive | None:
    return drafts.get_draft(ctx.session, directive_id, lock=lock)



def _save(ctx: Context, directive: Directive, items: list[DraftItem], **change: object) -> None:
    drafts.save_items(ctx.session, directive, items)
    audit.log(ctx.session, "directive.edit", "directive", directive.id, person_id=ctx.person.id,
              actor=ctx.actor, **change)


def _name_key(name: str) -> str:
    """A short stable handle for an unknown name in button data (64-byte limit)."""
    return hashlib.sha1(name.encode()).hexdigest()[:8]


def _unknown(items: list[DraftItem]) -> list[str]:
    names: dict[str, None] = {}
    for item in items:
        if item["lead_id"] is None:
            names[item["lead"]] = None
        for name, unit_id in item["coordinators"]:
            if unit_id is None:
                names[name] = None
    return list(names)


def _when(ctx: Context, item: DraftItem) -> str:
    if item.get("recurrence"):
        return "🔁 " + recurrence_label(ctx.t, item["recurrence"])
    if item.get("deadline"):
        return ctx.t("tasks.deadline", date=fmt_date(date.fromisoformat(item["deadline"])))
    return ctx.t("publish.standing")


def review(ctx: Context, directive: Directive, page: int) -> Reply:
    """One page of the draft: header, numbered tasks, unknown names, edit forms."""
    t = ctx.t
    items = drafts.items(directive)
    pages = max(1, -(-len(items) // PER_PAGE))
    page = min(max(1, page), pages)
    names = {uid: u.name for uid, u in drafts.units_by_id(ctx.session).items()}
    # Only what the document states: no "ngày —" when it gives no date.
    head = [directive.issuer] if directive.issuer else []
    if directive.issued_on:
        head.append(t("publish.header_dated", date=fmt_date(directive.issued_on)))
    lines = [t("publish.header_plain", label=directive.label) + (" — " + ", ".join(head) if head else "")]
    if directive.title and directive.title != directive.number:
        lines.append(t("publish.title", title=shorten(directive.title, 200)))
    lines.append(t("publish.count", count=len(items), page=page, pages=pages))
    if (directive.draft or {}).get("scanned"):
        doubtful = sum(1 for item in items if item.get("uncertain"))
        lines.append(t("publish.scanned_doubtful", count=doubtful) if doubtful else t("publish.scanned"))
    start = (page - 1) * PER_PAGE
    for number, item in enumerate(items[start:start + PER_PAGE], start=start + 1):
        lead = names.get(item["lead_id"]) if item["lead_id"] else "❓ " + item["lead"]
        coords = [names.get(uid) if uid else "❓ " + name for name, uid in item["coordinators"]]
        mark = "⚠️ " if item.get("uncertain") else ""
        line = f"\n{number}. {mark}{lead} · {_when(ctx, item)}"
        if coords:
            line += "\n   " + t("publish.coordinators", names=", ".join(coords))
            until, default = coordinator_deadline(ctx, item)
            if until is not None:
                line += " · " + t("publish.coordinator_default" if default else "publish.coordinator_until",
                                  date=fmt_date(until))
        line += "\n   " + shorten(item["action"], 220)
        if item.get("output"):
            line += "\n   " + t("publish.output", text=shorten(item["output"], 120))
        lines.append(line)
    unknown = _unknown(items)
    if unknown:
        lines += ["", t("publish.unknown", names=", ".join(unknown[:10]) + (" …" if len(unknown) > 10 else ""))]
    lines += ["", t("publish.edit_help")]
    return Reply("\n".join(lines), buttons=_draft_buttons(ctx, directive, page, pages, unknown))


def _draft_buttons(ctx: Context, directive: Directive, page: int, pages: int,
                   unknown: list[str] | None = None) -> list[list[Button]]:
    t, d = ctx.t, directive.id
    rows: list[list[Button]] = []
    directory = units.list_units(ctx.session) if unknown else []
    all_units = {u.name: u.id for u in directory}
    from rapidfuzz import fuzz, process  # loaded on the first fuzzy match

    for name in (unknown or [])[:MAX_UNKNOWN_BUTTONS]:
        row = [Button(t("publish.map_to", name=shorten(name, 18), unit=shorten(match, 22)),
                      f"{MAP}:{d}:{_name_key(name)}:{all_units[match]}")
               for match, _score, _ in process.extract(name, list(all_units), scorer=fuzz.token_sort_ratio,
                                                       limit=MAX_SUGGESTIONS)]
        members = group_members(name, directory)
        if members:  # "Các sở, ban, ngành": one task per unit of the group, the button naming it
            row = [Button(t("publish.expand_group_named", name=shorten(name, 24), count=len(members)),
                          f"{EXPAND}:{d}:{_name_key(name)}")]
        else:
            row.append(Button(t("publish.create_unit", name=shorten(name, 24)), f"{CREATE}:{d}:{_name_key(name)}"))
        rows.append(row)
    nav = []
    if page > 1:
        nav.append(Button("◀", f"{PAGE}:{d}:{page - 1}"))
    if page < pages:
        nav.append(Button("▶", f"{PAGE}:{d}:{page + 1}"))
    if nav:
        rows.append(nav)
    count = len(drafts.items(directive))
    if count:
        rows.append([Button(t("publish.btn_publish", count=count), f"{PUBLISH}:{d}")])
    rows.append([Button(t("publish.btn_discard"), f"{DISCARD}:{d}")])
    return rows


# ----------------------------------------------------------------- edit lines

_N = r"(\d{1,3})"
EDIT_FORMS = [
    ("deadline", re.compile(rf"^{_N}\s*[.:]?\s*(?:hạn|due)\s*:?\s*(.+)$", re.I)),
    ("lead", re.compile(rf"^{_N}\s*[.:]?\s*(?:chủ\s*trì|lead)\s*:?\s*(.+)$", re.I)),
    ("coordinator_deadline", re.compile(rf"^{_N}\s*[.:]?\s*(?:phối\s*hợp|coordinators?)\s+(?:hạn|due)\s*:?\s*(.+)$",
                                        re.I)),
    ("coordinators", re.compile(rf"^{_N}\s*[.:]?\s*(?:phối\s*hợp|coordinators?)\s*:?\s*(.*)$", re.I)),
    ("action", re.compile(rf"^{_N}\s*[.:]?\s*(?:nội\s*dung|text)\s*:?\s*(.+)$", re.I | re.S)),
    ("output", re.compile(rf"^{_N}\s*[.:]?\s*(?:sản\s*phẩm|output)\s*:?\s*(.+)$", re.I)),
    ("drop", re.compile(r"^(?:bỏ|xoá|xóa|drop|delete)\s+([\d\s,;và\-–]+)$", re.I)),
    ("add", re.compile(r"^(?:thêm|add)\s*:?\s*(.+)$", re.I | re.S)),
    ("map", re.compile(r"^(?:gán|map)\s+(.+?)\s*(?:=|→|->)\s*(.+)$", re.I)),
    ("create", re.compile(r"^(?:tạo|create)\s+(?:đơn\s*vị\s+|unit\s+)?(.+)$", re.I)),
]
_NONE_WORDS = {"không", "khong", "bỏ", "none", "-", "—"}


def _edit(ctx: Context, directive: Directive, text: str) -> list[Reply]:
    t = ctx.t
    for form, pattern in EDIT_FORMS:
        m = pattern.match(text)
        if m:
            kind = form
            break
    else:
        if len(text) > LONG_PASTE:  # Telegram splits a long paste into several messages
            return [Reply(t("publish.long_paste", label=directive.label))]
        return [Reply(t("publish.bad_edit", text=shorten(text, 60)))]
    items = drafts.items(directive)
    if kind in ("deadline", "lead", "coordinators", "coordinator_deadline", "action", "output"):
        number, value = int(m.group(1)), m.group(2).strip()
        if not 1 <= number <= len(items):
            return [Reply(t("publish.no_such_line", number=number, count=len(items)))]
        item = items[number - 1].copy()
        error = _apply(ctx, item, kind, value)
        if error:
            return [Reply(error)]
        items[number - 1] = item
        _save(ctx, directive, items, edit=kind, line=number)
        return [review(ctx, directive, (number - 1) // PER_PAGE + 1)]
    if kind == "drop":
        numbers = _numbers(m.group(1))
        bad = [n for n in numbers if not 1 <= n <= len(items)]
        if not numbers or bad:
            return [Reply(t("publish.no_such_line", number=bad[0] if bad else "?", count=len(items)))]
        items = [item for i, item in enumerate(items, start=1) if i not in numbers]
        _save(ctx, directive, items, edit="drop", lines=sorted(numbers))
        return [review(ctx, directive, 1)]
    if kind == "add":
        item = parse_task_line(ctx, m.group(1).strip())
        items.append(item)
        _save(ctx, directive, items, edit="add", line=len(items))
        return [review(ctx, directive, (len(items) - 1) // PER_PAGE + 1)]
    if kind == "map":
        unit = units.find_unit(ctx.session, m.group(2).strip())
        if unit is None:
            return [Reply(t("publish.unit_not_found", name=shorten(m.group(2).strip(), 80)))]
        return _map(ctx, directive, m.group(1).strip(), unit)
    # create
    return _create(ctx, directive, m.group(1).strip())


def _numbers(text: str) -> set[int]:
    out: set[int] = set()
    for part in re.split(r"[,;\s]+|\bvà\b", text):
        if not part:
            continue
        if re.fullmatch(r"\d+[\-–]\d+", part):
            a, b = (int(x) for x in re.split(r"[\-–]", part))
            if b - a > 500:
                return set()
            out.update(range(min(a, b), max(a, b) + 1))
        elif part.isdigit():
            out.add(int(part))
        else:
            return set()
    return out


def _apply(ctx: Context, item: DraftItem, kind: str, value: str) -> str | None:
    """Change one field of a draft line; the error to show, or None."""
    t = ctx.t
    if kind == "deadline":
        if value.lower() in _NONE_WORDS:
            item["deadline"] = None
            return None
        recurrence = parse_recurrence(value)
        if recurrence:
            item["recurrence"], item["deadline"] = recurrence, None
            return None
        new = dates.parse_date(value, ctx.today) or dates.find_date(value, ctx.today)
        if new is None:
            return t("publish.bad_date", value=shorten(value, 40))
        if deadlines.deadline_problem(new, ctx.today):
            return past_deadline(ctx, new)
        item["deadline"], item["recurrence"] = new.isoformat(), None
        return None
    if kind == "coordinator_deadline":
        return _coordinator_deadline(ctx, item, value)
    if kind == "lead":
        unit = units.find_unit(ctx.session, value) or fuzzy_unit(ctx, value)
        if unit is None:
            return t("publish.unit_not_found", name=shorten(value, 80))
        item["lead"], item["lead_id"] = unit.name, unit.id
        item["coordinators"] = [c for c in item["coordinators"] if c[1] != unit.id]
        return None
    if kind == "coordinators":
        if value.lower() in _NONE_WORDS or not value:
            item["coordinators"] = []
            return None
        found: list[list] = []
        for name in [n.strip() for n in re.split(r"[,;]", value) if n.strip()]:
            unit = units.find_unit(ctx.session, name) or fuzzy_unit(ctx, name)
            if unit is None:
                return t("publish.unit_not_found", name=shorten(name, 80))
            if unit.id != item["lead_id"] and all(unit.id != c[1] for c in found):
                found.append([unit.name, unit.id])
        item["coordinators"] = found
        return None
    if kind == "action":
        if len(value) < 5:
            return t("publish.bad_edit", text=value)
        item["action"] = nfc(value)
        return None
    item["output"] = nfc(value)[:1000]
    return None


def _coordinator_deadline(ctx: Context, item: DraftItem, value: str) -> str | None:
    """`3 phối hợp hạn 10/12/2026`: the coordinators' own deadline on that line (not
    after the lead's); `3 phối hợp hạn không` goes back to the default."""
    t = ctx.t
    if value.lower() in _NONE_WORDS:
        item.pop("coordinator_deadline", None)
        return None
    new = dates.parse_date(value, ctx.today) or dates.find_date(value, ctx.today)
    if new is None:
        return t("publish.bad_date", value=shorten(value, 40))
    if not item["coordinators"]:
        return t("publish.no_coordinators")
    lead = date.fromisoformat(item["deadline"]) if item.get("deadline") else None
    if lead is not None and new > lead:
        return t("publish.coordinator_after_lead", date=fmt_date(new), deadline=fmt_date(lead))
    item["coordinator_deadline"] = new.isoformat()
    return None


_COORDINATED = re.compile(r"^(?:phối\s*hợp|coordinators?)\s*:?\s*(.+)$", re.I)
_COORDINATED_UNTIL = re.compile(r"^(.*?)[\s,;]*\b(?:hạn|due)\s*:?\s*(.+)$", re.I)


def coordinators_part(ctx: Context, item: DraftItem, value: str) -> str | None:
    """"Sở A, Sở B [hạn 10/12/2026]": a line's coordinators and their deadline."""
    m = _COORDINATED_UNTIL.match(value)
    names, until = (m.group(1), m.group(2)) if m else (value, "")
    error = _apply(ctx, item, "coordinators", names.strip())
    if error is None and until:
        error = _coordinator_deadline(ctx, item, until.strip())
    return error


def coordinator_deadline(ctx: Context, item: DraftItem) -> tuple[date | None, bool]:
    """A draft line's coordinator deadline: the one given, or the default (the flag)."""
    if item.get("coordinator_deadline"):
        return date.fromisoformat(item["coordinator_deadline"]), False
    lead = date.fromisoformat(item["deadline"]) if item.get("deadline") else None
    return ctx.rules.coordinator_deadline(lead, ctx.today), True


_PERIODS = (("tháng", "monthly"), ("tuần", "weekly"), ("quý", "quarterly"), ("năm", "yearly"), ("ngày", "daily"))


def parse_recurrence(value: str) -> str | None:
    """"hằng tháng 23", "ngày 23 hằng tháng", "hằng quý", "monthly:23" → a recurrence."""
    low = " ".join(value.lower().split())
    if valid_recurrence(low):
        return low
    for word, kind in _PERIODS:
        if re.search(rf"\b(?:hằng|hàng)\s+{word}\b", low):
            day = re.search(r"\b(\d{1,2})\b", low)
            if kind == "monthly" and day and 1 <= int(day.group(1)) <= 31:
                return f"monthly:{int(day.group(1))}"
            return kind
    return None


def past_deadline(ctx: Context, deadline: date) -> str:
    return ctx.t("publish.deadline_past", date=fmt_date(deadline), today=fmt_date(ctx.today),
                 example=deadlines.example(ctx.today))


def fuzzy_unit(ctx: Context, name: str) -> Unit | None:
    from directives.units import resolve_unit

    matched, _ = resolve_unit(name, _directory(ctx))
    return units.find_unit(ctx.session, matched) if matched else None


def parse_task_line(ctx: Context, text: str) -> DraftItem:
    """"thêm: Sở Y tế | nội dung | 30/5/2026" or a sentence the extractor understands
    ("thêm: Sở Y tế chủ trì … trước ngày 30/5/2026"); refused with what is wrong."""
    t = ctx.t
    parts = [p.strip() for p in text.split("|")]
    coordinated = [p for p in parts[2:] if _COORDINATED.match(p)]
    if coordinated:
        parts = [p for p in parts if p not in coordinated]
    if len(parts) >= 2:
        unit = units.find_unit(ctx.session, parts[0]) or fuzzy_unit(ctx, parts[0])
        if unit is None:
            raise Refusal(Reply(t("publish.unit_not_found", name=shorten(parts[0], 80))))
        deadline = None
        if len(parts) >= 3 and parts[2] and parts[2].lower() not in _NONE_WORDS:
            deadline = dates.parse_date(parts[2], ctx.today) or dates.find_date(parts[2], ctx.today)
            if deadline is None:
                raise Refusal(Reply(t("publish.bad_date", value=shorten(parts[2], 40))))
            if deadlines.deadline_problem(deadline, ctx.today):
                raise Refusal(Reply(past_deadline(ctx, deadline)))
        if len(parts[1]) < 5:
            raise Refusal(Reply(t("publish.bad_add")))
        item: DraftItem = {"lead": unit.name, "lead_id": unit.id, "coordinators": [],
                "deadline": deadline.isoformat() if deadline else None, "recurrence": None,
                "action": nfc(parts[1]), "output": nfc(parts[3]) if len(parts) > 3 else ""}
        for part in coordinated:
            error = coordinators_part(ctx, item, _COORDINATED.match(part).group(1))
            if error:
                raise Refusal(Reply(error))
        return item
    directory = _directory(ctx)
    try:
        from directives.extract import extract_text

        found = extract_text(text if text.endswith(".") else text + ".", units=directory).tasks
    except ExtractionError:
        found = []
    if len(found) != 1 or not found[0].lead:
        raise Refusal(Reply(t("publish.bad_add")))
    task = found[0]
    index = units.unit_index(ctx.session)
    lead_id = _resolve(ctx, task.lead_unit or task.lead, index, directory)
    return {"lead": task.lead_unit or task.lead, "lead_id": lead_id,
            "coordinators": [[n, _resolve(ctx, n, index, directory)] for n in task.coordinators],
            "deadline": task.deadline.isoformat() if task.deadline else None, "recurrence": task.recurrence,
            "action": task.text or text, "output": task.output or ""}


def _map(ctx: Context, directive: Directive, name: str, unit: Unit) -> list[Reply]:
    """Every line naming `name` now names `unit`; the name becomes an alias of the
    unit so the next directive that uses it resolves by itself."""
    items: list[DraftItem] = []
    hits = 0
    key = units.name_key(name)
    for item in drafts.items(directive):
        item = item.copy()
        if item["lead_id"] is None and units.name_key(item["lead"]) == key:
            item["lead"], item["lead_id"] = unit.name, unit.id
            hits += 1
        coords = []
        for cname, uid in item["coordinators"]:
            if uid is None and units.name_key(cname) == key:
                cname, uid = unit.name, unit.id
                hits += 1
            if uid != item["lead_id"] or uid is None:
                coords.append([cname, uid])
        item["coordinators"] = coords
        items.append(item)
    if not hits:
        return [Reply(ctx.t("publish.name_not_in_draft", name=shorten(name, 80)))]
    if key not in {units.name_key(a) for a in unit.alias_list} and key != units.name_key(unit.name):
        units.add_alias(ctx.session, unit, name)
        audit.log(ctx.session, "unit.alias", "unit", unit.id, person_id=ctx.person.id, actor=ctx.actor,
                  alias=name)
    _save(ctx, directive, items, edit="map", name=name, unit=unit.name)
    return [review(ctx, directive, 1)]


def _create(ctx: Context, directive: Directive, name: str) -> list[Reply]:
    name = " ".join(nfc(name).split())
    if len(name) < 3 or len(name) > 255:
        return [Reply(ctx.t("publish.bad_edit", text=shorten(name, 60)))]
    existing = units.find_unit(ctx.session, name)
    if existing is not None:
        return _map(ctx, directive, name, existing)
    unit = units.create_unit(ctx.session, name, actor=ctx.actor)
    return _map(ctx, directive, name, unit)


# -------------------------------------------------------------------- buttons

def _button_draft(ctx: Context, arg: str, *, lock: bool = False) -> tuple[Directive, list[str]]:
    """The draft a button is about and the button's other parts; refused when it is gone."""
    parts = arg.split(":")
    directive = _draft(ctx, parts[0], lock=lock)
    if directive is None:
        raise _not_a_draft(ctx, parts[0])
    return directive, parts[1:]


def _not_a_draft(ctx: Context, raw_id: str) -> Refusal:
    t = ctx.t
    directive = drafts.get_directive(ctx.session, raw_id)
    if directive is not None and directive.status == "published":
        return Refusal(Reply(t("publish.already_published", label=directive.label,
                               at=fmt_local(directive.published_at, ctx.tz)),
                             notice=t("publish.already_published_short")))
    return Refusal(Reply(t("publish.draft_gone"), notice=t("button.expired")))


def _reopen(ctx: Context, directive: Directive) -> None:
    """A button on a draft makes it the one the next edit line applies to."""
    dialog = dialogs.current(ctx.session, ctx.person.id)
    if dialog is None or dialog.kind != DIALOG or dialog.data.get("directive_id") != directive.id:
        dialogs.start(ctx.session, ctx.person.id, DIALOG, None, "review", {"directive_id": directive.id})


def page_button(ctx: Context, arg: str) -> list[Reply]:
    directive, rest = _button_draft(ctx, arg)
    _reopen(ctx, directive)
    reply = review(ctx, directive, int(rest[0]) if rest and rest[0].isdigit() else 1)
    reply.edit = True
    return [reply]


def resume_button(ctx: Context, arg: str) -> list[Reply]:
    directive, _ = _button_draft(ctx, arg)
    _reopen(ctx, directive)
    return [review(ctx, directive, 1)]


def _named(ctx: Context, arg: str) -> tuple[Directive, str, list[str]]:
    """The draft and the unknown name a mapping button is about ("<d>:<name key>:…"),
    made the draft the next edit line applies to; refused when either is gone."""
    directive, rest = _button_draft(ctx, arg)
    name = _name_for(directive, rest[0] if rest else "")
    if name is None:
        raise expired(ctx.t)
    _reopen(ctx, directive)
    return directive, name, rest[1:]


def map_button(ctx: Context, arg: str) -> list[Reply]:
    directive, name, rest = _named(ctx, arg)
    unit = ctx.session.get(Unit, int(rest[0])) if rest and rest[0].isdigit() else None
    if unit is None:
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    return _map(ctx, directive, name, unit)


def create_button(ctx: Context, arg: str) -> list[Reply]:
    directive, name, _ = _named(ctx, arg)
    return _create(ctx, directive, name)


def expand_button(ctx: Context, arg: str) -> list[Reply]:
    directive, name, _ = _named(ctx, arg)
    members = group_members(name, units.list_units(ctx.session))
    if not members:
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    return _expand(ctx, directive, name, members)


# Words of a group name → how the names of its member units begin.
_GROUP_PREFIXES = {
    "sở": ("sở ",), "ban": ("ban ",), "xã": ("ubnd xã ", "ủy ban nhân dân xã "),
    "phường": ("ubnd phường ", "ủy ban nhân dân phường "), "huyện": ("ubnd huyện ", "ủy ban nhân dân huyện "),
    "thị trấn": ("ubnd thị trấn ",), "đặc khu": ("ubnd đặc khu ",),
}


def group_members(name: str, directory: list[Unit]) -> list[Unit]:
    """The directory units a group name stands for: "Các sở, ban, ngành" → every Sở
    and Ban; "UBND các xã, phường" → every UBND xã and phường. Empty when the name
    is not a group."""
    from directives.units import is_group

    if not is_group(name):
        return []
    low = " ".join(name.casefold().split())
    prefixes = tuple(p for word, ps in _GROUP_PREFIXES.items() if re.search(rf"\b{word}\b", low) for p in ps)
    if not prefixes:
        return []
    return [u for u in directory if u.name.casefold().startswith(prefixes)]


def _expand(ctx: Context, directive: Directive, name: str, members: list[Unit]) -> list[Reply]:
    """Every line led by the group becomes one line per member unit; as a coordinator
    the group becomes its members."""
    key = units.name_key(name)
    items: list[DraftItem] = []
    for item in drafts.items(directive):
        coords: list[list] = []
        for cname, uid in item["coordinators"]:
            if uid is None and units.name_key(cname) == key:
                coords += [[u.name, u.id] for u in members]
            else:
                coords.append([cname, uid])
        if item["lead_id"] is None and units.name_key(item["lead"]) == key:
            for unit in members:
                items.append({**item, "lead": unit.name, "lead_id": unit.id,
                              "coordinators": [c for c in coords if c[1] != unit.id]})
        else:
            items.append({**item, "coordinators": [c for c in coords if c[1] != item["lead_id"] or c[1] is None]})
    _save(ctx, directive, items, edit="expand", name=name, units=len(members))
    return [review(ctx, directive, 1)]


def _name_for(directive: Directive, handle: str) -> str | None:
    return next((n for n in _unknown(drafts.items(directive)) if _name_key(n) == handle), None)


def discard_button(ctx: Context, arg: str) -> list[Reply]:
    directive, _ = _button_draft(ctx, arg, lock=True)
    drafts.discard(ctx.session, directive)
    audit.log(ctx.session, "directive.discard", "directive", directive.id, person_id=ctx.person.id,
              actor=ctx.actor)
    dialog = dialogs.current(ctx.session, ctx.person.id)
    if dialog is not None and dialog.kind == DIALOG:
        dialogs.finish(ctx.session, ctx.person.id)
    return [Reply(ctx.t("publish.discarded", label=directive.label), notice=ctx.t("publish.discarded_short"))]


def publish_button(ctx: Context, arg: str) -> list[Reply]:
    """"Ban hành": tasks created, every unit told. The directive row is locked, so two
    presses (or two office people) publish once."""
    directive, rest = _button_draft(ctx, arg, lock=True)
    t = ctx.t
    items = drafts.items(directive)
    if not items:
        return [Reply(t("publish.nothing_to_publish"))]
    missing = [(n, item["lead"]) for n, item in enumerate(items, start=1) if item["lead_id"] is None]
    if missing:
        listed = ", ".join(f"{n}. {name}" for n, name in missing[:10])
        return [Reply(t("publish.leads_missing", lines=listed), notice=t("publish.leads_missing_short"))]
    if rest[:1] != ["again"] and (twin := same_directive(ctx.session, directive.number, directive.issuer,
                                                         directive.issued_on, exclude=directive.id)):
        return [_twin_warning(ctx, directive, twin, len(items))]
    all_units = drafts.units_by_id(ctx.session)
    created: list[Task] = []
    skipped: list[str] = []
    for item in items:
        coordinators = [all_units[uid] for _, uid in item["coordinators"] if uid in all_units]
        skipped += [name for name, uid in item["coordinators"] if uid is None]
        deadline = date.fromisoformat(item["deadline"]) if item.get("deadline") else None
        created.append(crud.add_task(
            ctx.session, lead=all_units[item["lead_id"]], action=item["action"], deadline=deadline,
            recurrence=item.get("recurrence"), coordinators=coordinators, directive=directive,
            expected_output=item.get("output") or "", today=ctx.today, actor=ctx.actor,
            person_id=ctx.person.id, coordinator_deadline=coordinator_deadline(ctx, item)[0]))
    drafts.mark_published(ctx.session, directive)
    queued, silent = notify.notify_units(ctx.session, f"publish:{directive.id}", created,
                                         header=notify.assigned_header(directive.label, ctx.today),
                                         units=all_units, now=ctx.now)
    audit.log(ctx.session, "directive.publish", "directive", directive.id, person_id=ctx.person.id,
              actor=ctx.actor, tasks=len(created), notices=queued, silent=[u.name for u in silent])
    dialog = dialogs.current(ctx.session, ctx.person.id)
    if dialog is not None and dialog.kind == DIALOG:
        dialogs.finish(ctx.session, ctx.person.id)
    unit_count = len({task.lead_unit_id for task in created})
    lines = [t("publish.published", label=directive.label, tasks=len(created), units=unit_count, queued=queued)]
    if silent:
        lines.append(t("publish.silent_units", names=", ".join(u.name for u in silent)))
    if skipped:
        lines.append(t("publish.skipped_coordinators", names=", ".join(dict.fromkeys(skipped))))
    return [Reply("\n".join(lines), notice=t("publish.published_short"))]


def _twin_warning(ctx: Context, directive: Directive, twin: Directive, count: int) -> Reply:
    """The same number was published before: say so, and publish only when asked again."""
    t = ctx.t
    tasks = task_count(ctx.session, twin.id)
    at = fmt_local(twin.published_at, ctx.tz) if twin.published_at else fmt_date(twin.created_at.date())
    return Reply(t("publish.twin_warning", label=twin.label, at=at, tasks=tasks),
                 buttons=[[Button(t("publish.btn_publish_again", count=count), f"{PUBLISH}:{directive.id}:again")],
                          [Button(t("publish.btn_discard"), f"{DISCARD}:{directive.id}")]],
                 notice=t("publish.twin_short"))
