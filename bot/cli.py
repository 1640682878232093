"""`nhacviec` command line: admin tasks, the bot, the demo, the extractor.

Errors are a Vietnamese message on stderr and exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from locales import Translator
from storage.roles import ROLES
from workcalendar.typed import parse_typed_date

EXIT_USAGE = 2


class CliError(Exception):
    """A message for the person at the terminal (already translated)."""


def _t() -> Translator:
    return Translator(os.environ.get("NHACVIEC_LANG", "vi"))


def _parser() -> argparse.ArgumentParser:
    t = _t()
    p = argparse.ArgumentParser(prog="nhacviec", description=t("cli.description"))
    sub = p.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help=t("cli.db_help"))
    dbsub = db.add_subparsers(dest="action", required=True)
    dbsub.add_parser("upgrade", help=t("cli.db_upgrade_help"), description=t("cli.db_upgrade_help"))

    u = sub.add_parser("units", help=t("cli.units_help"))
    usub = u.add_subparsers(dest="action", required=True)
    ui = usub.add_parser("import", help=t("cli.units_import_help"))
    ui.add_argument("file", type=Path, help=t("cli.units_file_help"))
    usub.add_parser("list", help=t("cli.units_list_help"))

    inv = sub.add_parser("invite", help=t("cli.invite_help"))
    isub = inv.add_subparsers(dest="action", required=True)
    ic = isub.add_parser("create", help=t("cli.invite_create_help"))
    ic.add_argument("--unit", required=True, help=t("cli.invite_unit_help"))
    ic.add_argument("--role", required=True, choices=ROLES,
                    help=t("cli.invite_role_help"))
    ic.add_argument("--expires-days", type=int, default=7, help=t("cli.invite_expires_help"))
    iu = isub.add_parser("unlock", help=t("cli.invite_unlock_help"))
    iu.add_argument("scope", nargs="?", help="chat:<channel>:<chat id> | prefix:<ABC> | all; none: list the locks")

    task = sub.add_parser("task", help=t("cli.task_help"))
    tsub = task.add_subparsers(dest="action", required=True)
    ta = tsub.add_parser("add", help=t("cli.task_add_help"))
    ta.add_argument("--lead", required=True, help=t("cli.task_lead_help"))
    ta.add_argument("--coordinator", action="append", default=[], help=t("cli.task_coordinator_help"))
    ta.add_argument("--deadline", help=t("cli.task_deadline_help"))
    ta.add_argument("--coordinator-deadline", help=t("cli.coordinator_deadline_help"))
    ta.add_argument("--recurrence", help=t("cli.task_recurrence_help"))
    ta.add_argument("--directive", help=t("cli.task_directive_help"))
    ta.add_argument("--output", default="", help=t("cli.task_output_help"))
    ta.add_argument("text", help=t("cli.task_text_help"))

    sub.add_parser("run", help=t("cli.run_help"))
    sv = sub.add_parser("serve", help=t("server.serve_help"))
    sv.add_argument("--host", default="127.0.0.1", help=t("server.host_help"))
    sv.add_argument("--port", type=int, default=8080, help=t("server.port_help"))
    sv.add_argument("--with-scheduler", action="store_true", help=t("server.with_scheduler_help"))
    sub.add_parser("worker", help=t("server.worker_help"))
    wh = sub.add_parser("webhook", help=t("cli.webhook_help"))
    whsub = wh.add_subparsers(dest="action", required=True)
    whsub.add_parser("set", help=t("cli.webhook_set_help")).add_argument("--url", required=True,
                                                                         help=t("cli.webhook_url_help"))
    whsub.add_parser("delete", help=t("cli.webhook_delete_help"))
    whsub.add_parser("info", help=t("cli.webhook_info_help"))
    rem = sub.add_parser("remind", help=t("cli.remind_help"))
    rem.add_argument("--once", action="store_true", required=True, help=t("cli.remind_once_help"))
    rem.add_argument("--now", help=t("cli.remind_now_help"))
    demo = sub.add_parser("demo", help=t("cli.demo_help"))
    demo.add_argument("--database", help=t("cli.demo_database_help"))
    demo.add_argument("--office", action="store_true", help=t("cli.demo_office_help"))
    demo.add_argument("--head", action="store_true", help=t("cli.demo_head_help"))

    ex = sub.add_parser("extract", help=t("cli.extract_help"))
    ex.add_argument("file", help=t("cli.document_file_help"))
    ex.add_argument("--issued", help=t("cli.issued_help"))
    ex.add_argument("--json", action="store_true", help=t("cli.json_help"))

    d = sub.add_parser("directive", help=t("cli.directive_help"))
    dsub = d.add_subparsers(dest="action", required=True)
    di = dsub.add_parser("import", help=t("cli.directive_import_help"))
    di.add_argument("file", help=t("cli.document_file_help"))
    di.add_argument("--issued", help=t("cli.issued_help"))
    di.add_argument("--publish", action="store_true", help=t("cli.publish_help"))
    di.add_argument("--update", action="store_true", help=t("cli.update_help"))
    di.add_argument("--expand-groups", action="store_true", help=t("cli.expand_groups_help"))

    rep = sub.add_parser("report", help=t("cli.report_help"))
    rep.add_argument("--xlsx", type=Path, help=t("cli.report_xlsx_help"))
    rep.add_argument("--chart", type=Path, help=t("cli.report_chart_help"))
    rep.add_argument("--from", dest="start", help=t("cli.report_from_help"))
    rep.add_argument("--to", dest="end", help=t("cli.report_to_help"))
    rep.add_argument("--unit", help=t("cli.report_unit_help"))
    rep.add_argument("--today", help=t("cli.report_today_help"))
    _indicators_parser(sub, t)
    ppl = sub.add_parser("people", help=t("cli.people_help"))
    pplsub = ppl.add_subparsers(dest="action", required=True)
    pplsub.add_parser("list", help=t("cli.people_list_help")).add_argument("--unit")
    pplsub.add_parser("deactivate", help=t("cli.people_deactivate_help")).add_argument("person_id", type=int)
    return p


def _indicators_parser(sub, t: Translator) -> None:
    ind = sub.add_parser("indicators", help=t("cli.indicators_help"))
    indsub = ind.add_subparsers(dest="action", required=True)
    indsub.add_parser("import", help=t("cli.indicators_import_help")).add_argument("file", type=Path)
    indsub.add_parser("template", help=t("cli.indicators_template_help")).add_argument(
        "file", type=Path, nargs="?", default=Path("chitieu-mau.xlsx"))
    indsub.add_parser("list", help=t("cli.indicators_list_help")).add_argument("--year", type=int)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `nhacviec extract … --json | head`: the reader had enough
        sys.stderr.close()
        return 0
    except Exception as exc:
        from .settings import explain_startup_error

        # A wrong setting (REMINDER_HOUR=abc, a DATABASE_URL that cannot be read or
        # reached) is one or two lines that say which and how to fix it, not a traceback.
        message = explain_startup_error(exc, _t())
        if message is None:
            raise
        print(message, file=sys.stderr)
        return EXIT_USAGE


def _parse_date(value: str | None, t: Translator) -> date | None:
    """YYYY-MM-DD, or dd/mm/yyyy as dates are written in Vietnam (15/5/2026)."""
    if value is None:
        return None
    try:
        return parse_typed_date(value)
    except ValueError as exc:
        raise CliError(t("cli.bad_date", value=value)) from exc


def _app():
    from .app import build, configure_logging
    from .settings import get_settings

    settings = get_settings()
    configure_logging(settings.log_level, settings)
    return build(settings)


def cmd_db(args) -> int:
    app = _app()
    print(_t()("cli.db_upgraded"))
    app.db.dispose()
    return 0


def cmd_units(args) -> int:
    from storage.crud import units

    t = _t()
    app = _app()
    with app.db.session() as session:
        if args.action == "import":
            if not args.file.is_file():
                raise CliError(t("cli.file_missing", path=args.file))
            try:
                created, updated = units.import_units_csv(session, args.file)
            except units.UnitsFileError as exc:
                raise CliError(t(f"cli.{exc.args[0]}")) from exc
            print(t("cli.units_imported", created=created, updated=updated))
        else:
            rows = units.list_units(session)
            parents = {u.id: u.name for u in rows}
            for u in rows:
                extra = [x for x in (u.aliases.replace(";", ", "), parents.get(u.parent_id, "")) if x]
                print(f"{u.id:>5}  {u.name}" + (f"  ({' | '.join(extra)})" if extra else ""))
            print(t("cli.units_count", count=len(rows)))
    return 0


def _unit(session, name: str, t: Translator):
    from storage.crud import units

    unit = units.find_unit(session, name)
    if unit is None:
        raise CliError(t("cli.unknown_unit", name=name))
    return unit


def cmd_invite(args) -> int:
    from storage.crud import people

    t = _t()
    if args.action == "unlock":
        return _invite_unlock(args.scope, t)
    if args.expires_days < 1:
        raise CliError(t("cli.bad_expiry"))
    app = _app()
    with app.db.session() as session:
        unit = _unit(session, args.unit, t)
        inv = people.create_invitation(session, unit, args.role, expires_days=args.expires_days)
    username = app.settings.telegram_bot_username or _bot_username(app.settings)
    print(t("cli.invite_created", unit=unit.name, role=t(f"role.{args.role}"), days=args.expires_days))
    if username:
        print(t("cli.invite_link", link=f"https://t.me/{username}?start={inv.code}"))
    print(inv.code)
    return 0


def _invite_unlock(scope: str | None, t) -> int:
    """List the lock-outs of wrong invitation codes, or lift one (or all), audited."""
    from storage.crud import attempts, audit

    app = _app()
    with app.db.session() as session:
        if scope is None:
            rows = attempts.locked(session)
            for row in rows:
                print(t("cli.invite_locked_line", scope=row.scope, failures=row.failures,
                        since=row.updated_at.strftime("%d/%m/%Y %H:%M")))
            if not rows:
                print(t("cli.invite_no_locks"))
            return 0
        lifted = attempts.unlock(session, None if scope == "all" else scope)
        for name in lifted:
            audit.log(session, "invitation.unlock", "inviteattempt", None, actor="cli", scope=name)
            print(t("cli.invite_unlocked", scope=name))
        if not lifted:
            print(t("cli.invite_no_locks"))
    return 0


def _bot_username(settings) -> str | None:
    """Ask Telegram for the bot's username (for a deep link); quietly nothing when offline."""
    if not settings.telegram_bot_token:
        return None
    import httpx

    from .telegram import api_base

    try:
        r = httpx.get(f"{api_base(settings.telegram_api_url)[0]}{settings.telegram_bot_token}/getMe", timeout=5)
        return r.json()["result"]["username"]
    except (httpx.HTTPError, KeyError, ValueError):
        return None


