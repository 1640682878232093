"""reminders.dispatcher.Pace: an even pace, and a 429's pause for the whole channel.
On virtual time: the figures are the pace's own, not the machine's."""
from __future__ import annotations

import asyncio
import heapq
import itertools

from reminders.dispatcher import Pace


class VirtualTime:
    """A clock that moves only when every task waits: then to the earliest wake-up."""

    def __init__(self) -> None:
        self.now = 0.0
        self._waiting: list[tuple[float, int, asyncio.Future]] = []
        self._order = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (self.now + max(seconds, 0.0), next(self._order), future))
        await future

    async def run(self, work) -> None:
        """Run `work` (a coroutine) to its end, moving the clock whenever all is waiting."""
        task = asyncio.ensure_future(work)
        while not task.done():
            for _ in range(20):  # let every runnable task run until it waits
                await asyncio.sleep(0)
            if self._waiting and not task.done():
                at, _, future = heapq.heappop(self._waiting)
                self.now = max(self.now, at)
                future.set_result(None)
        await task


async def test_a_pause_moves_the_waiting_sends_after_it_one_interval_apart():
    time = VirtualTime()
    pace = Pace(per_second=20, clock=time.clock, sleep=time.sleep)  # one send per 50 ms
    went: list[float] = []

    async def send() -> None:
        await pace.wait()
        went.append(time.clock())

    async def scenario() -> None:
        sends = [asyncio.ensure_future(send()) for _ in range(5)]
        await time.sleep(0.07)  # the first two went, at 0 and 50 ms
        pace.pause(0.3)  # a 429: nothing more until 370 ms
        await asyncio.gather(*sends)

    await time.run(scenario())
    assert went[0] < 0.03 and 0.04 < went[1] < 0.07
    after = went[2:]
    assert all(t >= 0.36 for t in after), went
    assert all(b - a >= 0.045 for a, b in zip(after, after[1:], strict=False)), went  # spaced, not a burst at its end
    assert [round(t, 3) for t in went] == [0.0, 0.05, 0.37, 0.42, 0.47]
