"""Unit names in a directive -> entries of the units directory.

Names are compared after folding case, spelling ("Uỷ"/"Ủy", "hoá"/"hóa") and the
usual abbreviations ("UBND", "HĐND", "VP", "BHXH"); an abbreviated name such as
"Sở NN&MT" also matches by the initials of the full name's syllables. A group
("Các sở, ban, ngành", "UBND các xã, phường") is never one unit of the directory.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx
from .names import CATCHALL, GROUP, parse_unit
from .text import PhraseIndex, fold, tokenize

THRESHOLD = 88.0
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "vp": "văn phòng", "bhxh": "bảo hiểm xã hội",
    "kbnn": "kho bạc nhà nước", "bql": "ban quản lý", "qlda": "quản lý dự án", "bqlda": "ban quản lý dự án",
    "đtxd": "đầu tư xây dựng", "mttq": "mặt trận tổ quốc", "chqs": "chỉ huy quân sự",
    "bđbp": "bộ đội biên phòng", "btl": "bộ tư lệnh", "ttg": "thủ tướng", "tw": "trung ương", "tp": "thành phố", "tx": "thị xã",
    "tt": "thị trấn", "ubmttq": "ủy ban mặt trận tổ quốc", "cand": "công an nhân dân",
    "gd&đt": "giáo dục và đào tạo", "nn&mt": "nông nghiệp và môi trường", "kh&cn": "khoa học và công nghệ",
    "tn&mt": "tài nguyên và môi trường", "kh&đt": "kế hoạch và đầu tư", "tt&tt": "thông tin và truyền thông",
    "nn&ptnt": "nông nghiệp và phát triển nông thôn", "vh,tt&dl": "văn hóa, thể thao và du lịch",
    "vhttdl": "văn hóa, thể thao và du lịch", "gtvt": "giao thông vận tải",
}
_HEADS = PhraseIndex(lx.NAMED_HEADS, lx.LEVEL_HEADS)
# "Thuế tỉnh Bình An" is "Thuế tỉnh" of this province: drop the place name, keep the level.
_PLACE_NAME = re.compile(r"(\s(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn))(?:\s+\S+){1,3}$")
_FILLER = {"và", "-", "–", ",", "&"}


@dataclass(frozen=True)
class _Entry:
    name: str
    keys: tuple[str, ...]
    initials: tuple[str, ...]


def _expand(text: str) -> str:
    words = fold(text).replace("(", " ").replace(")", " ").split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def expand_abbreviations(text: str) -> str:
    """Folded text with the usual abbreviations spelled out ("UBND tỉnh" -> "ủy ban nhân dân tỉnh")."""
    return _expand(text)


def _split_head(text: str) -> tuple[str, list[str]] | None:
    tokens = tokenize(fold(text))
    n = _HEADS.match(tokens, 0)
    if not n or n >= len(tokens):
        return None
    return " ".join(t.low for t in tokens[:n]), [t.low for t in tokens[n:] if t.low not in _FILLER]


@lru_cache(maxsize=4096)
def _head(key: str) -> str | None:
    split = _split_head(key)
    return split[0] if split else None


def _initials_key(text: str) -> str | None:
    """"Sở Tài nguyên và Môi trường" -> "sở tnmt", the key of "Sở TN&MT"."""
    split = _split_head(text)
    if not split or not split[1]:
        return None
    head, rest = split
    return f"{head} {''.join(w[0] for w in rest if w[0].isalpha())}"


def _abbreviated_key(text: str) -> str | None:
    """"Sở TN&MT" -> "sở tnmt"; None when the name is written out."""
    tokens = [t for t in tokenize(text) if t.text not in _FILLER]
    split = _split_head(text)
    if not split or len(split[1]) != 1 or not tokens[-1].is_abbreviation:
        return None
    letters = re.sub(r"[^\w]", "", split[1][0])
    return f"{split[0]} {letters}"


def _keys(name: str) -> tuple[str, ...]:
    full = _expand(name)
    keys = {full, fold(name), _PLACE_NAME.sub(r"\1", full)}
    return tuple(sorted(k for k in keys if k))


def _entries(directory: Iterable) -> list[_Entry]:
    entries = []
    for item in directory or ():
        if isinstance(item, str):
            name, aliases = item, []
        elif isinstance(item, (tuple, list)):
            name, aliases = item[0], list(item[1] if len(item) > 1 and item[1] else [])
        else:
            name, aliases = item.name, list(getattr(item, "aliases", None) or [])
        if isinstance(aliases, str):
            aliases = [a.strip() for a in re.split(r"[;|]", aliases) if a.strip()]
        keys, initials = set(_keys(name)), {_initials_key(name)}
        for alias in aliases:
            keys.update(_keys(alias))
            initials.update({_initials_key(alias), _abbreviated_key(alias)})
        entries.append(_Entry(name, tuple(sorted(keys)), tuple(sorted(k for k in initials if k))))
    # A key that several units share says nothing about which one is meant: without
    # the place name, "UBND phường 1" and "UBND phường 7" are both "ủy ban nhân dân phường".
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for key in entry.keys:
            owners.setdefault(key, set()).add(entry.name)
    shared = {key for key, names in owners.items() if len(names) > 1}
    if shared:
        entries = [_Entry(e.name, tuple(k for k in e.keys if k not in shared), e.initials) for e in entries]
    return entries


@lru_cache(maxsize=64)
def _cached_entries(directory: tuple) -> list[_Entry]:
    return _entries(directory)


def is_group(name: str) -> bool:
    """"Các sở, ban, ngành", "UBND các xã, phường", "các cơ quan liên quan"."""
    tokens = tokenize(name)
    parsed = parse_unit(tokens, 0)
    if parsed and parsed[0] in (CATCHALL, GROUP) and parsed[1] >= len(tokens) - 1:
        return True
    low = fold(name)
    return bool(re.match(r"(?:các|những|từng|mỗi|tất cả)\s", low)) or " các " in f" {low} "


def resolve_unit(name: str, directory) -> tuple[str | None, float]:
    """(directory name, score 0-100) for a unit named in a directive, or (None, score)."""
    if not name or not name.strip() or is_group(name):
        return None, 0.0
    try:
        entries = _cached_entries(tuple(directory))
    except TypeError:  # unhashable entries: build without the cache
        entries = _entries(directory)
    if not entries:
        return None, 0.0
    from rapidfuzz import fuzz  # a fuzzy match's library: loaded on the first one

    queries = _keys(name)
    abbreviated = _abbreviated_key(name)
    best_name, best = None, 0.0
    for entry in entries:
        if abbreviated and abbreviated in entry.initials:
            return entry.name, 100.0
        for query in queries:
            for key in entry.keys:
                if _head(query) != _head(key):
                    continue  # "Bộ Tư pháp" is not "Sở Tư pháp"
                score = 100.0 if query == key else fuzz.ratio(query, key)
                if score > best:
                    best_name, best = entry.name, score
    if best >= THRESHOLD:
        return best_name, round(best, 1)
    return None, round(best, 1)
