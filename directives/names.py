"""Unit names in running text: "Sở Lao động - Thương binh và Xã hội", "UBND các huyện, thị xã",
"các cơ quan chuyên môn liên quan", "Ban Quản lý các dự án … thành phố".

A name is read from its head word onwards. Proper names are capitalized word by word
("Sở Lao động, Thương binh và Xã hội"), so a lowercase syllable may only finish a
capitalized word ("Tư pháp", "Ngoại giao") or be a level word ("tỉnh", "khu vực"); the
first other lowercase word starts the action. Descriptive heads ("Ban Quản lý …",
"Trung tâm …") run on until a verb.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as lx
from .text import PhraseIndex, Token, capitalize_first

CATCHALL, GROUP, NAMED, PERSON, ROLE = "catchall", "group", "named", "person", "role"

_NAMED = PhraseIndex(lx.NAMED_HEADS)
_LEVEL_HEADS = PhraseIndex(lx.LEVEL_HEADS)
_DESCRIPTIVE = PhraseIndex(lx.DESCRIPTIVE_HEADS)
_PERSON = PhraseIndex(lx.PERSON_HEADS)
_HEAD_TITLES = PhraseIndex(lx.HEAD_TITLES)
_ROLES = PhraseIndex(lx.ROLE_UNITS)
_GENERIC = PhraseIndex(lx.GENERIC_NOUNS)
_QUALIFIERS = PhraseIndex(lx.GENERIC_QUALIFIERS)
_LEVELS = PhraseIndex(lx.LEVEL_WORDS)
PREDICATES = PhraseIndex(lx.PREDICATE_STARTS, lx.WEAK_PREDICATES)
_WEAK = PhraseIndex(lx.WEAK_PREDICATES)
_NOMINAL = PhraseIndex(lx.NOMINAL_VERBS)
_COMPOUNDS = PhraseIndex(lx.NOUN_COMPOUNDS)
_ASSIGN = PhraseIndex(lx.ASSIGN_VERBS)
_STANDALONE = {"tỉnh", "huyện", "thành", "quận", "thị", "đảng", "mttq"}  # "Tỉnh ủy", "Tỉnh đoàn" stand alone
_LIST_SEPARATORS = {",", ";", "và", "/", "cùng", "hoặc"}
_DASHES = {"-", "–", "—"}
MAX_DESCRIPTIVE = 14


@dataclass
class UnitRef:
    text: str
    kind: str
    start: int  # token index
    end: int  # token index after the name
    distributive: bool = False  # "từng sở, ngành", "mỗi đơn vị": restates a group already named
    head_title: bool = False  # "Thủ trưởng …", "Chủ tịch UBND …": a person accountable for a unit

    @property
    def is_catchall(self) -> bool:
        return self.kind == CATCHALL


def _span_text(text: str, tokens: list[Token], start: int, end: int) -> str:
    return text[tokens[start].start:tokens[end - 1].end].strip(" ,;:")


def _low(tokens: list[Token], i: int) -> str:
    return tokens[i].low if i < len(tokens) else ""


def _is_name_word(tok: Token) -> bool:
    return tok.is_word and (tok.is_capitalized or tok.is_abbreviation)


def is_predicate_at(tokens: list[Token], i: int, *, weak: bool = True) -> bool:
    if i >= len(tokens) or not tokens[i].is_word:
        return False
    if i > 0 and _COMPOUNDS.match(tokens, i - 1) == 2:
        return False  # "công trình", "chương trình": the verb is the tail of a noun
    n = PREDICATES.match(tokens, i)
    if not n:
        return False
    return weak or not _WEAK.match(tokens, i)


# --- one name ------------------------------------------------------------------------------

def _name_tail(tokens: list[Token], j: int, descriptive: bool, commas: bool = True) -> int:
    """Index after the proper-name part of a unit name that starts at j."""
    tails = 0
    run = 0
    while j < len(tokens):
        tok = tokens[j]
        if tok.is_word:
            if _is_name_word(tok):
                j += 1
                tails = 0 if tok.is_abbreviation else 3
                continue
            if tok.is_number and _low(tokens, j - 1) == "số":
                j += 1
                continue
            if tok.low == "số" and j + 1 < len(tokens) and tokens[j + 1].is_number:
                j += 1
                continue
            n = _LEVELS.match(tokens, j)
            if n and not _GENERIC.match(tokens, j + n) and not (tok.low == "cấp" and n == 1):
                j += n
                tails = 0
                continue
            if tok.low == "và" and _name_continues_after_and(tokens, j):
                j += 1
                continue
            if tok.low == "và" and _low(tokens, j - 1) in ("hđnd",) and _LEVEL_HEADS.match(tokens, j + 1):
                j += 1
                continue
            if descriptive and run < MAX_DESCRIPTIVE and _descriptive_word(tokens, j):
                j += 1
                run += 1
                continue
            if tails and not is_predicate_at(tokens, j) and tok.low not in _LIST_SEPARATORS and tok.low != "các" \
                    and not _hands_over(tokens, j):
                j += 1
                tails -= 1
                continue
            break
        if tok.text in _DASHES and j + 1 < len(tokens) and _is_name_word(tokens[j + 1]):
            j += 1
            continue
        if tok.text == "," and commas and _internal_comma(tokens, j):
            j += 1
            continue
        if tok.text == "(" and j + 2 < len(tokens) and tokens[j + 1].is_abbreviation and tokens[j + 2].text == ")":
            j += 3
            continue
        break
    return j


def _hands_over(tokens: list[Token], j: int) -> bool:
    """"Bộ Tư pháp giao Vụ …": a handing verb followed by a unit ends the name."""
    n = _ASSIGN.match(tokens, j)
    return bool(n) and parse_unit(tokens, j + n + (_low(tokens, j + n) == "cho")) is not None


def _descriptive_word(tokens: list[Token], j: int) -> bool:
    tok = tokens[j]
    if tok.low == "và" and j + 1 < len(tokens) and tokens[j + 1].is_word:
        # "dự án đầu tư và xây dựng": joins two words of the name unless a unit follows.
        return not parse_unit(tokens, j + 1) and (tokens[j + 1].is_capitalized or _NOMINAL.match(tokens, j + 1) > 0)
    if tok.low in _LIST_SEPARATORS:
        return False
    if tok.low == "các":
        return not (_GENERIC.match(tokens, j + 1) or _LEVELS.match(tokens, j + 1) or _ROLES.match(tokens, j + 1))
    if _NOMINAL.match(tokens, j):
        return True
    return not is_predicate_at(tokens, j)


def _name_continues_after_and(tokens: list[Token], j: int) -> bool:
    """"Nông nghiệp và Môi trường": "và" joins two words of one name, not two units."""
    nxt = j + 1
    if nxt >= len(tokens) or not tokens[nxt].is_word or not tokens[nxt].is_capitalized:
        return False
    return not _starts_unit_head(tokens, nxt)


def _internal_comma(tokens: list[Token], j: int) -> bool:
    """"Lao động, Thương binh và Xã hội": a comma inside a name is followed later by "và" + Name."""
    nxt = j + 1
    if nxt >= len(tokens) or not tokens[nxt].is_word or not tokens[nxt].is_capitalized:
        return False
    if _starts_unit_head(tokens, nxt) or tokens[nxt].is_abbreviation:
        return False
    k = nxt
    while k < len(tokens) and k < nxt + 8:
        tok = tokens[k]
        if tok.low == "và":
            return k + 1 < len(tokens) and tokens[k + 1].is_capitalized and not _starts_unit_head(tokens, k + 1)
        if not tok.is_word or (not tok.is_capitalized and is_predicate_at(tokens, k)):
            return False
        k += 1
    return False


def _starts_unit_head(tokens: list[Token], i: int) -> bool:
    return bool(_NAMED.match(tokens, i) or _LEVEL_HEADS.match(tokens, i) or _PERSON.match(tokens, i)
                or _ROLES.match(tokens, i))


def _named_unit(tokens: list[Token], i: int) -> int | None:
    """End of a unit introduced by a head word at i, or None."""
    n = _LEVEL_HEADS.match(tokens, i)
    if n:
        j = i + n
        if _low(tokens, j) == "các":
            end = _level_run(tokens, j + 1)
            return end if end else None
        run = _level_run(tokens, j)
        if run and run > j + 1 and tokens[j + 1].low in (",", "và", "/", "hoặc"):
            return run
        end = _name_tail(tokens, j, False)
        if end > j or tokens[i].low in _STANDALONE or (n > 1 and tokens[i].is_capitalized):
            return end
    n = _NAMED.match(tokens, i)
    if n:
        j = i + n
        descriptive = bool(_DESCRIPTIVE.match(tokens, i))
        if _LEVEL_HEADS.match(tokens, j):
            inner = _named_unit(tokens, j)
            if inner:
                return _name_tail(tokens, inner, False)
        if j < len(tokens) and (_is_name_word(tokens[j]) or descriptive):
            end = _name_tail(tokens, j, descriptive)
            return end if end > j else None
    return None


def _level_run(tokens: list[Token], j: int) -> int | None:
    """"xã, phường, thị trấn" after "UBND các": end index, or None."""
    n = _LEVELS.match(tokens, j)
    if not n:
        return None
    end = j + n
    while end + 1 < len(tokens) and tokens[end].low in (",", "và", "/", "hoặc"):
        m = _LEVELS.match(tokens, end + 1)
        if not m:
            break
        end += 1 + m
    q = _QUALIFIERS.match(tokens, end)
    if q and tokens[end].low in ("trực", "thuộc", "trên"):  # "… thành phố trực thuộc Trung ương"
        end = _qualifier_end(tokens, end, q) if tokens[end].low != "trực" else end + q
    return end


def _generic_run(tokens: list[Token], j: int) -> int | None:
    """"sở, ban, ngành liên quan" after "các": end index, or None."""
    n = _GENERIC.match(tokens, j)
    if not n:
        return None
    end = j + n
    while end < len(tokens):
        q = _QUALIFIERS.match(tokens, end)
        if q:
            end = _qualifier_end(tokens, end, q)
            continue
        if tokens[end].low in (",", "và", "/") and end + 1 < len(tokens):
            m = _GENERIC.match(tokens, end + 1)
            named_next = end + 1 + m < len(tokens) and _is_name_word(tokens[end + 1 + m])
            if m and not _LEVEL_HEADS.match(tokens, end + 1) and not named_next:
                end += 1 + m
                continue
        break
    return end


def _qualifier_end(tokens: list[Token], j: int, n: int) -> int:
    end = j + n
    if tokens[j].low in ("liên", "có", "chức", "chuyên", "trung", "cấp", "trực", "ngang"):
        return end
    # "tại cửa khẩu", "được giao nhiệm vụ tại Quyết định số …": runs to the verb.
    limit = min(len(tokens), end + 16)
    while end < limit and tokens[end].text not in (",", ";", ":", ".", "(") and \
            not is_predicate_at(tokens, end, weak=False):
        end += 1
    return end


def parse_unit(tokens: list[Token], i: int) -> tuple[str, int, bool] | None:
    """(kind, end, distributive) of a unit reference starting at token i, or None."""
    if i >= len(tokens) or not tokens[i].is_word:
        return None
    distributive = tokens[i].low in ("từng", "mỗi")
    j = i + 1 if distributive else i
    if _low(tokens, j) == "tất" and _low(tokens, j + 1) == "cả":
        j += 2
    n = _PERSON.match(tokens, j)
    if n:
        return PERSON, _person_end(tokens, j + n), distributive
    plural = _low(tokens, j) in ("các", "những")
    k = j + 1 if plural else j
    if plural or distributive:
        n = _ROLES.match(tokens, k)
        if n:
            return ROLE, k + n, distributive
        end = _generic_run(tokens, k)
        if end:
            return CATCHALL, end, distributive
        end = _level_run(tokens, k)
        if end:
            return GROUP, end, distributive
        return None
    n = _ROLES.match(tokens, j)
    if n:
        return ROLE, j + n, False
    end = _named_unit(tokens, j)
    if end:
        return (GROUP if _low(tokens, j + _LEVEL_HEADS.match(tokens, j)) == "các" else NAMED), end, False
    return None


def _person_end(tokens: list[Token], j: int) -> int:
    """"Thủ trưởng các đơn vị trực thuộc", "Các đồng chí Thành viên Ban Chỉ đạo"."""
    inner = parse_unit(tokens, j)
    if inner:
        return inner[1]
    return _name_tail(tokens, j, False)


def parse_unit_list(text: str, tokens: list[Token], i: int) -> tuple[list[UnitRef], int]:
    """Units listed from token i ("A, B và các cơ quan liên quan"), and the index after them."""
    units: list[UnitRef] = []
    j = i
    while True:
        parsed = parse_unit(tokens, j)
        if not parsed:
            break
        kind, end, distributive = parsed
        if end <= j:
            break
        if kind == CATCHALL and _low(tokens, end) == ":" and end == j + 2 and _is_name_word(tokens[min(end + 1, len(tokens) - 1)]):
            # "các Sở: Tư pháp, Du lịch và Ngoại vụ" names each unit after the colon.
            named, end = _enumeration(text, tokens, j + 1, end + 1)
            units.extend(named)
        else:
            title = kind == PERSON and bool(_HEAD_TITLES.match(tokens, j))
            units.append(UnitRef(_span_text(text, tokens, j, end), kind, j, end, distributive, title))
        j = end
        sep = j
        if sep < len(tokens) and tokens[sep].low in _LIST_SEPARATORS:
            nxt = sep + 1
            if tokens[sep].low == "cùng" and _low(tokens, nxt) == "với":
                nxt += 1
            if parse_unit(tokens, nxt):
                j = nxt
                continue
        break
    return units, (units[-1].end if units else i)


def _enumeration(text: str, tokens: list[Token], noun: int, j: int) -> tuple[list[UnitRef], int]:
    head = capitalize_first(tokens[noun].text)
    units: list[UnitRef] = []
    while j < len(tokens) and _is_name_word(tokens[j]):
        end = _name_tail(tokens, j, False, commas=False)
        units.append(UnitRef(f"{head} {_span_text(text, tokens, j, end)}", NAMED, j, end))
        if end < len(tokens) and tokens[end].low in (",", "và") and end + 1 < len(tokens) \
                and _is_name_word(tokens[end + 1]) and not _starts_unit_head(tokens, end + 1):
            j = end + 1
            continue
        j = end
        break
    return units, j


def display(ref: UnitRef) -> str:
    """The name as a lead is written: first letter capitalized, "phòng X" -> "Phòng X"."""
    return capitalize_first(ref.text)
