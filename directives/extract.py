"""The pipeline: text -> paragraphs -> header + blocks -> drafts -> tasks (+ directory match)."""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from . import glossary
from . import lexicon as lx
from .dates import find_deadline, find_recurrence, years_in
from .header import parse_header
from .model import DocumentInfo, ExtractedTask, Extraction
from .names import (
    ENTERPRISE_KINDS,
    GENERIC_KINDS,
    UnitRef,
    bare_subject_end,
    is_predicate_at,
    parse_unit_list,
    reading_units,
)
from .normalize import paragraphs
from .ocr import take_marks, uncertain
from .reader import read_document
from .structure import INVITES_BELOW, Block, build
from .tasks import (
    ADDRESSEE,
    PURPOSE_THEN_HANDING,
    BlockReader,
    Draft,
    Scope,
    assignments_in,
    coordinators_in,
    date_undated,
    item_opens_work,
    lead_key,
    output_of,
    reading_assignments,
    select_coordinators,
    select_leads,
    split_by_deadline,
    split_sentences,
    summary_of,
    tasks_as_work,
)
from .text import UPPER, PhraseIndex, Token, capitalize_first, fold, low_at, tokenize
from .units import expand_abbreviations, is_group, resolve_unit

_DESCRIPTIVE = PhraseIndex(lx.DESCRIPTIVE_HEADS)
# Words that end a body's name in a title: what follows says about what, where or when.
_NOT_IN_NAME = {"trong", "về", "đối", "tại", "theo", "khi", "với", "và", "của", "cho", "trên", "từ", "đến"}
# Verbs that open a clause saying which bodies of a group a title means ("… chủ trì, quản lý …").
_DEFINING = PhraseIndex(frozenset(tuple(p.split()) for p in (
    "chủ trì", "được giao", "được phân công", "tham gia", "quản lý", "có liên quan")))
# "Cử tri xã X, huyện Y đề nghị:" then the request, then "TRẢ LỜI:" and the answer that gives the work.
_PETITION = re.compile(r"^(?:ý kiến\s+)?(?:cử tri|công dân|người dân|nhân dân)\b[^:.;]{0,120}?"
                       r"(?:đề nghị|kiến nghị|phản ánh|hỏi|đề xuất)\s*:\s*$", re.IGNORECASE)
_ANSWER = re.compile(r"^(?:trả lời|ý kiến trả lời|nội dung trả lời)\b", re.IGNORECASE)
_SECTION_KINDS = ("part", "article", "roman", "number", "subnumber", "letter", "heading")


def extract_file(path: str | Path, issued: date | None = None, units=None) -> Extraction:
    return extract_text(read_document(path), issued=issued, units=units)


def extract_text(text: str, issued: date | None = None, units=None) -> Extraction:
    text, marks = take_marks(text)
    lines = paragraphs(text)
    info, body_start = parse_header(lines)
    info.scanned = marks.scanned
    if issued is not None:
        info.issued = issued
    # Undated days take the issue year; a known issue date also rolls "15/01" in December over.
    year = info.issued or _default_year(info, text)
    blocks = build(lines, body_start)
    with glossary.reading(glossary.defined_units(text)), reading_units(), reading_assignments():
        drafts = _drafts(blocks, year)
    tasks = _to_recipients([task for draft in drafts for task in _tasks(draft)], _recipients(lines))
    tasks = [task for task in tasks if not _issuers_own_act(task, info.issuer)]
    for task in tasks:
        task.uncertain = uncertain(task.text, marks.low_lines)
    if units:
        _resolve(tasks, units)
    return Extraction(document=info, tasks=tasks)


# "Chủ tịch UBND tỉnh ban hành Chỉ thị về …", "UBND huyện ban hành Kế hoạch triển khai …": the issuer
# issuing the very document (its kind capitalized, a name), the news of it or its preamble, not a task.
_ISSUES_A_DOCUMENT = re.compile(r"^(?:(?:[Vv]ừa|[Đđ]ã|[Mm]ới)\s+)?(?:[Kk]ý\s+)?(?:[Bb]an hành)\s+(?:Chỉ thị|Kế hoạch|Công văn|"
                                r"Công điện|Quyết định|Thông báo|Nghị quyết|Văn bản|Hướng dẫn)(?!\w)")


# "UBND huyện Xa thông báo công bố, công khai …", "… trân trọng công bố, thông báo đến toàn bộ tổ chức, cá nhân":
# the issuer announcing what the document makes public
_ANNOUNCES_PUBLICLY = re.compile(r"^(?:[Tt]rân trọng\s+)?(?:[Tt]hông báo\s+công bố|[Cc]ông bố\s*,\s*(?:thông báo|công khai))(?!\w)")


def _issuers_own_act(task: ExtractedTask, issuer: str | None) -> bool:
    if not issuer or task.deadline or task.recurrence or \
            not (_ISSUES_A_DOCUMENT.match(task.summary) or _ANNOUNCES_PUBLICLY.match(task.summary)):
        return False
    # the Chủ tịch issues what the People's Committee does: "Chủ tịch UBND tỉnh" under "ỦY BAN NHÂN DÂN TỈNH …"
    lead = set(expand_abbreviations(task.lead).split()) - {"chủ", "tịch"}
    by = set(expand_abbreviations(issuer).split()) - {"chủ", "tịch"}
    return bool(lead) and (lead <= by or by <= lead)


_TO = re.compile(r"^kính gửi\s*:?\s*", re.IGNORECASE)
_LISTED = re.compile(r"^[-–—•+*]\s*")
MAX_RECIPIENTS = 30


def _recipients(lines) -> list[str]:
    """The units "Kính gửi:" names, on its line or as the "- …" lines under it."""
    for i, line in enumerate(lines):
        m = _TO.match(line.text)
        if not m:
            continue
        names = [line.text[m.end():]]
        for nxt in lines[i + 1:i + 1 + MAX_RECIPIENTS]:
            if not _LISTED.match(nxt.text):
                break
            names.append(_LISTED.sub("", nxt.text))
        # ("Công ty X (Địa chỉ: …)": the address is no part of the name)
        names = [re.sub(r"\s*\((?:Địa chỉ|Đ/c)\s*:[^()]*\)\s*$", "", n, flags=re.IGNORECASE) for n in names]
        return [name for name in (n.strip().rstrip(".;,").strip() for n in names) if name]
    return []


def _to_recipients(tasks: list[ExtractedTask], recipients: list[str]) -> list[ExtractedTask]:
    """"Quý cơ quan …" leads as the letter's recipients, one task each; "các đồng chí" (a letter to the heads
    of bodies) as each head "Kính gửi" names."""
    if not recipients:
        return tasks
    heads: list[str] | None = None  # read from the recipients once, when a task first asks "các đồng chí"
    out: list[ExtractedTask] = []
    for task in tasks:
        comrades = _COMRADES.fullmatch(task.lead)
        if comrades and heads is None:
            heads = _heads_named(recipients)
        if task.lead.startswith(ADDRESSEE):
            names = recipients
        elif comrades and heads:
            names = heads
        else:
            out.append(task)
            continue
        out.extend(replace(task, lead=name, coordinators=[c for c in task.coordinators if lead_key(c) != lead_key(name)])
                   for name in names)
    return out


_COMRADES = re.compile(r"(?i:các đồng chí)")
_COMRADES_BEFORE = re.compile(r"^(?i:các\s+)?(?i:đồng chí)\s+")
_TITLE_THEN_BODIES = re.compile(r"^(?P<title>[^:,;]{2,40}?)\s*:\s*(?P<bodies>\S.*)$")


def _heads_named(recipients: list[str]) -> list[str]:
    """"Kính gửi: - Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ; - Các đồng chí Tổng giám đốc: Ngân hàng
    A, Ngân hàng B": each head, the title given to each body listed after its colon. None when a line names
    no head: the letter is then to bodies, not to the comrades at their head."""
    heads: list[str] = []
    for line in recipients:
        line = _COMRADES_BEFORE.sub("", line)
        titled = _TITLE_THEN_BODIES.match(line)
        text = titled.group("bodies") if titled else line
        units, _ = parse_unit_list(text, tokenize(text), 0, raw=True)
        if not units:
            return []
        title = re.sub(r"\s+các (?:cơ quan|đơn vị)$", "", titled.group("title")) if titled else ""  # "Tổng giám đốc các cơ quan:"
        heads.extend(f"{title} {u.text}" if title else u.text for u in units)
    return heads


def _default_year(info: DocumentInfo, text: str) -> int:
    """The year of undated deadlines: the issue year, else the year the text speaks of most."""
    if info.issued:
        return info.issued.year
    years = Counter(years_in(text))
    return years.most_common(1)[0][0] if years else date.today().year


# "II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI": the work a conclusion gives, in items that may
# name no actor
_TASKS_SECTION = re.compile(r"^(?:một số\s+)?(?:nhiệm vụ|giải pháp)(?:\s*,\s*giải pháp)?\b", re.IGNORECASE)
# "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh X và các Bộ, cơ quan liên quan biết, thực hiện./."
_SENT_TO = re.compile(r"thông báo\s+(?:để|cho)\s+(?=\S)", re.IGNORECASE)
_TO_ACT = re.compile(r"\bbiết\s*,?\s*(?:và\s+)?(?:(?:tập trung|khẩn trương|chủ động|nghiêm túc)\s+)?(?:thực hiện|triển khai)",
                     re.IGNORECASE)


def _sent_to(blocks: list[Block]) -> UnitRef | None:
    """The one body a notice's sending formula names to act, beside catch-alls, or None."""
    for block in reversed(blocks):
        m = _SENT_TO.search(block.text)
        if block.skip or not m or not _TO_ACT.search(block.text, m.end()):
            continue
        text = block.text[m.end():]
        units, _ = parse_unit_list(text, tokenize(text), 0)
        named = [u for u in units if u.kind == "named" and not u.head_title]
        if not named and (place := _PLACE_SENT_TO.search(text)) is not None:
            # "… để các Bộ, cơ quan liên quan và Thành phố Xa biết, …": the city the meeting was with
            return UnitRef(place.group("place"), "named", 0, 0)
        return named[0] if len(named) == 1 else None
    return None


_PLACE_SENT_TO = re.compile(r"^[^.;]{0,80}?(?:,|\svà)\s+(?P<place>(?:Thành phố|Tỉnh|tỉnh)\s+(?:[A-ZĐ]\w*\s+){0,3}[A-ZĐ]\w*)"
                            r"\s+biết\b")


