"""The desk's assembly: templates, sign-in, who is asking, and the routes.

Every page runs in a worker thread with its own database session (one transaction),
checks the session cookie and the role (office staff and unit heads; a head sees their
own unit), and reads through office/ and storage/crud — no SQL here."""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from locales import Translator
from presentation.render import fmt_date, fmt_local
from storage.crud import web as crud
from storage.db import Database
from storage.models import Person, Unit
from storage.roles import OFFICE_ROLES, SUMMARY_ROLES

from .dates import DAY_PATTERN, MONTH_PATTERN
from .recent import Recent
from .security import SecurityHeaders, cookie_name, same_token

log = logging.getLogger(__name__)

PACKAGE = Path(str(resources.files("bot.web")))
SIGN_IN_LIMIT = 20  # sign-in attempts per address and window
SIGN_IN_WINDOW = timedelta(minutes=10)
MAX_FORM = 16 * 1024
FLASH_COOKIE = "nvflash"
# How long the overview's figures and chart are reused (a re-sort, a reload).
KEEP_SECONDS = 30.0


@dataclass
class Viewer:
    """Who is looking at a page."""

    person: Person
    unit: Unit
    session_id: int
    csrf: str
    t: Translator

    @property
    def is_office(self) -> bool:
        return self.person.role in OFFICE_ROLES

    @property
    def unit_scope(self) -> int | None:
        """None for the office (every unit); the head's unit otherwise."""
        return None if self.is_office else self.person.unit_id