def cmd_task(args) -> int:
    from handlers.deadlines import deadline_problem
    from storage.crud import tasks as crud
    from workcalendar.recurrence import is_valid

    t = _t()
    deadline = _parse_date(args.deadline, t)
    coordinator_deadline = _parse_date(args.coordinator_deadline, t)
    if args.recurrence and not is_valid(args.recurrence):
        raise CliError(t("cli.bad_recurrence", value=args.recurrence))
    if not args.text.strip():
        raise CliError(t("cli.empty_text"))
    app = _app()
    with app.db.session() as session:
        lead = _unit(session, args.lead, t)
        coordinators = [_unit(session, name, t) for name in args.coordinator]
        directive = crud.find_or_create_directive(session, args.directive) if args.directive else None
        today = datetime.now(app.settings.zone).date()
        if deadline is not None and deadline_problem(deadline, today):
            raise CliError(t("cli.deadline_past", date=deadline.strftime("%d/%m/%Y"),
                             today=today.strftime("%d/%m/%Y")))
        task = crud.add_task(session, lead=lead, action=args.text, deadline=deadline, recurrence=args.recurrence,
                             coordinators=coordinators, directive=directive, expected_output=args.output,
                             today=today, coordinator_deadline=coordinator_deadline)
    print(t("cli.task_added", lead=lead.name))
    print(task.id)
    return 0


