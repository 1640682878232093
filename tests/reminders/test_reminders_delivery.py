"""Reminders end to end: sweep → outbox → dispatcher → the fake Bot API over HTTP."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from bot.telegram import TelegramSender
from conftest import TZ, add_task, next_looks, set_next_look
from fakes.telegram_server import FakeTelegram
from helpers import running_from
from locales import Translator
from reminders.dispatcher import Dispatcher
from reminders.messages import render_references
from reminders.sweep import ReminderSettings, sweep
from storage.crud import people
from storage.models import ChatBinding, Outbox, Person, Task, Unit
from workcalendar.workdays import WorkCalendar

CFG = ReminderSettings(tz=TZ, calendar=WorkCalendar())


def local(y, m, d, h=8, mi=0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ).astimezone(UTC)


def bind(db, unit_id: int, chat_id: int, role: str = "official", **kw) -> int:
    with db.session() as s:
        person = Person(full_name=f"Người {chat_id}", unit_id=unit_id, role=role, **kw)
        s.add(person)
        s.flush()
        s.add(ChatBinding(person_id=person.id, channel="telegram", user_id=str(chat_id), chat_id=str(chat_id)))
        return person.id


def created_at(db, task_id: int, when: datetime) -> None:
    with db.session() as s:
        task = s.get(Task, task_id)
        task.created_at = when
        s.add(task)
    set_next_look(db, task_id, when)


async def deliver(db, fake, now, **kw):
    sender = TelegramSender(fake.token, fake.url)
    await sender.start()
    try:
        dispatcher = Dispatcher(db, {"telegram": sender}, clock=running_from(now), **kw)
        await dispatcher.drain(max_wait=5)
        return dispatcher.stats
    finally:
        await sender.stop()


@pytest.fixture
async def fake():
    server = FakeTelegram()
    await server.start()
    yield server
    await server.stop()


async def test_a_tasks_reminders_from_a_week_before_to_escalation(db, province, fake):
    u = province["units"]
    bind(db, u["stc"], 111)
    bind(db, u["stc"], 112, role="head")
    bind(db, u["sxd"], 113)
    bind(db, u["syt"], 114)  # another unit: never reminded
    task_id = add_task(db, u["stc"], "Rà soát vốn đầu tư công", date(2026, 5, 15), coordinators=[u["sxd"]])
    created_at(db, task_id, local(2026, 5, 1, 9))
    texts: dict[int, list[str]] = {}
    # sweep every morning from 1/5 to 22/5; deliver after each sweep
    day = date(2026, 5, 1)
    while day <= date(2026, 5, 22):
        now = local(day.year, day.month, day.day, 8, 5)
        sweep(db, now, CFG)
        await deliver(db, fake, now)
        day += timedelta(days=1)
    for m in fake.sent:
        texts.setdefault(m.chat_id, []).append(m.text.splitlines()[0])
    assert 114 not in texts
    # 8/5 (7 days), 12/5 (3 days), 14/5 (1 working day), 15/5 due; then overdue on working days
    assert texts[111][:4] == [f"⏰ Còn 7 ngày đến hạn nhiệm vụ #{task_id}", f"⏰ Còn 3 ngày đến hạn nhiệm vụ #{task_id}",
                              f"⏰ Còn 1 ngày đến hạn nhiệm vụ #{task_id}", f"🟠 HÔM NAY là hạn của nhiệm vụ #{task_id}"]
    assert [t for t in texts[111][4:]] == [f"🔴 Nhiệm vụ #{task_id} đã QUÁ HẠN {n} ngày" for n in (3, 4, 5, 6, 7)]
    assert texts[113] == texts[111]  # the coordinator is reminded too
    escalations = [t for t in texts[112] if t.startswith("⚠️")]
    assert len(escalations) == 1 and "QUÁ HẠN" not in escalations[0]
    # every message carries the status buttons and "remind me later"
    first = fake.messages_to(111)[0]
    assert [b[1] for b in first.buttons[0]] == [f"s:d:{task_id}", f"s:p:{task_id}", f"s:b:{task_id}", f"s:e:{task_id}"]
    assert first.buttons[1][0][1] == f"z:{task_id}"
    with db.session() as s:
        rows = s.exec(select(Outbox)).all()
        assert rows and all(r.status == "sent" for r in rows)
        assert len({r.key for r in rows}) == len(rows)


async def test_sweeping_twice_enqueues_nothing_new_and_done_tasks_stop(db, province, fake):
    u = province["units"]
    bind(db, u["stc"], 211)
    task_id = add_task(db, u["stc"], "Việc", date(2026, 5, 20))
    created_at(db, task_id, local(2026, 5, 1, 9))
    now = local(2026, 5, 13, 8, 1)
    first = sweep(db, now, CFG)
    again = sweep(db, now, CFG)
    assert first.enqueued == 1 and again.enqueued == 0 and again.tasks == 0
    [(next_at, _checked)] = next_looks(db, task_id)
    assert next_at.astimezone(TZ).date() == date(2026, 5, 15)  # next: 3 days before is a Sunday → Friday
    with db.session() as s:
        task = s.get(Task, task_id)
        task.status = "done"
        s.add(task)
    assert sweep(db, local(2026, 5, 25), CFG).enqueued == 0


async def test_person_hour_and_snooze(db, province, fake):
    u = province["units"]
    late_riser = bind(db, u["stc"], 311, remind_hour=14)
    snoozer = bind(db, u["stc"], 312)
    task_id = add_task(db, u["stc"], "Việc", date(2026, 5, 15))
    created_at(db, task_id, local(2026, 5, 1, 9))
    with db.session() as s:
        people.snooze(s, snoozer, task_id, local(2026, 5, 15, 23))
    sweep(db, local(2026, 5, 14, 7, 0), CFG)
    with db.session() as s:
        rows = {r.person_id: r for r in s.exec(select(Outbox))}
    assert snoozer not in rows  # snoozed past the day: skipped
    assert rows[late_riser].not_before.astimezone(TZ).hour == 14
    assert await deliver(db, fake, local(2026, 5, 14, 9)) and not fake.sent  # not before 14:00
    await deliver(db, fake, local(2026, 5, 14, 14, 1))
    assert [m.chat_id for m in fake.sent] == [311]


async def test_recurring_duty_gets_one_task_per_period(db, province):
    u = province["units"]
    with db.session() as s:
        from storage.crud import tasks as crud
        series = crud.add_task(s, lead=s.get(Unit, u["stc"]), action="Báo cáo tháng", recurrence="monthly:23",
                               today=date(2026, 5, 14)).id
    assert sweep(db, local(2026, 5, 20), CFG).instances == 0
    assert sweep(db, local(2026, 5, 25), CFG).instances == 1
    assert sweep(db, local(2026, 5, 26), CFG).instances == 0
    assert sweep(db, local(2026, 8, 1), CFG).instances == 2  # June and July caught up, then August
    with db.session() as s:
        deadlines = sorted(t.deadline for t in s.exec(select(Task).where(Task.series_id == series)))
    assert deadlines == [date(2026, 5, 23), date(2026, 6, 23), date(2026, 7, 23), date(2026, 8, 23)]


async def test_faults_429_502_blocked_and_bad_request(db, province, fake):
    u = province["units"]
    for chat in (411, 412, 413, 414):
        bind(db, u["stc"], chat)
    office_chat = 499
    bind(db, u["office"], office_chat, role="office")
    task_id = add_task(db, u["stc"], "Việc", date(2026, 5, 14))
    created_at(db, task_id, local(2026, 5, 1, 9))
    fake.fail_next(411, status=429, description="Too Many Requests: retry after 1", retry_after=1, times=2)
    fake.fail_next(412, status=502, description="Bad Gateway", times=2)
    fake.block_chat(413)
    fake.fail_next(414, status=400, description="Bad Request: chat not found")
    now = local(2026, 5, 14, 8, 30)
    sweep(db, now, CFG)
    sender = TelegramSender(fake.token, fake.url)
    await sender.start()
    dispatcher = Dispatcher(db, {"telegram": sender}, clock=running_from(now))
    await dispatcher.drain(max_wait=10)  # waits out retry_after and the 502 backoff (2 s, 4 s)
    await sender.stop()
    delivered = [m.chat_id for m in fake.sent]
    assert delivered.count(411) == 1 and delivered.count(412) == 1
    assert 413 not in delivered and 414 not in delivered
    assert any("đã chặn" in m.text for m in fake.messages_to(office_chat))
    with db.session() as s:
        status = {r.chat_id: r.status for r in s.exec(select(Outbox).where(Outbox.kind != "notice"))}
        assert status["413"] == "blocked" and status["414"] == "parked"
        assert status["411"] == status["412"] == "sent"
        assert s.exec(select(ChatBinding).where(ChatBinding.chat_id == "413")).one().active is False


def test_remind_cli_once(database_url, db, province):
    """`nhacviec remind --once --now …` without a token: rows wait in the outbox."""
    from helpers import nhacviec
    u = province["units"]
    bind(db, u["stc"], 511)
    task_id = add_task(db, u["stc"], "Việc", date(2026, 5, 15))
    created_at(db, task_id, local(2026, 5, 1, 9))
    r = nhacviec("remind", "--once", "--now", "2026-05-14T08:00:00+07:00", url=database_url)
    assert r.returncode == 0, r.stderr
    assert "1 tin nhắc mới" in r.stdout and "TELEGRAM_BOT_TOKEN" in r.stdout
    bad = nhacviec("remind", "--once", "--now", "hôm qua", url=database_url)
    assert bad.returncode == 2 and "Thời điểm không hợp lệ" in bad.stderr


async def test_office_digest_of_unanswered_escalations_and_late_coordinators(db, province, fake):
    from storage.crud import tasks as crud
    u = province["units"]
    bind(db, u["stc"], 611)
    bind(db, u["stc"], 612, role="head")
    bind(db, u["office"], 699, role="office")
    late = add_task(db, u["stc"], "Việc quá hạn", date(2026, 5, 11))
    created_at(db, late, local(2026, 5, 1, 9))
    with db.session() as s:
        coord = crud.add_task(s, lead=s.get(Unit, u["stc"]), action="Việc có phối hợp", deadline=date(2026, 5, 29),
                              coordinators=[s.get(Unit, u["sxd"])], coordinator_deadline=date(2026, 5, 12)).id
    day = date(2026, 5, 11)
    while day <= date(2026, 5, 14):
        now = local(day.year, day.month, day.day, 8, 5)
        sweep(db, now, CFG)
        await deliver(db, fake, now)
        day += timedelta(days=1)
    assert any(m.text.startswith("⚠️ Báo cáo lãnh đạo") for m in fake.messages_to(612))
    digests = [m.text for m in fake.messages_to(699)]
    assert digests and "Tổng hợp nhắc việc ngày 14/05/2026" in digests[-1]
    assert f"#{late} Sở Tài chính" in digests[-1]
    assert f"#{coord} Sở Xây dựng chưa gửi phần phối hợp" in digests[-1]
    assert len(digests) == len(set(digests))  # one a day


def test_push_channels_all_gets_a_row_per_channel_last_only_the_chat_used_last(db, province):
    """Bindings written directly (no Zalo adapter needed): "all" → one row per channel,
    each to that channel's chat used last; "last" → only the chat used last overall."""
    u = province["units"]
    seen = local(2026, 5, 10, 9)
    with db.session() as s:
        everywhere = Person(full_name="Chị Lan", unit_id=u["stc"], push_channels="all")
        usual = Person(full_name="Anh Minh", unit_id=u["stc"])  # push_channels "last", the default
        s.add_all([everywhere, usual])
        s.flush()
        s.add_all([
            ChatBinding(person_id=everywhere.id, channel="telegram", user_id="801", chat_id="801", last_seen_at=seen),
            ChatBinding(person_id=everywhere.id, channel="zalo", user_id="z-old", chat_id="z-old",
                        last_seen_at=seen - timedelta(days=3)),
            ChatBinding(person_id=everywhere.id, channel="zalo", user_id="z-lan", chat_id="z-lan",
                        last_seen_at=seen + timedelta(hours=1)),
            ChatBinding(person_id=everywhere.id, channel="viber", user_id="v-lan", chat_id="v-lan",
                        last_seen_at=seen + timedelta(hours=2), active=False),  # blocked the bot
            ChatBinding(person_id=usual.id, channel="telegram", user_id="802", chat_id="802",
                        last_seen_at=seen + timedelta(hours=3)),
            ChatBinding(person_id=usual.id, channel="zalo", user_id="z-minh", chat_id="z-minh", last_seen_at=seen),
        ])
        s.flush()
        everywhere_id, usual_id = everywhere.id, usual.id
    with db.session() as s:
        reach = [(p.id, b.channel, b.chat_id) for p, b in people.reachable(s, Person.unit_id == u["stc"])]
    # the most recently used channel first
    assert reach == [(everywhere_id, "zalo", "z-lan"), (everywhere_id, "telegram", "801"),
                     (usual_id, "telegram", "802")]

    task_id = add_task(db, u["stc"], "Báo cáo giải ngân", date(2026, 5, 15))
    created_at(db, task_id, local(2026, 5, 1, 9))
    now = local(2026, 5, 14, 8, 5)
    assert sweep(db, now, CFG).enqueued == 3
    base = f"task:{task_id}:before_working_day:2026-05-14"
    with db.session() as s:
        rows = {(r.person_id, r.channel, r.chat_id, r.key) for r in s.exec(select(Outbox))}
        payloads = [r.payload for r in s.exec(select(Outbox))]
    assert rows == {
        (everywhere_id, "zalo", "z-lan", f"{base}:p{everywhere_id}:zalo"),
        (everywhere_id, "telegram", "801", f"{base}:p{everywhere_id}:telegram"),
        (usual_id, "telegram", "802", f"{base}:p{usual_id}"),  # "last" keeps the key it always had
    }
    # which reminder it is, rendered when sent: the same text on each channel
    assert payloads == [{"reminder": {"kind": "before_working_day", "days": 1, "role": "lead"}}] * 3
    with db.session() as s:
        texts = {p["text"] for p in render_references(s, s.exec(select(Outbox)).all()).values()}
    assert len(texts) == 1 and f"#{task_id}" in texts.pop()

    # switching to "last": the next reminder goes to the chat used last only
    with db.session() as s:
        s.get(Person, everywhere_id).push_channels = "last"
    assert sweep(db, local(2026, 5, 15, 8, 5), CFG).enqueued == 2
    with db.session() as s:
        today = {(r.person_id, r.channel, r.key) for r in s.exec(select(Outbox).where(Outbox.kind == "due_today"))}
    assert today == {(everywhere_id, "zalo", f"task:{task_id}:due_today:2026-05-15:p{everywhere_id}"),
                     (usual_id, "telegram", f"task:{task_id}:due_today:2026-05-15:p{usual_id}")}


