"""The outbox dispatcher: sends pending rows through the channel senders under the
platforms' rate limits, and settles each row.

- Claiming: a batch of due rows is marked `sending` in its own transaction
  (FOR UPDATE SKIP LOCKED: two dispatchers on one PostgreSQL never take the same
  row), sent, then settled in one transaction.
- Restart window: a dispatcher killed after claiming but before settling leaves
  its batch `sending`; once the lease expires another dispatcher (or the same
  one restarted) takes those rows again. So every message is delivered exactly
  once except the rows of the batch that was in flight at the kill, which may
  be delivered twice (at most `batch` rows; nothing is ever lost).
- Rate limits: each channel's sender declares its platform's (ChannelLimits: Telegram
  about 30 messages/s overall, which we keep a little under, one per chat per second,
  20 a minute in a group); a second row for a chat is put back a second later instead
  of stalling the batch. On PostgreSQL the
  global pace is shared by all dispatcher processes (SharedPace, the RateSlot row).
- Reminders are queued as references and rendered here, when claimed
  (messages.render_references): one whose task is no longer open is dropped, not sent.
- Failures: 429 → retry after `retry_after` (not counted as an attempt); network errors and 5xx → retry
  with exponential backoff, parked after `max_attempts`; 403 (the person blocked
  the bot) → the chat is marked inactive and the office told; 400 → parked at once
  (retrying a bad request cannot help).
"""
from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections import Counter, deque, namedtuple
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

from sqlmodel import select

from locales import Translator
from storage.crud import outbox, people, rates
from storage.db import Database
from storage.models import Outbox, Person, Unit

from .messages import blocked_notice, render_references

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    status: str  # sent | retry | blocked | bad
    retry_after: float | None = None
    error: str = ""


SENT = SendResult("sent")


@dataclass(frozen=True)
class ChannelLimits:
    """What a platform allows, declared by its adapter (bot/telegram.py, bot/zalo.py)
    on its sender and read here; nothing platform-specific lives in the dispatcher."""

    per_second: float = 29.0  # overall pace of the bot
    per_chat_interval: float = 1.0  # seconds between two messages to one chat
    group_per_minute: int | None = None  # messages a minute to one group chat; None: no such limit
    group_prefix: str | None = None  # how a group's chat id begins (Telegram: "-")
    max_text: int = 4096  # characters in one message; the sender splits longer texts
    buttons: bool = True  # buttons under a message (else the sender numbers them)

    def is_group(self, chat_id: str) -> bool:
        return self.group_prefix is not None and chat_id.startswith(self.group_prefix)


# What a sender that declares nothing gets.
DEFAULT_LIMITS = ChannelLimits()


class Sender(Protocol):
    channel: str
    limits: ChannelLimits

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def send(self, chat_id: str, payload: dict) -> SendResult: ...


