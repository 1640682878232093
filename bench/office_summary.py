"""Benchmark: the office summary (/tonghop), the KPI chart and the Excel export over
100,000 tasks.

500 units with one person each; tasks due from January to December 2026 (a fifth of
them, ~16,700, in May, the period summarized), in every state: done on time or late,
open, in progress, blocked, some extended by an approved request; a third have an
accepted report, one in ten a rejected one; half have a coordinator.

Targets: the summary (per-unit aggregates, overdue list, late coordinators) < 0.5 s;
the month's workbook (/xuatbaocao: four sheets, every task of May) < 3 s; the chart is
timed and shown.

    python bench/office_summary.py                       # SQLite in a temp dir
    python bench/office_summary.py --url postgresql+psycopg://postgres@127.0.0.1:55444/postgres
"""
from __future__ import annotations

import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text  # noqa: E402

from _bulk import finish_load, scratch_db, size_arguments, units_with_people  # noqa: E402
from locales import Translator  # noqa: E402
from office import chart, xlsx  # noqa: E402
from office.period import Period  # noqa: E402
from office.summary import summarize  # noqa: E402
from office.text import render_summary  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import ExtensionRequest, ProgressReport, Task, TaskCoordinator  # noqa: E402

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2026, 5, 14)
CREATED = datetime(2026, 1, 1, 2, tzinfo=UTC)
TARGET_S = 0.5
TARGET_XLSX_S = 3.0
CHUNK = 20_000


def populate(db: Database, n_units: int, n_tasks: int, seed: int = 11) -> None:
    rnd = random.Random(seed)
    units_with_people(db, n_units, CREATED, channel="telegram")
    task_id = report_id = 0
    while task_id < n_tasks:
        tasks, coords, reports, extensions = [], [], [], []
        for _ in range(min(CHUNK, n_tasks - task_id)):
            task_id += 1
            unit = rnd.randint(1, n_units)
            deadline = date(2026, 1, 1) + timedelta(days=rnd.randint(0, 364))
            original = deadline - timedelta(days=rnd.randint(3, 20)) if rnd.random() < 0.05 else deadline
            status = rnd.choice(["open", "in_progress", "blocked", "done", "done", "done"])
            if status == "done":
                finished = deadline + timedelta(days=rnd.randint(-10, 6))
                completed_at, late = datetime.combine(finished, datetime.min.time(), UTC), finished > deadline
            else:
                completed_at, late = None, None
            tasks.append({"id": task_id, "lead_unit_id": unit, "action": f"Nhiệm vụ thử nghiệm số {task_id}",
                          "expected_output": "", "deadline": deadline, "original_deadline": original,
                          "status": status, "created_at": CREATED, "updated_at": CREATED, "completion_output": "",
                          "completed_at": completed_at, "completed_late": late})
            if original != deadline:
                extensions.append({"task_id": task_id, "person_id": unit, "unit_id": unit, "requested_deadline":
                                   deadline, "reason": "bench", "status": "approved", "created_at": CREATED,
                                   "decision_note": ""})
            if rnd.random() < 0.5:
                coord = rnd.randint(1, n_units)
                if coord != unit:
                    coords.append({"task_id": task_id, "unit_id": coord, "position": 0,
                                   "deadline": deadline - timedelta(days=5)})
            for accepted, share in ((True, 0.33), (False, 0.1)):
                if rnd.random() < share:
                    report_id += 1
                    reports.append({"id": report_id, "task_id": task_id, "person_id": unit, "unit_id": unit,
                                    "kind": "progress", "text": "Đã triển khai, dự kiến xong cuối tháng",
                                    "output": "", "obstacle": "", "plan": "", "attachment_ref": "",
                                    "attachment_name": "", "accepted": accepted, "created_at": CREATED})
        with db.engine.begin() as conn:
            conn.execute(insert(Task), tasks)
            for table, rows in ((TaskCoordinator, coords), (ProgressReport, reports), (ExtensionRequest, extensions)):
                if rows:
                    conn.execute(insert(table), rows)
        print(f"\r  inserted {task_id:,}/{n_tasks:,} tasks", end="", flush=True)
    print()
    finish_load(db)
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(text("SELECT setval(pg_get_serial_sequence('progressreport', 'id'), "
                              "(SELECT max(id) FROM progressreport))"))


def timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def main() -> int:
    ap = size_arguments(__doc__, tasks=100_000, units=500)
    args = ap.parse_args()
    ok = False
    with scratch_db(args.url, "office") as db:
        dialect = db.engine.dialect.name
        print(f"{dialect}: generating {args.tasks:,} tasks over {args.units:,} units…")
        populate(db, args.units, args.tasks)
        t = Translator("vi")
        period = Period.month(2026, 5)
        with db.session() as s:
            summarize(s, period, TODAY)  # warm the caches once, as a running bot has them
            summary, seconds = timed(lambda: summarize(s, period, TODAY, overdue_limit=25))
            message = render_summary(t, summary, export_hint="/xuatbaocao 5/2026")
            png, chart_s = timed(lambda: chart.kpi_png(summary.units, period.label(t), t))
            (data, count), xlsx_s = timed(lambda: xlsx.build_workbook(s, period, TODAY, TZ, t))
        ok = seconds < TARGET_S and len(message) < 4000
        book_ok = xlsx_s < TARGET_XLSX_S
        print(f"{dialect} ({args.tasks:,} tasks, {len(summary.units)} units, {summary.totals.total:,} in May): "
              f"summary {seconds * 1000:.0f} ms (target < {TARGET_S * 1000:.0f} ms: {'OK' if ok else 'MISSED'}), "
              f"message {len(message)} chars; chart {chart_s * 1000:.0f} ms ({len(png) // 1024} KB); "
              f"workbook of {count:,} tasks {xlsx_s:.2f} s ({len(data) // 1024} KB; target < {TARGET_XLSX_S:.0f} s: "
              f"{'OK' if book_ok else 'MISSED'})")
        ok = ok and book_ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
