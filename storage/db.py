"""Engine, sessions and schema upgrades (Alembic) for SQLite and PostgreSQL."""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine
from sqlalchemy.engine import make_url as engine_url
from sqlmodel import Session, create_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
CHECKPOINT_EVERY = 2.0  # seconds
CHECKPOINT_SAFETY = 10_000  # pages of 4 KiB
log = logging.getLogger(__name__)
# Connections kept open per process: one for each thread of asyncio's default executor
# (Python's default size, min(32, cores + 4)), where the bot's handlers and update
# records run, plus two for the services. SQLAlchemy's default of 5 was below that on
# any machine: under load, connections past it were closed on return and opened again
# (a backend started each time: half of PostgreSQL's CPU for a webhook update).
POOL_SIZE = min(32, (os.cpu_count() or 1) + 4) + 2


def make_engine(url: str, *, echo: bool = False) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30}
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            # WAL lets the bot read while the CLI or the scheduler writes.
            cur.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL syncs at checkpoints, not at each commit: a crash of the
            # process loses nothing, a power cut may undo the last commits but never
            # corrupts. FULL cost a sweep a third of its time in fsyncs.
            cur.execute("PRAGMA synchronous=NORMAL")
            # Checkpoints are the Checkpointer thread's job; a commit does one only if the
            # log grew past this (the thread stopped or far behind).
            cur.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_SAFETY}")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    connect_args = {}
    if engine_url(url).get_driver_name() == "psycopg":  # psycopg loads only for PostgreSQL
        from .pgcursor import LazyDescriptionCursor

        connect_args = {"cursor_factory": LazyDescriptionCursor}
    engine = create_engine(url, echo=echo, pool_size=POOL_SIZE, max_overflow=10, connect_args=connect_args)
    _check_on_checkout(engine)
    return engine


def dialect_insert(dialect_name: str) -> Callable[..., Any]:
    """The INSERT construct with ON CONFLICT of the database in use. Each dialect's module
    is imported only by a process on that database (about 1 MB a dialect, idle)."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def _check_on_checkout(engine: Engine) -> None:
    """pool_pre_ping's guarantee — a PostgreSQL restart costs one reconnect, never a
    failed update — for half its CPU: SQLAlchemy's ping (a cursor, SELECT 1, autocommit
    switched on and off) runs twice per webhook update. This pings with an empty query
    on libpq directly; still a round trip, so a server that just ended the session is
    always seen (a look at the socket alone misses a backend that is still exiting)."""
    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_conn, record) -> None:
        record.info["used"] = True  # the record's info is cleared when it reconnects

    @event.listens_for(engine, "checkout")
    def _alive(dbapi_conn, record, _proxy) -> None:
        if "used" in record.info and not _ping(engine, dbapi_conn):
            raise exc.InvalidatePoolError()  # as pre-ping: replace every older connection


def _ping(engine: Engine, dbapi_conn) -> bool:
    try:
        pgconn = getattr(dbapi_conn, "pgconn", None)
        if pgconn is None:  # not psycopg 3
            return engine.dialect.do_ping(dbapi_conn)
        from psycopg.pq import ExecStatus

        return pgconn.exec_(b"").status == ExecStatus.EMPTY_QUERY
    except engine.dialect.loaded_dbapi.Error:
        return False


def alembic_config(url: str) -> Config:
    # Alembic (and its templates: mako, pygments) only when migrating: serve never does.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


class Database:
    """One engine and its sessions; what the handlers and the CLI are given."""

    def __init__(self, url: str, *, echo: bool = False):
        self.url = url
        self.engine = make_engine(url, echo=echo)
        path = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        self._checkpointer = Checkpointer(path) if path and path != ":memory:" else None

    def upgrade(self) -> None:
        upgrade(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commit on success, roll back everything on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self.engine.dispose()


class Checkpointer:
    """SQLite: copies the write-ahead log into the database file from a thread of its
    own, every few seconds, so that no commit has to. Left to the connections, the commit
    that found the log over 1,000 pages did it and waited for it (a fifth of a reminder
    sweep); now they only do past CHECKPOINT_SAFETY pages, should this thread fall behind.
    PASSIVE: it never blocks readers or writers, and what it cannot copy yet it copies
    next time."""

    def __init__(self, path: str, every: float | None = None):
        self.path, self.every = path, every or CHECKPOINT_EVERY
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import sqlite3  # the SQLite driver stays out of a PostgreSQL process

        conn: sqlite3.Connection | None = None
        try:
            while not self._stop.wait(self.every):
                try:
                    if conn is None:  # opened once the database is there (after its first use)
                        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error as exc:  # a missing folder, a disk error: tried again later
                    log.warning("SQLite checkpoint failed: %s", exc)
        finally:
            if conn is not None:
                conn.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=30)
