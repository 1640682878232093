"""Benchmark: the web desk's pages at 100,000 tasks over 1,000 units.

The data is bench/office_summary.py's (tasks due over 2026 in every state, reports
accepted and sent back, coordinators, approved extensions), with 200 directives, one
office person and one unit head, and what the reminder sweep and the office's review
leave behind: about 1,500 unfinished tasks flagged at risk (due within the week without
a report, or waiting on a coordinator), some 2,000 completions awaiting review and
some 1,500 returned (open again). The desk runs on a real uvicorn in this process,
keeping nothing between requests (keep_seconds=0: the overview's figures and chart are
computed for every request). Each page is fetched over HTTP on localhost: the first
fetch (cold: plans, templates), then REPEAT more; the figure held to the target is their
median (the round trip, so an upper bound of the server time), the slowest is shown
beside it (on a shared machine, the other processes' noise).

Target: every page < 300 ms. The chart (matplotlib) and the export (a workbook of the
filter) are timed and shown, not held to it.

    python bench/web.py                       # SQLite in a temp dir
    python bench/web.py --url postgresql+psycopg://postgres@127.0.0.1:55440/postgres
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402
from office_summary import CREATED, populate  # noqa: E402
from sqlalchemy import Date, DateTime, and_, insert, literal, select, text, update  # noqa: E402

from _bulk import scratch_db, size_arguments  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.web import Desk  # noqa: E402
from bot.web.local import LocalDesk  # noqa: E402
from storage.crud import web as crud_web  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import CompletionReview, Directive, ProgressReport, Task  # noqa: E402

TARGET_MS = 300
REPEAT = 5
DIRECTIVES = 200
NOW = datetime(2026, 5, 14, 3, 0, tzinfo=UTC)


def prepare(db: Database, n_units: int, n_tasks: int) -> None:
    populate(db, n_units, n_tasks)
    with db.engine.begin() as conn:
        conn.execute(insert(Directive), [{"id": i, "number": f"{i}/TB-UBND", "title": f"Thông báo kết luận số {i}",
                                          "issuer": "UBND tỉnh", "source_text": "", "created_at": CREATED,
                                          "status": "published"} for i in range(1, DIRECTIVES + 1)])
        conn.execute(text(f"UPDATE task SET directive_id = (id % {DIRECTIVES}) + 1"))
        conn.execute(text("UPDATE person SET role = 'office' WHERE id = 1"))
        conn.execute(text("UPDATE person SET role = 'head' WHERE id = 2"))
        accountability(conn)
        if db.engine.dialect.name == "postgresql":
            conn.execute(text("SELECT setval(pg_get_serial_sequence('directive', 'id'), "
                              "(SELECT max(id) FROM directive))"))
            conn.execute(text("ANALYZE task"))
        else:
            conn.execute(text("ANALYZE"))


def accountability(conn) -> None:
    """The flags and reviews a running office has: tasks at risk (as the sweep stores
    them), completions awaiting review, completions returned."""
    today = NOW.date()
    is_open = Task.status.in_(("open", "in_progress", "blocked"))
    conn.execute(update(Task).where(is_open, Task.deadline.between(today, date(2026, 5, 21)))
                 .values(at_risk="near", at_risk_since=date(2026, 5, 12)))
    conn.execute(update(Task).where(is_open, Task.deadline.between(date(2026, 5, 22), date(2026, 6, 10)),
                                    Task.id % 7 == 0)
                 .values(at_risk="coordinator", at_risk_since=date(2026, 5, 13)))
    submitted = literal(datetime(2026, 5, 12, 3, tzinfo=UTC), DateTime(timezone=True))
    for status, chosen in (("pending", and_(Task.status == "done", Task.id % 10 == 0)),
                           ("returned", and_(Task.status == "in_progress", Task.id % 10 == 1))):
        rows = (select(Task.id, ProgressReport.id, Task.lead_unit_id, ProgressReport.person_id, submitted,
                       literal(date(2026, 5, 12), Date), Task.deadline, literal("Báo cáo kết quả"),
                       literal(status), literal(None if status == "pending" else NOW, DateTime(timezone=True)),
                       literal(None if status == "pending" else 1), literal(False),
                       literal("" if status == "pending" else "Thiếu số liệu từng dự án"))
                .join(ProgressReport, and_(ProgressReport.task_id == Task.id, ProgressReport.accepted == True))  # noqa: E712
                .where(chosen))
        conn.execute(insert(CompletionReview).from_select(
            ["task_id", "report_id", "unit_id", "person_id", "submitted_at", "completed_on", "deadline", "output",
             "status", "decided_at", "decided_by", "auto", "reason"], rows))
    waiting = select(CompletionReview.task_id).where(CompletionReview.status == "pending")
    conn.execute(update(Task).where(Task.id.in_(waiting))
                 .values(status="awaiting_review", completed_at=None, completed_late=None))


def cookie_for(desk: Desk, db: Database, person_id: int) -> dict[str, str]:
    with db.session() as s:
        secret, _csrf = crud_web.create_session(s, person_id, NOW, 12)
    return {desk.cookie: secret}


def timed(client: httpx.Client, path: str) -> tuple[float, float, float, int, int]:
    """(first, median, slowest) in ms, status, size."""
    started = time.perf_counter()
    answer = client.get(path)  # cold: plans, templates
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        answer = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(times), max(times), answer.status_code, len(answer.content)


def main() -> int:
    ap = size_arguments(__doc__, tasks=100_000, units=1_000)
    args = ap.parse_args()
    ok = True
    with scratch_db(args.url, "web") as db:
        dialect = db.engine.dialect.name
        print(f"{dialect}: generating {args.tasks:,} tasks over {args.units:,} units…")
        prepare(db, args.units, args.tasks)
        with db.engine.connect() as conn:
            risky, waiting, returned = conn.execute(text(
                "SELECT (SELECT count(*) FROM task WHERE at_risk <> ''), "
                "(SELECT count(*) FROM task WHERE status = 'awaiting_review'), "
                "(SELECT count(*) FROM completionreview WHERE status = 'returned')")).one()
        print(f"  at risk {risky:,} · awaiting review {waiting:,} · returned {returned:,}")
        desk = Desk(db, Settings(database_url=db.url), clock=lambda: NOW, keep_seconds=0)  # every page computed
        local = LocalDesk(desk).start()
        office = httpx.Client(base_url=local.url, cookies=cookie_for(desk, db, 1), timeout=120)
        head = httpx.Client(base_url=local.url, cookies=cookie_for(desk, db, 2), timeout=120)
        pages = [
            ("office", "Tổng quan (month, 1,000 units)", "/web"),
            ("office", "Tổng quan sorted by on-time rate", "/web?sort=kpi&dir=asc"),
            ("office", "Tổng quan, a quarter", "/web?tu=2026-04-01&den=2026-06-30"),
            ("office", "Tổng quan sorted by at risk", "/web?sort=at_risk"),
            ("office", "Tổng quan sorted by coordination late", "/web?sort=coordinator_late&ky=2026-04"),
            ("office", "Nhiệm vụ, no filter", "/web/nhiemvu"),
            ("office", "Nhiệm vụ, page 1,000", "/web/nhiemvu?page=1000"),
            ("office", "Nhiệm vụ, overdue", "/web/nhiemvu?overdue=1"),
            ("office", "Nhiệm vụ, one unit", "/web/nhiemvu?unit=17"),
            ("office", "Nhiệm vụ, at risk", "/web/nhiemvu?risk=1"),
            ("office", "Nhiệm vụ, at risk, page 20", "/web/nhiemvu?risk=1&page=20"),
            ("office", "Nhiệm vụ, at risk, one unit", "/web/nhiemvu?risk=1&unit=17"),
            ("office", "Nhiệm vụ, at risk, text search", "/web/nhiemvu?risk=1&q=s%E1%BB%91+42"),
            ("office", "Nhiệm vụ, awaiting review", "/web/nhiemvu?status=awaiting_review"),
            ("office", "Nhiệm vụ, returned", "/web/nhiemvu?status=returned"),
            ("office", "Nhiệm vụ, a directive, unfinished", "/web/nhiemvu?directive=5&status=unfinished"),
            ("office", "Nhiệm vụ, deadline range", "/web/nhiemvu?from=2026-05-01&to=2026-05-31"),
            ("office", "Nhiệm vụ, text search", "/web/nhiemvu?q=s%E1%BB%91+4242"),
            ("office", "a task page", "/web/nhiemvu/4242"),
            ("office", "Văn bản (200 directives)", "/web/vanban"),
            ("office", "Báo cáo định kỳ", "/web/baocao"),
            ("office", "late coordinating units", "/web/phoihop"),
            ("head", "head: Tổng quan", "/web"),
            ("head", "head: Nhiệm vụ", "/web/nhiemvu"),
            ("head", "head: Nhiệm vụ at risk", "/web/nhiemvu?risk=1"),
            ("head", "head: another unit's task (404)", "/web/nhiemvu/3"),
        ]
        extra = [("office", "chart (PNG, 40 of 1,000 units)", "/web/bieudo.png"),
                 ("office", "export of one unit's filter (xlsx)", "/web/nhiemvu.xlsx?unit=17"),
                 ("office", "export of the at-risk filter (xlsx)", "/web/nhiemvu.xlsx?risk=1")]
        # The same overview as a running desk serves it: figures kept 30 s and shared by
        # the office's people (shown, not held to the target: the computed one above is).
        kept = LocalDesk(Desk(db, Settings(database_url=db.url), clock=lambda: NOW)).start()
        office_kept = httpx.Client(base_url=kept.url, cookies=office.cookies, timeout=120)
        extra.insert(0, ("office_kept", "Tổng quan, figures kept (a re-sort)", "/web?sort=unit"))
        clients = {"office": office, "head": head, "office_kept": office_kept}
        print(f"{'page':44} {'first':>7} {'median':>7} {'max':>7}  status  size")
        for who, label, path in pages + extra:
            first, median, worst, status, size = timed(clients[who], path)
            held = (who, label, path) in pages
            verdict = ("OK" if median < TARGET_MS else "MISSED") if held else "(shown)"
            if held and (median >= TARGET_MS or status not in (200, 404)):
                ok = False
            print(f"{label:44} {first:7.0f} {median:7.0f} {worst:7.0f}  {status:6}  {size // 1024:4} KB  {verdict}")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{dialect}: every page's median < {TARGET_MS} ms: {'OK' if ok else 'MISSED'} "
              f"(load average {load:.1f} on {os.cpu_count()} cores)")
        local.stop()
        kept.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
