"""Benchmark: the outbox dispatcher against the fake Telegram Bot API (real HTTP).

(a) broadcast: 1,000 messages to 1,000 chats with Telegram's limits on (30 msg/s
    overall, 1 msg/s per chat) → throughput as a share of the 30 msg/s ceiling
    (target ≥ 0.95), lost = 0, duplicates = 0;
(b) raw: the same against the fake with no limits and no pace in the dispatcher
    → messages per second (target ≥ 500);
(c) short broadcast: 40 messages to 40 chats from a cold start (a fresh dispatcher and
    connection), Telegram's limits on → 0 429s and ≥ 0.9 of the 30 msg/s ceiling (the
    first second is where a burst would show: a long broadcast hides it).

The fake runs in this process and event loop, so (b) counts its cost too.

    python bench/delivery.py                       # SQLite in a temp dir
    python bench/delivery.py --url postgresql+psycopg://postgres@127.0.0.1:55433/postgres
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from bot.telegram import TelegramSender  # noqa: E402
from fakes.telegram_server import FakeTelegram  # noqa: E402
from reminders.dispatcher import Dispatcher, Limits  # noqa: E402
from storage.crud import outbox  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import Outbox  # noqa: E402

TELEGRAM_CEILING = 30.0
TARGET_RATIO = 0.95
TARGET_RAW = 500.0
SHORT = 40
TARGET_SHORT = 0.9


class Scratch:
    """A fresh database: a SQLite file in a temp dir, or a new schema in the given PostgreSQL."""

    def __init__(self, url: str | None):
        self.base, self.schema = url, None
        if url is None:
            self.url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-delivery-')) / 'bench.db'}"
        else:
            self.schema = f"bench_{uuid.uuid4().hex[:10]}"
            with create_engine(url, isolation_level="AUTOCOMMIT").connect() as conn:
                conn.execute(text(f'CREATE SCHEMA "{self.schema}"'))
            sep = "&" if "?" in url else "?"
            self.url = f"{url}{sep}options=-csearch_path%3D{self.schema}"
        self.db = Database(self.url)
        self.db.upgrade()

    def close(self) -> None:
        self.db.dispose()
        if self.schema:
            with create_engine(self.base, isolation_level="AUTOCOMMIT").connect() as conn:
                conn.execute(text(f'DROP SCHEMA "{self.schema}" CASCADE'))


def enqueue(db: Database, n: int, first_chat: int) -> list[int]:
    chats = list(range(first_chat, first_chat + n))
    now = datetime.now(UTC)
    with db.session() as s:
        outbox.enqueue(s, [{"key": f"bench:{chat}", "channel": "telegram", "chat_id": str(chat), "kind": f"bench{first_chat}",
                            "not_before": now,
                            "payload": {"text": f"⏰ Còn 1 ngày đến hạn nhiệm vụ #{chat}\nRà soát, báo cáo kết quả.",
                                        "buttons": [[{"text": "✅ Xong", "data": f"s:d:{chat}"},
                                                     {"text": "⏳ Đang làm", "data": f"s:p:{chat}"}],
                                                    [{"text": "🔕 Nhắc lại sau", "data": f"z:{chat}"}]]}}
                           for chat in chats])
    return chats


async def run(db: Database, n: int, *, rate_limits: bool, first_chat: int, **dispatcher_kw) -> dict:
    chats = enqueue(db, n, first_chat)
    fake = FakeTelegram(rate_limits=rate_limits)
    await fake.start()
    sender = TelegramSender(fake.token, fake.url)
    await sender.start()
    try:
        dispatcher = Dispatcher(db, {"telegram": sender}, **dispatcher_kw)
        started = time.perf_counter()
        stats = await dispatcher.drain(max_wait=10)
        elapsed = time.perf_counter() - started
    finally:
        await sender.stop()
        await fake.stop()
    counts = Counter(m.chat_id for m in fake.sent)
    with db.session() as s:
        sent_rows = s.exec(select(func.count()).select_from(Outbox)
                           .where(Outbox.status == "sent", Outbox.kind == f"bench{first_chat}")).one()[0]
    times = [c.at for c in fake.calls_to("sendMessage") if c.ok]
    return {"n": n, "elapsed": elapsed, "busiest_second": busiest_second(times), "rate": len(fake.sent) / elapsed, "lost": sum(1 for c in chats if c not in counts),
            "duplicates": sum(v - 1 for v in counts.values()), "violations": fake.violations,
            "sent_rows": sent_rows, "batches": stats.batches, "retried": stats.retried, "parked": stats.parked}


def busiest_second(times: list[float]) -> int | None:
    """The most messages the fake received within any one second."""
    if not times:
        return None
    times, best, first = sorted(times), 0, 0
    for last, t in enumerate(times):
        while times[first] <= t - 1.0:
            first += 1
        best = max(best, last - first + 1)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="PostgreSQL URL (default: a SQLite file in a temp dir); a scratch schema is used")
    ap.add_argument("--messages", type=int, default=1000)
    ap.add_argument("--raw-messages", type=int, default=5000)
    ap.add_argument("--skip-limited", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    ok = True
    scratch = Scratch(args.url)
    dialect = scratch.db.engine.dialect.name
    try:
        if not args.skip_limited:
            r = asyncio.run(run(scratch.db, args.messages, rate_limits=True, first_chat=1_000_000))
            ratio = r["rate"] / TELEGRAM_CEILING
            good = ratio >= TARGET_RATIO and r["lost"] == 0 and r["duplicates"] == 0 and r["sent_rows"] == r["n"]
            ok &= good
            print(f"{dialect} (a) broadcast {r['n']:,} msgs to {r['n']:,} chats, Telegram limits on: "
                  f"{r['elapsed']:.2f} s, {r['rate']:.2f} msg/s = {ratio:.3f} of the 30 msg/s ceiling "
                  f"(target ≥ {TARGET_RATIO}); lost={r['lost']} duplicates={r['duplicates']} "
                  f"429s={r['violations']} retried={r['retried']} parked={r['parked']} "
                  f"rows sent={r['sent_rows']:,} batches={r['batches']} — {'OK' if good else 'MISSED'}")
        r = asyncio.run(run(scratch.db, SHORT, rate_limits=True, first_chat=3_000_000))
        ratio = r["rate"] / TELEGRAM_CEILING
        good = r["violations"] == 0 and ratio >= TARGET_SHORT and r["lost"] == 0 and r["duplicates"] == 0
        ok &= good
        print(f"{dialect} (c) short broadcast, {SHORT} msgs from a cold start, Telegram limits on: "
              f"{r['elapsed']:.2f} s, {r['rate']:.2f} msg/s = {ratio:.3f} of the 30 msg/s ceiling "
              f"(target ≥ {TARGET_SHORT}, 0 429s); 429s={r['violations']} busiest second={r['busiest_second']} "
              f"lost={r['lost']} duplicates={r['duplicates']} — {'OK' if good else 'MISSED'}")
        r = asyncio.run(run(scratch.db, args.raw_messages, rate_limits=False, first_chat=2_000_000,
                            limits=Limits(per_second=1e9)))
        good = r["rate"] >= TARGET_RAW and r["lost"] == 0 and r["duplicates"] == 0 and r["sent_rows"] == r["n"]
        ok &= good
        print(f"{dialect} (b) raw dispatcher, no limits: {r['n']:,} msgs in {r['elapsed']:.2f} s = "
              f"{r['rate']:.0f} msg/s (target ≥ {TARGET_RAW:.0f}); lost={r['lost']} duplicates={r['duplicates']} "
              f"rows sent={r['sent_rows']:,} batches={r['batches']} — {'OK' if good else 'MISSED'}")
    finally:
        scratch.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
