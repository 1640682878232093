"""PostgreSQL cursors build their description on demand (storage.pgcursor.LazyDescriptionCursor):
what SQLAlchemy and psycopg read from it must be what psycopg's own cursor gives."""
from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from storage.pgcursor import LazyDescriptionCursor


@pytest.fixture
def pg(db):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only (TEST_DATABASE_URL)")
    return db


def test_results_have_their_columns_by_name_the_first_time_and_after(pg):
    for _ in range(7):  # past psycopg's prepare threshold, and SQLAlchemy's cached layout
        with pg.engine.connect() as conn:
            row = conn.execute(text("SELECT 1 AS one, 'hai'::text AS two, NULL::date AS three")).mappings().one()
        assert dict(row) == {"one": 1, "two": "hai", "three": None}


def test_description_matches_psycopg_even_after_the_cursor_moved_on(pg):
    raw = pg.engine.raw_connection()
    try:
        cur = raw.cursor()
        assert isinstance(cur, LazyDescriptionCursor)
        cur.execute("SELECT 1 AS a, now() AS b, 'x'::varchar(5) AS c")
        lazy = cur.description
        plain = psycopg.Cursor.description.fget(cur)
        cur.execute("SELECT 2 AS other")  # the lazy description still describes its result
        assert len(lazy) == 3 and bool(lazy)
        assert [tuple(col) for col in lazy] == [tuple(col) for col in plain]
        assert [col.name for col in lazy] == ["a", "b", "c"]
        assert [col.name for col in cur.description] == ["other"]
        cur.execute("SELECT")  # rows without columns: an empty description, not None
        assert cur.description is not None and len(cur.description) == 0
        cur.execute("CREATE TEMPORARY TABLE t (x int)")
        assert cur.description is None
    finally:
        raw.close()
