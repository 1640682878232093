"""Benchmark: one `nhacviec serve` process taking Telegram webhooks over real HTTP.

A real `nhacviec serve` subprocess, the fake Telegram Bot API (no rate limits, and the
bot's own reply pacing off: TELEGRAM_OVERALL_PER_SECOND=0) and the load driver in this
process; 100,000 tasks over 1,000 units, one official bound per unit.

The driver plays Telegram's part fully: serve answers a webhook with the reply's last
message as a Bot API call (TELEGRAM_WEBHOOK_REPLIES, on by default), and the driver runs
that call at the fake, as Telegram runs it; a reply counts when it reaches the fake
either way.

(a) throughput: `--updates` updates from random officials, posted over 40 connections
    (Telegram's default max_connections), first /help (a lookup and one plain reply),
    then /nhiemvu (the task page: the heaviest common command) → updates/s
    acknowledged, and updates/s handled (the reply arrived at the fake), with the CPU
    time each update cost the serve process. Target ≥ 300/s handled.
(b) latency: `--calls` /nhiemvu one after another → from the POST to the reply's
    arrival at the fake (ack + handler + sendMessage). Target p99 < 50 ms.

    python bench/webhook.py                        # SQLite in a temp dir
    python bench/webhook.py --url postgresql+psycopg://postgres@127.0.0.1:55432/postgres
"""
from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import aiohttp  # noqa: E402
import httpx  # noqa: E402
from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.exc import DBAPIError  # noqa: E402

from _bulk import finish_load, scratch_database, size_arguments, units_with_people  # noqa: E402
from fakes.telegram_server import FakeTelegram  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import Task  # noqa: E402

TARGET_RATE = 300.0
TARGET_P99_MS = 50.0
SECRET = "bench-webhook-secret-0123456789"
HEADER = "X-Telegram-Bot-Api-Secret-Token"
CONNECTIONS = 40


def populate(db: Database, n_units: int, n_tasks: int, seed: int = 5) -> None:
    rnd = random.Random(seed)
    now = datetime.now(UTC)
    today = date.today()
    units_with_people(db, n_units, now, channel="telegram")
    statuses = ["open", "in_progress", "blocked", "done", "done"]
    rows = []
    for task_id in range(1, n_tasks + 1):
        deadline = today + timedelta(days=rnd.randint(-30, 90))
        rows.append({"id": task_id, "lead_unit_id": rnd.randint(1, n_units),
                     "action": f"Nhiệm vụ thử nghiệm số {task_id}: rà soát, tham mưu, báo cáo kết quả.",
                     "expected_output": "", "deadline": deadline, "original_deadline": deadline,
                     "status": rnd.choice(statuses), "created_at": now, "updated_at": now, "completion_output": ""})
        if len(rows) == 20_000 or task_id == n_tasks:
            with db.engine.begin() as conn:
                conn.execute(insert(Task), rows)
            rows = []
    finish_load(db)


def update(update_id: int, chat: int, text_: str = "/nhiemvu") -> dict:
    user = {"id": chat, "is_bot": False, "first_name": f"Cán bộ {chat}", "language_code": "vi"}
    return {"update_id": update_id, "message": {
        "message_id": update_id, "from": user, "chat": {"id": chat, "type": "private"}, "date": int(time.time()),
        "text": text_, "entities": [{"type": "bot_command", "offset": 0, "length": len(text_)}]}}


