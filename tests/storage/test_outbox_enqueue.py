"""outbox.enqueue: idempotent by key on every path (one row, a batch as plain tuples,
PostgreSQL's COPY and its fallback when another transaction took a key meanwhile)."""
from __future__ import annotations

import os
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from storage.crud import outbox
from storage.crud.outbox import JsonText
from storage.models import Outbox

on_postgres = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL (TEST_DATABASE_URL)")
WHEN = datetime(2026, 5, 14, 1, 0, tzinfo=UTC)


def rows(keys, payload=None) -> list[dict]:
    return [{"key": k, "channel": "telegram", "chat_id": str(i), "kind": "test", "not_before": WHEN,
             "payload": payload if payload is not None else {"text": f"Nhắc việc {k}\n\tđủ dòng", "buttons": []}}
            for i, k in enumerate(keys)]


def stored(db) -> dict[str, Outbox]:
    with db.session() as s:
        return {r.key: r for r in s.exec(select(Outbox))}


@pytest.mark.parametrize("n", [1, 150, 450])
def test_enqueue_skips_keys_already_there_and_repeated_in_the_call(db, n):
    keys = [f"k{i}" for i in range(n)]
    with db.session() as s:
        assert outbox.enqueue(s, rows(keys[: n // 2])) == n // 2
    with db.session() as s:
        assert outbox.enqueue(s, rows(keys + keys[:3])) == n - n // 2
    got = stored(db)
    assert sorted(got) == sorted(keys)
    row = got["k0"]
    assert row.payload == {"text": "Nhắc việc k0\n\tđủ dòng", "buttons": []}
    assert row.status == "pending" and row.attempts == 0 and row.not_before.astimezone(UTC) == WHEN


def test_serialized_payloads_and_times_are_stored_as_the_orm_stores_them(db):
    text = JsonText('{"text": "Hạn 15/05/2026 \\"gấp\\"", "buttons": [[{"text": "✅", "data": "s:d:7"}]]}')
    local = WHEN.astimezone(timezone_plus7())
    with db.session() as s:
        assert outbox.enqueue(s, [{**r, "not_before": local} for r in rows(["a", "b"], text)] + rows(["c"])) == 3
    got = stored(db)
    assert got["a"].payload == {"text": 'Hạn 15/05/2026 "gấp"', "buttons": [[{"text": "✅", "data": "s:d:7"}]]}
    assert got["a"].not_before.astimezone(UTC) == WHEN  # stored UTC, whatever zone it came in


def test_a_naive_time_is_refused(db):
    with pytest.raises(ValueError), db.session() as s:
        outbox.enqueue(s, [{**r, "not_before": datetime(2026, 5, 14, 8)} for r in rows([f"n{i}" for i in range(300)])])
    assert stored(db) == {}


@on_postgres
def test_copy_falls_back_when_another_transaction_inserts_a_key_meanwhile(db):
    """Transaction A holds k5 uncommitted while B copies k0…k299: B's COPY waits on the
    key, fails once A commits, and B's rows go in through ON CONFLICT DO NOTHING."""
    keys = [f"k{i}" for i in range(300)]
    a_has_it, b_started = threading.Event(), threading.Event()
    result = {}

    def a() -> None:
        with db.session() as s:
            outbox.enqueue(s, rows(["k5"]))
            s.flush()
            a_has_it.set()
            b_started.wait(10)
            threading.Event().wait(0.5)  # B is now blocked in its COPY on k5

    def b() -> None:
        a_has_it.wait(10)
        try:
            with db.session() as s:
                b_started.set()
                result["new"] = outbox.enqueue(s, rows(keys))
        except Exception as exc:  # shown by the assertion below
            result["new"] = exc

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert result["new"] == 299
    assert sorted(stored(db)) == sorted(keys)


def timezone_plus7():
    from datetime import timezone
    return timezone(timedelta(hours=7))
