"""Benchmark: `/nhiemvu` handler latency with 1,000,000 tasks over 10,000 units.

Target: p99 < 20 ms, on SQLite and on PostgreSQL. The whole handler path is
timed (session, person lookup, the page query, rendering), not just the query.

    python bench/nhiemvu.py                       # SQLite in a temp dir
    python bench/nhiemvu.py --url postgresql+psycopg://postgres@127.0.0.1:55432/postgres
    bash bench/run_nhiemvu.sh                     # both, starting a throwaway PostgreSQL

--tasks/--units make it smaller for a quick look.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text  # noqa: E402

from _bulk import finish_load, units_with_people  # noqa: E402
from handlers.router import Assistant  # noqa: E402
from presentation.messages import Incoming  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import Task, TaskCoordinator  # noqa: E402

TARGET_P99_MS = 20.0
TODAY = date(2026, 5, 14)
CHUNK = 20_000


def populate(db: Database, n_units: int, n_tasks: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    now = datetime.now(UTC)
    units_with_people(db, n_units, now, channel="bench")
    statuses = ["open", "in_progress", "blocked", "done", "done", "done"]
    task_id = 0
    while task_id < n_tasks:
        tasks, coords = [], []
        for _ in range(min(CHUNK, n_tasks - task_id)):
            task_id += 1
            deadline = TODAY + timedelta(days=rnd.randint(-60, 120)) if rnd.random() > 0.05 else None
            tasks.append({"id": task_id, "lead_unit_id": rnd.randint(1, n_units),
                          "action": f"Nhiệm vụ thử nghiệm số {task_id}: rà soát, tham mưu, báo cáo kết quả thực hiện.",
                          "expected_output": "", "deadline": deadline, "original_deadline": deadline,
                          "status": rnd.choice(statuses), "created_at": now, "updated_at": now,
                          "completion_output": ""})
            if rnd.random() < 0.5:
                coords.append({"task_id": task_id, "unit_id": rnd.randint(1, n_units), "position": 0})
        with db.engine.begin() as conn:
            conn.execute(insert(Task), tasks)
            # a lead may be drawn as its own coordinator; the primary key drops duplicates either way
            coords = [c for c in coords if c["unit_id"] != tasks[c["task_id"] - tasks[0]["id"]]["lead_unit_id"]]
            if coords:
                conn.execute(insert(TaskCoordinator), coords)
        print(f"\r  inserted {task_id:,}/{n_tasks:,} tasks", end="", flush=True)
    print()
    finish_load(db)


def measure(db: Database, n_units: int, calls: int) -> list[float]:
    clock = lambda: datetime(2026, 5, 14, 2, 0, tzinfo=UTC)  # noqa: E731
    assistant = Assistant(db, ZoneInfo("Asia/Ho_Chi_Minh"), clock=clock)
    rnd = random.Random(11)
    for _ in range(20):  # warm the pool and the caches
        assistant.handle(Incoming("bench", "1", "1", text="/nhiemvu"))
    timings = []
    for _ in range(calls):
        uid = str(rnd.randint(1, n_units))
        start = time.perf_counter()
        replies = assistant.handle(Incoming("bench", uid, uid, text="/nhiemvu"))
        timings.append((time.perf_counter() - start) * 1000)
        assert replies and ("Nhiệm vụ của" in replies[0].text or "không còn nhiệm vụ" in replies[0].text), replies
    return timings


def report(label: str, timings: list[float]) -> bool:
    q = statistics.quantiles(timings, n=100)
    p50, p99 = statistics.median(timings), q[98]
    ok = p99 < TARGET_P99_MS
    print(f"{label}: /nhiemvu p50={p50:.2f} ms p99={p99:.2f} ms max={max(timings):.2f} ms "
          f"over {len(timings)} calls — target p99 < {TARGET_P99_MS:.0f} ms: {'OK' if ok else 'MISSED'}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="database URL (default: a SQLite file in a temp dir)")
    ap.add_argument("--tasks", type=int, default=1_000_000)
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--calls", type=int, default=1000)
    args = ap.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    db = Database(url)
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:  # a clean slate in the given database
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    db.upgrade()
    started = time.perf_counter()
    print(f"{db.engine.dialect.name}: generating {args.tasks:,} tasks over {args.units:,} units…")
    populate(db, args.units, args.tasks)
    print(f"  generated in {time.perf_counter() - started:.0f} s")
    ok = report(f"{db.engine.dialect.name} ({args.tasks:,} tasks / {args.units:,} units)",
                measure(db, args.units, args.calls))
    db.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
