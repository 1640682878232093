"""Benchmark: one reminder sweep over 1,000,000 tasks, 10,000 of them due now.

10,000 units with one person each (bound to a Telegram chat). The due tasks (one
per unit) are due tomorrow and were last looked at yesterday, so each has exactly
one reminder due this morning ("1 working day left"); the others are open with a
reminder in the coming days, or finished (no reminder). Half the tasks have a
coordinating unit, as in bench/nhiemvu.py. The due tasks, never reported on, are
flagged at risk ("near") already, as the look that found them 5 working days before
their deadline left them (reminders.risk): this sweep reads their reports and finds
nothing to change.

Target: one `sweep()` call < 1 s (10,000 outbox rows enqueued), on SQLite and on
PostgreSQL.

    python bench/sweep.py                       # SQLite in a temp dir
    python bench/sweep.py --url postgresql+psycopg://postgres@127.0.0.1:55433/postgres

With --url a scratch schema is created in that database and dropped afterwards.
--tasks/--due/--units make it smaller for a quick look; --profile prints cProfile's top.
"""
from __future__ import annotations

import cProfile
import pstats
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select  # noqa: E402

from _bulk import finish_load, scratch_db, size_arguments, units_with_people  # noqa: E402
from reminders.sweep import ReminderSettings, sweep  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import Outbox, ReminderQueue, Task, TaskCoordinator  # noqa: E402
from workcalendar.workdays import WorkCalendar  # noqa: E402

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TARGET_S = 1.0
CHUNK = 20_000


def local(y, m, d, h=8, mi=0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ).astimezone(UTC)


NOW = local(2026, 5, 14, 8, 5)  # Thursday morning
TODAY = date(2026, 5, 14)
TOMORROW = date(2026, 5, 15)
CREATED = local(2026, 5, 1, 9)
YESTERDAY = local(2026, 5, 13, 8, 5)  # the last sweep that looked at the due tasks


def populate(db: Database, n_units: int, n_tasks: int, n_due: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    units_with_people(db, n_units, CREATED, channel="telegram", chat_id_offset=100_000)
    # the due tasks are spread over the id range, not all at the start
    due_ids = set(rnd.sample(range(1, n_tasks + 1), n_due))
    due_unit = iter(range(1, n_units + 1))
    statuses = ["open", "in_progress", "blocked", "done", "done", "done"]
    task_id = 0
    while task_id < n_tasks:
        tasks, coords, queue = [], [], []
        for _ in range(min(CHUNK, n_tasks - task_id)):
            task_id += 1
            row = {"id": task_id, "action": f"Nhiệm vụ thử nghiệm số {task_id}: rà soát, tham mưu, báo cáo kết quả.",
                   "expected_output": "", "created_at": CREATED, "updated_at": CREATED, "completion_output": ""}
            if task_id in due_ids:
                # due tomorrow, looked at yesterday: today's "1 working day left" is due now
                unit = next(due_unit, None) or rnd.randint(1, n_units)
                row.update(lead_unit_id=unit, deadline=TOMORROW, original_deadline=TOMORROW, status="open",
                           completed_at=None, at_risk="near", at_risk_since=TODAY - timedelta(days=6))
                queue.append({"due_at": NOW - timedelta(minutes=5), "task_id": task_id, "checked_at": YESTERDAY})
            else:
                unit = rnd.randint(1, n_units)
                deadline = TODAY + timedelta(days=rnd.randint(5, 120))
                status = rnd.choice(statuses)
                nxt = NOW + timedelta(days=rnd.randint(1, 30), minutes=rnd.randint(0, 600)) \
                    if status != "done" else None
                row.update(lead_unit_id=unit, deadline=deadline, original_deadline=deadline, status=status,
                           completed_at=CREATED if status == "done" else None, at_risk="", at_risk_since=None)
                if nxt:
                    queue.append({"due_at": nxt, "task_id": task_id, "checked_at": YESTERDAY})
                if rnd.random() < 0.5:
                    coord = rnd.randint(1, n_units)
                    if coord != unit:
                        coords.append({"task_id": task_id, "unit_id": coord, "position": 0})
            tasks.append(row)
        with db.engine.begin() as conn:
            conn.execute(insert(Task), tasks)
            if coords:
                conn.execute(insert(TaskCoordinator), coords)
            conn.execute(insert(ReminderQueue), queue)
        print(f"\r  inserted {task_id:,}/{n_tasks:,} tasks", end="", flush=True)
    print()
    finish_load(db)


def main() -> int:
    ap = size_arguments(__doc__, tasks=1_000_000, units=10_000)
    ap.add_argument("--due", type=int, default=10_000)
    ap.add_argument("--profile", action="store_true", help="print cProfile's top functions of the sweep")
    args = ap.parse_args()
    with scratch_db(args.url, "sweep") as db:
        dialect = db.engine.dialect.name
        started = time.perf_counter()
        print(f"{dialect}: generating {args.tasks:,} tasks ({args.due:,} due now) over {args.units:,} units…")
        populate(db, args.units, args.tasks, args.due)
        print(f"  generated in {time.perf_counter() - started:.0f} s")
        cfg = ReminderSettings(tz=TZ, calendar=WorkCalendar())
        # The worker sweeps every minute: the sweep measured is one in a running process.
        # A sweep with nothing due first pays the process's one-time costs (the year's
        # holidays, compiling the statements); its time is printed too.
        started = time.perf_counter()
        sweep(db, NOW - timedelta(minutes=10), cfg)
        warmup = time.perf_counter() - started
        profiler = cProfile.Profile() if args.profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        result = sweep(db, NOW, cfg)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - started
        with db.session() as s:
            rows = s.exec(select(func.count()).select_from(Outbox)).one()[0]
            left = s.exec(select(func.count()).select_from(ReminderQueue).where(ReminderQueue.due_at <= NOW)).one()[0]
        again = time.perf_counter()
        second = sweep(db, NOW, cfg)
        again = time.perf_counter() - again
        ok = seconds < TARGET_S and result.enqueued == args.due == rows and left == 0
        print(f"{dialect} ({args.tasks:,} tasks, {args.due:,} due): sweep looked at {result.tasks:,} tasks, "
              f"enqueued {result.enqueued:,} rows ({rows:,} in the outbox) in {seconds:.3f} s — "
              f"target < {TARGET_S:.0f} s: {'OK' if ok else 'MISSED'}; "
              f"a second sweep right after: {second.tasks} tasks, {second.enqueued} rows, {again:.3f} s; "
              f"the process's first sweep (nothing due): {warmup:.3f} s")
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
