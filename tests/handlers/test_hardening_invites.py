"""Issue 19, finding 6: invitation codes under brute force (500 wrong codes from one
chat, 500 chats one code each), the audit trail, the admin's unlock, and a move to
another unit that asks first and records the unit left. SQLite and PostgreSQL."""
from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.cli import main
from handlers import start
from handlers.start import CHAT_RULE, AttemptRule
from locales import translate
from storage.crud import people
from storage.models import AuditLog, InviteAttempt, Person, Unit, utcnow

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def wrong_code(rng: random.Random, prefix: str = "") -> str:
    return prefix + "".join(rng.choice(ALPHABET) for _ in range(10 - len(prefix)))


def audits(db, action: str) -> list[AuditLog]:
    with db.session() as s:
        return list(s.exec(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)).all())


@pytest.mark.parametrize("rule,failures,expected", [
    (AttemptRule(free=3, lock_after=10, base=5.0), 1, (0.0, False)),
    (AttemptRule(free=3, lock_after=10, base=5.0), 2, (0.0, False)),
    (AttemptRule(free=3, lock_after=10, base=5.0), 3, (5.0, False)),
    (AttemptRule(free=3, lock_after=10, base=5.0), 4, (10.0, False)),
    (AttemptRule(free=3, lock_after=10, base=5.0), 9, (320.0, False)),
    (AttemptRule(free=3, lock_after=10, base=5.0, cap=60), 9, (60.0, False)),
    (AttemptRule(free=3, lock_after=10, base=5.0), 10, (0.0, True)),
    (AttemptRule(free=3, lock_after=10, base=5.0), 500, (0.0, True)),
])
def test_the_delay_grows_then_locks(rule, failures, expected):
    assert rule(failures) == expected


@pytest.fixture
def later(monkeypatch):
    """Move the handler's clock past every delay."""
    shift = {"by": timedelta(0)}
    monkeypatch.setattr(start, "utcnow", lambda: utcnow() + shift["by"])
    return shift


def test_500_wrong_codes_from_one_chat_are_slowed_then_locked_and_audited(db, province, chat_factory, later):
    rng = random.Random(6)
    chat = chat_factory("600")
    texts = []
    for _ in range(500):
        texts.append(chat.say(f"/start {wrong_code(rng)}")[0].text)
        later["by"] += timedelta(seconds=10)  # a patient script: one every 10 s
    wrong = translate("vi", "start.code_unknown")
    assert texts[:2] == [wrong, wrong]
    assert translate("vi", "start.wait", seconds=5) in texts[2]  # the third failure earns a delay
    assert any(t.startswith(translate("vi", "start.wait", seconds=0)[:30]) for t in texts[3:8])  # tried too soon
    # Nine failures cost 5 + 10 + … + 320 s of waiting; the tenth locks the chat out.
    assert set(texts[-300:]) == {translate("vi", "start.locked")}
    # Locked: even the right code is refused, until the admin lifts it.
    later["by"] += timedelta(days=1)
    assert chat.say(f"/start {province['codes']['stc_official']}")[0].text == translate("vi", "start.locked")
    failed = audits(db, "invitation.failed")
    assert len(failed) == CHAT_RULE.lock_after  # only codes actually checked are failures
    assert failed[0].actor == "console:600" and failed[0].detail["reason"] == "unknown"
    assert [a.detail["scope"] for a in audits(db, "invitation.locked")] == ["chat:console:600"]


def test_the_admin_lifts_a_lock_out(db, province, chat_factory, later, monkeypatch, database_url, capsys):
    chat = chat_factory("601")
    rng = random.Random(7)
    for _ in range(CHAT_RULE.lock_after):
        chat.say(f"/start {wrong_code(rng)}")
        later["by"] += timedelta(hours=0.1)
    assert chat.say(f"/start {province['codes']['stc_official']}")[0].text == translate("vi", "start.locked")
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["invite", "unlock"]) == 0
    assert "chat:console:601" in capsys.readouterr().out
    assert main(["invite", "unlock", "chat:console:601"]) == 0
    assert "chat:console:601" in capsys.readouterr().out
    assert "Sở Tài chính" in chat.say(f"/start {province['codes']['stc_official']}")[0].text
    assert [a.detail["scope"] for a in audits(db, "invitation.unlock")] == ["chat:console:601"]


