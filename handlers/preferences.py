"""The person's preferences: /lang (language), /nhacnho (reminder hour), "Nhắc lại sau",
/kenh (which channels pushes go to)."""
from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from locales import LANGUAGES, Translator
from presentation.messages import Button, Reply
from presentation.render import SNOOZE_ROUTE, fmt_local, shorten
from storage.crud import audit, people
from storage.crud import tasks as crud

from .context import Context

# Button routes: choose a language (lang:<code>), "remind me later" (z:<task id>).
LANG_BUTTON = "lang"
SNOOZE_BUTTON = SNOOZE_ROUTE


def lang_command(ctx: Context, args: str) -> list[Reply]:
    choice = args.strip().lower()
    if not choice:
        return [Reply(ctx.t("lang.choose"), buttons=[[Button(ctx.t(f"lang.name_{code}"), f"{LANG_BUTTON}:{code}") for code in LANGUAGES]])]
    return set_language(ctx, choice)


def lang_button(ctx: Context, arg: str) -> list[Reply]:
    return set_language(ctx, arg)


def set_language(ctx: Context, choice: str) -> list[Reply]:
    if choice not in LANGUAGES:
        return [Reply(ctx.t("lang.unknown", choices=", ".join(LANGUAGES)))]
    ctx.update_person(language=choice)
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
    ctx.update_person(remind_hour=hour)
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


PUSH_MODES = {"tatca": "all", "all": "all", "gannhat": "last", "last": "last"}
LINK_WORDS = {"ketnoi", "lienket", "link"}
LINK_MINUTES = 30


def _plain(text: str) -> str:
    """"Tất cả" → "tatca": the choice typed with or without diacritics and spaces."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def channels_command(ctx: Context, args: str) -> list[Reply]:
    """/kenh: where pushes go when the person is bound on several channels (the chat
    used last, or all); /kenh tatca · /kenh gannhat changes it."""
    t = ctx.t
    arg = _plain(args)
    if not arg:
        lines = [t("channels.show", mode=t(f"channels.mode_{ctx.person.push_channels}"))]
        for binding in people.bindings_of(ctx.session, ctx.person.id):
            state = t("channels.state_active") if binding.active else t("channels.state_blocked")
            lines.append(t("channels.line", channel=t(f"channels.name_{binding.channel}"), state=state,
                           seen=fmt_local(binding.last_seen_at, ctx.tz)))
        lines.append("")
        lines.append(t("channels.how"))
        return [Reply("\n".join(lines))]
    if arg in LINK_WORDS:
        code = people.create_link_code(ctx.session, ctx.person, minutes=LINK_MINUTES, actor=ctx.actor).code
        return [Reply(t("channels.link_code", code=code, minutes=LINK_MINUTES))]
    mode = PUSH_MODES.get(arg)
    if mode is None:
        return [Reply(t("channels.bad", arg=shorten(args, 40)))]
    ctx.update_person(push_channels=mode)
    audit.log(ctx.session, "person.push_channels", "person", ctx.person.id, person_id=ctx.person.id,
              actor=ctx.actor, mode=mode)
    return [Reply(t(f"channels.set_{mode}"))]