class Pace:
    """An even pace across concurrent senders: slot n is at start + n/rate. The clock
    and the sleep are the event loop's unless given (a test's virtual time)."""

    def __init__(self, per_second: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.interval = 1.0 / per_second
        self.next = 0.0
        self.paused_until = 0.0
        self.clock, self.sleep = clock, sleep

    async def wait(self) -> None:
        while True:
            now = self.clock()
            slot = max(now, self.next)
            self.next = slot + self.interval
            if slot > now:
                await self.sleep(slot - now)
            if self.paused_until <= slot:
                return
            # A 429 came while this send waited: take a new slot, after the pause.

    def pause(self, seconds: float) -> None:
        """The platform answered 429: nothing more on this channel for `seconds` (sending
        on during an overall flood wait prolongs it). Sends waiting for their slot take
        new ones after the pause, one interval apart, not all at its end."""
        until = self.clock() + seconds
        self.paused_until = max(self.paused_until, until)
        self.next = max(self.next, until)

    async def reserve(self, count: int) -> None:
        """One process paces alone: nothing to reserve."""


class SharedPace:
    """The pace shared with every other dispatcher through PostgreSQL (RateSlot): a
    batch reserves its window of `count` slots in one statement, then its sends go out
    evenly inside that window, so several processes together stay under the limit."""

    def __init__(self, db: Database, name: str, per_second: float):
        self.db, self.name = db, name
        self.interval = 1.0 / per_second
        self.slots: deque[float] = deque()  # monotonic instants reserved and not yet used
        self._row_ready = False
        self.paused_until = 0.0
        self.resumed = 0.0  # the last slot given out after a pause

    def _reserve(self, count: int) -> list[float]:
        with self.db.session() as session:
            if not self._row_ready:
                rates.ensure_slot(session, self.name)
            starts_in = rates.reserve(session, self.name, count, self.interval)
        self._row_ready = True
        base = time.monotonic() + starts_in
        return [base + i * self.interval for i in range(count)]

    async def reserve(self, count: int) -> None:
        slots = await asyncio.to_thread(self._reserve, count)
        self.slots.clear()  # a previous batch's unused slots are stale by now
        self.slots.extend(slots)

    async def wait(self) -> None:
        if not self.slots:  # more sends than reserved: one more slot
            self.slots.extend(await asyncio.to_thread(self._reserve, 1))
        slot = self.slots.popleft()
        while True:
            delay = slot - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if self.paused_until <= slot:
                return
            # A 429 came before this send went: after the pause, one interval apart.
            slot = self.resumed = max(self.resumed + self.interval, self.paused_until)

    def pause(self, seconds: float) -> None:
        """As Pace.pause, for this process's sends (the slots other processes reserved
        are theirs: each pauses on its own 429s)."""
        self.paused_until = max(self.paused_until, time.monotonic() + seconds)


# A claimed row whose reminder reference was rendered: the row's columns, the payload replaced.
Rendered = namedtuple("Rendered", [c.name for c in Outbox.__table__.c])  # type: ignore[misc]


# The dispatcher's `limits` argument: one ChannelLimits for every channel, over what the
# senders declare (benchmarks and tests against a fake without limits).
Limits = ChannelLimits


@dataclass
class DispatchStats:
    sent: int = 0
    retried: int = 0
    parked: int = 0
    blocked: int = 0
    deferred: int = 0
    dropped: int = 0
    batches: int = 0
    by_status: dict = field(default_factory=dict)


class Dispatcher:
    def __init__(self, db: Database, senders: dict[str, Sender], *, limits: Limits | None = None,
                 batch: int = 50, lease: timedelta = timedelta(seconds=60), max_attempts: int = 8,
                 clock: Callable[[], datetime] | None = None, worker: str | None = None):
        self.db = db
        self.senders = senders
        # Each channel's limits: its sender's declaration, unless the caller overrides them.
        self.limits = {channel: limits or getattr(sender, "limits", DEFAULT_LIMITS)
                       for channel, sender in senders.items()}
        self.batch = batch
        self.lease = lease
        self.max_attempts = max_attempts
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}"
        shared = db.engine.dialect.name == "postgresql"  # SQLite: one dispatcher, paced in process
        self.paces = {channel: SharedPace(db, channel, self.limits[channel].per_second) if shared
                      else Pace(self.limits[channel].per_second) for channel in senders}
        self.chat_next: dict[tuple[str, str], float] = {}  # monotonic time a chat may get its next message
        self.group_sent: dict[tuple[str, str], list[float]] = {}
        self.stats = DispatchStats()

    def _claim(self) -> tuple[list, int]:
        """The rows to send (the claimed rows' columns, as outbox.claim reads them; reminders
        rendered), and how many were claimed (dropped ones too)."""
        if not self.senders:
            return [], 0
        with self.db.session() as session:
            rows = outbox.claim(session, self.clock(), limit=self.batch, worker=self.worker, lease=self.lease,
                                channels=list(self.senders))
            payloads = render_references(session, rows)
            if not payloads:
                return rows, len(rows)
            stale = [row_id for row_id, payload in payloads.items() if payload is None]
            outbox.drop(session, stale)
        self.stats.dropped += len(stale)
        ready: list = []
        for row in rows:
            if row.id not in payloads:
                ready.append(row)
            elif payloads[row.id] is not None:
                ready.append(Rendered(**{**row._asdict(), "payload": payloads[row.id]}))
        return ready, len(rows)

    async def dispatch_batch(self) -> int:
        """Claim, send and settle one batch. Returns how many rows were claimed."""
        rows, claimed = await asyncio.to_thread(self._claim)
        if not rows:
            return claimed
        self.stats.batches += 1
        now_mono = time.monotonic()
        ready, deferred = [], []
        taken: set[tuple[str, str]] = set()
        for row in rows:
            key = (row.channel, row.chat_id)
            wait = max(self.chat_next.get(key, 0.0) - now_mono, self._group_wait(key, now_mono))
            if key in taken or wait > 0:
                deferred.append((row, max(wait, self.limits[row.channel].per_chat_interval)))
            else:
                taken.add(key)
                ready.append(row)
        for channel, count in Counter(row.channel for row in ready).items():
            await self.paces[channel].reserve(count)
        results = await asyncio.gather(*(self._send(row) for row in ready))
        outcomes = list(zip(ready, results, strict=False))
        await asyncio.to_thread(self._settle, outcomes, deferred)
        return claimed

    def _group_wait(self, key: tuple[str, str], now: float) -> float:
        """A group chat gets at most its channel's `group_per_minute` messages a minute."""
        limits = self.limits[key[0]]
        if limits.group_per_minute is None or not limits.is_group(key[1]):
            return 0.0
        recent = [t for t in self.group_sent.get(key, []) if now - t < 60]
        self.group_sent[key] = recent
        return 0.0 if len(recent) < limits.group_per_minute else 60 - (now - recent[0])

    async def _send(self, row: Outbox) -> SendResult:
        key = (row.channel, row.chat_id)
        limits = self.limits[row.channel]
        self.chat_next[key] = time.monotonic() + limits.per_chat_interval
        pace = self.paces[row.channel]
        await pace.wait()
        try:
            result = await self.senders[row.channel].send(row.chat_id, row.payload)
        except Exception as exc:  # a sender bug must not lose the row
            log.exception("sender failed for outbox row %s", row.id)
            result = SendResult("retry", error=f"{type(exc).__name__}: {exc}")
        if result.status == "sent" and limits.is_group(key[1]):
            self.group_sent.setdefault(key, []).append(time.monotonic())
        if result.retry_after:
            # A 429 does not say whether the chat or the whole bot is over its limit: the
            # chat waits, and so does the channel (sending on during an overall flood wait
            # prolongs it: every message got 429, for minutes).
            self.chat_next[key] = time.monotonic() + result.retry_after
            pace.pause(result.retry_after)
        return result

    def _settle(self, outcomes: list[tuple[Outbox, SendResult]], deferred: list[tuple[Outbox, float]]) -> None:
        now = self.clock()
        with self.db.session() as session:
            delivered = [row.id for row, result in outcomes if result.status == "sent"]
            outbox.mark_sent_many(session, delivered, now)
            for row, seconds in deferred:
                # Not an attempt: the row only waits for its chat's turn.
                outbox.retry_later(session, row.id, now + timedelta(seconds=seconds), row.last_error, row.attempts)
                self.stats.deferred += 1
            for row, result in outcomes:
                attempts = row.attempts + 1
                self.stats.by_status[result.status] = self.stats.by_status.get(result.status, 0) + 1
                if result.status == "sent":
                    self.stats.sent += 1  # settled above, all in one statement
                elif result.status == "bad":
                    log.warning("outbox row %s parked: %s", row.id, result.error)
                    outbox.park(session, row.id, result.error, attempts)
                    self.stats.parked += 1
                elif result.status == "blocked":
                    people = outbox.mark_blocked(session, row, result.error)
                    self._tell_office(session, row, people, now)
                    self.stats.blocked += 1
                elif result.retry_after:
                    # 429: the platform says when; waiting is not a failed attempt, and
                    # such a row is never parked (it would be a lost message).
                    outbox.retry_later(session, row.id, now + timedelta(seconds=result.retry_after),
                                       result.error, row.attempts)
                    self.stats.retried += 1
                elif attempts >= self.max_attempts:
                    log.warning("outbox row %s parked after %s attempts: %s", row.id, attempts, result.error)
                    outbox.park(session, row.id, result.error, attempts)
                    self.stats.parked += 1
                else:
                    delay = min(2 ** attempts, 300)
                    outbox.retry_later(session, row.id, now + timedelta(seconds=delay), result.error, attempts)
                    self.stats.retried += 1

    def _tell_office(self, session, row: Outbox, person_ids: list[int], now: datetime) -> None:
        """A person blocked the bot: office staff learn that their pushes no longer arrive."""
        blocked = [session.get(Person, pid) for pid in person_ids]
        office = people.office_staff(session)
        rows = []
        for person in blocked:
            if person is None:
                continue
            unit = session.get(Unit, person.unit_id)
            for staff, binding in office:
                rows.append({"key": people.push_key(f"blocked:{row.channel}:{row.chat_id}:{now.date().isoformat()}",
                                                    staff, binding),
                             "channel": binding.channel, "chat_id": binding.chat_id, "person_id": staff.id,
                             "kind": "notice", "not_before": now,
                             "payload": blocked_notice(Translator(staff.language), name=person.full_name,
                                                       unit=unit.name if unit else "", channel=row.channel)})
        outbox.enqueue(session, rows)

    async def drain(self, *, max_wait: float = 60.0) -> DispatchStats:
        """Dispatch until nothing is due. Rows that will be due within `max_wait` seconds
        (a chat's turn, a short retry_after) are waited for, up to `max_wait` seconds
        without progress; 0 returns as soon as nothing is due now."""
        waited_since = None
        while True:
            if await self.dispatch_batch():
                waited_since = None
                continue
            if max_wait <= 0 or not await asyncio.to_thread(self._waiting_soon, max_wait):
                break
            waited_since = waited_since or time.monotonic()
            if time.monotonic() - waited_since > max_wait:
                break
            await asyncio.sleep(0.2)
        return self.stats

    def _waiting_soon(self, horizon: float = 30.0) -> bool:
        """Rows deferred for a chat's turn or a short retry: worth waiting for in --once."""
        now = self.clock()
        if not self.senders:
            return False
        with self.db.session() as session:
            return session.exec(
                select(Outbox.id).where(Outbox.status.in_(("pending", "sending")),
                                        Outbox.channel.in_(list(self.senders)),
                                        Outbox.not_before <= now + timedelta(seconds=horizon)).limit(1)
            ).first() is not None

    async def run_forever(self, stop: asyncio.Event, idle_sleep: float = 1.0) -> None:
        while not stop.is_set():
            try:
                claimed = await self.dispatch_batch()
            except Exception:
                log.exception("dispatch failed; retrying")
                claimed = 0
            if not claimed:
                try:
                    await asyncio.wait_for(stop.wait(), timeout=idle_sleep)
                except TimeoutError:
                    pass