def test_500_chats_one_code_each_lock_the_prefix(db, province, chat_factory, later):
    """Guesses at one code's start from many chats, one a minute (under the "all" pace)."""
    rng = random.Random(8)
    prefix = province["codes"]["sxd_official"][:3]
    answers = []
    for i in range(500):
        answers.append(chat_factory(f"7{i:03d}").say(f"/start {wrong_code(rng, prefix)}")[0].text)
        later["by"] += timedelta(minutes=1)
    assert answers[-1] == translate("vi", "start.locked")
    # The real code of that prefix is held too (an admin lifts it: `invite unlock prefix:…`).
    owner = chat_factory("7999")
    assert owner.say(f"/start {province['codes']['sxd_official']}")[0].text == translate("vi", "start.locked")
    with db.session() as s:
        assert s.get(InviteAttempt, f"prefix:{prefix}").locked
        assert not s.get(InviteAttempt, "all").locked
    assert f"prefix:{prefix}" in [a.detail["scope"] for a in audits(db, "invitation.locked")]


def test_500_chats_with_codes_of_every_prefix_slow_everyone_down(db, province, chat_factory):
    rng = random.Random(9)
    answers = [chat_factory(f"8{i:03d}").say(f"/start {wrong_code(rng)}")[0].text for i in range(500)]
    assert answers[0] == translate("vi", "start.code_unknown")
    # Past 100 failures (in an hour) every try waits first: 500 guesses, ~100 checked.
    waits = [a for a in answers if a.startswith(translate("vi", "start.wait", seconds=0)[:30])]
    assert len(waits) > 350
    assert len(audits(db, "invitation.failed")) < 150
    with db.session() as s:
        assert not s.get(InviteAttempt, "all").locked


def test_moving_to_another_unit_asks_first_and_the_audit_names_both_units(db, province, chat_factory):
    chat = chat_factory("650", "Nguyễn Văn An")
    chat.say(f"/start {province['codes']['stc_official']}")
    ask = chat.say(f"/start {province['codes']['sxd_official']}")[0]
    assert "Sở Tài chính" in ask.text and "Sở Xây dựng" in ask.text
    (yes, no), = ask.buttons
    assert chat.press(no.data)[0].text == translate("vi", "start.move_kept", unit="Sở Tài chính")
    with db.session() as s:
        assert s.get(Unit, s.exec(select(Person)).one().unit_id).name == "Sở Tài chính"
    # A forged confirmation with a code that does not exist is a failed attempt, nothing more.
    assert chat.press("iv:AAAAAAAAAA")[0].text == translate("vi", "start.code_unknown")
    assert "Sở Xây dựng" in chat.press(yes.data)[0].text
    with db.session() as s:
        assert s.get(Unit, s.exec(select(Person)).one().unit_id).name == "Sở Xây dựng"
    moved = [a for a in audits(db, "invitation.redeem") if "left_unit" in a.detail]
    assert len(moved) == 1
    assert moved[0].detail["left_unit"] == "Sở Tài chính" and moved[0].detail["joined_unit"] == "Sở Xây dựng"
    assert moved[0].detail["left_unit_id"] == province["units"]["stc"]
    # The same unit's code for another role needs no confirmation.
    with db.session() as s:
        head = people.create_invitation(s, s.get(Unit, province["units"]["sxd"]), "head").code
    assert "Sở Xây dựng" in chat.say(f"/start {head}")[0].text and not chat.last[0].buttons