def cpu_seconds(pid: int, *, reaped_children: bool = False) -> float:
    """User + system CPU time of a process (Linux); with `reaped_children`, plus that of
    its children that have exited and been waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    last = 15 if reaped_children else 13  # utime stime [cutime cstime]
    return sum(int(f) for f in fields[11:last]) / os.sysconf("SC_CLK_TCK")


class ServerCpu:
    """CPU time of a PostgreSQL server on this machine: the postmaster's own and its
    children's, both those it has reaped (backends closed meanwhile) and those alive.
    Zero for SQLite, or a server on another machine."""

    def __init__(self, db_url: str):
        self.postmaster = None
        if db_url.startswith("postgresql"):
            engine = create_engine(db_url)
            try:
                with engine.connect() as conn:
                    folder = conn.execute(text("SHOW data_directory")).scalar_one()
                pid = int(Path(folder, "postmaster.pid").read_text().split()[0])
                self.postmaster = pid if Path(f"/proc/{pid}").exists() else None
            except (OSError, ValueError, DBAPIError):
                self.postmaster = None
            finally:
                engine.dispose()

    def seconds(self) -> float:
        if self.postmaster is None:
            return 0.0
        total = cpu_seconds(self.postmaster, reaped_children=True)
        for child in Path(f"/proc/{self.postmaster}/task/{self.postmaster}/children").read_text().split():
            try:
                total += cpu_seconds(int(child))
            except OSError:  # exited just now
                pass
        return total


def quantile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


async def wait_healthy(url: str, proc: subprocess.Popen) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(600):
            if proc.poll() is not None:
                raise RuntimeError(f"serve exited: {proc.communicate()[1][-2000:]}")
            try:
                if (await client.get(f"{url}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("serve did not come up")


async def run(db_url: str, label: str, n_units: int, n_updates: int, calls: int) -> bool:
    fake = FakeTelegram()
    await fake.start()
    port = 18000 + os.getpid() % 1000
    env = {**os.environ, "DATABASE_URL": db_url, "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url,
           "WEBHOOK_SECRET": SECRET, "TELEGRAM_OVERALL_PER_SECOND": "0", "LOG_LEVEL": "WARNING",
           "PYTHONPATH": str(ROOT)}
    env.pop("ZALO_BOT_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())",
                             "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    hook = f"{base}/telegram/webhook"
    rnd = random.Random(3)
    server_cpu = ServerCpu(db_url)
    next_id = iter(range(1, 10**9))
    ok = True
    try:
        await wait_healthy(base, proc)
        # aiohttp for the driver: httpx's pool costs more CPU per request than the server
        # under test spends, and both share this machine.
        # No client timeout: a per-request timer for thousands of posts in flight cost the
        # driver a sixth of its CPU (a stuck server still fails: each phase has 300 s).
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=CONNECTIONS),
                                         timeout=aiohttp.ClientTimeout(total=None)) as client:
            async def post(body: dict) -> float:
                async with client.post(hook, json=body, headers={HEADER: SECRET}) as r:
                    assert r.status == 200, await r.text()
                    answer = await r.json()
                acked = time.perf_counter()
                # As Telegram: the reply in the answer is run (serve answers with it).
                await fake.run_webhook_answer(answer)
                return acked

            async def throughput(text_: str, what: str) -> None:
                nonlocal ok
                cpu_before, driver_before = cpu_seconds(proc.pid), cpu_seconds(os.getpid())
                db_before = server_cpu.seconds()
                sent_before = len(fake.sent)
                batch = [update(next(next_id), rnd.randint(1, n_units), text_) for _ in range(n_updates)]
                start = time.perf_counter()
                async with asyncio.timeout(300):  # the client has none (see above)
                    acks = await asyncio.gather(*(post(u) for u in batch))
                acked = n_updates / (max(acks) - start)
                while len(fake.sent) - sent_before < n_updates:
                    await asyncio.sleep(0.005)
                    if time.perf_counter() - start > 300:
                        raise RuntimeError(f"only {len(fake.sent) - sent_before} of {n_updates} replies")
                handled = n_updates / (time.perf_counter() - start)
                server_ms = (cpu_seconds(proc.pid) - cpu_before) / n_updates * 1000
                driver_ms = (cpu_seconds(os.getpid()) - driver_before) / n_updates * 1000
                db_ms = (server_cpu.seconds() - db_before) / n_updates * 1000
                await fake.wait_idle()
                met = handled >= TARGET_RATE
                ok = ok and met
                print(f"{label}: {text_} ({what}): {acked:.0f} updates/s acknowledged, {handled:.0f}/s handled "
                      f"(reply at the fake) — target ≥ {TARGET_RATE:.0f}/s: {'OK' if met else 'MISSED'}; "
                      f"CPU per update: serve {server_ms:.1f} ms, "
                      + (f"PostgreSQL {db_ms:.1f} ms, " if db_ms else "")
                      + f"driver + fake API {driver_ms:.1f} ms", flush=True)

            # warm-up: connections, pools, caches
            await asyncio.gather(*(post(update(next(next_id), rnd.randint(1, n_units))) for _ in range(100)))
            await fake.wait_idle()
            # (a) throughput: a light command, then the heaviest common one
            await throughput("/help", "light: lookup + one plain reply")
            await throughput("/nhiemvu", "heavy: task page query + keyboard")
            # (b) latency, one update at a time
            timings = []
            for _ in range(calls):
                chat = rnd.randint(1, n_units)
                count = len(fake.messages_to(chat))
                t0 = time.perf_counter()
                await post(update(next(next_id), chat))
                await fake.wait_for_count(chat, count + 1)
                timings.append((time.perf_counter() - t0) * 1000)
            assert all("Nhiệm vụ của" in m.text or "không còn nhiệm vụ" in m.text for m in fake.sent[-calls:])
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=60)
        await fake.stop()
    if "Traceback" in err:
        print(err[-3000:])
    p50, p99 = statistics.median(timings), quantile(timings, 99)
    met = p99 < TARGET_P99_MS
    print(f"{label}: /nhiemvu webhook → reply at the fake: p50={p50:.1f} ms p99={p99:.1f} ms "
          f"max={max(timings):.1f} ms over {calls} calls — target p99 < {TARGET_P99_MS:.0f} ms: "
          f"{'OK' if met else 'MISSED'}")
    return ok and met


def main() -> int:
    ap = size_arguments(__doc__, tasks=100_000, units=1_000)
    ap.add_argument("--updates", type=int, default=3_000)
    ap.add_argument("--calls", type=int, default=500)
    args = ap.parse_args()
    url, drop = scratch_database(args.url, "webhook")
    db = Database(url)
    db.upgrade()
    label = f"{db.engine.dialect.name} ({args.tasks:,} tasks / {args.units:,} units)"
    started = time.perf_counter()
    populate(db, args.units, args.tasks)
    print(f"{label}: loaded in {time.perf_counter() - started:.0f} s")
    db.dispose()
    try:
        ok = asyncio.run(run(url, label, args.units, args.updates, args.calls))
    finally:
        drop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