class Desk:
    def __init__(self, db: Database, settings, *, clock: Callable[[], datetime] | None = None,
                 keep_seconds: float = KEEP_SECONDS):
        self.db = db
        self.recent = Recent(keep_seconds)
        self.settings = settings
        self.tz = settings.zone
        self.clock = clock or (lambda: datetime.now(UTC))
        base = (settings.web_base_url or "").strip()
        self.secure = base.lower().startswith("https://")
        self.cookie = cookie_name(self.secure)
        self.session_hours = settings.web_session_hours
        self.env = Environment(loader=FileSystemLoader(str(PACKAGE / "templates")),
                               autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(fmt_date=fmt_date, local=lambda dt: fmt_local(dt, self.tz))
        self.env.filters["dmy"] = _dmy
        self.env.globals.update(day_pattern=DAY_PATTERN, month_pattern=MONTH_PATTERN)

    @contextmanager
    def session(self):
        """A page's database session (one transaction), set up for reading."""
        with self.db.session() as session:
            crud.reading(session)
            yield session

    def now(self) -> datetime:
        return self.clock().astimezone(self.tz)

    # ------------------------------------------------------------------ assembly

    def routes(self) -> list[BaseRoute]:
        from . import actions, pages

        return [
            Route("/web", pages.overview, methods=["GET"]),
            Route("/web/bieudo.png", pages.chart, methods=["GET"]),
            Route("/web/nhiemvu", pages.tasks, methods=["GET"]),
            Route("/web/nhiemvu.xlsx", pages.export, methods=["GET"]),
            Route("/web/nhiemvu/{task_id:int}", pages.task, methods=["GET"]),
            Route("/web/nhiemvu/{task_id:int}/tep/{report_id:int}", pages.attachment, methods=["GET"]),
            Route("/web/vanban", pages.directives, methods=["GET"]),
            Route("/web/baocao", pages.duties, methods=["GET"]),
            Route("/web/phoihop", pages.late_coordinators, methods=["GET"]),
            Route("/web/vao", actions.sign_in_page, methods=["GET"]),
            Route("/web/vao", actions.sign_in, methods=["POST"]),
            Route("/web/thoat", actions.sign_out, methods=["POST"]),
            Route("/web/giahan/{request_id:int}", actions.extension, methods=["POST"]),
            Route("/web/danhgia/{review_id:int}", actions.review, methods=["POST"]),
            Mount("/web/static", StaticFiles(directory=str(PACKAGE / "static")), name="static"),
        ]

    @staticmethod
    def middleware() -> list[Middleware]:
        return [Middleware(SecurityHeaders)]

    # ------------------------------------------------------------------ answers

    def render(self, request: Request, template: str, t: Translator, status: int = 200, *,
               viewer: Viewer | None = None, **values) -> HTMLResponse:
        flash = unquote(request.cookies.get(FLASH_COOKIE, ""))
        html = self.env.get_template(template).render(t=t, viewer=viewer, request=request, path=request.url.path,
                                                      flash=flash, today=self.now().date(), **values)
        response = HTMLResponse(html, status_code=status)
        if flash:
            response.delete_cookie(FLASH_COOKIE, path="/web")
        return response

    def message(self, request: Request, t: Translator, status: int, title: str, text: str,
                viewer: Viewer | None = None) -> HTMLResponse:
        return self.render(request, "message.html", t, status, viewer=viewer, title=title, text=text)

    def not_found(self, request: Request, viewer: Viewer) -> HTMLResponse:
        t = viewer.t
        return self.message(request, t, 404, t("web.not_found_title"), t("web.not_found"), viewer)

    def forbidden(self, request: Request, viewer: Viewer) -> HTMLResponse:
        t = viewer.t
        return self.message(request, t, 403, t("web.forbidden_title"), t("web.forbidden"), viewer)

    def redirect(self, url: str, flash: str | None = None) -> RedirectResponse:
        response = RedirectResponse(url, status_code=303)
        if flash:
            response.set_cookie(FLASH_COOKIE, quote(flash[:1500]), path="/web", httponly=True,
                                secure=self.secure, samesite="lax")
        return response

    # ------------------------------------------------------------------ who is asking

    def viewer(self, request: Request, session) -> Viewer | Response:
        """The signed-in person behind the request, or the answer for a stranger (401)
        or someone whose role has no desk (403: officials, or a role changed since)."""
        secret = request.cookies.get(self.cookie)
        signed = crud.find_session(session, secret, self.now()) if secret else None
        if signed is None:
            t = Translator(request_language(request))
            return self.message(request, t, 401, t("web.signed_out_title"), t("web.sign_in_hint"))
        t = Translator(signed.person.language)
        viewer = Viewer(signed.person, signed.unit, signed.session_id, signed.csrf, t)
        if signed.person.role not in SUMMARY_ROLES:
            return self.forbidden(request, viewer)
        return viewer

    def start_session(self, request: Request, session, person_id: int) -> str:
        secret, _csrf = crud.create_session(session, person_id, self.now(), self.session_hours,
                                            user_agent=request.headers.get("user-agent", ""),
                                            actor=f"web:{person_id}")
        return secret

    def set_cookie(self, response: Response, secret: str) -> None:
        response.set_cookie(self.cookie, secret, max_age=int(self.session_hours * 3600), path="/", httponly=True,
                            secure=self.secure, samesite="lax")

    def allow_attempt(self, session, request: Request) -> bool:
        address = request.client.host if request.client else "unknown"
        return crud.allow_attempt(session, address, self.now(), limit=SIGN_IN_LIMIT, window=SIGN_IN_WINDOW)


def _dmy(value) -> str:
    """An ISO date as the audit log keeps it ("2026-05-24") shown dd/mm/yyyy; anything else as is."""
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return fmt_date(date.fromisoformat(value))
        except ValueError:
            return value
    return "—" if value in (None, "") else str(value)


def desk_of(request: Request) -> Desk:
    return request.app.state.desk


def signed_in(page: Callable[..., Response]) -> Callable[[Request], Response]:
    """A desk page whose whole answer is read in one session: `page(request, desk,
    session, viewer)` runs for a signed-in person with a desk role; strangers (401) and
    other roles (403) are answered here (Desk.viewer)."""
    @functools.wraps(page)
    def answer(request: Request) -> Response:
        desk = desk_of(request)
        with desk.session() as s:
            viewer = desk.viewer(request, s)
            if isinstance(viewer, Response):
                return viewer
            return page(request, desk, s, viewer)
    return answer


def request_language(request: Request) -> str:
    """Before sign-in: the browser's first language (Vietnamese unless it asks for English)."""
    accept = request.headers.get("accept-language", "")
    return "en" if accept.lower().startswith("en") else "vi"


async def read_form(request: Request) -> dict[str, str] | None:
    """A url-encoded form (the desk's only kind), or None when it is not one or too big."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM:
            return None
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=50)
    except (UnicodeDecodeError, ValueError):
        return None
    return {name: values[0] for name, values in fields.items()}


def csrf_ok(viewer: Viewer, form: dict[str, str] | None) -> bool:
    """The form carries the session's CSRF token (and so is a form at all)."""
    return form is not None and same_token(viewer.csrf, form.get("csrf"))


async def in_thread(fn, *args):
    return await run_in_threadpool(fn, *args)
