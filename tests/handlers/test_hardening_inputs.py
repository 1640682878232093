"""Issue 19, finding 3: input the database cannot store (NUL, ids beyond 64 bits) gets
the ordinary reply for a bad input, never "database unavailable" (which is kept for a
database that really is unavailable). Meaningful on PostgreSQL (TEST_DATABASE_URL):
SQLite stores NUL and raises OverflowError, PostgreSQL refuses both as errors that
SQLAlchemy files under DBAPIError."""
from __future__ import annotations

import pytest

from conftest import TODAY, TZ, Chat, add_task
from handlers.commands import BY_PREFIX
from handlers.router import Assistant
from locales import translate

BIG = "100000000000000000000"
DATABASE_DOWN = translate("vi", "error.database")
INTERNAL = translate("vi", "error.internal")


@pytest.fixture
def people(province, chat_factory, db):
    add_task(db, province["units"]["stc"], "Rà soát vốn đầu tư công", TODAY)
    official, office = chat_factory("700", "Nguyễn Văn An"), chat_factory("701", "Lê Thị Văn Phòng")
    official.say(f"/start {province['codes']['stc_official']}")
    office.say(f"/start {province['codes']['office']}")
    return official, office


@pytest.mark.parametrize("prefix", sorted(BY_PREFIX))
def test_every_button_with_an_id_beyond_64_bits_gets_the_ordinary_reply(people, prefix):
    for chat in people:
        for data in (f"{prefix}:{BIG}", f"{prefix}:d:{BIG}", f"{prefix}:{BIG}:{BIG}", f"{prefix}:1:{BIG}"):
            text = "\n".join(r.text for r in chat.press(data))
            assert text and DATABASE_DOWN not in text and INTERNAL not in text, (data, text)


def test_the_issues_exact_presses(people):
    official, _office = people
    for data in (f"t:{BIG}", f"gu:{BIG}", f"l:{BIG}", f"s:d:{BIG}", f"z:{BIG}"):
        replies = official.press(data)
        assert replies[0].text == translate("vi", "button.expired"), data


def test_a_nul_byte_gets_the_bad_characters_reply(people, chat_factory):
    stranger = chat_factory("702")
    assert stranger.say("/start \x00")[0].text == translate("vi", "error.bad_characters")
    official, _office = people
    assert official.say("/start \x00")[0].text == translate("vi", "error.bad_characters")
    assert official.say("đã xong\x00")[0].text == translate("vi", "error.bad_characters")
    # A name with NUL is cleaned, not refused: the person did not type it here.
    named = Chat(official.assistant, "703", "Trần\x00 Bình")
    assert DATABASE_DOWN not in named.say("/help")[0].text


def test_a_task_number_beyond_64_bits_is_a_bad_task_number(people):
    official, _office = people
    text = official.say(f"/nhiemvu {BIG}")[0].text
    assert text == translate("vi", "tasks.bad_id", arg=BIG)


def test_a_real_outage_still_says_database_unavailable(tmp_path):
    # A server that is not there: the connection is refused.
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2"
    from storage.db import Database
    try:
        database = Database(url)
    except Exception:  # noqa: BLE001 - a driver missing would make this test moot
        pytest.skip("no PostgreSQL driver")
    assistant = Assistant(database, TZ)
    try:
        assert Chat(assistant, "704").say("/nhiemvu")[0].text == DATABASE_DOWN
    finally:
        database.dispose()
    missing = type(database)(f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}")
    try:
        assert Chat(Assistant(missing, TZ), "705").say("/nhiemvu")[0].text == DATABASE_DOWN
    finally:
        missing.dispose()