def _sections_for(blocks: list[Block]) -> dict[int, Scope]:
    """A conclusion's section of tasks ("II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP …") whose items name no actor is
    the work of the one body the notice is sent to act on it: the province the meeting was held with."""
    titles = [b for b in blocks if not b.skip and b.kind in ("roman", "part") and _TASKS_SECTION.match(b.text)]
    addressee = _sent_to(blocks) if titles else None
    if addressee is None:
        return {}
    return {b.index: Scope([_as_the_items_say(addressee, blocks, b)], []) for b in titles}


_COMMITTEE_OF = re.compile(r"^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?P<place>(?:tỉnh|thành phố|huyện|quận|thị xã)\s+\S.*)$")


def _as_the_items_say(addressee: UnitRef, blocks: list[Block], title: Block) -> UnitRef:
    """"Tỉnh cần tập trung …" opening the section sent to "Ủy ban nhân dân tỉnh X": the items speak of the
    province, and the province is who they name."""
    committee = _COMMITTEE_OF.match(addressee.text)
    if committee is None:
        return addressee
    place = committee.group("place")
    word = place.split()[0] if not place.startswith(("thành phố", "thị xã")) else " ".join(place.split()[:2])
    first = next((b for b in blocks if b.index > title.index and not b.skip and not b.text.rstrip().endswith(":")
                  and b.text.strip()), None)
    if first is None or not first.text.casefold().startswith(word + " "):
        return addressee
    return replace(addressee, text=place)


_BARE_PLACES = {"tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường"}


def _place_named(drafts: list[Draft], scope: Scope | None, above: list[Draft]) -> list[Draft]:
    """"Thành phố chủ động …" under "thành phố Hòa An cần … sau đây:", or in an item whose work the city
    was given: the place named before, by its name (going on with that item's work)."""
    leads_above = list(dict.fromkeys(d.lead for d in above))
    kept = []
    for draft in drafts:
        bare = draft.lead.casefold()
        if bare in _BARE_PLACES:
            if len(leads_above) == 1 and leads_above[0].casefold().startswith(bare + " "):
                above[-1].segments.extend(draft.segments)  # the item's work goes on in its own paragraph
                continue
            if scope is not None and len(scope.leads) == 1 and scope.leads[0].text.casefold().startswith(bare + " "):
                named = capitalize_first(scope.leads[0].text)
                draft.lead, draft.key = named, lead_key(named)
        kept.append(draft)
    return kept


# "Trách nhiệm chỉ đạo thực hiện: A; B; C." closing a group of bullets: a programme names the leads after
# the work they lead
_LEADS_AFTER = re.compile(r"^(?:Trách nhiệm|Cơ quan)\s+(?:chỉ đạo\s+)?(?:thực hiện|chủ trì)\s*:\s*(?=\S)", re.IGNORECASE)


# An annex's title naming whose duties it lists ("NHIỆM VỤ CỦA CÁC BỘ, NGÀNH, ĐỊA PHƯƠNG TRONG TRIỂN KHAI ĐỀ ÁN …"),
# and its section of the duties they all share ("I. NHIỆM VỤ CHUNG").
_DUTIES_TITLE = re.compile(r"^(?:CÁC\s+)?NHIỆM VỤ(?:,\s*GIẢI PHÁP)?\s+CỦA\s+(?=\S)")
_PURPOSE = re.compile(r"^(?:trong|triển khai|thực hiện|để|nhằm|về|giai đoạn|năm)\b")
_GENERAL_DUTIES = re.compile(r"^(?:CÁC\s+)?NHIỆM VỤ(?:,\s*GIẢI PHÁP)?\s+CHUNG\s*$", re.IGNORECASE)


def _annex_general_duties(blocks: list[Block]) -> dict[int, Scope]:
    """The general duties section of an annex whose title names whose duties it lists: the items, which name no
    actor, are each of theirs."""
    found: dict[int, Scope] = {}
    scope: Scope | None = None
    for block in blocks:
        if _ANNEX_TITLE.match(block.text):
            scope = None
        title = _DUTIES_TITLE.match(block.text)
        if title and block.text.upper() == block.text and \
                (groups := _groups_in_capitals(block.text[title.end():])) and (not groups[1] or _PURPOSE.match(groups[1])):
            scope = Scope(select_leads([replace(u, kind="group") for u in groups[0]]), [], explicit=True)
        elif scope is not None and block.kind in ("roman", "part", "heading") and _GENERAL_DUTIES.match(block.text):
            found[block.index] = scope
    return found


# "Phòng X là cơ quan chuyên môn thuộc Ủy ban nhân dân xã, thực hiện chức năng tham mưu …" under "I. CHỨC NĂNG",
# then "II. NHIỆM VỤ VÀ QUYỀN HẠN" over the duties: a regulation of one body's functions.
_FUNCTION_OF = re.compile(r"^(?P<unit>[^,;:]{3,120}?)\s+là\s+(?:cơ quan|đơn vị|tổ chức)\s+(?:chuyên môn|tham mưu|sự nghiệp)"
                          r"[^.;]*?(?:chức năng|giúp)")
_DUTIES_AND_POWERS = re.compile(r"^(?:nhiệm vụ(?:\s*(?:,|và)\s*quyền hạn)?|nhiệm vụ, quyền hạn và trách nhiệm)$",
                                re.IGNORECASE)


def _function_duties(blocks: list[Block]) -> dict[int, Scope]:
    """The duties section of a regulation of one body's functions: the body its function section defines does
    each item (the definition itself is no work)."""
    owner: Scope | None = None
    found: dict[int, Scope] = {}
    for block in blocks:
        if owner is None and block.kind == "para" and block.parent is not None and \
                (m := _FUNCTION_OF.match(block.text)) and not block.children:
            tokens = tokenize(m["unit"])
            units, end = parse_unit_list(m["unit"], tokens, 0)
            if len(units) == 1 and end >= len(tokens) and units[0].kind == "named":
                owner = Scope(units, [], explicit=True)
                block.skip = True
        elif owner is not None and block.kind in ("roman", "part", "heading", "article") and block.children and \
                _DUTIES_AND_POWERS.match(block.text.strip(" .:")):
            found[block.index] = owner
    return found


def _leads_named_after(blocks: list[Block]) -> dict[int, Scope]:
    """The bullets of each group a closing line's leads lead, by the group's block; the line is no work."""
    found: dict[int, Scope] = {}
    for block in blocks:
        if block.skip or len(block.children) < 2:
            continue
        last = block.children[-1]
        m = _LEADS_AFTER.match(last.text)
        if m is None or last.is_item or last.children or not any(c.is_item for c in block.children[:-1]):
            continue
        text = last.text[m.end():].rstrip(" .;")
        tokens = tokenize(text)
        units, end = parse_unit_list(text, tokens, 0)
        if units and end >= len(tokens):
            found[block.index] = Scope(select_leads(units), [], explicit=True)
            last.skip = True
    return found


def _drafts(blocks: list[Block], year: int | date) -> list[Draft]:
    scopes: dict[int, Scope] = {**_sections_for(blocks), **_leads_named_after(blocks), **_annex_general_duties(blocks),
                                **_function_duties(blocks)}
    finished: dict[int, list[Draft]] = {}  # the tasks an item's own text left open
    drafts: list[Draft] = []
    document_scope, announced_at = _document_scope(blocks, year)
    # what the body asks of its reader ends where an annex begins: the annex's rows say whose they are
    annex_at = next((b.index for b in blocks if b.index > announced_at and b.parent is None and
                     _ANNEX_TITLE.match(b.text)), len(blocks))
    before: list[Draft] = []
    document_scoped = False  # whether any item below the announcement took its scope
    headline: list[Draft] = []  # what a news page's headline says, before its body says it again
    petition = False
    intro_dates: dict[int, date] = {}  # "Các nhiệm vụ cần thực hiện trong tháng 9/2020:" over its items
    by_block: dict[int, list[Draft]] = {}  # the drafts each block read
    top = [b for b in blocks if b.parent is None]
    lead_ins: dict[int | None, Scope] = {}  # by parent: "Giao Sở X chủ trì:" over the items after it
    topics = {b.index for b in blocks if not b.skip and _topic_over_requests(b)}  # items titled by their topic
    addressed_lead_ins: set[int | None] = set()  # those set by "Đối với X:"
    for block in blocks:
        if petition and not _ANSWER.match(block.text) and not block.text.rstrip().endswith(":"):
            continue  # what the voters ask for is not work given to anyone
        petition = bool(_PETITION.match(block.text))
        if not block.skip and _dates_items_named(block, top, by_block, year):
            continue
        if block.skip:
            if block.announcement:
                drafts.extend(_handed_before_announcement(block, year))
                _report_topics_below(block, blocks)
                # "… một số công việc cần thực hiện trong tháng 9 năm 2020, cụ thể như sau:" dates its items
                _date_from_intro(block, [], intro_dates, year)
            continue
        # The announcement leads what comes below it; the background above it is nobody's work.
        scope = next((scopes[a.index] for a in block.ancestors() if a.index in scopes),
                     document_scope if announced_at < block.index < annex_at else None)
        document_scoped = document_scoped or scope is not None and scope is document_scope
        # (at the top of the document, _document_scope reads the paragraph over the items)
        siblings = block.parent.index if block.parent is not None else None
        if block.kind not in _ITEM_KINDS:
            lead_ins.pop(siblings, None)  # a paragraph after the items ends what the lead-in led
            addressed_lead_ins.discard(siblings)
        elif siblings in lead_ins:
            scope = lead_ins[siblings]
            if siblings in addressed_lead_ins or _titles_numbered_items(block):
                # ("Đối với X:" leads what the item holds too; so does "toàn Ngành cần …:" over "1. Title" and its
                # "1.1." items)
                scopes.setdefault(block.index, scope)
        if _date_reports_above(block, blocks, by_block, year) or _date_comments_above(block, blocks, by_block, year) or \
                _date_answer_above(block, drafts, year):
            by_block[block.index], finished[block.index], before = [], [], []
            continue
        _report_contents_below(block)
        if INVITES_BELOW.search(block.text) and block.children and all(c.skip for c in block.children):
            # "Giao UBND các huyện … mời các thành phần sau đây …, cụ thể:" over the guests: the request is the work
            block = replace(block, text=re.sub(r"\s*,?\s*(?:cụ thể(?: như sau)?|như sau|gồm)?\s*:\s*$", ".", block.text),
                            children=[], announcement=False)
        reader = BlockReader(block, scope, _section(block), year, _open_tasks(block, finished), before)
        above = by_block.get(block.parent.index, []) if block.parent is not None else []
        read = _place_named(reader.read(), scope, above)
        if block.children and block.text.endswith(":") and \
                (handed := _handed_on(block, reader.heading_scope, blocks, year)) is not reader.heading_scope:
            reader.heading_scope = handed
        if block.kind == "para" and not block.children and _ADDRESSED.match(block.text) and \
                _DUTIES_PARAGRAPH.match(block.text) and (addressed := _unit_heading(block, lead_in=True)) and \
                addressed.leads:
            # "Đối với các Bộ, cơ quan ngang Bộ:" then "(1) …", "(2) …" set beside it: the items are theirs
            read, reader.last, reader.heading_scope = [], [], None
            lead_ins[siblings] = addressed
            addressed_lead_ins.add(siblings)
        elif (siblings is not None or block.index > announced_at and reader.heading_scope is not None and
              reader.heading_scope.explicit and block.index + 1 < len(blocks) and
              blocks[block.index + 1].kind in ("paren", "letter")) and _leads_in(block, reader.heading_scope):
            # (at the top of a page, "Theo đó, Thủ tướng yêu cầu Bộ X … như sau:" after the report of the signing)
            lead_ins[siblings] = reader.heading_scope  # type: ignore[assignment]
        heading = _unit_heading(block)
        if heading is not None:
            # "8. Các Khu X, Khu Y và hiệp hội, doanh nghiệp liên quan", "3. Cơ quan chủ trì thẩm định dự án",
            # "1. Sở Nội vụ là cơ quan đầu mối": a title that names the leads has no work of its own.
            read, reader.last, reader.heading_scope = [], [], None
        elif block.index in topics:
            read = []  # (what the paragraphs before the request add to the topic goes with it)
        elif block.parent is not None and block.parent.index in topics and _elaborates_request(block):
            read = []  # "Tuyên truyền về hậu quả …" after "Đề nghị các cơ quan báo chí tuyên truyền …": what to say
        if not drafts and _is_headline(block):
            headline.extend(read)
        _date_from_intro(block, read, intro_dates, year)
        by_block[block.index] = read
        drafts.extend(read)
        finished[block.index] = before = reader.last
        own = heading or reader.heading_scope
        if own is not None and not (block.index in scopes and not own.leads):
            scopes[block.index] = own  # (a title naming nobody keeps the scope found for its section)
    if announced_at >= 0 and blocks[announced_at].announcement:
        drafts[:0] = _announced_with_own_work(blocks[announced_at], year, whole=not document_scoped)
    if (day := _annex_due(blocks, year)) is not None:
        annex = next(b.index for b in blocks if _ANNEX_TITLE.match(b.text))
        for index, read in by_block.items():
            for draft in read if index > annex else []:
                date_undated(draft, day)  # the annex's rows are due when the body says its items are
    said_first = {id(d) for d in headline}
    restated = {d.key for d in drafts if id(d) not in said_first}
    drafts = [d for d in drafts if not (id(d) in said_first and d.key in restated)]
    return _without_general_calls(_without_permissions(_without_lede(drafts, top, by_block)))