async def test_a_reminder_is_rendered_when_sent_and_dropped_once_its_task_is_done(db, province, fake):
    """The sweep queues which reminder it is; the text is rendered when it is sent, from
    the task and the reader's language as they are then."""
    u = province["units"]
    reader = bind(db, u["stc"], 411)
    bind(db, u["stc"], 412)
    edited = add_task(db, u["stc"], "Rà soát hồ sơ", date(2026, 5, 15))
    finished = add_task(db, u["stc"], "Báo cáo quý", date(2026, 5, 15))
    for task_id in (edited, finished):
        created_at(db, task_id, local(2026, 5, 1, 9))
    now = local(2026, 5, 14, 8, 5)
    assert sweep(db, now, CFG).enqueued == 4
    with db.session() as s:  # after the sweep, before sending
        s.get(Task, edited).action = "Rà soát hồ sơ đầu tư công"
        s.get(Task, finished).status = "done"
        s.get(Person, reader).language = "en"
    stats = await deliver(db, fake, now)
    assert stats.sent == 2 and stats.dropped == 2
    [to_reader] = fake.messages_to(411)
    head = {lang: Translator(lang)("remind.before", id=edited, days=1) for lang in ("en", "vi")}
    assert to_reader.text.splitlines()[:2] == [head["en"], "Rà soát hồ sơ đầu tư công"]
    [to_other] = fake.messages_to(412)
    assert to_other.text.splitlines()[0] == head["vi"] == f"⏰ Còn 1 ngày đến hạn nhiệm vụ #{edited}"
    assert [b[1] for b in to_other.buttons[0]][0] == f"s:d:{edited}"
    with db.session() as s:
        statuses = {(r.task_id, r.status) for r in s.exec(select(Outbox))}
    assert statuses == {(edited, "sent"), (finished, "dropped")}
