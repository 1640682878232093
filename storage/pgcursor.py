"""psycopg's cursor with a lazily built description (PostgreSQL only: SQLite deployments
never load psycopg)."""
from __future__ import annotations

from collections.abc import Sequence

import psycopg
from psycopg.pq import ExecStatus


class LazyDescriptionCursor(psycopg.Cursor):
    """psycopg's cursor, whose `description` builds its Column objects only when one is
    read. SQLAlchemy fetches the description after every statement but, for a statement
    it has run before (its result layout cached), only checks that there is one; psycopg
    built a Column per column each time: a tenth of a task page's database CPU."""

    @property
    def description(self):
        res = self.pgresult
        if res and (res.nfields or res.status in _ROWS):
            return _Description(self, res)
        return None


_ROWS = (ExecStatus.TUPLES_OK, ExecStatus.SINGLE_TUPLE, getattr(ExecStatus, "TUPLES_CHUNK", ExecStatus.TUPLES_OK))


class _Description(Sequence):
    """The columns of one result, built on first use (from that result, even if the
    cursor has moved on)."""

    __slots__ = ("_cursor", "_res", "_columns")

    def __init__(self, cursor, res):
        self._cursor, self._res, self._columns = cursor, res, None

    def __len__(self) -> int:
        return self._res.nfields

    def __getitem__(self, index):
        if self._columns is None:
            at = _AtResult(self._cursor, self._res)
            self._columns = [psycopg.Column(at, i) for i in range(self._res.nfields)]
        return self._columns[index]


class _AtResult:
    """The cursor as it was at one result: what psycopg.Column reads."""

    def __init__(self, cursor, res):
        self._cursor, self.pgresult = cursor, res

    def __getattr__(self, name):
        return getattr(self._cursor, name)