def _titles_numbered_items(block: Block) -> bool:
    """"1. Tiếp tục đẩy mạnh công tác …" over "1.1.", "1.2." items: a title of the work its decimal items do."""
    return bool(block.children) and all(c.kind == "subnumber" for c in block.children) and \
        not block.text.rstrip().endswith(":")


# "Đề nghị các cơ quan báo chí …", "…, Sở X đề nghị các đơn vị …": a request naming whom it asks
_REQUEST_OPENS = re.compile(r"^(?:[^.;:]{0,200}?,\s*(?:[^.;:,]{0,60}?\s)?)?(?:đề nghị|yêu cầu)\s+(?:các\s|[" + UPPER + r"])",
                            re.IGNORECASE)


MAX_TOPIC_TITLE = 400
_SOURCE_CLOSING = re.compile(r"\s*\(\s*theo\b[^()]*\)\s*\.?$", re.IGNORECASE)


def _asks(block: Block) -> bool:
    """A paragraph with a sentence that opens a request naming whom it asks."""
    return block.kind == "para" and any(_REQUEST_OPENS.match(s) for s in split_sentences(block.text))


def _names_actor(text: str) -> bool:
    """Whether a sentence of the text says who does its work."""
    return any(a.leads for s in split_sentences(text) for a in assignments_in(s))


def _elaborates_request(block: Block) -> bool:
    """A paragraph without a subject of its own after the request under its topic title: what the request covers."""
    parent = block.parent
    if block.kind != "para" or parent is None:
        return False
    earlier = parent.children[:parent.children.index(block)]
    return any(_asks(c) for c in earlier) and not _names_actor(block.text)


def _topic_over_requests(block: Block) -> bool:
    """"1. Tuyên truyền Chỉ thị X (theo Công văn …)" over "Đề nghị các cơ quan báo chí …": the item's title is
    its topic, the request below says who does what."""
    # (a source in brackets may close the title with a full stop: "… (theo Kế hoạch số 3/KH-UBND).")
    title = _SOURCE_CLOSING.sub("", block.text.rstrip())
    if not block.is_item or not block.children or re.search(r"[.;:!?…]$", title) or len(block.text) > MAX_TOPIC_TITLE:
        return False
    if _names_actor(block.text) or parse_unit_list(block.text, tokenize(block.text), 0)[0]:
        # "4. Các đơn vị báo cáo kết quả …", "Sau khi kiểm tra, Sở X giới thiệu …", "8. Phòng Y" name who does it
        return False
    return any(_asks(c) for c in block.children[:3])


# "… các kiến nghị … (Phụ lục kèm theo), hoàn thành trước ngày 15/12/2025": the body dates the annex's items
# "… văn bản theo Phụ lục II ban hành kèm theo Nghị quyết này …, bảo đảm có hiệu lực trước ngày …": the same,
# when the annex the sentence names is the one that follows.
_ANNEX_MENTION = re.compile(r"\(\s*(?:có\s+)?phụ lục[^()]{0,40}kèm theo\s*\)|theo phụ lục kèm theo|"
                            r"theo phụ lục\s+(?P<id>[IVX\d]+(?:\.\d+)?)\s+(?:được\s+)?(?:ban hành\s+)?kèm theo",
                            re.IGNORECASE)
_ANNEX_TITLE = re.compile(r"^(?:Phụ lục|PHỤ LỤC)\b(?:\s+(?P<id>[IVX\d]+(?:\.\d+)?)\b)?")


def _annex_due(blocks: list[Block], year: int | date) -> date | None:
    """The day a body sentence that points to the annex sets for its items, when one annex follows."""
    titles = [found for b in blocks if (found := _ANNEX_TITLE.match(b.text))]
    if len(titles) != 1:
        return None
    for block in blocks:
        if _ANNEX_TITLE.match(block.text):
            return None
        if block.skip or not _ANNEX_MENTION.search(block.text):
            continue
        for sentence in split_sentences(block.text):
            mention = _ANNEX_MENTION.search(sentence)
            if mention is None or mention["id"] is not None and mention["id"] != titles[0]["id"]:
                continue
            if (day := find_deadline(sentence, year)) is not None:
                return day
    return None


MAX_LEDE_PARAGRAPHS = 2
# "Thủ tướng Chính phủ vừa ký Công điện số 12/CĐ-TTg …": a news page reports the signing.
_SIGNING_REPORTED = re.compile(r"(?<!\w)(?:vừa|đã)\s+(?:ký(?:\s*,?\s*ban hành)?|ban hành)\s+(?:(?:Công|Chỉ|Thông|Kế|Quyết|Nghị)\S*\s+)",
                               re.IGNORECASE)


def _without_lede(drafts: list[Draft], top: list[Block], by_block: dict[int, list[Draft]]) -> list[Draft]:
    """"Thủ tướng yêu cầu các địa phương … trước ngày 15/1." then "Thủ tướng vừa ký Công điện …" then the
    directions: the paragraphs a news page opens with before it reports the signing summarize the work the
    body then gives; when the body gives work, the summary is no task of its own."""
    signing = next((k for k, b in enumerate(top[:MAX_LEDE_PARAGRAPHS + 1]) if k and _SIGNING_REPORTED.search(b.text)),
                   None)
    if signing is None:
        return drafts
    lede = {id(d) for b in top[:signing] for d in by_block.get(b.index, [])}
    body = [d for d in drafts if id(d) not in lede]
    return body if body else drafts


def _leads_in(block: Block, scope: Scope | None) -> bool:
    """"1. Về cải cách thể chế" / "Giao Sở Tư pháp chủ trì, phối hợp với …:" / "a) Rà soát …" "b) …": a plain
    paragraph ending with a colon that names the leads, with the items set after it rather than
    under it (a letter ranks above a paragraph), leads those items as its own list would."""
    return block.kind == "para" and not block.children and block.text.rstrip().endswith(":") and \
        scope is not None and bool(scope.leads) and not scope.speakers


MAX_HEADLINE_WORDS = 25


def _is_headline(block: Block) -> bool:
    """"Yêu cầu Chủ tịch UBND xã X giải quyết vụ việc" over a news page: a short line with no final stop
    opening the text, whose task the body gives again (and better)."""
    text = block.text.strip()
    return block.parent is None and block.kind == "para" and not block.children and \
        not re.search(r"[.;:!?…]$", text) and len(text.split()) <= MAX_HEADLINE_WORDS


# "Sở X đề nghị UBND các huyện, Công ty Y thực hiện tốt các nội dung trong Công văn số 130 …" then
# "- UBND các huyện: tuyên truyền …": the call to carry out a document, when the same unit is given
# its work in the text itself, only announces that work.
_CARRY_OUT_DOCUMENT = re.compile(
    r"^(?:(?:nghiêm túc|khẩn trương|tổ chức|triển khai|tiếp tục|chủ động)\s*,?\s+)*(?:thực hiện|triển khai|thi hành)"
    r"(?:\s+(?:tốt|nghiêm|nghiêm túc|đầy đủ|có hiệu quả|hiệu quả|thực hiện))*\s+(?:(?:các|những|một số)\s+)?"
    # "… các nội dung chỉ đạo nêu trên theo thẩm quyền …": the directions just given, as a whole
    r"(?:(?:nội dung|yêu cầu|nhiệm vụ)(?:\s+chỉ đạo)?\s+(?:nêu trên|nói trên|trên(?!\s+(?:địa bàn|cơ sở|toàn|phạm vi|không gian|mạng)))\b[^;:]{0,160}|"
    # "tổ chức thực hiện nghiêm túc nội dung Công văn này": the letter itself, as a whole (a plan or a directive
    # handed to its lead, "Giao Sở X triển khai thực hiện Kế hoạch này", is that unit's work)
    r"(?:(?:các\s+)?(?:nội dung|tinh thần)\s+(?:của\s+)?)?(?:công văn|văn bản|thông báo|công điện|hướng dẫn)\s+này\b"
    r"[^;:]{0,80}|"
    r"(?:nội dung|yêu cầu|nhiệm vụ|chỉ đạo)(?:\s+chỉ đạo)?\s+(?:(?:chính|nêu)\s+)?(?:trong|tại|của|theo)\s"
    r"(?:[^;:]{0,200}?(?:công văn|văn bản|chỉ thị|kế hoạch|thông báo|công điện|kết luận|quyết định|nghị quyết)"
    r"(?:\s+số)?\s[^;:]{0,160}|"
    # "thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ về phòng, chống dịch": a superior's directions
    r"(?:Thủ tướng|Chính phủ|Bộ|Ban|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|UBND|Ủy ban|Uỷ ban|Chủ tịch)[^;:]{0,200}))$",
    re.IGNORECASE)


