"""The desk's forms (POST): sign-in with a chat link, sign-out, an extension decision.

Sign-in is two steps: the link from /web opens a page with one button, and only that
button's POST spends the link. A chat app's link preview (a GET) cannot use it up.
Every other form carries the session's CSRF token; one without it is refused (403)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from handlers import extensions
from handlers import review as review_handler
from handlers.context import Context
from handlers.refusal import Refusal
from locales import Translator
from presentation.messages import Incoming
from storage.crud import reviews
from storage.crud import tasks as crud_tasks
from storage.crud import web as crud

from .app import Viewer, csrf_ok, desk_of, in_thread, read_form, request_language
from .dates import DateError, read_day
from .pages import task_page

MAX_SECRET = 100


def _too_many(desk, request: Request, t: Translator) -> Response:
    return desk.message(request, t, 429, t("web.too_many_title"), t("web.too_many"))


def _link_gone(desk, request: Request, t: Translator) -> Response:
    return desk.message(request, t, 400, t("web.link_gone_title"), t("web.link_gone"))


def sign_in_page(request: Request) -> Response:
    desk = desk_of(request)
    t = Translator(request_language(request))
    secret = request.query_params.get("t", "")[:MAX_SECRET]
    with desk.session() as s:
        if not desk.allow_attempt(s, request):
            return _too_many(desk, request, t)
        fresh = bool(secret) and crud.link_is_fresh(s, secret, desk.now())
    if not fresh:
        return _link_gone(desk, request, t)
    return desk.render(request, "signin.html", t, secret=secret)


async def sign_in(request: Request) -> Response:
    desk = desk_of(request)
    form = await read_form(request)
    return await in_thread(_sign_in, desk, request, form)


def _sign_in(desk, request: Request, form: dict | None) -> Response:
    t = Translator(request_language(request))
    secret = (form or {}).get("t", "")[:MAX_SECRET]
    with desk.session() as s:
        if not desk.allow_attempt(s, request):
            return _too_many(desk, request, t)
        person_id = crud.redeem_link(s, secret, desk.now()) if secret else None
        if person_id is None:
            return _link_gone(desk, request, t)
        cookie = desk.start_session(request, s, person_id)
    response = desk.redirect("/web")
    desk.set_cookie(response, cookie)
    return response


async def sign_out(request: Request) -> Response:
    desk = desk_of(request)
    form = await read_form(request)
    return await in_thread(_sign_out, desk, request, form)


def _sign_out(desk, request: Request, form: dict | None) -> Response:
    with desk.session() as s:
        viewer = desk.viewer(request, s)
        if isinstance(viewer, Response):
            return viewer
        if not csrf_ok(viewer, form):
            return _bad_form(desk, request, viewer)
        crud.end_session(s, viewer.session_id, desk.now(), actor=f"web:{viewer.person.id}")
    response = desk.message(request, viewer.t, 200, viewer.t("web.signed_out_title"), viewer.t("web.signed_out"))
    response.delete_cookie(desk.cookie, path="/", secure=desk.secure, httponly=True, samesite="lax")
    return response


def _bad_form(desk, request: Request, viewer: Viewer) -> Response:
    t = viewer.t
    return desk.message(request, t, 403, t("web.bad_form_title"), t("web.bad_form"), viewer)


def _form_viewer(desk, request: Request, s, form: dict | None):
    """The signed-in viewer of a POSTed desk form and the form, or the answer when there
    is no viewer, no readable form or no CSRF token (both decision forms start so)."""
    viewer = desk.viewer(request, s)
    if isinstance(viewer, Response):
        return viewer
    if form is None or not csrf_ok(viewer, form):
        return _bad_form(desk, request, viewer)
    return viewer, form


def _decided(desk, task, decide) -> Response:
    """Runs the chat's decision handler and goes back to the task page with its replies;
    a refusal (not office staff, decided meanwhile, task done) is said as in the chat.
    Inside the session: the redirect reads nothing more from it."""
    try:
        replies = decide()
    except Refusal as refusal:
        replies = refusal.replies
    return desk.redirect(f"/web/nhiemvu/{task.id}", "\n".join(r.text for r in replies))


async def extension(request: Request) -> Response:
    desk = desk_of(request)
    form = await read_form(request)
    return await in_thread(_extension, desk, request, form)


def _extension(desk, request: Request, form: dict | None) -> Response:
    """Approve (the date asked, or another) or reject (with a reason) one request,
    through the chat's own handler (handlers.extensions.decide): same checks, audit,
    notices to the unit and reminders."""
    with desk.session() as s:
        checked = _form_viewer(desk, request, s, form)
        if isinstance(checked, Response):
            return checked
        viewer, form = checked
        req = crud_tasks.pending_extension(s, request.path_params["request_id"], lock=False)
        task = crud_tasks.visible_task(s, viewer.person, req.task_id) if req else None
        if req is None or task is None:
            return desk.not_found(request, viewer)
        decision = form.get("decision")
        new_date = read_day(form.get("date"))  # dd/mm/yyyy as the box shows it, or ISO
        if isinstance(new_date, DateError):  # the page again, with why next to the box: nothing decided
            return task_page(request, desk, s, viewer, task, refused=(int(req.id or 0), new_date))
        ctx = _context(desk, s, viewer)
        if decision not in ("approve", "reject"):
            return desk.redirect(f"/web/nhiemvu/{task.id}", viewer.t("web.bad_form"))
        return _decided(desk, task, lambda: extensions.decide(
            ctx, int(req.id or 0), approve=decision == "approve", new_date=new_date, note=form.get("note", "")))


async def review(request: Request) -> Response:
    desk = desk_of(request)
    form = await read_form(request)
    return await in_thread(_review, desk, request, form)


def _review(desk, request: Request, form: dict | None) -> Response:
    """Accept (Đạt) or return (Trả lại, with its reason) a completion awaiting review,
    through the chat's handler (handlers.review.decide)."""
    with desk.session() as s:
        checked = _form_viewer(desk, request, s, form)
        if isinstance(checked, Response):
            return checked
        viewer, form = checked
        found = reviews.get(s, request.path_params["review_id"], lock=False)
        task = crud_tasks.visible_task(s, viewer.person, found.task_id) if found else None
        if found is None or task is None:
            return desk.not_found(request, viewer)
        decision = form.get("decision")
        if decision not in ("accept", "return"):
            return desk.redirect(f"/web/nhiemvu/{task.id}", viewer.t("web.bad_form"))
        return _decided(desk, task, lambda: review_handler.decide(
            _context(desk, s, viewer), int(found.id or 0), accept=decision == "accept",
            reason=form.get("reason", "")))


def _context(desk, session, viewer: Viewer) -> Context:
    """The chat handlers' view of a desk request: the same person, language and clock;
    the channel "web" (the audit log says web:<person id>)."""
    person_id = str(viewer.person.id)
    return Context(session=session, incoming=Incoming(channel="web", chat_id=person_id, user_id=person_id),
                   t=viewer.t, now=desk.now(), tz=desk.tz, person=viewer.person, unit=viewer.unit, in_dialog=False)