def _senders(settings, db) -> dict:
    from .telegram import TelegramSender

    senders: dict = {}  # channel → its sender
    if settings.telegram_bot_token:
        senders["telegram"] = TelegramSender(settings.telegram_bot_token, settings.telegram_api_url)
    if settings.zalo_bot_token:
        from .zalo import ZaloSender

        senders["zalo"] = ZaloSender(settings.zalo_bot_token, settings.zalo_api_url, db=db)
    return senders


def cmd_run(args) -> int:
    from reminders.service import ReminderService

    from .app import reminder_settings
    from .telegram import TelegramAdapter

    t = _t()
    app = _app()
    settings = app.settings
    if not settings.telegram_bot_token and not settings.zalo_bot_token:
        raise CliError(t("zalo.no_token"))
    try:
        cfg = reminder_settings(app.settings)
    except ValueError as exc:
        raise CliError(t("cli.bad_reminder_settings", error=str(exc))) from exc
    service = ReminderService(app.db, cfg, _senders(app.settings, app.db),
                              lease=timedelta(seconds=app.settings.outbox_lease_seconds))
    services: tuple = (service,)
    if settings.zalo_bot_token:
        from .zalo import ZaloAdapter, ZaloClient

        # Zalo polls as one more service, in the same event loop as the rest.
        services += (ZaloAdapter(app.assistant, ZaloClient(settings.zalo_bot_token, settings.zalo_api_url)),)
    channels = [name for name, token in (("Telegram", settings.telegram_bot_token),
                                         ("Zalo", settings.zalo_bot_token)) if token]
    print(t("zalo.running", channels=", ".join(channels)))
    if settings.web_port:
        _start_desk(app, t, port=settings.web_port)
    if not settings.telegram_bot_token:
        import asyncio

        from .zalo import run_services

        asyncio.run(run_services(services))
        return 0
    TelegramAdapter(app.assistant, app.settings.telegram_bot_token, app.settings.telegram_api_url,
                    services=services).run_polling()
    return 0


