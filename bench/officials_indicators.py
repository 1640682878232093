"""Benchmark: the per-official KPI over 100,000 tasks, and the month's indicator table
for 1,000 units × 10 indicators × 12 months.

Officials: 500 units with four people each (2,000 officials); 100,000 tasks due across
2026 in every state (as bench/office_summary.py), each given by name to one official of
its unit, one in five to a second as well; one task in ten has a report sent back.
Timed: `/tonghop canbo` for the office (every official, May), and for one unit.

Indicators: 1,000 units, 10 indicators each (10,000), a plan for every month of the
cumulative ones, a figure for each of the 12 months (120,000) and a correction for one
in twenty. Timed: the month's table for the office (all 10,000 rows with plan, figure,
met or not, shortfall, cause, remedy, corrections) and its chat message.

Targets: each < 0.5 s.

    python bench/officials_indicators.py                 # SQLite in a temp dir
    python bench/officials_indicators.py --url postgresql+psycopg://postgres@127.0.0.1:55440/postgres
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
from office import indicators as ind  # noqa: E402
from office.period import Period  # noqa: E402
from office.summary import official_summaries  # noqa: E402
from office.text import render_officials  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import (  # noqa: E402
    Indicator,
    IndicatorPlan,
    IndicatorValue,
    Person,
    ProgressReport,
    Task,
    TaskAssignment,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2026, 5, 14)
CREATED = datetime(2026, 1, 1, 2, tzinfo=UTC)
TARGET_S = 0.5
CHUNK = 20_000
PEOPLE_PER_UNIT = 4


def load_officials(db: Database, n_units: int, n_tasks: int, seed: int = 17) -> None:
    rnd = random.Random(seed)
    units_with_people(db, n_units, CREATED, channel="telegram")
    extra = [{"id": n_units + k * n_units + u, "full_name": f"Cán bộ {u}-{k}", "unit_id": u, "role": "official",
              "language": "vi", "active": True, "created_at": CREATED}
             for k in range(PEOPLE_PER_UNIT - 1) for u in range(1, n_units + 1)]
    with db.engine.begin() as conn:
        conn.execute(insert(Person), extra)

    def person_of(unit: int) -> int:
        k = rnd.randrange(PEOPLE_PER_UNIT)
        return unit if k == 0 else n_units + (k - 1) * n_units + unit

    task_id = assignment_id = report_id = 0
    while task_id < n_tasks:
        tasks, assignments, reports = [], [], []
        for _ in range(min(CHUNK, n_tasks - task_id)):
            task_id += 1
            unit = rnd.randint(1, n_units)
            deadline = date(2026, 1, 1) + timedelta(days=rnd.randint(0, 364))
            status = rnd.choice(["open", "in_progress", "blocked", "done", "done", "done"])
            completed_at = late = None
            if status == "done":
                finished = deadline + timedelta(days=rnd.randint(-10, 6))
                completed_at, late = datetime.combine(finished, datetime.min.time(), UTC), finished > deadline
            tasks.append({"id": task_id, "lead_unit_id": unit, "action": f"Nhiệm vụ thử nghiệm số {task_id}",
                          "expected_output": "", "deadline": deadline, "original_deadline": deadline,
                          "status": status, "created_at": CREATED, "updated_at": CREATED, "completion_output": "",
                          "completed_at": completed_at, "completed_late": late})
            carriers = {person_of(unit)}
            if rnd.random() < 0.2:
                carriers.add(person_of(unit))
            for person in carriers:
                assignment_id += 1
                assignments.append({"id": assignment_id, "task_id": task_id, "person_id": person, "unit_id": unit,
                                    "assigned_at": CREATED, "active": True, "ended_reason": ""})
            if rnd.random() < 0.1:
                report_id += 1
                at = datetime.combine(deadline - timedelta(days=3), datetime.min.time(), UTC)
                reports.append({"id": report_id, "task_id": task_id, "person_id": min(carriers), "unit_id": unit,
                                "kind": rnd.choice(["progress", "blocked", "done"]), "text": "đang triển khai",
                                "output": "", "obstacle": "", "plan": "", "attachment_ref": "", "attachment_name": "",
                                "accepted": False, "created_at": at})
        with db.engine.begin() as conn:
            conn.execute(insert(Task), tasks)
            conn.execute(insert(TaskAssignment), assignments)
            if reports:
                conn.execute(insert(ProgressReport), reports)
        print(f"\r  inserted {task_id:,}/{n_tasks:,} tasks", end="", flush=True)
    print()
    _after_load(db, ("taskassignment", "progressreport"))


def load_indicators(db: Database, n_units: int, per_unit: int, seed: int = 19) -> None:
    rnd = random.Random(seed)
    units_with_people(db, n_units, CREATED, channel="telegram")
    indicators, plans, values = [], [], []
    value_id = 0
    for unit in range(1, n_units + 1):
        for k in range(per_unit):
            iid = (unit - 1) * per_unit + k + 1
            mode = ("cumulative", "monthly", "level")[k % 3]
            target = 1200.0 if mode != "level" else 8.49
            indicators.append({"id": iid, "name": f"Chỉ tiêu {k + 1} của đơn vị {unit}", "measure": "tỷ đồng",
                               "year": 2026, "sector": f"Ngành {k % 5}", "responsible_unit_id": unit,
                               "aggregator_unit_id": 1, "target": target, "plan_mode": mode,
                               "higher_is_better": k % 4 != 3, "source": "Cục Thống kê", "report_day": 23,
                               "active": True, "created_at": CREATED})
            for month in range(1, 13):
                if mode == "cumulative":
                    plans.append({"indicator_id": iid, "month": month, "value": target * month / 12})
                plan = ind.month_plan(mode, target, {}, month)
                for correction in ((False, True) if rnd.random() < 0.05 else (True,)):
                    value_id += 1
                    short = rnd.random() < 0.3
                    higher = k % 4 != 3
                    low, high = (0.85, 0.99) if short == higher else (1.01, 1.15)
                    values.append({"id": value_id, "indicator_id": iid, "year": 2026, "month": month,
                                   "value": round(plan * rnd.uniform(low, high), 2),
                                   "raw": "", "cause": "Giá nông sản giảm" if short else "",
                                   "remedy": "Mở rộng diện tích vụ thu đông" if short else "", "person_id": unit,
                                   "entered_at": CREATED, "current": correction,
                                   "superseded_at": None if correction else CREATED})
    with db.engine.begin() as conn:
        for table, rows in ((Indicator, indicators), (IndicatorPlan, plans), (IndicatorValue, values)):
            for start in range(0, len(rows), CHUNK):
                conn.execute(insert(table), rows[start:start + CHUNK])
    print(f"  {len(indicators):,} indicators, {len(plans):,} monthly plans, {len(values):,} figures")
    _after_load(db, ("indicator", "indicatorvalue"))


def _after_load(db: Database, tables: tuple[str, ...]) -> None:
    finish_load(db)
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:
            for table in tables:
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT coalesce(max(id), 1) FROM {table}))"))


def timed(fn, repeat: int = 3):
    """The best of `repeat` runs (the machine is shared), after one warm-up run."""
    value = fn()
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - started)
    return value, best


def verdict(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms (target < {TARGET_S * 1000:.0f} ms: {'OK' if seconds < TARGET_S else 'MISSED'})"


def bench_officials(url: str | None, n_units: int, n_tasks: int) -> bool:
    with scratch_db(url, "officials") as db:
        print(f"{db.engine.dialect.name}: {n_tasks:,} tasks over {n_units:,} units, "
              f"{n_units * PEOPLE_PER_UNIT:,} officials…")
        load_officials(db, n_units, n_tasks)
        t, period = Translator("vi"), Period.month(2026, 5)
        with db.session() as s:
            rows, everyone = timed(lambda: official_summaries(s, period, TODAY, TZ))
            message = render_officials(t, rows, period, TODAY)
            _, one_unit = timed(lambda: official_summaries(s, period, TODAY, TZ, unit_id=7))
            _, one_person = timed(lambda: official_summaries(s, period, TODAY, TZ, person_id=7))
        print(f"  per-official KPI, May, every official ({len(rows):,} rows, {sum(r.assigned for r in rows):,} "
              f"task assignments in scope): {verdict(everyone)}; one unit {one_unit * 1000:.0f} ms; "
              f"one person (/kpi) {one_person * 1000:.0f} ms; message {len(message)} chars")
        return everyone < TARGET_S and one_unit < TARGET_S


def bench_indicators(url: str | None, n_units: int, per_unit: int) -> bool:
    with scratch_db(url, "indicators") as db:
        print(f"{db.engine.dialect.name}: {n_units:,} units × {per_unit} indicators × 12 months…")
        load_indicators(db, n_units, per_unit)
        t = Translator("vi")
        with db.session() as s:
            rows, table = timed(lambda: ind.month_table(s, 2026, 5))
            tally, _ = timed(lambda: ind.tally(rows), repeat=1)
            _, aggregator = timed(lambda: ind.month_table(s, 2026, 5, aggregator_id=1))
            _, one_unit = timed(lambda: ind.month_table(s, 2026, 5, unit_id=7))
            lines, render = timed(lambda: [ind.row_line(t, r) for r in rows])
        print(f"  the month's table (May, {len(rows):,} rows: met {tally.met:,}, not met {tally.not_met:,}, "
              f"missing {tally.missing:,}): {verdict(table)}; the aggregating unit's {aggregator * 1000:.0f} ms; "
              f"one unit's {one_unit * 1000:.0f} ms; every row as chat text {render * 1000:.0f} ms")
        return table < TARGET_S and aggregator < TARGET_S


def main() -> int:
    ap = size_arguments(__doc__, tasks=100_000, units=500)
    ap.add_argument("--indicator-units", type=int, default=1000)
    ap.add_argument("--per-unit", type=int, default=10)
    args = ap.parse_args()
    ok = bench_officials(args.url, args.units, args.tasks)
    ok = bench_indicators(args.url, args.indicator_units, args.per_unit) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
