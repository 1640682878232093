"""reminders.dispatcher.Pace: an even pace, and a 429's pause for the whole channel."""
from __future__ import annotations

import asyncio
import time

from reminders.dispatcher import Pace


async def test_a_pause_moves_the_waiting_sends_after_it_one_interval_apart():
    pace = Pace(per_second=20)  # one send per 50 ms
    started = time.monotonic()
    went: list[float] = []

    async def send() -> None:
        await pace.wait()
        went.append(time.monotonic() - started)

    sends = [asyncio.create_task(send()) for _ in range(5)]
    await asyncio.sleep(0.07)  # the first two went, at 0 and 50 ms
    pace.pause(0.3)  # a 429: nothing more until ~370 ms
    await asyncio.gather(*sends)
    assert went[0] < 0.03 and 0.04 < went[1] < 0.07
    after = went[2:]
    assert all(t >= 0.36 for t in after), went
    assert all(b - a >= 0.045 for a, b in zip(after, after[1:], strict=False)), went  # spaced, not a burst at its end