def _start_desk(app, t: Translator, *, port: int):
    """The web desk on a local port (0: any free one), beside the chat loop; /web's links
    point there unless WEB_BASE_URL names the public address."""
    from .web import Desk
    from .web.local import LocalDesk

    try:
        local = LocalDesk(Desk(app.db, app.settings), port=port).start()
    except OSError as exc:
        raise CliError(t("web.cli_port_busy", port=port, error=str(exc))) from exc
    if not app.assistant.web_url:
        app.assistant.web_url = local.url
    print(t("web.cli_listening", url=f"{local.url}/web"), flush=True)
    return local


def cmd_remind(args) -> int:
    import asyncio
    import time as _time

    from reminders.service import run_once

    from .app import reminder_settings

    t = _t()
    start = None
    if args.now:
        try:
            start = datetime.fromisoformat(args.now)
        except ValueError as exc:
            raise CliError(t("cli.bad_now", value=args.now)) from exc
        if start.tzinfo is None:
            raise CliError(t("cli.bad_now", value=args.now))
    app = _app()
    try:
        cfg = reminder_settings(app.settings)
    except ValueError as exc:
        raise CliError(t("cli.bad_reminder_settings", error=str(exc))) from exc
    senders = _senders(app.settings, app.db)
    if start is None:
        clock = lambda: datetime.now(app.settings.zone)  # noqa: E731
    else:
        # The given instant, running on: retries and chat turns still take real seconds.
        origin = _time.monotonic()
        clock = lambda: start + timedelta(seconds=_time.monotonic() - origin)  # noqa: E731
    lease = timedelta(seconds=app.settings.outbox_lease_seconds)
    swept, stats = asyncio.run(run_once(app.db, cfg, senders, clock, lease))
    print(t("cli.remind_done", tasks=swept.tasks, enqueued=swept.enqueued, instances=swept.instances,
            sent=stats.sent, retried=stats.retried, parked=stats.parked, blocked=stats.blocked))
    if not senders:
        print(t("cli.remind_no_sender"))
    app.db.dispose()
    return 0