def _catchall(lead: str) -> bool:
    tokens = tokenize(lead)
    units, end = parse_unit_list(lead, tokens, 0)
    return end == len(tokens) and len(units) == 1 and units[0].is_catchall


# "… tập trung triển khai quyết liệt các biện pháp cấp bách trong công tác phòng chống dịch": the measures
# themselves come after, handed to the units by name.
_MEASURES_TO_COME = re.compile(
    r"^(?:(?:tập trung|khẩn trương|tiếp tục|chỉ đạo|tổ chức)\s+)*(?:triển khai|thực hiện|áp dụng)"
    r"(?:\s*,?\s*(?:quyết liệt|đồng bộ|kịp thời|có hiệu quả|hiệu quả|nghiêm túc|mạnh mẽ|thực hiện|và))*\s+"
    r"(?:các|những)\s+(?:biện pháp|giải pháp)(?:\s+(?:cấp bách|cần thiết|trọng tâm|cụ thể))?[^;:]{0,160}$",
    re.IGNORECASE)


def _general_call(action: str, lead: str) -> bool:
    action = action.strip(" ./")  # ("… Công văn này./": the closing mark)
    return bool(_CARRY_OUT_DOCUMENT.match(action)) or (is_group(lead) and bool(_MEASURES_TO_COME.match(action)))


# "Bệnh viện X được ký hợp đồng …", "Người học được miễn …": what a unit may do or is given, no work; work
# handed in the passive ("được giao chủ trì …", "được phân công …") stays.
_PERMITTED = re.compile(r"^được\s+(?!giao\b|quyền\b|phân công\b|yêu cầu\b|chỉ định\b|đề nghị\b|ủy quyền\b|uỷ quyền\b)\w",
                        re.IGNORECASE)


def _without_permissions(drafts: list[Draft]) -> list[Draft]:
    return [d for d in drafts if not all(_PERMITTED.match(seg.action.strip()) for seg in d.segments)]


def _without_general_calls(drafts: list[Draft]) -> list[Draft]:
    general = {id(d) for d in drafts if len(d.segments) == 1 and d.segments[0].deadline is None and
               d.segments[0].recurrence is None and _general_call(d.segments[0].action, d.lead)}
    given_work = {d.key for d in drafts if id(d) not in general}
    kept, called = [], set()
    for d in drafts:
        if id(d) in general:
            if d.key in given_work or d.key in called or (given_work and _catchall(d.lead)) or \
                    (given_work and _MEASURES_TO_COME.match(d.segments[0].action.strip(" ."))):
                # the unit has its own work in the text, or was called on once already; "các cơ quan,
                # đơn vị" called on beside work handed to units by name ("các phòng, ban huyện …"): the call
                # only opens that work
                continue
            called.add(d.key)
        kept.append(d)
    return kept


# A title that is only a period of the programme: "Năm 2031", "Quý 4, năm 2030", "Quý 2/2031", "Tháng 3/2031".
_PERIOD_TITLE = re.compile(r"^(?:năm\s+\d{4}|(?:quý|tháng)\s+\w{1,4}(?:\s*(?:,\s*)?(?:năm\s+|/)\d{4}))\s*[.:]?$",
                           re.IGNORECASE)
# "Việc tổ chức … được thực hiện trong khoảng từ … đến ngày …", "Các hoạt động trên hoàn thành trước ngày …":
# an impersonal sentence of when the section's work is done.
_SECTION_WINDOW = re.compile(r"^(?:việc|thời gian|thời hạn|các hoạt động|hoạt động|các nội dung|công tác)\b[^.;]*?"
                             r"(?:được\s+)?(?:thực hiện|tổ chức|tiến hành|triển khai|hoàn thành)\b", re.IGNORECASE)


# "Quyết định có hiệu lực kể từ ngày ký và giao UBND các tỉnh …": what the document cited above hands out
# (not "Quyết định này", the text itself)
_CITED_DOCUMENT_HANDS = re.compile(r"^(?:Quyết định|Thông tư|Nghị định|Chỉ thị|Công văn|Công điện|Kế hoạch|Thông báo|"
                                   r"Nghị quyết|Văn bản)(?!\s+này)(?:\s+số\s+\S+)?[^.;:]{0,80}?\s(?:giao|yêu cầu|đề nghị)\s",
                                   re.IGNORECASE)


# "đề nghị các sở … báo cáo tình hình thực hiện Thông tư X theo các nội dung cụ thể sau:"
_REPORT_TOPICS = re.compile(r"(?<!\w)báo cáo\b[^:]{0,160}?(?:theo|với|về|gồm)\s+(?:các|những|một số)\s+nội dung"
                            r"(?:\s+(?:cụ thể|chính|chủ yếu))?\s+(?:sau|như sau|sau đây)\s*:\s*$", re.IGNORECASE)
# "… báo cáo kết quả thực hiện …, trong đó cần nêu rõ:" over "- Kết quả đạt được;": what the report is to say
_REPORT_SAYS_TAIL = re.compile(r",\s*trong đó\s+(?:cần\s+|phải\s+)?(?:nêu rõ|làm rõ)\s*:\s*$", re.IGNORECASE)
_REPORT_SAYS = re.compile(r"(?<!\w)báo cáo\b[^:]{0,400}?" + _REPORT_SAYS_TAIL.pattern, re.IGNORECASE)


def _report_topics_below(announcement: Block, blocks: list[Block]) -> None:
    """"… báo cáo … theo các nội dung cụ thể sau:" over "1. Công tác chỉ đạo …", "2. Những đề xuất, kiến nghị":
    the items are what the report covers (none opens with a verb or names a unit), no work of their own."""
    if not _REPORT_TOPICS.search(announcement.text):
        return
    items = list(itertools.takewhile(lambda b: b.kind in _ITEM_KINDS,
                                     (b for b in blocks[announcement.index + 1:] if b.parent is None)))
    _skip_topics(items)


def _report_contents_below(block: Block) -> None:
    """"… đề nghị X báo cáo kết quả …, trong đó cần nêu rõ:" over "- Kết quả đạt được;", "- Khó khăn, vướng
    mắc;": the items are what the report is to say, no work of their own; the request is the task."""
    if block.children and _REPORT_SAYS.search(block.text):
        _skip_topics(block.children, checked=False)
        # read as the request it is, not as the lead-in of its items
        block.children = []
        block.text = _REPORT_SAYS_TAIL.sub(".", block.text)


def _skip_topics(items: list[Block], checked: bool = True) -> None:
    if checked and any(not item.text.strip() or item_opens_work(item.text) for item in items):
        return
    for item in items:
        for block in (item, *_descendants(item)):
            block.skip = True


def _descendants(block: Block) -> list[Block]:
    return [d for c in block.children for d in (c, *_descendants(c))]


def _handed_before_announcement(block: Block, year: int | date) -> list[Draft]:
    """"Để ban hành quy chế, Nhà trường giao cho Phòng X tổ chức lấy ý kiến. Cách thức như sau:": the
    paragraph that announces the body may first hand a task of its own ("Giao/Yêu cầu X …", not
    what was done before); only such handings are read there."""
    sentences = split_sentences(block.text)[:-1]
    handed = [s for s in sentences if any(a.explicit for a in assignments_in(s)) and not _REPORTED_PAST.search(s)
              and not _CITED_DOCUMENT_HANDS.match(s.strip())]
    if not handed:
        return []
    para = Block(block.index, " ".join(handed), "para", None, block.level)
    return BlockReader(para, None, None, year).read()


# "(Nội dung a, b, c gửi về Bộ X trước ngày 30/9/2025)", "(Các nội dung tại điểm 1, 2 hoàn thành trước …)":
# a note after a list that dates the items it names by their marks.
_NAMED_ITEMS_NOTE = re.compile(
    r"^\(\s*(?:các\s+)?(?:nội dung|điểm|mục|nhiệm vụ)\s+(?:tại\s+)?(?:(?:điểm|mục)\s+)?"
    r"(?P<marks>(?:[a-zđ]|\d{1,2})(?:\s*(?:,|và)\s*(?:[a-zđ]|\d{1,2}))+)\b[^()]*\)\s*\.?$", re.IGNORECASE)


def _dates_items_named(block: Block, top: list[Block], by_block: dict[int, list[Draft]], year: int | date) -> bool:
    """A note naming earlier items of its list by their marks gives them its date; it is no task itself."""
    m = _NAMED_ITEMS_NOTE.match(block.text.strip())
    day = find_deadline(block.text, year) if m else None
    if m is None or day is None or block.parent is None:
        return False
    marks = {mark.casefold() for mark in re.split(r"\s*(?:,|và)\s*", m.group("marks"))}
    named: list[Block] = []
    # the note may stand under the last item it names; the items of the top level have no parent
    levels = [lvl.children for lvl in [block.parent, *block.parent.ancestors()]] + [top]
    for level in levels:
        named = [b for b in level if b.index < block.index and b.marker and b.marker.casefold() in marks]
        if named:
            break
    if not named:
        return False
    for item in named:
        stack = [item]
        while stack:  # the item and the blocks under it
            b = stack.pop()
            stack.extend(b.children)
            for draft in by_block.get(b.index, []):
                date_undated(draft, day)
    return True


# ", với các nội dung cụ thể như sau:" closing a request that names its work first
_CONTENTS_FOLLOW = re.compile(r"\s*,?\s+(?:với|theo)\s+(?:các|những|một số)\s+(?:nội dung|yêu cầu|nhiệm vụ)\b[^:;]*:\s*$",
                              re.IGNORECASE)
