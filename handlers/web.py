"""/web: the office's web desk, opened from the chat.

`/web` answers office staff and unit heads with a one-time sign-in link (single use,
LINK_MINUTES long, bound to the person); `/web thoat` ends every browser session of
the person (and spends their unused links). Officials use the chat only."""
from __future__ import annotations

from presentation.messages import Reply
from storage.crud import web as crud

from .context import Context

LINK_MINUTES = 10
SIGN_IN_PATH = "/web/vao"
SIGN_OUT_WORDS = {"thoat", "thoát", "logout", "dangxuat", "đăngxuất"}


def web_command(ctx: Context, args: str) -> list[Reply]:
    """Declared for SUMMARY_ROLES in handlers/commands.py (the router refuses the others)."""
    t = ctx.t
    word = "".join(args.lower().split())
    if word in SIGN_OUT_WORDS:
        ended = crud.end_all(ctx.session, ctx.person.id, ctx.now, actor=ctx.actor)
        return [Reply(t("web.signed_out_all", count=ended))]
    if word:
        return [Reply(t("web.usage"))]
    if not ctx.web_url:
        return [Reply(t("web.not_served"))]
    secret = crud.create_link(ctx.session, ctx.person.id, ctx.now, LINK_MINUTES, actor=ctx.actor)
    url = f"{ctx.web_url.rstrip('/')}{SIGN_IN_PATH}?t={secret}"
    return [Reply(t("web.link", url=url, minutes=LINK_MINUTES))]
