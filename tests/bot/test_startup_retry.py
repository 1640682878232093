"""Issue 21 item 9: `nhacviec run` and `serve` started before the Bot API is reachable
wait for it (a log line, a growing delay) instead of exiting; the fake Bot API comes up
late on the port they were told."""
from __future__ import annotations

import asyncio
import os
import socket
import sys

import pytest

from fakes.telegram_server import FakeTelegram
from helpers import REPO, stop_process


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _wait_for_line(stream, needle: str, timeout: float) -> str:
    seen = []

    async def read():
        while True:
            line = (await stream.readline()).decode()
            if not line:
                raise AssertionError("process ended: " + "".join(seen)[-2000:])
            seen.append(line)
            if needle in line:
                return line

    return await asyncio.wait_for(read(), timeout)



@pytest.mark.parametrize("command", [("run",), ("serve", "--port", "0")])
async def test_waits_for_a_bot_api_that_comes_up_late(db, database_url, province, command):
    port = _free_port()
    fake = FakeTelegram()
    env = {**os.environ, "DATABASE_URL": database_url, "TELEGRAM_BOT_TOKEN": fake.token,
           "TELEGRAM_API_URL": f"http://127.0.0.1:{port}", "WEBHOOK_SECRET": "bi-mat-thu-nghiem",
           "TELEGRAM_OVERALL_PER_SECOND": "0"}
    args = list(command)
    if command[0] == "serve":
        args[-1] = str(_free_port())
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", *args, env=env,
                                                cwd=REPO, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    try:
        first = await _wait_for_line(proc.stderr, "Bot API unreachable at start", 40)
        assert "trying again in 1 s" in first
        second = await _wait_for_line(proc.stderr, "Bot API unreachable at start", 20)
        assert "trying again in 2 s" in second  # the delay grows
        assert proc.returncode is None  # still there, waiting
        await fake.start(port)
        if command[0] == "run":
            fake.push_text(902, f"/start {province['codes']['sxd_official']}")
            welcome = await fake.wait_for(lambda m: m.chat_id == 902, timeout=30)
            assert "Sở Xây dựng" in welcome.text
        else:
            await _wait_for_line(proc.stderr, "serving", 30)
        assert any(name == "getMe" for name, _ in fake.requests)
    finally:
        await stop_process(proc)
        await fake.stop()