# "…, đồng thời …": the request's own work ends where the work its items detail begins
_AS_WELL = re.compile(r"\s*,\s*đồng thời\s+", re.IGNORECASE)


def _announced_with_own_work(block: Block, year: int | date, whole: bool) -> list[Draft]:
    """"UBND tỉnh yêu cầu các Sở …, UBND các huyện khẩn trương thực hiện X, đồng thời xây dựng Y, với các
    nội dung cụ thể như sau:": the items below detail Y, and X is the addressees' task of its own. When no
    item takes the addressees' scope (`whole`: sections say what Y must meet, then who does what), the
    request is their task as it stands."""
    last = (split_sentences(block.text) or [""])[-1]
    contents = _CONTENTS_FOLLOW.search(last)
    if contents is None or not any(a.explicit for a in assignments_in(last)) or _REPORTED_PAST.search(last):
        return []
    asked = last[:contents.start()]
    if (both := _AS_WELL.search(asked)) is not None:
        asked = asked[:both.start()]
    elif not whole:
        return []
    para = Block(block.index, asked.rstrip(" ,") + ".", "para", None, block.level)
    return BlockReader(para, None, None, year).read()


# "UBND tỉnh đã giao …", "Bộ X vừa yêu cầu …" before the body: the letter received, context.
_REPORTED_PAST = re.compile(r"(?<!\w)(?:đã|vừa|từng)\s+(?:có\s+\S+\s+)?(?:giao|yêu cầu|đề nghị|chỉ đạo)", re.IGNORECASE)


def _date_from_intro(block: Block, read: list[Draft], intro_dates: dict[int, date], year: int | date) -> None:
    """A deadline stated once in the sentence that introduces a list ("Các nhiệm vụ trọng tâm cần thực
    hiện trong tháng 9/2020:", "… hoàn thành trước ngày 30/6:") dates each item under it that has no
    deadline or cadence of its own (GUIDELINES, deadline field)."""
    parent = block.parent
    if parent is not None and parent.kind in ("part", "roman", "heading") and parent.children and \
            parent.children[0] is block and block.kind == "para" and not read and _SECTION_WINDOW.match(block.text):
        # "III. TỔ CHỨC HỘI NGHỊ …" then "Việc tổ chức hội nghị … được thực hiện từ ngày 04/02 đến ngày
        # 08/02/2026.": the section's opening dates the work of the section's items.
        day = None if find_recurrence(block.text) else find_deadline(block.text, year)
        if day is not None:
            intro_dates[parent.index] = day
    if block.children and _PERIOD_TITLE.match(block.text.strip()):
        # "2. Năm 2031", "1. Quý 4, năm 2030" over items: a work programme dates its items by these titles.
        if (day := find_deadline("trong " + block.text.strip(" .:"), year)) is not None:
            intro_dates[block.index] = day
    if block.text.rstrip().endswith(":") and any(not c.skip for c in block.children):
        intro = (split_sentences(block.text) or [""])[-1]  # the sentence that announces the list
        purpose = PURPOSE_THEN_HANDING.match(intro)
        if purpose:
            intro = intro[purpose.end():]  # "Để … phấn đấu hoàn thành trước ngày 30/11 …, yêu cầu …": the aim's date
        intro = tasks_as_work(intro)
        day = None if find_recurrence(intro) else find_deadline(intro, year)
        if day is not None:
            intro_dates[block.index] = day
    day = next((intro_dates[a.index] for a in block.ancestors() if a.index in intro_dates), None)
    if day is None:
        return
    for draft in read:
        date_undated(draft, day)


def _open_tasks(block: Block, finished: dict[int, list[Draft]]) -> list[Draft]:
    """"1. Sở Y tế rà soát …" then a line "Thời hạn: trước ngày 31/3/2026.": a plain paragraph
    under an item continues the item's task when it names no unit of its own."""
    parent = block.parent
    if block.kind != "para" or parent is None or parent.kind == "para" or parent.is_title:
        return []
    if parent.children and parent.children[0] is not block:
        return []
    return list(finished.get(parent.index, []))


# "Báo cáo của các cơ quan, đơn vị gửi về UBND tỉnh trước ngày 12/6/2026": when the reports every item above
# asked for are due
_REPORTS_OF_ALL = re.compile(r"^(?:các\s+)?(?:báo cáo|văn bản|kết quả)(?:\s+\S+){0,6}?\s+của\s+(?:các|những)\s+"
                             r"[^.;:]{0,80}?(?:(?:đề nghị|được)\s+)?(?:gửi|nộp)(?!\w)", re.IGNORECASE)
# "Nhận được Công văn này, yêu cầu các phòng, ban … nghiêm túc triển khai thực hiện, gửi quy trình về UBND huyện
# trước ngày 10/7/2031": the closing call dates what the items asked to be sent
_CLOSING_SENDS = re.compile(r"^(?:nhận được\s+(?:công văn|văn bản|thông báo)\s+này\s*,\s*)?(?:đề nghị|yêu cầu)\s(?P<who>[^.;:]{0,160}?)\s"
                            r"(?:nghiêm túc\s+)?triển khai thực hiện\s*(?:,|và)\s*(?:gửi|báo cáo|nộp)(?!\w)", re.IGNORECASE)
# "2. Báo cáo được gửi trước ngày 15/01/2031 về Sở Y tế …": when the reports the items above ask for are due
_REPORTS_SENT = re.compile(r"^(?:các\s+)?báo cáo\s+(?:được\s+|phải\s+được\s+)?gửi\s+(?:về\s+[^.;:]{0,60}?\s+)?trước\s+ngày\b",
                           re.IGNORECASE)
_ASKS_REPORT = re.compile(r"(?<!\w)(?:báo cáo|gửi|nộp)(?!\w)", re.IGNORECASE)


def _date_reports_above(block: Block, blocks: list[Block], by_block: dict[int, list[Draft]], year: int | date) -> bool:
    """The numbered items just above a paragraph that dates the reports "of the units" each asked for: their
    undated report tasks take that date (and the paragraph is no task of its own)."""
    closing = _CLOSING_SENDS.match(block.text) if block.kind == "para" else None
    if not (closing or block.kind == "para" and _REPORTS_OF_ALL.match(block.text) or
            block.kind in ("para", "number") and _REPORTS_SENT.match(block.text)):
        return False
    day = find_deadline(block.text, year)
    if day is None:
        return False
    # (the closing call dates only the work of those it calls on)
    called = fold(closing["who"]) if closing else None
    dated = False
    # (a plain paragraph after "3. …" hangs under that item: the items are its parent and the parent's siblings)
    last = block.parent if block.parent is not None and block.parent.kind in _ITEM_KINDS else None
    k = last.index if last is not None else block.index - 1
    level = last.parent if last is not None else block.parent
    if block.kind == "number":
        # ("2. Báo cáo được gửi trước ngày …" after "1. Lập báo cáo …" and what that item holds: its siblings)
        k = next((b.index for b in reversed(blocks[:block.index]) if b.parent is block.parent), -1)
    while k >= 0 and blocks[k].kind in _ITEM_KINDS and blocks[k].parent is level:
        for draft in by_block.get(k, []):
            if not any(seg.recurrence for seg in draft.segments) and (called is None or draft.key in called) and \
                    any(_ASKS_REPORT.search(seg.text) for seg in draft.segments):
                date_undated(draft, day)
                dated = True
        k -= 1
    return dated


# "Đề nghị quý cơ quan gửi văn bản góp ý … trước ngày 20/5/2031": the addressees' answer to the request above
_SEND_COMMENTS = re.compile(r"^\W*(?:kính\s+)?(?:đề nghị|rất mong)\s+quý\s+(?:cơ quan|đơn vị|bộ|sở|ngành|địa phương)"
                            r"[^.;:]{0,30}?\s(?:gửi|có)\s+(?:văn bản\s+)?(?:góp ý|ý kiến)", re.IGNORECASE)
_ASKS_COMMENT = re.compile(r"(?<!\w)(?:góp ý|cho ý kiến|tham gia ý kiến|có ý kiến)(?!\w)", re.IGNORECASE)


def _date_comments_above(block: Block, blocks: list[Block], by_block: dict[int, list[Draft]],
                         year: int | date) -> bool:
    """A paragraph asking the addressees ("quý cơ quan") to send their comments by a day, after the paragraph
    that asked them for those comments: the requests above take its date; it is no task of its own."""
    if block.kind != "para" or block.index == 0 or not _SEND_COMMENTS.match(block.text):
        return False
    day = find_deadline(block.text, year)
    asked = [d for d in by_block.get(block.index - 1, []) if not any(seg.recurrence for seg in d.segments)
             and any(_ASKS_COMMENT.search(seg.text) for seg in d.segments)]
    if day is None or not asked:
        return False
    for draft in asked:
        date_undated(draft, day)
    return True


# "Văn bản trả lời đề nghị gửi về Bộ X trước ngày 24/12/2031": when the answer to the whole letter is due
# (opinions asked for are dated by their own rule: only the requests for comment take their date)
# "Các nội dung trình Thường trực X trước ngày 01/10/2031.": when the items' drafts are due to the issuer
_ANSWER_DUE = re.compile(r"^\W*(?:văn bản(?:\s+(?:trả lời|báo cáo))?\s+(?:(?:đề nghị|xin)\s+)?(?:gửi|nộp)\s+về\s"
                         r"|(?:các\s+)?nội dung\s+trình\s)", re.IGNORECASE)


def _date_answer_above(block: Block, drafts: list[Draft], year: int | date) -> bool:
    """A letter's closing paragraph dating the written answer it asks for: the undated requests above it take
    that date; the paragraph is no task of its own."""
    if block.kind != "para" or not drafts or not _ANSWER_DUE.match(block.text):
        return False
    day = find_deadline(block.text, year)
    if day is None:
        return False
    for draft in drafts:
        if not any(seg.recurrence for seg in draft.segments):
            date_undated(draft, day)
    return True


# "… triển khai công tác … đến các cơ sở giáo dục trên địa bàn quận với các nội dung như sau:"
_PASSED_ON = re.compile(r"(?<!\w)triển khai\s[^:;]{0,200}?\s(?:đến|tới)\s+(?P<to>(?:các|toàn thể|tất cả)\s[^:;]{3,120}?)\s*,?\s+"
                        r"(?:với|theo)\s+(?:các|những|một số)\s+(?:nội dung|yêu cầu|nhiệm vụ)\b[^:;]*:\s*$", re.IGNORECASE)
# "… hướng dẫn các đơn vị trực thuộc thực hiện …": a guidance's preamble naming those it guides
_GUIDES = re.compile(r"(?<=\s)hướng dẫn\s+(?=(?:các|UBND|Ủy ban|Uỷ ban)\s)")


