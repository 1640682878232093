"""Benchmark of the directive extractor against the hand-labeled dev set.

Usage: python bench/extraction.py [EVAL_DIR]   (default: ../shared/eval from the repo root)

Runs the extractor on every EVAL_DIR/docs/*.txt, scores the predictions with
EVAL_DIR/score_extraction.py, and prints the figures against their targets:
tasks F1 >= 0.97, coordinators F1 >= 0.95, < 200 ms per 40 KB directive.
"""
from __future__ import annotations

import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from directives import extract_file  # noqa: E402
from directives.text import reset_caches  # noqa: E402

TARGET_TASKS_F1 = 0.97
TARGET_COORDINATORS_F1 = 0.95
TARGET_MS_PER_40KB = 200.0
RUNS = 7


def _scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score_extraction", eval_dir / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _f1(tp: int, gold: int, pred: int) -> float:
    p = tp / pred if pred else (1.0 if not gold else 0.0)
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str]) -> int:
    eval_dir = Path(argv[0]) if argv else ROOT.parent / "shared" / "eval"
    docs = sorted((eval_dir / "docs").glob("*.txt"))
    if not docs:
        print(f"no documents under {eval_dir / 'docs'}", file=sys.stderr)
        return 2
    scorer = _scorer(eval_dir)
    total = dict(tp=0, gold=0, pred=0, c_tp=0, c_gold=0, c_pred=0)
    ms_per_40kb = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            extract_file(doc)  # imports and regex compilation are not part of a document's cost
            times = []
            for _ in range(RUNS):
                reset_caches()  # each run reads the document as if for the first time
                start = time.perf_counter()
                result = extract_file(doc)
                times.append((time.perf_counter() - start) * 1000)
            elapsed = statistics.median(times)  # the median shrugs off a busy machine
            size = doc.stat().st_size
            ms_per_40kb.append(elapsed * 40 * 1024 / size)
            pred_path = Path(tmp) / f"{doc.stem}.json"
            pred_path.write_text(json.dumps(result.to_contract(), ensure_ascii=False), encoding="utf-8")
            gold_path = eval_dir / "gold" / f"{doc.stem}.json"
            if not gold_path.exists():
                print(f"{doc.stem}: no gold file, skipped")
                continue
            r = scorer.score(scorer.load(gold_path), scorer.load(pred_path))
            for key in total:
                total[key] += r[key]
            print(f"{doc.stem}: {size / 1024:.1f} KB, {elapsed:.1f} ms, tasks gold={r['gold']} pred={r['pred']} "
                  f"matched={r['tp']} F1={_f1(r['tp'], r['gold'], r['pred']):.3f}")
    tasks_f1 = _f1(total["tp"], total["gold"], total["pred"])
    coord_f1 = _f1(total["c_tp"], total["c_gold"], total["c_pred"])
    worst_ms = max(ms_per_40kb)
    rows = [("tasks F1", tasks_f1, f">= {TARGET_TASKS_F1}", tasks_f1 >= TARGET_TASKS_F1),
            ("coordinators F1", coord_f1, f">= {TARGET_COORDINATORS_F1}", coord_f1 >= TARGET_COORDINATORS_F1),
            ("ms per 40 KB (worst doc)", worst_ms, f"< {TARGET_MS_PER_40KB:.0f}", worst_ms < TARGET_MS_PER_40KB)]
    print()
    for name, value, target, ok in rows:
        print(f"{name:<26} {value:8.3f}   target {target:<8} {'OK' if ok else 'MISSED'}")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
