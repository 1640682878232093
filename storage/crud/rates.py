"""Shared send pace (RateSlot): several dispatcher processes take turns on one platform
limit through PostgreSQL, one statement per batch."""
from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

_ENSURE = text("INSERT INTO rateslot (name, next_at) VALUES (:name, clock_timestamp()) ON CONFLICT DO NOTHING")
# The database's clock, not the caller's: dispatchers on different machines agree on it.
_RESERVE = text(
    "WITH t AS (SELECT clock_timestamp() AS now) "
    "UPDATE rateslot SET next_at = greatest(rateslot.next_at, t.now) + make_interval(secs => :span) "
    "FROM t WHERE rateslot.name = :name "
    "RETURNING extract(epoch FROM (rateslot.next_at - t.now)) AS ends_in"
)


def ensure_slot(session: Session, name: str) -> None:
    session.execute(_ENSURE, {"name": name})


def reserve(session: Session, name: str, count: int, interval: float) -> float:
    """Reserve `count` consecutive send slots of `interval` seconds on `name` (PostgreSQL).
    Returns in how many seconds (from now) the reserved window starts; the window's slot
    i is at start + i·interval. The row lock of the UPDATE serialises concurrent callers."""
    span = count * interval
    ends_in = session.execute(_RESERVE, {"name": name, "span": span}).scalar_one()
    return float(ends_in) - span