def _handed_on(block: Block, scope: Scope | None, blocks: list[Block], year: int | date) -> Scope | None:
    """The scope of a paragraph that passes work on without a handing verb, read as the request it is;
    `scope` as it was read otherwise."""
    if scope is not None and _leads_below(scope):
        return scope
    if passed := _PASSED_ON.search(block.text):
        # "Phòng GD&ĐT triển khai công tác … đến các cơ sở giáo dục trên địa bàn quận với các nội dung
        # như sau:": the work passed on is the work of those it reaches
        asked = block.text[:passed.start()] + "yêu cầu " + passed.group("to") + " thực hiện các nội dung sau:"
    elif scope is None and (guided := _GUIDES.search(block.text)) and _items_seldom_name_actors(blocks, block):
        # "…, Phòng GD&ĐT hướng dẫn các đơn vị trực thuộc thực hiện …, cụ thể như sau:": the issuer's
        # guidance hands its items to those it guides, as a request would (unless the items often say
        # who does them: then the rest are the guidance's rules)
        asked = block.text[:guided.start()] + "yêu cầu " + block.text[guided.end():]
    else:
        return scope
    reader = BlockReader(replace(block, text=asked), None, None, year)
    reader.read()
    return reader.heading_scope


# "Thực hiện chỉ đạo của Phó Thủ tướng … báo cáo Thủ tướng Chính phủ xem xét; Bộ X đề nghị UBND các tỉnh:": the
# ground before the semicolon, whose bodies ask nothing of the addressees
_NUMBERED_SECTIONS = ("part", "article", "roman", "number")
_GROUND_CLAUSE = re.compile(r"^(?:Thực hiện|Căn cứ|Theo|Triển khai)\b[^;:]*;\s*(?=[^;]*\b(?:đề nghị|yêu cầu|giao)\b[^;]*:\s*$)")


def _document_scope(blocks: list[Block], year: int | date) -> tuple[Scope | None, int]:
    """"… đề nghị UBND các tỉnh thực hiện một số nội dung sau:" leads every item below it; with the
    index of the block that says so (the scope covers the blocks after it)."""
    for block in blocks:
        if block.announcement:
            if (ground := _GROUND_CLAUSE.match(block.text)) and not any(b.kind in _NUMBERED_SECTIONS for b in blocks):
                # (what the ground says is no request; over sections, the items may be what is reported)
                block = replace(block, text=block.text[ground.end():])
            reader = BlockReader(block, None, None, year)
            reader.read()
            scope = _handed_on(block, reader.heading_scope, blocks, year)
            if scope is not None and not scope.leads and scope.speakers:
                return scope, block.index  # the speaker, whose own statements in the items give no work
            if scope is not None and _leads_below(scope) and not (_everyone(scope) and _items_name_actors(blocks, block)):
                return scope, block.index
            break  # "Đánh giá kết quả … như sau:" names nobody: the paragraph over the items may
    # "…, Bộ Xây dựng yêu cầu các cơ quan, đơn vị:" over numbered items: the units handed the items.
    first_item = next((b for b in blocks if not b.skip and b.kind in ("part", "article", "roman", "number")), None)
    before = [b for b in blocks if not b.skip and first_item is not None and b.index < first_item.index]
    if before and before[-1].kind == "para" and before[-1].parent is None and before[-1].text.endswith(":"):
        reader = BlockReader(before[-1], None, None, year)
        reader.read()
        scope = reader.heading_scope
        if scope is not None and scope.explicit and scope.leads and \
                not (len(scope.leads) > 1 and _items_name_actors(blocks, before[-1])):
            return scope, before[-1].index  # (the paragraphs above it report, they are not its items)
    return None, -1


MIN_ADDRESSED_ITEMS = 4
# "các ngành, các cấp", "các cấp, các ngành": every sector and level, nobody in particular
_EVERYONE = re.compile(r"^(?:các\s+(?:ngành|cấp)(?:\s*(?:,|và)\s*)?){2}$", re.IGNORECASE)


def _everyone(scope: Scope) -> bool:
    """"… các ngành, các cấp cần thực hiện tốt những việc sau đây:" over items that name their own actors
    only announces them; it hands nothing to the items without one."""
    return bool(scope.leads) and all(_EVERYONE.match(u.text) for u in scope.leads)


def _items_name_actors(blocks: list[Block], opening: Block) -> bool:
    """"Thủ tướng yêu cầu các Bộ trưởng, Chủ tịch UBND các tỉnh … và đề nghị cộng đồng doanh nghiệp:"
    over sections whose items mostly name their own actor ("1. Bộ Tài chính: …", "Ngân hàng Nhà nước
    chỉ đạo …"): the opening addresses the whole document, it does not hand the items without an actor
    (the general lines of a "Tinh thần chỉ đạo" section) to every addressee. One group ("Bộ X yêu cầu
    các cơ quan, đơn vị:") stands for the addressees as one and keeps the items without an actor."""
    items = [b for b in blocks if b.index > opening.index and not b.skip and b.kind in _ITEM_KINDS]
    if len(items) < MIN_ADDRESSED_ITEMS:
        return False
    return 2 * sum(1 for b in items if _names_its_actor(b)) >= len(items)


def _names_its_actor(block: Block) -> bool:
    """Whether a paragraph says who does it: a unit's heading, or a unit handed work in its first sentence."""
    return _unit_heading(block) is not None or bool(assignments_in((split_sentences(block.text) or [""])[0]))


_ITEM_KINDS = ("number", "subnumber", "letter", "paren")
MAX_NAMED_SHARE = 0.2


def _items_seldom_name_actors(blocks: list[Block], opening: Block) -> bool:
    """Whether at most a fifth of the paragraphs below the opening name who does them."""
    below = [b for b in blocks if b.index > opening.index and not b.skip and b.text.strip()]
    return sum(1 for b in below if _names_its_actor(b)) <= MAX_NAMED_SHARE * len(below)


def _leads_below(scope: Scope) -> bool:
    """"Đề nghị UBND các tỉnh …:" or "Các sở, ban, ngành, UBND các huyện … thực hiện các nội dung sau:"
    lead the items below; "UBND tỉnh kết luận như sau:" is the speaker, not a lead."""
    return scope.explicit or len(scope.leads) > 1 or any(u.kind in ("group", "catchall") for u in scope.leads)


