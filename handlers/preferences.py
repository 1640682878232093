"""The person's preferences: /lang (language), /nhacnho (reminder hour), "Nhắc lại sau"."""
from __future__ import annotations

import re
from datetime import timedelta

from locales import LANGUAGES, Translator
from storage.crud import audit, people
from storage.crud import tasks as crud

from .context import Context
from .messages import Button, Reply


def lang_command(ctx: Context, args: str) -> list[Reply]:
    choice = args.strip().lower()
    if not choice:
        return [Reply(ctx.t("lang.choose"), buttons=[[Button(ctx.t(f"lang.name_{code}"), f"lang:{code}") for code in LANGUAGES]])]
    return set_language(ctx, choice)


def lang_button(ctx: Context, arg: str) -> list[Reply]:
    return set_language(ctx, arg)


def set_language(ctx: Context, choice: str) -> list[Reply]:
    if choice not in LANGUAGES:
        return [Reply(ctx.t("lang.unknown", choices=", ".join(LANGUAGES)))]
    ctx.person.language = choice
    ctx.session.add(ctx.person)
    audit.log(ctx.session, "person.language", "person", ctx.person.id, person_id=ctx.person.id,
              actor=ctx.actor, language=choice)
    ctx.t = Translator(choice)
    return [Reply(ctx.t("lang.set"))]


REMIND_HOURS = range(7, 21)  # outside the default quiet hours
_HOUR = re.compile(r"^(\d{1,2})\s*(?:h|g|giờ|:00)?$")  # "14", "14h", "14 giờ", "14:00"
SNOOZE = timedelta(days=1)


def remind_command(ctx: Context, args: str) -> list[Reply]:
    """/nhacnho: show the reminder hour; /nhacnho 14 sets it; /nhacnho mặc định resets it."""
    arg = " ".join(args.lower().split())
    if not arg:
        hour = ctx.person.remind_hour
        current = ctx.t("remind_pref.hour", hour=hour) if hour is not None else ctx.t("remind_pref.default")
        return [Reply(ctx.t("remind_pref.show", current=current))]
    if arg in ("mặc định", "mac dinh", "default", "md"):
        hour = None
    elif (m := _HOUR.match(arg)) and int(m.group(1)) in REMIND_HOURS:
        hour = int(m.group(1))
    else:
        return [Reply(ctx.t("remind_pref.bad", first=REMIND_HOURS.start, last=REMIND_HOURS.stop - 1))]
    ctx.person.remind_hour = hour
    ctx.session.add(ctx.person)
    audit.log(ctx.session, "person.remind_hour", "person", ctx.person.id, person_id=ctx.person.id,
              actor=ctx.actor, hour=hour)
    if hour is None:
        return [Reply(ctx.t("remind_pref.reset"))]
    return [Reply(ctx.t("remind_pref.set", hour=hour))]


def snooze_button(ctx: Context, arg: str) -> list[Reply]:
    """"Nhắc lại sau" under a reminder: no push about this task to this person for a day."""
    task = crud.visible_task(ctx.session, ctx.person, int(arg)) if arg.isdigit() else None
    if task is None:
        return [Reply(ctx.t("tasks.not_found", id=arg), notice=ctx.t("tasks.not_found_short"))]
    until = ctx.now + SNOOZE
    people.snooze(ctx.session, ctx.person.id, task.id, until)
    audit.log(ctx.session, "task.snooze", "task", task.id, person_id=ctx.person.id, actor=ctx.actor,
              until=until.isoformat())
    text = ctx.t("snooze.set", id=task.id, until=until.strftime("%H:%M %d/%m/%Y"))
    return [Reply(text, notice=ctx.t("snooze.short"))]
