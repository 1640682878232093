"""/lang: the person's language."""
from __future__ import annotations

from locales import LANGUAGES, Translator
from storage.crud import audit

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
