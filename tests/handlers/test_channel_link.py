"""/kenh ketnoi: a second channel joins the same person (not a new one)."""
from __future__ import annotations

import re

from sqlmodel import select

from conftest import Chat
from storage.models import AuditLog, ChatBinding, Person


def test_link_code_binds_another_channel_to_the_same_person(db, assistant, province):
    telegram = Chat(assistant, "t1", "Nguyễn Văn An", channel="telegram")
    telegram.say(f"/start {province['codes']['stc_official']}")
    telegram.say("/kenh ketnoi")
    code = re.search(r"/start (\w+)", telegram.text).group(1)

    zalo = Chat(assistant, "z1", "An Nguyễn", channel="zalo")
    zalo.say(f"/start {code}")
    assert "Sở Tài chính" in zalo.text
    with db.session() as s:
        [person] = s.exec(select(Person)).all()
        assert {b.channel for b in s.exec(select(ChatBinding).where(ChatBinding.person_id == person.id))} == \
            {"telegram", "zalo"}
        assert s.exec(select(AuditLog).where(AuditLog.action == "link.redeem")).one()
    zalo.say("/kenh")
    assert "Telegram" in zalo.text and "Zalo" in zalo.text

    other = Chat(assistant, "z2", channel="zalo")
    other.say(f"/start {code}")  # single use
    assert "đã được sử dụng" in other.text
    telegram.say("/kenh ketnoi")
    again = re.search(r"/start (\w+)", telegram.text).group(1)
    telegram.say(f"/start {again}")  # a bound chat cannot take a link code
    assert "đã được đăng ký" in telegram.text