def _unit_heading(block: Block, lead_in: bool = False) -> Scope | None:
    """"b) Phòng Tư pháp:" over bullets: the heading names the lead; with `lead_in`, over the items set after
    it as well."""
    if not (block.children or lead_in) or (block.kind == "para" and not _DUTIES_PARAGRAPH.match(block.text)):
        return None
    # "1. Sở Nông nghiệp và Môi trường (cơ quan thường trực)": the remark names nobody else.
    text = re.sub(r"\s*\([^()]*\)\s*$", "", block.text.rstrip(" .:;")).rstrip(" .:;")
    # "1. Sở Y tế - cơ quan thường trực Ban Chỉ đạo": what the body is, said after its name.
    text = _APPOSITION.sub("", text)
    # "6. Đề nghị: Hiệp hội A, Hội B" over lettered duties: the request names the leads
    text = re.sub(r"^(?:Đề nghị|Giao|Yêu cầu)\s*:\s*", "", text)
    # "Điều 5. Nội dung Sở Y tế có trách nhiệm chủ trì" over items: the matters the body leads
    text = re.sub(r"^Nội dung\s+(?=\S.*\s(?:có|chịu)\s+trách nhiệm\s+chủ trì$)", "", text)
    # "Điều 2. Căn cứ Điều 1 Quyết định này, UBND huyện Xa có trách nhiệm:": the ground, then the unit
    text = re.sub(r"^Căn cứ\s[^,;:]*,\s*(?=\S[^,;:]*\s(?:có|chịu)\s+trách nhiệm$)", "", text)
    # "3. Trách nhiệm của Bộ X", "Nhiệm vụ của Phòng Y": the duties below are the unit's.
    duties = _DUTIES_OF.match(text) or _ADDRESSED.match(text)
    # ("Trách nhiệm của …" itself, not "Đối với …")
    duties_title = bool(duties) and bool(_DUTIES_OF.match(block.text.lstrip("0123456789.) ")))
    has_duties = 0  # "… có trách nhiệm" closing the title
    if duties:
        text = text[duties.end():]
    else:
        # "1. Sở Nội vụ có nhiệm vụ" over items, without its colon
        text, has_duties = _HAS_DUTIES.subn("", text)
    tokens = tokenize(text)
    if duties and len(tokens) == 1 and glossary.is_defined_unit(text):
        return Scope([UnitRef(text, "named", 0, 1)], [])  # "Nhiệm vụ và quyền hạn của HĐTS": a short name the text defined
    if duties and text.isupper():
        return _caps_bodies(text, tokens)
    if duties and _ADDRESSED.match(block.text) and _LOCAL_ADDRESSEES.match(text):
        # "1. Đối với thôn;", "2. Đối với hộ gia đình" over bullets: who a commune's guidance addresses
        return Scope([UnitRef(text, "group", 0, len(tokens))], [])
    if duties and _ADDRESSED.match(block.text) and _PLACE_ADDRESSED.match(text):
        # "2. Đối với Thủ đô Hà Nội", "Đối với thành phố Ya" over bullets: the place's government
        return Scope([UnitRef(text, "named", 0, len(tokens))], [])
    units, end = parse_unit_list(text, tokens, 0)
    if not units and duties_title and _SUBJECTS_BY_ROLE.match(text) and len(tokens) <= MAX_ROLE_TITLE_WORDS and \
            not any(t.text in ",;()" for t in tokens):
        # "1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:": those the procedure names by their part
        return Scope([UnitRef(capitalize_first(text), "role", 0, len(tokens))], [])
    if not units and not duties and block.is_item and block.text.rstrip().endswith(":") and \
            _UNIT_BY_SERVICE.match(text) and len(tokens) <= MAX_ROLE_TITLE_WORDS and \
            not any(t.text in ",;()" for t in tokens) and not _ANNOUNCES_WORK.search(text):
        # "1.3. Đơn vị duy trì thoát nước trên địa bàn Thành phố:" over items: the unit the plan names by the
        # service it runs leads them
        return Scope([UnitRef(capitalize_first(text), "role", 0, len(tokens))], [])
    bare = None if units else bare_subject_end(tokens, 0)
    if bare is None and not units and duties_title and text[:1].islower():
        bare = bare_subject_end(tokenize(capitalize_first(text)), 0)  # "Trách nhiệm của bộ, cơ quan ngang bộ"
    if bare:
        # "4. Sở, ban, ngành của Thành phố, UBND phường, xã" over bullets: kinds of bodies without "các"
        units, end = [UnitRef(text[:tokens[bare - 1].end], "group", 0, bare)], bare
        if low_at(tokens, end) == "," and end + 1 < len(tokens):
            more, more_end = parse_unit_list(text, tokens, end + 1)
            if more and (more_end >= len(tokens) or duties and _enterprises_close(tokens, more_end)):
                units, end = [*units, *more], more_end
    if duties and any(u.kind == "named" for u in units) and _enterprises_close(tokens, end):
        # "Trách nhiệm của bộ, …, Liên đoàn X, tập đoàn, tổng công ty do Thủ tướng Chính phủ quyết định thành
        # lập": the kinds of enterprise that close a list of bodies are one more lead, what defines them and all
        units, end = [*units, UnitRef(text[tokens[end + 1].start:], "group", end + 1, len(tokens))], len(tokens)
    if duties and end < len(tokens) and len(units) <= 1 and (_named_for_purpose(tokens) or _task_force(tokens)):
        # "Trách nhiệm của Tổ công tác triển khai Đề án Y": the body is named after its work.
        units, end = [UnitRef(text, "named", 0, len(tokens))], len(tokens)
    if duties and units and units[0].start == 0 and end < len(tokens) and low_at(tokens, end) in (",", "và") and \
            ENTERPRISE_KINDS.match(tokens, end + 1) and not any(t.text in ";:" for t in tokens[end:]):
        # "6. Trách nhiệm của các tổ chức, doanh nghiệp hoạt động trong lĩnh vực …": whose duties follow is
        # the whole run, enterprises and their trade included
        units, end = [UnitRef(text, "group", 0, len(tokens))], len(tokens)
    if not units and not duties:
        units, end = _enterprises(text, tokens)
    if not duties and units and end < len(tokens) and _role_title(block, tokens, end, units):
        # "3. Cơ quan chủ trì giải quyết thủ tục đầu tư" over lettered duties: the role is the lead.
        units, end = [UnitRef(text, "role", 0, len(tokens))], len(tokens)
    if not duties and units and end < len(tokens) and tokens[end].low == "của" and \
            units[-1].kind in ("group", "catchall", "person") and (len(units) == 1 or tokens[units[-1].start - 1].text == ";"):
        # "2. Các tổ chức thành viên của MTTQ xã", "Các phòng chuyên môn của UBND huyện": the kind of
        # body, and the body they belong to, name one group; "…; Trưởng Ban Chỉ đạo của các bộ, ngành" and
        # "Các đồng chí lãnh đạo Ban X của Chính phủ có trách nhiệm": a post and whose it is
        owner, owner_end = parse_unit_list(text, tokens, end + 1)
        if owner and owner_end >= len(tokens):
            last = units[-1]
            kind = "group" if last.kind == "catchall" else last.kind
            units, end = [*units[:-1], UnitRef(text[tokens[last.start].start:], kind, last.start, len(tokens))], len(tokens)
    if units and end < len(tokens) and len(units) == 1 and units[0].kind == "role" and \
            len(tokens) - end <= MAX_ROLE_OBJECT and \
            not any(t.text in ",;:()" or is_predicate_at(tokens, k, weak=False) for k, t in enumerate(tokens) if k >= end):
        # "2. Chủ dự án thành phần:", "3. Cơ quan chủ quản Chương trình:": a role and what it is the role
        # over, no verb in it, over the items it leads
        units, end = [UnitRef(text, "role", 0, len(tokens))], len(tokens)
    if (not units or end < len(tokens) and len(units) == 1 and units[0].kind == "person") and not duties and \
            _IN_CHARGE.match(text) and \
            not re.search(r"[.;:!?…]$", block.text.rstrip()) and any(c.is_item for c in block.children):
        # "3. Cán bộ phụ trách lĩnh vực giám sát" over its items: the staff a small office names by
        # the field they are in charge of lead them
        units, end = [UnitRef(text, "person", 0, len(tokens))], len(tokens)
    if units and end < len(tokens) and _others_concerned(tokens, end):
        # "8. Các Khu Công nghệ cao, Khu X và hiệp hội, doanh nghiệp liên quan": the kinds of
        # bodies concerned, after "và", are one more lead.
        rest = text[tokens[end + 1].start:]
        units, end = [*units, UnitRef(rest, "group", end + 1, len(tokens))], len(tokens)
    if not duties and block.kind == "number" and _kinds_title(text, tokens, units, end, block):
        # "5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp", "6. Các doanh nghiệp thứ cấp đang
        # hoạt động trong KCN" over bullets: the title names who does the items, trade and all
        units, end = [UnitRef(text, "group", 0, len(tokens))], len(tokens)
    if has_duties and units and end + 1 < len(tokens) and tokens[end].text == ";" and \
            GENERIC_KINDS.match(tokens, end + 1) and not any(t.text in ";:" for t in tokens[end + 1:]):
        # "Người đứng đầu sở, ban, ngành; đơn vị, doanh nghiệp nhà nước thuộc … có trách nhiệm": the last
        # group named by its kinds without "các", qualifiers and all
        units, end = [*units, UnitRef(text[tokens[end + 1].start:], "group", end + 1, len(tokens))], len(tokens)
    if duties_title and end < len(tokens) and (parts := _units_by_semicolons(text)):
        # "Trách nhiệm của Thủ trưởng các Sở, …; Hội đặc thù thuộc tỉnh; Chủ tịch UBND các huyện": each part
        # one lead, named with or without "các"
        units, end = parts, len(tokens)
    if units and end >= len(tokens):
        return Scope(select_leads(units), coordinators_in(text))
    if not duties and has_duties and block.is_item and not _HANDS_ON.search(text) and \
            (not units or end < len(tokens) and all(u.is_catchall for u in units)):
        # "12. Các tổ chức, cá nhân và hộ gia đình khai thác nước dưới đất có trách nhiệm" over items: their
        # duties are the public's, no body's, and not the document's addressees' either
        return Scope([], [])
    return None


def _units_by_semicolons(text: str) -> list[UnitRef]:
    """The units of a title whose parts a semicolon parts, each a whole list or a bare kind; [] otherwise."""
    parts = [part.strip() for part in text.split(";")]
    if len(parts) < 2:
        return []
    found: list[UnitRef] = []
    for k, part in enumerate(parts):
        tokens = tokenize(part)
        units, end = parse_unit_list(part, tokens, 0)
        if not units or end < len(tokens):
            bare = bare_subject_end(tokenize(capitalize_first(part)), 0)
            if bare != len(tokens):
                return []
            units = [UnitRef(capitalize_first(part), "group", 0, len(tokens))]
        # (positions count within each part: the semicolon, not adjacency, keeps catch-alls of two parts apart)
        found += [replace(u, after_semicolon=True) for u in units] if k else units
    return found


_CORPORATIONS = PhraseIndex(lx.CORPORATION_KINDS)


def _enterprises_close(tokens: list[Token], end: int) -> bool:
    """", tập đoàn, tổng công ty …" from token `end` to the end of a title: kinds of enterprise close it."""
    return end + 1 < len(tokens) and tokens[end].text == "," and bool(_CORPORATIONS.match(tokens, end + 1)) and \
        not any(t.text in ";:" for t in tokens[end:])


# A title that hands work on ("Giao Ban Quản lý … chỉ đạo các đơn vị … có trách nhiệm:") names its actor itself
_HANDS_ON = re.compile(r"\b(?:giao|đề nghị|yêu cầu|chỉ đạo)\b", re.IGNORECASE)
# "Trách nhiệm của", "Nhiệm vụ, quyền hạn của", "Trách nhiệm chung của" opening a section title.
_DUTIES_OF = re.compile(r"^(?:(?:Quyền hạn|Quyền|Chức năng)\s*(?:,|và)\s*)?(?:Trách nhiệm|Nhiệm vụ)(?:\s*(?:,|và)\s*(?:quyền hạn|nhiệm vụ|trách nhiệm))?"
                        r"(?:\s+(?:chung|cụ thể|chính|chủ yếu|trọng tâm))?(?:\s+của)?\s+(?=\S)", re.IGNORECASE)


_APPOSITION = re.compile(r"\s*(?:[-–—,]|\s)\s*(?:là\s+)?(?:cơ quan|đơn vị)\s+(?:thường trực|đầu mối|chủ trì|tham mưu|"
                         r"giúp việc)\b[^:;]*$", re.IGNORECASE)
_HAS_DUTIES = re.compile(r"\s+(?:có|chịu)\s+(?:trách nhiệm|nhiệm vụ)(?:\s+(?:sau|như sau|cụ thể|sau đây|chủ trì))?$")
# "Trách nhiệm của Sở Y tế:", "Đối với UBND các xã:" as a plain paragraph over its bullets
_DUTIES_PARAGRAPH = re.compile(r"^(?:Trách nhiệm|Nhiệm vụ|Đối với|Về phía)\b[^.;:]{3,160}:$")
# "1. Đối với Sở Y tế:", "Về phía Ủy ban nhân dân các xã" over items: the bodies the items address.
_ADDRESSED = re.compile(r"^(?:Đối với|Về phía)\s+(?=\S)", re.IGNORECASE)
# The people and places below a commune a heading "Đối với …" may address, named by their kind alone.
_LOCAL_ADDRESSEES = re.compile(r"^(?:(?:các|mỗi|từng)\s+)?(?:thôn|xóm|bản|ấp|làng|khu phố|tổ dân phố|khu dân cư|hộ gia đình|"
                               r"hộ dân|người dân|nhân dân|bà con nhân dân|hộ kinh doanh|nhà trường|trường học)$",
                               re.IGNORECASE)


# A place by its level and its name, every word of the name capitalized ("Thủ đô Hà Nội", "tỉnh Ya").
_PLACE_ADDRESSED = re.compile(r"^(?i:thủ đô|thành phố|tỉnh|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
                              r"(?:\s+(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]\w*|\d+)){1,4}$")


# Whom a procedure names by their part in it ("đối tượng thực hiện kiểm kê", "người nộp thuế")
# and units by the work they are in charge of ("đơn vị phụ trách quản lý hạ tầng …", "đơn vị quản lý
# chuyên môn đối với môn học")
_SUBJECTS_BY_ROLE = re.compile(r"^(?:các\s+)?(?:đối tượng|người|(?:đơn vị|bộ phận)\s+(?:phụ trách|quản lý|"
                               r"chủ trì|thực hiện|tổ chức))\s+\w", re.IGNORECASE)
