"""Real directives published by the Government, ministries, provinces, districts, communes and institutions
(tests/directives/real, sources in its SOURCES.md), each labeled by GUIDELINES before the engine
was run on it.

The corpus is held at the figures it reached: tasks F1 0.807, coordinators F1 0.847 over 1,666
documents and 15,638 tasks. Most batches were used to fix the engine after their first run, so
those are not figures on unseen text. The figures that count are the single runs of batches
labeled before the engine was run on them: batch 52 (44 documents, 381 tasks, six collectors who never saw the engine,
labeled after the engine was frozen at 8258b02 and run once on it) 0.548 / 0.727 (0.689 / 0.691 after three fixes made
on it); batch 51 (38 documents,
308 tasks, on c7f4832) 0.543 / 0.923; batch 50 (33 documents,
239 tasks, on 3264c72) 0.543 / 0.596; batch 49 (39 documents,
369 tasks, on a4fd372) 0.645 / 0.579; batch 48 (37 documents,
275 tasks, on 06caa7d) 0.563 / 0.766; batch 47 (46 documents,
570 tasks, on cd27bb9) 0.631 / 0.718; batch 46 (30 documents, 172 tasks, on f847dc3) 0.441 / 0.72; batch 45 (36 documents,
377 tasks, on faa2a25) 0.661 / 0.417; batch 44 (54 documents,
713 tasks, on 48f6af5) 0.571 / 0.826; batch 43 (61 documents,
466 tasks, on 2453b57) 0.657 / 0.841; batch 42 (45
documents, 648 tasks, on efcbc2d) 0.698 / 0.857; batch 41 (30 documents, 578 tasks, on 57b4fa1) 0.757 / 0.702; batch 40 (57
documents, 474 tasks, on c1290d8) 0.567 / 0.782; batch 39 (34 documents, 459 tasks, on aa36b11) 0.631 / 0.773; batch 38 (63
documents, 681 tasks, on 318485e) 0.707 / 0.859; batch 37 (73
documents, 412 tasks, on b10629a) 0.630 / 0.741; batch 36 (39 documents, 531 tasks, on afef1e4) 0.599 / 0.633; batch 35 (37
documents, 308 tasks, on e047b8f) 0.704 / 0.820; batch 34 (45 documents, 496 tasks, on 09e336c) 0.643 / 0.599; batch 33 (50 documents, 491 tasks, six collectors, run once on
42b5399, the engine of that time) 0.547 / 0.800; batch 32 (48 documents, 348 tasks, on 44e4a3c) 0.644 / 0.827;
batch 31 (44 documents, 346 tasks, on 2dab80e) 0.808 / 0.842; batch 30 (55 documents, 312 tasks, on
5904cfc) 0.682 / 0.750; batch 29 (47 documents, 417 tasks) 0.631 / 0.569; batch 28 (57 documents,
367 tasks) 0.656 / 0.826; batch 27 (55 documents, 460 tasks) 0.671 / 0.637; batch 26 (20 documents,
111 tasks) 0.524 / 0.846; batch 25 (50 documents, 459 tasks) 0.644 / 0.684; batch 24 (5 documents, 12
tasks) 0.818 / 1.000; batch 23 (34 documents, 500 tasks) 0.649 / 0.746; batch 22 (9 documents, 195
tasks) 0.714 / 0.797; batch 21 (11 documents, 40 tasks) 0.525 / 0.500; batch 20 (6 documents, 74
tasks) 0.805 / 0.400; batches 19, 18, 17 (labeled by the engine's lead after his last engine change, so
weaker evidence) 0.767 / 0.886, 0.663 / 0.645 and 0.627 / 0.830; batch 16 0.696 / 0.714, batch 15
(17 documents, 125 tasks) 0.655 / 0.816, batch 14 (30 full texts, 603 tasks) 0.652 / 0.802, batch 13
(31 full texts, 326 tasks) 0.516 / 0.788, batch 12 (8 documents, 43 tasks) 0.554 / 1.000, batch 11
(20 documents, 54 tasks) 0.579 / 0.786, short of the 0.93 the issue asks for on unseen documents (first
runs on other unseen batches: batch 10 0.465 / 0.713, batch 8 0.737 / 0.802, batch 7 0.773 / 0.727); the
test says so rather than pretend. The engine must not know these documents: no place, person or document
number of any of them appears in its source.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from extraction_scoring import f1, score

from directives import extract_file

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent / "real"
DOCS = sorted((HERE / "docs").glob("*.txt"))
DEV = ROOT.parent / "shared" / "eval" / "docs"  # the development set, when the shared folder is there
TASKS_F1 = 0.80  # 0.807 with batch 52 in (unseen: batch 52 0.548 on 8258b02, batch 51 0.543, batch 50 0.543, batch 49 0.645); the target is 0.93 on documents the engine has not seen
COORDINATORS_F1 = 0.84  # 0.847 with batch 52 in (unseen: batch 52 0.727, batch 51 0.923, batch 50 0.596, batch 49 0.579)


def gold_of(doc: Path) -> dict:
    return json.loads((HERE / "gold" / f"{doc.stem}.json").read_text(encoding="utf-8"))


def predicted(doc: Path, issued: str | None) -> list[dict]:
    result = extract_file(doc, issued=date.fromisoformat(issued) if issued else None)
    return [{"lead": t.lead, "coordinators": list(t.coordinators),
             "deadline": t.deadline.isoformat() if t.deadline else None, "recurrence": t.recurrence}
            for t in result.tasks]


def test_the_corpus_is_there_with_sources():
    assert len(DOCS) >= 15
    sources = (HERE / "SOURCES.md").read_text(encoding="utf-8")
    for doc in DOCS:
        assert (HERE / "gold" / f"{doc.stem}.json").exists(), doc.stem
        assert f"| {doc.stem} |" in sources, doc.stem


def test_corpus_micro_f1():
    total = dict.fromkeys(("tp", "gold", "pred", "c_tp", "c_gold", "c_pred"), 0)
    for doc in DOCS:
        gold = gold_of(doc)
        result = score(gold["tasks"], predicted(doc, gold["issued"]))
        for key in total:
            total[key] += result[key]
    assert f1(total["tp"], total["gold"], total["pred"]) >= TASKS_F1
    assert f1(total["c_tp"], total["c_gold"], total["c_pred"]) >= COORDINATORS_F1


_SYMBOL = re.compile(r"\b\d{2,5}/[A-ZĐ][A-ZĐa-z0-9&-]*(?:-[A-ZĐ0-9]+)*\b")  # 6202/UBND-KT, 2884/VPCP-KGVX
_PLACE = re.compile(r"\b(?:huyện|xã|thôn|tỉnh|thành phố|phường|ông|bà)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s?){1,3})")


_COMMON = {"Giao", "Chủ", "Ủy", "Uỷ", "Sở", "Phòng", "Ban", "UBND", "Đề", "Thực", "Theo", "Bộ", "Quyết", "Cục"}
# The country's and the capital's names end national bodies' names ("Thông tấn xã Việt Nam", "Đại học
# Quốc gia Hà Nội"): they tell no document apart.
_NATIONAL = {"Việt Nam", "Hà Nội", "Hồ Chí Minh"}
# A place named with a common noun ("phường Trung Tâm", the centre ward) shares its words with every
# "Trung tâm …" body the lexicon knows.
_COMMON_NOUNS = {"trung tâm"}


def distinctive_names(text: str) -> set[str]:
    """Document numbers and the places and people a document names: what only it would contain."""
    names = set(_SYMBOL.findall(text))
    for m in _PLACE.finditer(text):
        words = m.group(1).split()
        if not all(w[0].isupper() for w in words):  # the class above also holds lowercase "đ", "ư" …
            continue
        if len(words) >= 2 and not all(w.isupper() for w in words) and not _COMMON.intersection(words) \
                and " ".join(words) not in _NATIONAL and " ".join(words).casefold() not in _COMMON_NOUNS:
            names.add(" ".join(words))
    return names


def engine_source() -> str:
    package = ROOT / "directives"
    files = list(package.glob("*.py")) + list((package / "data").glob("*"))
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


@pytest.mark.parametrize("doc", DOCS + sorted(DEV.glob("*.txt")), ids=lambda d: d.stem)
def test_the_engine_does_not_know_the_document(doc):
    names = distinctive_names(doc.read_text(encoding="utf-8"))
    if not names:
        pytest.skip("the text names no place, person or document number")
    source = engine_source()
    # (whole words, capitalized as a name: "xã An Trung" is not in "Công an Trung ương", "phường Quý I" not in
    # "trong quý I")
    leaked = sorted(n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", source))
    assert not leaked, leaked


def test_texts_and_labels_are_stored_nfc():
    import unicodedata
    stored = [*DOCS, *(HERE / "gold").glob("*.json")]
    assert [p.name for p in stored if not unicodedata.is_normalized("NFC", p.read_text(encoding="utf-8"))] == []
