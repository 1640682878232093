"""Running the reminders: a scheduler that sweeps every minute (it only enqueues)
and a dispatcher that sends the outbox. `run_once` does one of each, for
`nhacviec remind --once` and cron."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from storage.db import Database

from .dispatcher import Dispatcher, DispatchStats, Sender
from .sweep import ReminderSettings, SweepResult, sweep

log = logging.getLogger(__name__)


class ReminderService:
    """Started and stopped with the bot (`nhacviec run`)."""

    def __init__(self, db: Database, cfg: ReminderSettings, senders: dict[str, Sender],
                 clock: Callable[[], datetime] | None = None, sweep_seconds: int = 60,
                 lease: timedelta = timedelta(seconds=60)):
        self.db, self.cfg, self.senders = db, cfg, senders
        self.dispatcher = Dispatcher(db, senders, clock=clock, lease=lease)
        self.clock = self.dispatcher.clock
        self.sweep_seconds = sweep_seconds
        self.scheduler: AsyncIOScheduler | None = None
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    async def sweep_now(self) -> SweepResult:
        result = await asyncio.to_thread(sweep, self.db, self.clock(), self.cfg)
        if result.enqueued or result.instances:
            log.info("sweep: %s tasks looked at, %s pushes enqueued, %s new periods",
                     result.tasks, result.enqueued, result.instances)
        return result

    async def start(self) -> None:
        for sender in self.senders.values():
            await sender.start()
        self.scheduler = AsyncIOScheduler(timezone=self.cfg.tz)
        # One job; coalesce and max_instances=1 so a slow sweep is never run twice at once.
        self.scheduler.add_job(self.sweep_now, "interval", seconds=self.sweep_seconds, coalesce=True,
                               max_instances=1, next_run_time=self.clock())
        self.scheduler.start()
        self._stop.clear()
        self._task = asyncio.create_task(self.dispatcher.run_forever(self._stop))

    async def stop(self) -> None:
        self._stop.set()
        if self._task:
            await self._task
        if self.scheduler:
            self.scheduler.shutdown(wait=False)
        for sender in self.senders.values():
            await sender.stop()


async def run_once(db: Database, cfg: ReminderSettings, senders: dict[str, Sender],
                   clock: Callable[[], datetime], lease: timedelta = timedelta(seconds=60),
                   ) -> tuple[SweepResult, DispatchStats]:
    """One sweep at `clock()`, then send everything due, then return."""
    result = await asyncio.to_thread(sweep, db, clock(), cfg)
    dispatcher = Dispatcher(db, senders, clock=clock, lease=lease)
    for sender in senders.values():
        await sender.start()
    try:
        stats = await dispatcher.drain()
    finally:
        for sender in senders.values():
            await sender.stop()
    return result, stats
