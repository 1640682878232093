"""Tasks lost only to their deadline or cadence: for every corpus document, the missed gold tasks
and spurious predicted tasks whose leads match (the scorer's rule) but whose deadline or
recurrence differ, grouped by cause.

Usage: python bench/deadline_slips.py [EVAL_DIR] [-k WORD]   (-k keeps documents whose name has WORD)
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extraction import _issued, _scorer  # noqa: E402
from directives import extract_file  # noqa: E402
from directives.dates import find_recurrence  # noqa: E402

_CADENCE = re.compile(r"(?<!\w)(?:hằng|hàng|mỗi)\s+(?:ngày|tuần|tháng|quý|năm)(?!\w)", re.IGNORECASE)


def cause(gold: dict, pred: dict) -> str:
    """A short name for why a pair missed: what differs, and what the predicted text holds."""
    text = pred.get("text") or ""
    if gold["recurrence"] != pred["recurrence"]:
        if gold["recurrence"] and not pred["recurrence"]:
            if _CADENCE.search(text) and find_recurrence(text) is None:
                return "cadence read as a plan or budget of the year"
            return "cadence not found"
        if pred["recurrence"] and not gold["recurrence"]:
            return "cadence where gold has none"
        return "another cadence"
    if gold["deadline"] and not pred["deadline"]:
        return "deadline in a time cell not read" if "Thời hạn:" in text else "deadline not found"
    if pred["deadline"] and not gold["deadline"]:
        return "a date that is no deadline"
    return "another date taken"


def slips(scorer, doc: Path, gold_path: Path) -> list[tuple[dict, dict, str]]:
    result = extract_file(doc, issued=_issued(gold_path))
    contract = result.to_contract()
    gold = scorer.load(gold_path)
    raw = json.loads(gold_path.read_text(encoding="utf-8"))
    summaries = {id(g): t.get("summary") or "" for g, t in zip(gold, raw["tasks"], strict=False)}
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.json"
        pred_path.write_text(json.dumps(contract, ensure_ascii=False), encoding="utf-8")
        r = scorer.score(gold, scorer.load(pred_path))
    key = ("lead", "deadline", "recurrence")
    spurious = [t for t in contract["tasks"] if {k: t[k] for k in key} in
                [{k: s[k] for k in key} for s in r["spurious"]]]
    # Leads pair as the scorer pairs them; among equal leads, the texts that say the most alike.
    pairs = sorted(((scorer.similar(g["lead"], p["lead"]) + 0.3 * scorer.similar(summaries.get(id(g), ""), p["text"]),
                     i, j) for i, g in enumerate(r["missed"]) for j, p in enumerate(spurious)
                    if scorer.similar(g["lead"], p["lead"]) >= scorer.THRESHOLD), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((r["missed"][i], spurious[j], summaries.get(id(r["missed"][i]), "")))
    return out


def main(argv: list[str]) -> int:
    keep = argv[argv.index("-k") + 1] if "-k" in argv else ""
    rest = [a for k, a in enumerate(argv) if a != "-k" and (k == 0 or argv[k - 1] != "-k")]
    # The repository sits beside shared/ (or, as a worktree, one level further down).
    default = next((p / "shared" / "eval" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
                   ROOT.parent / "shared" / "eval")
    eval_dir = Path(rest[0]) if rest else default
    scorer = _scorer(eval_dir)
    real = ROOT / "tests" / "directives" / "real"
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in sorted((real / "docs").glob("*.txt")):
        gold_path = real / "gold" / f"{doc.stem}.json"
        if keep not in doc.stem or not gold_path.exists():
            continue
        for gold, pred, summary in slips(scorer, doc, gold_path):
            groups[cause(gold, pred)].append(
                f"  {doc.stem}: {pred['lead']}\n    gold {gold['deadline']} {gold['recurrence']} | {summary}\n"
                f"    pred {pred['deadline']} {pred['recurrence']} | {(pred.get('text') or '')[:200]}")
    for name, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"{name} ({len(rows)})")
        print("\n".join(rows))
    print(f"slips: {sum(len(rows) for rows in groups.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
