"""Benchmark of the directive extractor against hand-labeled directives.

Usage: python bench/extraction.py [EVAL_DIR]   (default: ../shared/eval from the repo root)

Scores three sets with EVAL_DIR/score_extraction.py: the dev set (EVAL_DIR/docs, gold in
EVAL_DIR/gold), the held-out set (tests/directives/heldout) and the real corpus
(tests/directives/real: published directives, sources in its SOURCES.md), with figures per
kind of document (the file name's first word: cong-dien, chi-thi, thong-bao, cong-van, ke-hoach…).
Also times one scanned page through OCR. Targets: dev tasks F1 >= 0.97 and coordinators F1 >= 0.95;
< 200 ms per 40 KB directive; one OCR'd page < 5 s.
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
TARGET_OCR_PAGE_S = 5.0
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


def _kind(stem: str) -> str:
    """The kind a file name states first: "laichau-2018-09-cong-van-gop-y-chi-thi" is a công văn."""
    kinds = ("cong-dien", "chi-thi", "thong-bao", "cong-van", "ke-hoach", "nghi-quyet", "quyet-dinh")
    found = [(stem.find(kind), kind) for kind in kinds if kind in stem]
    return min(found)[1] if found else "khac"


def score_set(scorer, docs: list[Path], gold_dir: Path, timed: bool,
              per_doc: dict[str, dict] | None = None) -> tuple[dict, dict, list[float]]:
    """Totals, totals per kind, and ms per 40 KB for each document (when timed); each document's
    counts go into per_doc when given."""
    total = dict(tp=0, gold=0, pred=0, c_tp=0, c_gold=0, c_pred=0)
    kinds: dict[str, dict] = {}
    ms_per_40kb = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            gold_path = gold_dir / f"{doc.stem}.json"
            if not gold_path.exists():
                print(f"  {doc.stem}: no gold file, skipped")
                continue
            result, elapsed = _timed(doc) if timed else (extract_file(doc, issued=_issued(gold_path)), 0.0)
            size = doc.stat().st_size
            if timed:
                ms_per_40kb.append(elapsed * 40 * 1024 / size)
            pred_path = Path(tmp) / f"{doc.stem}.json"
            pred_path.write_text(json.dumps(result.to_contract(), ensure_ascii=False), encoding="utf-8")
            r = scorer.score(scorer.load(gold_path), scorer.load(pred_path))
            kind = kinds.setdefault(_kind(doc.stem), dict.fromkeys(total, 0))
            if per_doc is not None:
                per_doc[doc.stem] = {key: r[key] for key in total}
            for key in total:
                total[key] += r[key]
                kind[key] += r[key]
            timing = f"{elapsed:.1f} ms, " if timed else ""
            print(f"  {doc.stem}: {size / 1024:.1f} KB, {timing}tasks gold={r['gold']} pred={r['pred']} "
                  f"matched={r['tp']} F1={_f1(r['tp'], r['gold'], r['pred']):.3f}")
    return total, kinds, ms_per_40kb


def _issued(gold_path: Path):
    """The issue date the gold file records (the office knows it when it publishes), or None."""
    from datetime import date
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    value = data.get("issued") if isinstance(data, dict) else None
    return date.fromisoformat(value) if value else None


def _timed(doc: Path):
    extract_file(doc)  # imports and regex compilation are not part of a document's cost
    times = []
    for _ in range(RUNS):
        reset_caches()  # each run reads the document as if for the first time
        start = time.perf_counter()
        result = extract_file(doc)
        times.append((time.perf_counter() - start) * 1000)
    return result, statistics.median(times)  # the median shrugs off a busy machine


def batches(sources: Path) -> dict[str, int]:
    """The batch of each corpus document, from the rows of SOURCES.md: rows before the first
    "**batch N**" row are batch 1, each such row opens batch N."""
    batch, out = 1, {}
    for line in sources.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or not cells or cells[0] in ("file", "") or set(cells[0]) <= {"-", " "}:
            continue
        marker = cells[0].strip("*").strip()
        if marker.lower().startswith("batch "):
            batch = int(marker.split()[1])
            continue
        out[cells[0]] = batch
    return out


def _batch_rows(per_doc: dict[str, dict], sources: Path) -> list[tuple[str, str]]:
    of = batches(sources)
    totals: dict[int, dict] = {}
    for stem, counts in per_doc.items():
        total = totals.setdefault(of.get(stem, 0), dict.fromkeys(counts, 0))
        for key, value in counts.items():
            total[key] += value
    rows = []
    for batch, total in sorted(totals.items()):
        docs = sum(1 for stem in per_doc if of.get(stem, 0) == batch)
        tasks_f1, coord_f1 = _figures(total)
        label = f"batch {batch}" if batch else "no batch"
        rows.append((f"  {label} ({docs} docs, {total['gold']} tasks)", f"{tasks_f1:.3f} / {coord_f1:.3f}"))
    return rows


def _figures(total: dict) -> tuple[float, float]:
    return (_f1(total["tp"], total["gold"], total["pred"]), _f1(total["c_tp"], total["c_gold"], total["c_pred"]))


def ocr_page_seconds() -> float | None:
    """Seconds to read one dense A4 page scanned at 200 dpi, or None without OCR installed."""
    import io

    from directives import ocr, read_document
    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not ocr.available() or not font_path.exists():
        return None
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype(str(font_path), 30)
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    line = "Giao Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra an toàn thực phẩm, "
    for row in range(36):  # a full page of 13-14 pt type
        draw.text((120, 120 + row * 58), line if row % 2 else "hoàn thành trước ngày 15/5/2026; báo cáo UBND tỉnh.",
                  font=font, fill=0)
    data = io.BytesIO()
    page.save(data, "PDF", resolution=200)
    start = time.perf_counter()
    read_document(data.getvalue(), "scan.pdf")
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    # The repository sits beside shared/ (or, as a worktree, one level further down).
    default = next((p / "shared" / "eval" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
                   ROOT.parent / "shared" / "eval")
    eval_dir = Path(argv[0]) if argv else default
    docs = sorted((eval_dir / "docs").glob("*.txt"))
    if not docs:
        print(f"no documents under {eval_dir / 'docs'}", file=sys.stderr)
        return 2
    scorer = _scorer(eval_dir)
    print("dev set")
    dev, _, ms_per_40kb = score_set(scorer, docs, eval_dir / "gold", timed=True)
    rows = []
    for name, folder in (("held-out", ROOT / "tests/directives/heldout"), ("corpus", ROOT / "tests/directives/real")):
        print(name)
        per_doc: dict[str, dict] = {}
        total, kinds, _ = score_set(scorer, sorted((folder / "docs").glob("*.txt")), folder / "gold", timed=False,
                                    per_doc=per_doc)
        tasks_f1, coord_f1 = _figures(total)
        rows.append((f"{name} tasks / coord. F1", f"{tasks_f1:.3f} / {coord_f1:.3f}"))
        for kind, figures in sorted(kinds.items()):
            kt, kc = _figures(figures)
            rows.append((f"  {kind} ({figures['gold']} tasks)", f"{kt:.3f} / {kc:.3f}"))
        if (folder / "SOURCES.md").exists():
            rows.extend(_batch_rows(per_doc, folder / "SOURCES.md"))
    tasks_f1, coord_f1 = _figures(dev)
    worst_ms = max(ms_per_40kb)
    ocr_s = ocr_page_seconds()
    checks = [("dev tasks F1", tasks_f1, f">= {TARGET_TASKS_F1}", tasks_f1 >= TARGET_TASKS_F1),
              ("dev coordinators F1", coord_f1, f">= {TARGET_COORDINATORS_F1}", coord_f1 >= TARGET_COORDINATORS_F1),
              ("ms per 40 KB (worst doc)", worst_ms, f"< {TARGET_MS_PER_40KB:.0f}", worst_ms < TARGET_MS_PER_40KB)]
    if ocr_s is not None:
        checks.append(("s per OCR'd page", ocr_s, f"< {TARGET_OCR_PAGE_S:.0f}", ocr_s < TARGET_OCR_PAGE_S))
    print()
    for name, value, target, ok in checks:
        print(f"{name:<36} {value:8.3f}   target {target:<8} {'OK' if ok else 'MISSED'}")
    if ocr_s is None:
        print("s per OCR'd page           (OCR not installed: tesseract-ocr, tesseract-ocr-vie)")
    for name, value in rows:
        print(f"{name:<36} {value}")
    return 0 if all(ok for *_, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