MAX_ROLE_TITLE_WORDS = 16
_UNIT_BY_SERVICE = re.compile(r"^(?:các\s+)?(?:đơn vị|bộ phận)\s+(?:duy trì|vận hành|quản lý, vận hành|quản lý vận hành|"
                              r"cung cấp|cấp nước|thoát nước|thu gom|thi công|tư vấn|giám sát)\s+\w", re.IGNORECASE)
# "… thực hiện các nội dung sau", "… triển khai một số nhiệm vụ": a sentence handing work, no title
_ANNOUNCES_WORK = re.compile(r"(?<!\w)(?:sau|sau đây|như sau|nội dung|nhiệm vụ|công việc|giải pháp)\s*$", re.IGNORECASE)
MAX_ROLE_OBJECT = 4  # "Cơ quan chủ quản | Chương trình": the words after a role that name what it is over
# "Cán bộ phụ trách lĩnh vực …", "Các Phó Chủ tịch phụ trách lĩnh vực …", "Chuyên viên phụ trách công tác
# văn phòng": a post named by its field.
_IN_CHARGE = re.compile(r"^(?:(?:Các|Những)\s+)?(?:đồng chí\s+)?(?:cán bộ|chuyên viên|công chức|phó chủ tịch|"
                        r"ủy viên|uỷ viên|phó trưởng ban|phó trưởng phòng|phó giám đốc)(?:\s+\S+){0,3}?\s+"
                        r"phụ trách\s+[^.;:()]{3,120}$", re.IGNORECASE)


def _caps_bodies(text: str, tokens: list) -> Scope | None:
    """"II. NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "TRÁCH NHIỆM CỦA CÁC SỞ, BAN, NGÀNH": a
    body known by its full name (spelt as data/bodies.txt spells it), or groups named in lowercase words."""
    name = lx.WRITTEN_NAMES.get(tuple(t.low for t in tokens))
    if name:
        return Scope([UnitRef(name, "named", 0, len(tokens))], [])
    found = _groups_in_capitals(text)
    if found is None or found[1]:
        return None
    return Scope(select_leads(found[0]), [])


def _groups_in_capitals(text: str) -> tuple[list[UnitRef], str] | None:
    """The groups a title in capitals names first ("CÁC SỞ, BAN, NGÀNH …"), read in lowercase and written as
    leads are, and the words after them; None when the title names anything else first."""
    low = text.lower()
    tokens = tokenize(low)
    units, end = parse_unit_list(low, tokens, 0)
    if not units or any(u.kind not in ("group", "catchall") for u in units):
        return None
    rest = low[tokens[end].start:] if end < len(tokens) else ""
    return [UnitRef(capitalize_first(u.text), u.kind, u.start, u.end) for u in units], rest


# Kinds of enterprise a plan addresses in a title ("5. Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên
# quan"): not bodies of the state, so not in the unit grammar, but the actors of the items below.
_ENTERPRISES = re.compile(r"^(?:Các|Những)\s+(?:doanh nghiệp|hộ kinh doanh|cơ sở sản xuất|cơ sở kinh doanh)\b")


MAX_KINDS_TITLE = 16  # words of "Các doanh nghiệp thứ cấp đang hoạt động trong KCN"
_NO_KINDS_TITLE = re.compile(r"\b(?:giao|đề nghị|yêu cầu|phải|cần|trách nhiệm|nhiệm vụ|đăng ký|tham gia|được)\b", re.IGNORECASE)


def _kinds_title(text: str, tokens: list, units: list[UnitRef], end: int, block: Block) -> bool:
    """A numbered title, no sentence, that opens with a plural kind of actor ("Các chủ đầu tư …", "Các doanh
    nghiệp …") and says what they do or where, over bullets of work."""
    if end >= len(tokens) or not text.startswith(("Các ", "Những ")) or len(tokens) > MAX_KINDS_TITLE or \
            re.search(r"[.;:!?…]$", block.text.rstrip()) or _NO_KINDS_TITLE.search(text) or \
            not any(c.kind in ("bullet", "letter", "plus") for c in block.children):
        return False
    if units and units[0].start == 0 and units[0].kind in ("group", "catchall"):
        # "2. Các sở, ban, ngành tập trung triển khai": bodies of the state and the work they do
        return not is_predicate_at(tokens, end, weak=False)
    return bool(units and units[0].start == 0 and units[0].kind == "role") or bool(ENTERPRISE_KINDS.match(tokens, 1))


MAX_ENTERPRISE_TITLE_WORDS = 20


def _enterprises(text: str, tokens: list) -> tuple[list[UnitRef], int]:
    """A title naming kinds of enterprise: the first kind, when what follows it is only "…, tổ chức,
    cá nhân có liên quan"; a verb or preposition in it makes it no list of actors."""
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), len(tokens))
    # ("Các doanh nghiệp viễn thông … hoạt động kinh doanh trên địa bàn tỉnh": where they work, no verb)
    trade = next((k for k in range(2, comma) if tokens[k].low == "hoạt" and low_at(tokens, k + 1) == "động"), comma)
    if not _ENTERPRISES.match(text) or len(tokens) > MAX_ENTERPRISE_TITLE_WORDS or \
            any(is_predicate_at(tokens, k, weak=False) or tokens[k].low in _NOT_IN_NAME - {"và"}
                for k in range(2, trade)):
        return [], 0
    if comma < len(tokens) and [t.low for t in tokens[-2:]] != ["liên", "quan"]:
        return [], 0
    name = text[:tokens[comma - 1].end]
    return [UnitRef(name, "group", 0, comma)], len(tokens)


def _named_for_purpose(tokens: list) -> bool:
    """"Tổ công tác triển khai Đề án Y", "Hội đồng thẩm định dự án": a task force or board whose name
    says what it is for runs to the title's end, with no preposition, list or clause in it."""
    head = _DESCRIPTIVE.match(tokens, 0)
    return bool(head) and tokens[0].is_capitalized and len(tokens) - head <= 8 and \
        not any(t.text in ",;:()" or t.low in _NOT_IN_NAME for t in tokens[head:])


# A body set up for one piece of work, named after it: "Tổ thẩm định giá đất, bồi thường …", "Đoàn kiểm tra
# liên ngành …", "Tiểu ban Nội dung".
_TASK_FORCE = {"tổ", "đoàn", "tiểu ban", "nhóm"}
MAX_TASK_FORCE_WORDS = 24


def _task_force(tokens: list) -> bool:
    """"Nhiệm vụ của Tổ kiểm tra, giám sát, đôn đốc giải ngân vốn đầu tư công:": after "Nhiệm
    vụ của", a task force's name runs to the title's end, its commas listing what it is for; a time,
    place or manner ("trong …", "tại …", "theo …") ends a name ("về …" says its field), so such a title
    names no one body."""
    head = tokens[0].low if tokens else ""
    if len(tokens) > 1 and f"{head} {tokens[1].low}" in _TASK_FORCE:
        head = f"{head} {tokens[1].low}"
    return head in _TASK_FORCE and tokens[0].is_capitalized and len(tokens) <= MAX_TASK_FORCE_WORDS and \
        not any(t.text in ";:()" or t.low in _NOT_IN_NAME - {"của", "và", "về"} for t in tokens[1:])


def _role_title(block: Block, tokens: list, end: int, units: list[UnitRef]) -> bool:
    """A title without a closing mark, over items, that names bodies by the part they play: a role
    and a short verb phrase ("Cơ quan chủ trì thẩm định dự án"), or a group and the clause that
    says which of them ("Các sở, ngành chủ trì, tham gia thực hiện các dự án thuộc Chương trình")."""
    if re.search(r"[.;:!?…]$", block.text) or not any(c.is_item for c in block.children):
        return False
    rest = tokens[end:]
    if len(units) == 1 and units[0].kind == "role":
        return len(rest) <= 8 and is_predicate_at(tokens, end, weak=False) and \
            not any(t.text in ",;:()" or t.low in _NOT_IN_NAME for t in rest)
    return all(u.kind in ("catchall", "group") for u in units) and len(rest) <= 30 and \
        bool(_DEFINING.match(tokens, end))


def _others_concerned(tokens: list, end: int) -> bool:
    """"… và hiệp hội, doanh nghiệp liên quan" closing a heading: lowercase nouns, no verb."""
    rest = tokens[end + 1:]
    return tokens[end].low == "và" and 2 <= len(rest) <= 8 and [t.low for t in rest[-2:]] == ["liên", "quan"] and \
        all(not t.is_word or not t.is_capitalized for t in rest) and \
        not any(is_predicate_at(tokens, k, weak=False) for k in range(end + 1, len(tokens) - 2))


def _section(block: Block) -> str | None:
    for node in (block, *block.ancestors()):
        if node.kind in _SECTION_KINDS:
            return node.label
    return None


_FORM_FIELD = re.compile(r":\s*(?:\.{4,}|…{2,})\s*\w")


def _tasks(draft: Draft) -> list[ExtractedTask]:
    out = []
    coordinators = select_coordinators(draft.coordinators, draft.lead)
    for segments, deadline, recurrence in split_by_deadline(draft):
        # "Phối hợp và tổ chức thực hiện." then "Nếu có khó khăn, …": the clauses joined, each without its full stop
        action = "; ".join(seg.action.rstrip(" .;") for seg in segments if seg.action.rstrip(" .;"))
        text, summary = _join(segments), summary_of(action)
        if _BLANK.search(text) and not summary or _FORM_FIELD.search(text):
            # "3. Đơn vị đầu mối thực hiện: ...": a form's blank, no work written in it; "- Tổng số cơ sở đầu
            # kỳ: ...... cơ sở": a line of the report form the body asks for, a figure to fill in
            continue
        out.append(ExtractedTask(lead=draft.lead, coordinators=list(coordinators), deadline=deadline,
                                 recurrence=recurrence, text=text, summary=summary,
                                 output=output_of(action, text), section=draft.section))
    return out


_BLANK = re.compile(r":\s*(?:\.{2,}|…)\s*$")


def _join(segments) -> str:
    text = ""
    for seg in segments:
        if not text:
            text = seg.text
        elif seg.first:
            text += " " + seg.text
        else:
            text += "; " + seg.text
    return text


def _resolve(tasks: list[ExtractedTask], directory) -> None:
    for task in tasks:
        matched, _ = resolve_unit(task.lead, directory)
        task.lead_unit = matched
        unknown = [] if matched else [task.lead]
        for name in task.coordinators:
            if is_group(name) or resolve_unit(name, directory)[0] is None:
                unknown.append(name)
        task.unknown_units = unknown