def cmd_demo(args) -> int:
    import shutil

    from .demo import NotADemoDatabase, clear_demo_database

    t = _t()
    if args.database:
        path = Path(args.database).expanduser()
        try:
            clear_demo_database(path)
        except NotADemoDatabase as exc:
            raise CliError(t("cli.demo_not_demo_database", path=path)) from exc
        except OSError as exc:
            raise CliError(t("cli.demo_database_failed", path=path, error=exc.strerror or exc)) from exc
        return _demo(args, path, t("cli.demo_database_kept", path=path))
    # Without --database the demo's file lives only as long as the demo.
    folder = Path(tempfile.mkdtemp(prefix="nhacviec-demo-"))
    try:
        return _demo(args, folder / "demo.db", t("cli.demo_database_temporary"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _demo(args, path: Path, where: str) -> int:
    from handlers.router import Assistant
    from storage.db import Database

    from .app import configure_logging
    from .app import rules as app_rules
    from .console import ConsoleAdapter
    from .demo import mark_demo_database, seed
    from .settings import get_settings

    t = _t()
    settings = get_settings()
    configure_logging("WARNING")
    db = Database(f"sqlite:///{path}")
    try:
        db.upgrade()
        mark_demo_database(path)
        with db.session() as session:
            role = "office" if args.office else "head" if args.head else None
            who = seed(session, datetime.now(settings.zone).date(), role=role)
        # One reminder sweep, as the worker would run: tasks near their deadline without a
        # report show 🟠 at risk (reminders.risk).
        from reminders.sweep import sweep

        from .app import reminder_settings
        sweep(db, datetime.now(UTC), reminder_settings(settings))
        print(t("cli.demo_intro", person=who["person"], unit=who["unit"], code=who["invitation"], path=where))
        print(t("cli.demo_office_more" if args.office else "cli.demo_head_more" if args.head else "cli.demo_more"))
        assistant = Assistant(db, settings.zone, rules=app_rules(settings), remind_hour=settings.reminder_hour)
        if args.office:
            from .app import App
            from .demo import SAMPLES
            print(t("cli.demo_office_intro", sample=SAMPLES / "directive_demo.txt"))
            print(t("cli.demo_office_review"))
            _start_desk(App(settings=settings, db=db, assistant=assistant), t, port=0)
        ConsoleAdapter(assistant, user_id="console", display_name=who["person"]).loop()
    finally:
        db.dispose()
    return 0


def cmd_extract(args) -> int:
    from directives.cli import run_extract

    return run_extract(args.file, args.issued, args.json)


def cmd_directive(args) -> int:
    from .directive_import import import_directive

    t = _t()
    issued = _parse_date(args.issued, t)
    app = _app()
    return import_directive(app, args.file, issued=issued, publish=args.publish, t=t, update=args.update,
                            expand_groups=args.expand_groups)


def cmd_report(args) -> int:
    """The office summary without a chat: text, Excel (--xlsx) or the KPI chart (--chart)."""
    from office import chart, xlsx
    from office.period import Period
    from office.summary import find_units, summarize, unit_summaries
    from office.text import render_summary
    from storage.crud import audit

    t = _t()
    start, end, today = _parse_date(args.start, t), _parse_date(args.end, t), _parse_date(args.today, t)
    app = _app()
    today = today or datetime.now(app.settings.zone).date()
    if start is None and end is None:
        period = Period.month_of(today)
    else:
        month = Period.month_of(start or end or today)  # one of them is given
        period = Period(start or month.start, end or month.end)
    if period.start > period.end:
        raise CliError(t("cli.report_bad_range", start=period.start, end=period.end))
    with app.db.session() as session:
        unit = None
        if args.unit:
            found = find_units(session, args.unit)
            if len(found) != 1:
                raise CliError(t("cli.unknown_unit", name=args.unit))
            unit = found[0]
        outputs = []
        if args.xlsx:
            data, count = xlsx.build_workbook(session, period, today, app.settings.zone, t, unit=unit,
                                              monthly_day=app.settings.monthly_report_day)
            outputs.append((args.xlsx, data, "report.export", {"tasks": count}))
        if args.chart:
            rows = unit_summaries(session, period, today, unit.id if unit else None,
                                  monthly_day=app.settings.monthly_report_day, tz=app.settings.zone)
            outputs.append((args.chart, chart.kpi_png(rows, period.label(t), t), "report.chart", {"units": len(rows)}))
        for path, data, action, detail in outputs:
            try:
                path.write_bytes(data)
            except OSError as exc:
                raise CliError(t("cli.report_write_failed", path=path, error=exc.strerror or exc)) from exc
            audit.log(session, action, "report", None, actor="cli", period=period.key,
                      unit=unit.name if unit else None, file=str(path), size=len(data), **detail)
            print(t("cli.report_written", path=path))
        if not outputs:
            summary = summarize(session, period, today, unit=unit, overdue_limit=None,
                                monthly_day=app.settings.monthly_report_day, tz=app.settings.zone)
            print(render_summary(t, summary, unit=unit.name if unit else None, limit=None))
    app.db.dispose()
    return 0


def cmd_serve(args) -> int:
    from .serve_cli import cmd_serve as serve

    return serve(args)


def cmd_worker(args) -> int:
    from .serve_cli import cmd_worker as worker

    return worker(args)


def cmd_webhook(args) -> int:
    from .serve_cli import cmd_webhook as webhook

    return webhook(args)


def cmd_people(args) -> int:
    """people list [--unit] | deactivate ID (someone left: the head learns which tasks lost them)."""

    from reminders.messages import assignees_left
    from storage.crud import assignments
    from storage.models import Person, utcnow

    t = _t()
    app = _app()
    with app.db.session() as session:
        if args.action == "list":
            rows = assignments.active_people(session, _unit(session, args.unit, t).id if args.unit else None)
            for person, unit in rows:
                print(f"{person.id:>6}  {person.full_name or '?'} — {unit} ({t(f'role.{person.role}')})")
            print(t("cli.people_count", count=len(rows)))
            return 0
        person = session.get(Person, args.person_id)
        if person is None or not person.active:
            raise CliError(t("cli.people_unknown", id=args.person_id))
        left = assignments.deactivate(session, person)
        assignees_left(session, left, utcnow())
        print(t("cli.people_deactivated", name=person.full_name or "?", tasks=len(left)))
    return 0


def cmd_indicators(args) -> int:
    """indicators import FILE | template [FILE] | list [--year]"""
    from office import indicators as ind

    t = _t()
    if args.action == "template":
        kind = "csv" if args.file.suffix.lower() == ".csv" else "xlsx"
        args.file.write_bytes(ind.template_bytes(kind))
        print(t("ind.template_written", path=args.file))
        return 0
    from storage.crud import indicators as crud
    from storage.crud import units

    app = _app()
    with app.db.session() as session:
        if args.action == "list":
            rows = crud.with_units(session, args.year)
            for row, unit in rows:
                print(t("ind.list_line", id=row.id, year=row.year, name=row.name, measure=row.measure or "—",
                        unit=unit, target=ind.fmt(row.target, t), mode=t(f"ind.mode_{row.plan_mode}")))
            print(t("ind.list_count", count=len(rows)))
            return 0
        if not args.file.is_file():
            raise CliError(t("cli.file_missing", path=args.file))
        index = units.unit_index(session)
        try:
            specs = ind.parse_rows(ind.read_table(args.file.name, args.file.read_bytes()),
                                   lambda name: units.find_unit(session, name, index) if name else None)
        except ind.ImportError_ as exc:
            raise CliError(t("ind.import_line", line=exc.line, error=t(exc.key, **exc.params))) from exc
        except (ValueError, UnicodeDecodeError, OSError) as exc:
            raise CliError(t("ind.import_bad_number", column="?", value=str(exc)[:80])) from exc
        today = datetime.now(app.settings.zone).date()
        created = updated = 0
        for spec in specs:
            _row, new = crud.upsert(session, crud.IndicatorSpec(**spec), today=today)
            created, updated = created + new, updated + (not new)
    print(t("ind.imported", created=created, updated=updated))
    return 0


COMMANDS = {
    "indicators": cmd_indicators,
    "people": cmd_people,
    "serve": cmd_serve, "worker": cmd_worker, "webhook": cmd_webhook,
    "report": cmd_report,
    "db": cmd_db, "units": cmd_units, "invite": cmd_invite, "task": cmd_task, "run": cmd_run, "remind": cmd_remind,
    "demo": cmd_demo, "extract": cmd_extract, "directive": cmd_directive,
}

if __name__ == "__main__":
    # Run as `python -m bot.cli`, this file is `__main__`; the modules it calls raise
    # bot.cli's CliError, so the entry point is bot.cli's own main.
    from bot.cli import main as _main

    sys.exit(_main())
