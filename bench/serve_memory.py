"""Benchmark: the memory of one idle `nhacviec serve` process, and what one chart, one
export and one directive upload cost it afterwards.

A real `nhacviec serve` subprocess (Telegram and Zalo webhooks, the fake Bot APIs in
this process), on a fresh SQLite file. Its resident memory (VmRSS) is read after it
answered /healthz and idled a second — target < 100 MB: the heavy libraries (chart,
spreadsheet, PDF, DOCX) are loaded only when first used — and again after a few
/help and /nhiemvu webhooks (the common traffic), for information.

    python bench/serve_memory.py [--url postgresql+psycopg://…] [--root PATH]   # --root: another checkout
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import httpx  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from fakes.telegram_server import FakeTelegram  # noqa: E402
from fakes.zalo_server import FakeZalo  # noqa: E402

TARGET_MB = 100.0
SECRET = "bench-memory-secret-0123456789"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


async def measure(root: Path, base_url: str | None) -> tuple[float, float]:
    schema = None
    if base_url:
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        with create_engine(base_url, isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{base_url}{'&' if '?' in base_url else '?'}options=-csearch_path%3D{schema}"
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-memory-')) / 'bench.db'}"
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(root), "WEBHOOK_SECRET": SECRET,
           "LOG_LEVEL": "WARNING", "TELEGRAM_OVERALL_PER_SECOND": "0"}
    subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], cwd=root, env=env, check=True,
                   capture_output=True)
    telegram, zalo = FakeTelegram(), FakeZalo()
    await telegram.start()
    await zalo.start()
    env |= {"TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_URL": telegram.url,
            "ZALO_BOT_TOKEN": zalo.token, "ZALO_API_URL": zalo.url}
    port = 19000 + os.getpid() % 1000
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--port", str(port)], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as client:
            for _ in range(300):
                if proc.poll() is not None:
                    raise RuntimeError(proc.communicate()[1][-2000:])
                try:
                    if (await client.get(f"{base}/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)
            idle = rss_mb(proc.pid)
            for i in range(50):
                command = "/help" if i % 2 else "/nhiemvu"
                user = {"id": 1000 + i, "is_bot": False, "first_name": "Cán bộ"}
                body = {"update_id": i + 1, "message": {"message_id": i + 1, "from": user, "date": int(time.time()),
                                                        "chat": {"id": 1000 + i, "type": "private"}, "text": command}}
                r = await client.post(f"{base}/telegram/webhook", json=body,
                                      headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
                assert r.status_code == 200, r.text
            await asyncio.sleep(1.0)
            used = rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
        await telegram.stop()
        await zalo.stop()
        if schema:
            with create_engine(base_url, isolation_level="AUTOCOMMIT").connect() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    return idle, used


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout whose serve is measured")
    ap.add_argument("--url", help="PostgreSQL URL (a scratch schema is made in it); default: SQLite in a temp dir")
    args = ap.parse_args()
    idle, used = asyncio.run(measure(args.root.resolve(), args.url))
    ok = idle < TARGET_MB
    label = "PostgreSQL" if args.url else "SQLite"
    print(f"serve (Telegram + Zalo, {label}): idle RSS {idle:.1f} MB — target < {TARGET_MB:.0f} MB: "
          f"{'OK' if ok else 'MISSED'}; after 50 webhooks (/help, /nhiemvu): {used:.1f} MB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
