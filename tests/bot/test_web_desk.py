"""The web desk over real HTTP (uvicorn on a free port): sign-in from the chat's /web
link (single use, expiring, rate limited), sessions (cookie flags, sign-out, /web
thoat), roles (officials refused, a head sees only their unit: another unit's task is
404 like a missing one), CSRF on every form, security headers, the pages' content
and the extension decision through the chat's handler."""
from __future__ import annotations

import io
import unicodedata
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlmodel import select
from webdesk import DeskServer, csrf_of, invite, link_of, sample_tasks, sign_in

from conftest import TODAY
from storage.models import AuditLog, ExtensionRequest, Outbox, Task, WebLink, WebSession


@pytest.fixture
def server(db, clock, assistant):
    srv = DeskServer(db, clock, assistant)
    yield srv
    srv.stop()


@pytest.fixture
def people_(db, province, chat_factory, server):
    """Office staff, the head of Sở Tài chính, an official of Sở Tài chính, signed up."""
    office = chat_factory("o1", "Lê Văn Phòng")
    office.say(f"/start {province['codes']['office']}")
    head = chat_factory("h1", "Trần Thị Trưởng")
    head.say(f"/start {invite(db, province['units']['stc'], 'head')}")
    official = chat_factory("c1", "Nguyễn Cán Bộ")
    official.say(f"/start {province['codes']['stc_official']}")
    return {"office": office, "head": head, "official": official}


def signed_in(server, chat):
    client = server.client()
    answer = sign_in(client, link_of(chat))
    assert answer.status_code == 303 and answer.headers["location"] == "/web"
    return client


def test_sign_in_from_the_chat_link_sets_a_protected_cookie_and_the_link_is_single_use(server, people_, db):
    link = link_of(people_["office"])
    secret = link.rsplit("t=", 1)[1]
    assert len(secret) >= 43  # 256 bits, url-safe base64
    with db.session() as s:
        stored = s.exec(select(WebLink)).one()
    assert stored.token_hash != secret and len(stored.token_hash) == 64  # only the hash is kept
    client = server.client()
    answer = sign_in(client, link)
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie  # http in tests
    home = client.get("/web")
    assert home.status_code == 200 and "Tổng quan" in home.text and "Văn phòng UBND tỉnh" in home.text
    # Used once: a second browser (or the same) gets nothing from it.
    other = server.client()
    assert other.get(f"/web/vao?t={secret}").status_code == 400
    assert other.post("/web/vao", data={"t": secret}).status_code == 400
    assert other.get("/web").status_code == 401


def test_a_link_preview_does_not_spend_the_link(server, people_):
    link = link_of(people_["office"])
    preview = server.client()
    for _ in range(3):  # chat apps fetch links to preview them
        assert preview.get(link.split(server.url, 1)[1]).status_code == 200
    assert sign_in(server.client(), link).status_code == 303


def test_an_expired_link_fails(server, people_, clock):
    link = link_of(people_["office"])
    clock.advance(minutes=11)
    client = server.client()
    assert client.get(link.split(server.url, 1)[1]).status_code == 400
    assert client.post("/web/vao", data={"t": link.rsplit("t=", 1)[1]}).status_code == 400
    assert client.get("/web").status_code == 401


def test_sign_in_attempts_are_rate_limited_per_address(server, people_):
    client = server.client()
    answers = [client.post("/web/vao", data={"t": f"guess{i}"}).status_code for i in range(21)]
    assert answers[:20] == [400] * 20 and answers[20] == 429
    # Even a good link is refused from that address until the window passes.
    assert client.post("/web/vao", data={"t": link_of(people_["office"]).rsplit("t=", 1)[1]}).status_code == 429


def test_secure_cookie_behind_https(db, clock, assistant, people_):
    srv = DeskServer(db, clock, assistant, web_base_url="https://nhacviec.example.gov.vn")
    try:
        link = link_of(people_["office"])
        assert link.startswith("https://nhacviec.example.gov.vn/web/vao?t=")
        client = srv.client()
        secret = link.rsplit("t=", 1)[1]
        answer = client.post("/web/vao", data={"t": secret})
        cookie = answer.headers["set-cookie"]
        assert cookie.startswith("__Host-nvdesk=") and "Secure" in cookie and "HttpOnly" in cookie
    finally:
        srv.stop()


def test_officials_get_no_link_and_no_pages(server, people_, db):
    official = people_["official"]
    official.say("/web")
    assert "/web" not in official.text or "văn phòng" in official.text.lower()
    with db.session() as s:
        assert s.exec(select(WebLink)).all() == []
    assert server.client().get("/web/nhiemvu").status_code == 401


def test_security_headers_on_every_page(server, people_):
    client = signed_in(server, people_["office"])
    for path in ("/web", "/web/nhiemvu", "/web/vanban", "/web/baocao", "/web/nhiemvu/999999"):
        answer = client.get(path)
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert "script-src" not in answer.headers["content-security-policy"]  # default-src 'none': no script
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert answer.headers["cache-control"] == "no-store"
    assert client.get("/web/static/desk.css").status_code == 200


def test_a_head_sees_only_their_unit(server, people_, db, province):
    ids = sample_tasks(db, province)
    client = signed_in(server, people_["head"])
    listed = client.get("/web/nhiemvu").text
    assert "Rà soát giải ngân" in listed and "Báo cáo tình hình thu" in listed
    assert "Kiểm tra an toàn" not in listed and "sốt xuất huyết" not in listed
    assert client.get(f"/web/nhiemvu/{ids['stc_late']}").status_code == 200
    # Another unit's task answers exactly as a task that does not exist.
    other, missing = client.get(f"/web/nhiemvu/{ids['syt_task']}"), client.get("/web/nhiemvu/987654")
    assert other.status_code == missing.status_code == 404
    assert other.text == missing.text
    # Asking for another unit in the filter changes nothing; the export is the office's.
    assert "sốt xuất huyết" not in client.get(f"/web/nhiemvu?unit={province['units']['syt']}").text
    assert client.get("/web/nhiemvu.xlsx").status_code == 403
    overview = client.get("/web").text
    assert "Sở Tài chính" in overview and "Sở Y tế" not in overview


def test_a_coordinating_unit_head_sees_the_task_it_coordinates(server, db, province, chat_factory):
    ids = sample_tasks(db, province)
    head = chat_factory("h2", "Lãnh đạo Sở Xây dựng")
    head.say(f"/start {invite(db, province['units']['sxd'], 'head')}")
    client = signed_in(server, head)
    assert client.get(f"/web/nhiemvu/{ids['stc_late']}").status_code == 200  # coordinates it
    assert client.get(f"/web/nhiemvu/{ids['stc_open']}").status_code == 404


def test_filters_paging_and_search(server, people_, db, province):
    from conftest import add_task

    ids = sample_tasks(db, province)
    for i in range(60):
        add_task(db, province["units"]["syt"], f"Việc định kỳ số {i:02d}", TODAY + timedelta(days=30 + i))
    client = signed_in(server, people_["office"])
    first = client.get("/web/nhiemvu").text
    assert "64 nhiệm vụ" in first and "Trang 1/2" in first
    assert "Việc định kỳ số 59" in client.get("/web/nhiemvu?page=2").text
    overdue = client.get("/web/nhiemvu?overdue=1").text
    assert "1 nhiệm vụ" in overdue and "Rà soát giải ngân" in overdue
    found = client.get("/web/nhiemvu", params={"q": "GIẢI NGÂN"}).text  # case folded where the database can
    assert "Rà soát giải ngân" in found or server.desk.db.engine.dialect.name == "sqlite"
    found = client.get("/web/nhiemvu", params={"q": "giải ngân"}).text
    assert "1 nhiệm vụ" in found
    # Typed on a keyboard that composes Vietnamese as letters plus marks (NFD): the same.
    decomposed = client.get("/web/nhiemvu", params={"q": unicodedata.normalize("NFD", "giải ngân")}).text
    assert "1 nhiệm vụ" in decomposed
    by_unit = client.get("/web/nhiemvu", params={"unit": province["units"]["sxd"]}).text
    assert "Kiểm tra an toàn" in by_unit and "1 nhiệm vụ" in by_unit
    ranged = client.get("/web/nhiemvu", params={"from": "2026-05-01", "to": "2026-05-21"}).text
    assert "2 nhiệm vụ" in ranged
    assert f"/web/nhiemvu/{ids['stc_late']}" in ranged


def test_export_of_the_current_filter_is_the_xuatbaocao_workbook(server, people_, db, province):
    sample_tasks(db, province)
    client = signed_in(server, people_["office"])
    answer = client.get("/web/nhiemvu.xlsx", params={"unit": province["units"]["stc"]})
    assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
    wb = load_workbook(io.BytesIO(answer.content))
    assert wb.sheetnames[:4] == ["Nhiệm vụ", "Đơn vị", "Chậm tiến độ", "Báo cáo định kỳ"]
    actions = [row[4] for row in wb["Nhiệm vụ"].iter_rows(min_row=2, values_only=True)]
    assert sorted(actions) == ["Báo cáo tình hình thu ngân sách", "Rà soát giải ngân vốn đầu tư công"]
    with db.session() as s:
        logged = s.exec(select(AuditLog).where(AuditLog.action == "report.export")).one()
    assert logged.actor.startswith("web:") and logged.detail["tasks"] == 2


def test_forms_without_the_csrf_token_are_refused(server, people_, db, province):
    ids = sample_tasks(db, province)
    with db.session() as s:
        task = s.get(Task, ids["stc_late"])
        req = ExtensionRequest(task_id=task.id, person_id=1, unit_id=task.lead_unit_id,
                               current_deadline=task.deadline, requested_deadline=TODAY + timedelta(days=10),
                               reason="Chờ ý kiến Bộ Tài chính")
        s.add(req)
        s.flush()
        req_id = req.id
    client = signed_in(server, people_["office"])
    page = client.get(f"/web/nhiemvu/{ids['stc_late']}").text
    token = csrf_of(page)
    assert client.post(f"/web/giahan/{req_id}", data={"decision": "approve"}).status_code == 403
    assert client.post(f"/web/giahan/{req_id}", data={"decision": "approve", "csrf": "0" * 64}).status_code == 403
    assert client.post("/web/thoat", data={}).status_code == 403
    with db.session() as s:
        assert s.get(ExtensionRequest, req_id).status == "pending"
    # With it, the decision goes through the chat's handler.
    done = client.post(f"/web/giahan/{req_id}", data={"decision": "approve", "csrf": token,
                                                      "date": (TODAY + timedelta(days=7)).isoformat()})
    assert done.status_code == 303
    shown = client.get(done.headers["location"]).text
    assert "21/05/2026" in shown and "đã đồng ý" in shown
    with db.session() as s:
        assert s.get(ExtensionRequest, req_id).status == "approved"
        assert s.get(Task, ids["stc_late"]).deadline == TODAY + timedelta(days=7)
        logged = s.exec(select(AuditLog).where(AuditLog.action == "extension.approve")).one()
        assert logged.actor.startswith("web:")
        assert s.exec(select(Outbox).where(Outbox.kind == "extension")).all()  # the unit is told


def test_a_head_cannot_decide_extensions(server, people_, db, province):
    ids = sample_tasks(db, province)
    with db.session() as s:
        task = s.get(Task, ids["stc_late"])
        req = ExtensionRequest(task_id=task.id, person_id=1, unit_id=task.lead_unit_id,
                               requested_deadline=TODAY + timedelta(days=10), reason="Chờ số liệu")
        s.add(req)
        s.flush()
        req_id = req.id
    client = signed_in(server, people_["head"])
    page = client.get(f"/web/nhiemvu/{ids['stc_late']}").text
    assert f'action="/web/giahan/{req_id}"' not in page
    answer = client.post(f"/web/giahan/{req_id}", data={"decision": "approve", "csrf": csrf_of(page)})
    assert answer.status_code == 303
    assert "văn phòng" in client.get(answer.headers["location"]).text.lower()
    with db.session() as s:
        assert s.get(ExtensionRequest, req_id).status == "pending"


def test_sign_out_and_web_thoat_end_sessions(server, people_, db):
    first = signed_in(server, people_["office"])
    second = signed_in(server, people_["office"])
    page = first.get("/web").text
    assert first.post("/web/thoat", data={"csrf": csrf_of(page)}).status_code == 200
    assert first.get("/web").status_code == 401
    assert second.get("/web").status_code == 200
    unused = link_of(people_["office"])
    people_["office"].say("/web thoat")
    assert "1" in people_["office"].text
    assert second.get("/web").status_code == 401
    assert server.client().post("/web/vao", data={"t": unused.rsplit("t=", 1)[1]}).status_code == 400
    with db.session() as s:
        assert all(row.revoked_at is not None for row in s.exec(select(WebSession)))


def test_a_session_expires(server, people_, clock):
    client = signed_in(server, people_["office"])
    clock.advance(hours=12, minutes=1)
    assert client.get("/web").status_code == 401


def test_english_pages_for_an_english_reader(server, people_):
    people_["office"].say("/lang en")
    client = signed_in(server, people_["office"])
    page = client.get("/web").text
    assert "Overview" in page and "On-time rate per unit" in page


def test_overview_duties_directives_and_chart(server, people_, db, province):
    sample_tasks(db, province)
    client = signed_in(server, people_["office"])
    page = client.get("/web", params={"sort": "unit", "dir": "asc"}).text
    assert page.index("Sở Tài chính") < page.index("Sở Xây dựng") < page.index("Sở Y tế")
    assert "Nhiệm vụ quá hạn (1)" in page
    late = client.get("/web/phoihop", params={"ky": "2026-05"}).text
    assert "Đơn vị phối hợp chậm (1)" in late and "Sở Xây dựng" in late
    assert "Tháng không hợp lệ" in client.get("/web", params={"ky": "2026-13"}).text
    chart = client.get("/web/bieudo.png", params={"ky": "2026-05"})
    assert chart.status_code == 200 and chart.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get("/web/vanban").status_code == 200
    assert client.get("/web/baocao").status_code == 200


def test_demo_office_serves_the_desk_on_a_local_port(tmp_path):
    """`nhacviec demo --office` prints the desk's address, and /web in its console gives
    a link that signs in on it."""
    import os
    import re
    import subprocess
    import sys
    from pathlib import Path

    import httpx

    env = {**os.environ, "DATABASE_URL": "sqlite:///unused.db", "TELEGRAM_BOT_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "demo", "--office", "--database",
                             str(tmp_path / "demo.db")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=Path(__file__).parents[2])
    try:
        lines = []
        while not any("/web/vao?t=" in line for line in lines):
            line = proc.stdout.readline()
            assert line, "".join(lines) + proc.stderr.read()
            lines.append(line)
            if "Bàn làm việc trên web: http" in line:
                proc.stdin.write("/web\n")
                proc.stdin.flush()
        link = re.search(r"http://127\.0\.0\.1:\d+/web/vao\?t=\S+", "".join(lines)).group(0)
        with httpx.Client(follow_redirects=False, timeout=30) as client:
            assert client.get(link).status_code == 200
            base, secret = link.split("/web/vao?t=")
            assert client.post(f"{base}/web/vao", data={"t": secret}).status_code == 303
            page = client.get(f"{base}/web/nhiemvu")
            assert page.status_code == 200 and "Sở Tài chính" in page.text
    finally:
        proc.stdin.write("/thoat\n")
        proc.stdin.flush()
        proc.wait(30)
    assert proc.returncode == 0


def test_completion_review_accept_and_return_through_the_chat_handler(server, people_, db, province, clock):
    from storage.crud import reviews
    from storage.crud import tasks as crud
    from storage.models import CompletionReview, Person

    ids = sample_tasks(db, province)
    pending = {}
    with db.session() as s:
        official = s.exec(select(Person).where(Person.unit_id == province["units"]["stc"])).first()
        for key in ("stc_late", "stc_open"):
            task = s.get(Task, ids[key])
            report = crud.add_report(s, task, official, kind="done", text="Đã ban hành Kế hoạch số 58/KH-STC",
                                     output="Kế hoạch số 58/KH-STC")
            pending[key] = reviews.submit(s, task, official, report, clock.now).id
    head = signed_in(server, people_["head"])
    page = head.get(f"/web/nhiemvu/{ids['stc_open']}").text
    assert "Kế hoạch số 58/KH-STC" in page and f'action="/web/danhgia/{pending["stc_open"]}"' not in page
    refused = head.post(f"/web/danhgia/{pending['stc_open']}", data={"decision": "accept", "csrf": csrf_of(page)})
    assert "văn phòng" in head.get(refused.headers["location"]).text.lower()

    office = signed_in(server, people_["office"])
    page = office.get(f"/web/nhiemvu/{ids['stc_open']}").text
    token = csrf_of(page)
    assert office.post(f"/web/danhgia/{pending['stc_open']}", data={"decision": "accept"}).status_code == 403
    done = office.post(f"/web/danhgia/{pending['stc_open']}", data={"decision": "accept", "csrf": token})
    assert done.status_code == 303
    # A return needs a reason of a few words, as in the chat.
    short = office.post(f"/web/danhgia/{pending['stc_late']}", data={"decision": "return", "csrf": token,
                                                                     "reason": "thiếu"})
    assert short.status_code == 303
    office.post(f"/web/danhgia/{pending['stc_late']}", data={"decision": "return", "csrf": token,
                                                             "reason": "Thiếu phụ lục số liệu từng dự án"})
    with db.session() as s:
        assert s.get(CompletionReview, pending["stc_open"]).status == "accepted"
        returned = s.get(CompletionReview, pending["stc_late"])
        assert returned.status == "returned" and returned.reason == "Thiếu phụ lục số liệu từng dự án"
        assert s.get(Task, ids["stc_open"]).status == "done"
        actors = {a.actor for a in s.exec(select(AuditLog).where(AuditLog.entity == "task"))}
    assert any(actor.startswith("web:") for actor in actors)


# --------------------------------------------------------------------------- at risk, review statuses, columns


def sweep_once(db, clock, task_ids) -> None:
    """One reminder sweep, as the worker runs it, that looks at these tasks now: the
    at-risk policy (reminders.risk) flags them; the desk reads those flags."""
    from conftest import TZ, set_next_look
    from reminders.sweep import ReminderSettings, sweep
    from workcalendar.workdays import WorkCalendar

    for task_id in task_ids:
        set_next_look(db, task_id, clock.now - timedelta(minutes=1))
    sweep(db, clock.now, ReminderSettings(tz=TZ, calendar=WorkCalendar()))


@pytest.fixture
def accountable(db, province, clock):
    """The sample tasks, two more of Sở Tài chính and one of Sở Y tế due within five
    working days without a report (at risk), a completion awaiting review (Sở Tài
    chính), one returned (Sở Y tế), then one sweep."""
    from conftest import add_task
    from storage.crud import reviews
    from storage.crud import tasks as crud
    from storage.models import Person

    ids = sample_tasks(db, province)
    u = province["units"]
    ids["stc_risk"] = add_task(db, u["stc"], "Tổng hợp quyết toán ngân sách quý I", TODAY + timedelta(days=5))
    ids["stc_risk2"] = add_task(db, u["stc"], "Thẩm định phương án giá dịch vụ", TODAY + timedelta(days=6))
    ids["syt_risk"] = add_task(db, u["syt"], "Kiểm tra vệ sinh an toàn thực phẩm", TODAY + timedelta(days=4))
    with db.session() as s:
        for key, unit in (("stc_open", u["stc"]), ("syt_task", u["syt"])):
            person = Person(full_name=f"Cán bộ {key}", unit_id=unit, role="official")
            s.add(person)
            s.flush()
            task = s.get(Task, ids[key])
            report = crud.add_report(s, task, person, kind="done", text="Đã ban hành Kế hoạch số 58/KH",
                                     output="Kế hoạch số 58/KH")
            review = reviews.submit(s, task, person, report, clock.now)
            if key == "syt_task":
                reviews.return_to_unit(s, review, task, person, clock.now, "Thiếu phụ lục số liệu từng huyện")
    sweep_once(db, clock, ids.values())
    return ids


def listed_ids(html: str) -> set[int]:
    import re

    return {int(i) for i in re.findall(r'<tr[^>]*>\s*<td><a href="/web/nhiemvu/(\d+)">', html)}


def unit_cells(html: str) -> dict[str, list[str]]:
    """The overview's table: unit name → its cells' text."""
    import re

    body = html.split('<table id="units"', 1)[1].split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [" ".join(re.sub(r"<[^>]+>", "", c).split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def test_the_at_risk_filter_lists_what_the_sweep_flagged_and_marks_the_rows(server, people_, db, accountable):
    ids = accountable
    with db.session() as s:
        flagged = {t.id for t in s.exec(select(Task).where(Task.at_risk != ""))}
    assert flagged == {ids["sxd_task"], ids["stc_risk"], ids["stc_risk2"], ids["syt_risk"]}
    client = signed_in(server, people_["office"])
    page = client.get("/web/nhiemvu", params={"risk": "1"}).text
    assert listed_ids(page) == flagged and "4 nhiệm vụ" in page
    assert 'name="risk" value="1" id="at-risk" checked' in page
    assert page.count('<tr class="risk">') == 4 and "sắp đến hạn mà chưa có báo cáo tiến độ gần đây" in page
    # Without the filter the same rows carry the mark; the others do not.
    everything = client.get("/web/nhiemvu").text
    assert everything.count('<tr class="risk">') == 4 and listed_ids(everything) == set(ids.values())
    # The task page says it too, with the reasons and since when; a late task is late, not at risk.
    task_page = client.get(f"/web/nhiemvu/{ids['stc_risk']}").text
    assert 'id="task-risk"' in task_page and "từ 14/05/2026" in task_page and "sắp đến hạn" in task_page
    assert 'id="task-risk"' not in client.get(f"/web/nhiemvu/{ids['stc_late']}").text
    # With another filter: both hold.
    one_unit = client.get("/web/nhiemvu", params={"risk": "1", "unit": server_unit(db, "Sở Tài chính")}).text
    assert listed_ids(one_unit) == {ids["stc_risk"], ids["stc_risk2"]}
    # The export of that filter is those tasks, and its at-risk sheet the same ones.
    answer = client.get("/web/nhiemvu.xlsx", params={"risk": "1"})
    wb = load_workbook(io.BytesIO(answer.content))
    assert {row[0] for row in wb["Nhiệm vụ"].iter_rows(min_row=2, values_only=True)} == flagged
    assert {row[0] for row in wb["Nguy cơ chậm"].iter_rows(min_row=2, values_only=True)} == flagged
    with db.session() as s:
        logged = s.exec(select(AuditLog).where(AuditLog.action == "report.export")).one()
    assert logged.detail["filter"]["at_risk"] == "True" and logged.detail["tasks"] == 4


def server_unit(db, name: str) -> int:
    from storage.models import Unit

    with db.session() as s:
        return s.exec(select(Unit.id).where(Unit.name == name)).one()


def test_awaiting_review_and_returned_are_statuses_to_filter_on(server, people_, accountable):
    ids = accountable
    client = signed_in(server, people_["office"])
    form = client.get("/web/nhiemvu").text
    assert '<option value="awaiting_review">Chờ đánh giá</option>' in form
    assert '<option value="returned">Sản phẩm bị trả lại (đang làm lại)</option>' in form
    waiting = client.get("/web/nhiemvu", params={"status": "awaiting_review"}).text
    assert listed_ids(waiting) == {ids["stc_open"]}
    returned = client.get("/web/nhiemvu", params={"status": "returned"}).text
    assert listed_ids(returned) == {ids["syt_task"]} and "Bị trả lại</span>" in returned
    # A returned task is open again: it is among the unfinished ones, the one awaiting review is not.
    unfinished = listed_ids(client.get("/web/nhiemvu", params={"status": "unfinished"}).text)
    assert ids["syt_task"] in unfinished and ids["stc_open"] not in unfinished
    # Anything else asked for is no filter at all.
    assert listed_ids(client.get("/web/nhiemvu", params={"status": "nonsense"}).text) == set(ids.values())


def test_a_head_sees_only_their_unit_under_the_at_risk_filter(server, people_, db, province, accountable):
    ids = accountable
    client = signed_in(server, people_["head"])
    mine = client.get("/web/nhiemvu", params={"risk": "1"}).text
    assert listed_ids(mine) == {ids["stc_risk"], ids["stc_risk2"]}
    # Naming another unit in the address changes nothing.
    other = client.get("/web/nhiemvu", params={"risk": "1", "unit": province["units"]["syt"]}).text
    assert listed_ids(other) == {ids["stc_risk"], ids["stc_risk2"]}
    assert listed_ids(client.get("/web/nhiemvu", params={"status": "returned"}).text) == set()
    assert client.get("/web/nhiemvu.xlsx", params={"risk": "1"}).status_code == 403
    overview = unit_cells(client.get("/web").text)
    assert list(overview) == ["Sở Tài chính"] and overview["Sở Tài chính"][5] == "2"


def test_overview_columns_for_risk_review_coordination_and_monthly_reports(server, people_, db, province,
                                                                          accountable):
    from conftest import add_task

    ids = accountable
    u = province["units"]
    # A standing task of Sở Y tế since March that never reported: April's report (by the 23rd) is missed.
    standing = add_task(db, u["syt"], "Báo cáo tình hình dịch bệnh", None)
    with db.session() as s:
        task = s.get(Task, standing)
        task.created_at = task.created_at.replace(year=2026, month=3, day=1)
        s.add(task)
    client = signed_in(server, people_["office"])
    page = client.get("/web").text
    for label in ("Nguy cơ chậm", "Chờ đánh giá", "Sản phẩm không đạt", "Phối hợp trễ hạn",
                  "Báo cáo không đúng hạn"):
        assert f"{label}</a></th>" in page or f"{label} ▼</a></th>" in page, label
    cells = unit_cells(page)
    # unit, total, open, on time, late, overdue, at risk, extended, awaiting report, rejected,
    # awaiting review, returned, coordination late, monthly missed, kpi
    assert cells["Sở Tài chính"][5:12] == ["2", "0", "3", "0", "1", "0", "0"]
    assert cells["Sở Y tế"][5] == "1" and cells["Sở Y tế"][10] == "1"
    assert cells["Sở Xây dựng"][5] == "1" and cells["Sở Xây dựng"][11] == "1"  # coordinates stc_late, no answer
    assert f'href="/web/nhiemvu?unit={u["stc"]}&amp;risk=1">2</a>' in page
    assert f'href="/web/nhiemvu?unit={u["stc"]}&amp;status=awaiting_review">1</a>' in page
    # Sortable like the others, keeping the period.
    by_risk = client.get("/web", params={"ky": "2026-05", "sort": "at_risk", "dir": "desc"}).text
    assert list(unit_cells(by_risk))[0] == "Sở Tài chính" and "ky=2026-05" in by_risk
    assert list(unit_cells(client.get("/web", params={"sort": "at_risk", "dir": "asc"}).text))[-1] == "Sở Tài chính"
    by_late = client.get("/web", params={"sort": "coordinator_late", "dir": "desc"}).text
    assert list(unit_cells(by_late))[0] == "Sở Xây dựng"
    # April: the monthly report of the standing task was missed.
    april = unit_cells(client.get("/web", params={"ky": "2026-04", "sort": "missed_monthly"}).text)
    assert april["Sở Y tế"][12] == "1" and list(april)[0] == "Sở Y tế"
    assert ids  # the fixture's tasks are the month's


# --- dates typed dd/mm/yyyy whatever the browser's language ---------------------------------------

def date_box(html: str, name: str) -> str:
    """The <input> of a date box, by its name."""
    import re

    found = re.search(rf'<input type="text" name="{name}"[^>]*>', html)
    assert found, name
    return found.group(0)


def box_value(html: str, name: str) -> str:
    import html as html_lib
    import re

    found = re.search(r'value="([^"]*)"', date_box(html, name))
    return html_lib.unescape(found.group(1)) if found else ""


@pytest.mark.parametrize(("typed", "day"), [
    ("19/05/2026", date(2026, 5, 19)), ("19/5/2026", date(2026, 5, 19)), ("9/5/2026", date(2026, 5, 9)),
    ("19-05-2026", date(2026, 5, 19)), ("19.05.2026", date(2026, 5, 19)), (" 19/05/2026 ", date(2026, 5, 19)),
    ("05/06/2026", date(2026, 6, 5)),  # 5 June, never 6 May
    ("2026-05-19", date(2026, 5, 19)), ("20260519", date(2026, 5, 19)),  # ISO: links, bookmarks
    ("19052026", date(2026, 5, 19)),  # a phone's digit pad has no "/"
    ("", None), (None, None),
    ("31/02/2026", "bad"), ("29/02/2026", "bad"), ("abc", "bad"), ("2026-13-01", "bad"), ("19/05/26", "bad"),
    ("32/05/2026", "bad"), ("31022026", "bad"), ("19/05/1026", "bad"), ("19/05/2026 15:00", "bad"), ("1" * 60, "bad"),
])
def test_reading_a_date_box(typed, day):
    from bot.web.dates import DateError, read_day

    found = read_day(typed)
    if day == "bad":
        assert isinstance(found, DateError) and found.key == "web.dates_bad_day"
        assert found.typed == typed.strip()[:40]
    else:
        assert found == day


@pytest.mark.parametrize(("typed", "month"), [
    ("05/2026", (2026, 5)), ("5/2026", (2026, 5)), ("05-2026", (2026, 5)), ("05.2026", (2026, 5)),
    ("tháng 5/2026", (2026, 5)), ("2026-05", (2026, 5)), ("052026", (2026, 5)), ("", None),
    ("13/2026", "bad"), ("2026-13", "bad"), ("00/2026", "bad"), ("5/1999", "bad"), ("abc", "bad"),
    ("19/05/2026", "bad"), ("132026", "bad"),
])
def test_reading_a_month_box(typed, month):
    from bot.web.dates import DateError, read_month
    from office.period import Period

    found = read_month(typed, TODAY)
    if month == "bad":
        assert isinstance(found, DateError) and found.key == "web.dates_bad_month" and found.typed == typed
    else:
        assert found == (Period.month(*month) if month else None)


def test_task_filter_reads_dd_mm_yyyy_and_still_iso(server, people_, db, province):
    ids = sample_tasks(db, province)
    client = signed_in(server, people_["office"])
    page = client.get("/web/nhiemvu").text
    assert 'type="date"' not in page and 'type="month"' not in page
    box = date_box(page, "from")
    assert 'inputmode="numeric"' in box and 'placeholder="dd/mm/yyyy"' in box and "pattern=" in box
    for start, end in (("01/05/2026", "21/05/2026"), ("1/5/2026", "21.05.2026"), ("01-05-2026", "21/5/2026"),
                       ("01052026", "21052026"), ("2026-05-01", "2026-05-21")):  # the last: links and bookmarks from before
        answer = client.get("/web/nhiemvu", params={"from": start, "to": end})
        assert answer.status_code == 200, (start, end)
        assert "2 nhiệm vụ" in answer.text and f"/web/nhiemvu/{ids['stc_late']}" in answer.text
        # Shown back dd/mm/yyyy, whichever way it was typed.
        assert box_value(answer.text, "from") == "01/05/2026" and box_value(answer.text, "to") == "21/05/2026"
    # dd/mm, never mm/dd: 05/06/2026 is 5 June, so all four (due 4 to 28 May); read as 6 May, one.
    june = client.get("/web/nhiemvu", params={"from": "01/05/2026", "to": "05/06/2026"}).text
    assert "4 nhiệm vụ" in june and box_value(june, "to") == "05/06/2026"
    export = client.get("/web/nhiemvu.xlsx", params={"from": "01/05/2026", "to": "21/05/2026"})
    assert export.status_code == 200 and "nhacviec-20260501-20260521.xlsx" in export.headers["content-disposition"]


@pytest.mark.parametrize("typed", ["31/02/2026", "abc", "2026-13-01", "19/05/26", "1" * 60])
def test_an_unreadable_due_date_gives_the_page_again_with_why(server, people_, db, province, typed):
    sample_tasks(db, province)
    client = signed_in(server, people_["office"])
    answer = client.get("/web/nhiemvu", params={"unit": province["units"]["stc"], "q": "ngân sách",
                                                "from": typed, "to": "31/05/2026"})
    assert answer.status_code == 400 and "Traceback" not in answer.text
    page = answer.text
    assert f"Ngày không hợp lệ: “{typed[:40]}”" in page and "ví dụ 19/05/2026" in page
    assert 'aria-invalid="true"' in date_box(page, "from") and box_value(page, "from") == typed[:40]
    # The other filters are kept, and applied.
    assert box_value(page, "to") == "31/05/2026" and 'value="ngân sách"' in page
    assert f'<option value="{province["units"]["stc"]}" selected>' in page
    assert "1 nhiệm vụ" in page and "Báo cáo tình hình thu ngân sách" in page
    # The workbook of that filter is not made of some other one.
    export = client.get("/web/nhiemvu.xlsx", params={"from": typed})
    assert export.status_code == 400 and "Ngày không hợp lệ" in export.text


def test_overview_range_and_month_read_dd_mm_yyyy_and_still_iso(server, people_, db, province):
    sample_tasks(db, province)
    client = signed_in(server, people_["office"])
    page = client.get("/web").text
    assert box_value(page, "ky") == "05/2026" and 'placeholder="mm/yyyy"' in date_box(page, "ky")
    iso_month = unit_cells(client.get("/web", params={"ky": "2026-05"}).text)
    for typed in ("05/2026", "5/2026", "05-2026", "05.2026"):
        answer = client.get("/web", params={"ky": typed})
        assert answer.status_code == 200 and unit_cells(answer.text) == iso_month, typed
        assert box_value(answer.text, "ky") == "05/2026"
    april = client.get("/web", params={"ky": "04/2026"}).text
    assert "tháng 04/2026" in april and box_value(april, "ky") == "04/2026"
    iso_range = client.get("/web", params={"tu": "2026-05-01", "den": "2026-05-15"})
    ranged = client.get("/web", params={"tu": "01/05/2026", "den": "15/5/2026"})
    assert ranged.status_code == 200 and unit_cells(ranged.text) == unit_cells(iso_range.text)
    assert "01/05/2026" in ranged.text.split("</h1>")[0] and "15/05/2026" in ranged.text.split("</h1>")[0]
    assert box_value(ranged.text, "tu") == "01/05/2026" and box_value(ranged.text, "den") == "15/05/2026"
    assert box_value(ranged.text, "ky") == ""
    # The desk's own links keep ISO, and read back the same period.
    assert "tu=2026-05-01&amp;den=2026-05-15" in ranged.text
    late = client.get("/web/phoihop", params={"tu": "01/05/2026", "den": "15/05/2026"})
    assert late.status_code == 200 and "Sở Xây dựng" in late.text
    assert client.get("/web/baocao", params={"ky": "05/2026"}).status_code == 200
    chart = client.get("/web/bieudo.png", params={"ky": "05/2026"})
    assert chart.status_code == 200 and chart.content[:4] == b"\x89PNG"


@pytest.mark.parametrize(("params", "field", "message"), [
    ({"tu": "31/02/2026", "den": "15/05/2026"}, "tu", "Ngày không hợp lệ: “31/02/2026”"),
    ({"tu": "01/05/2026", "den": "abc"}, "den", "Ngày không hợp lệ: “abc”"),
    ({"tu": "2026-13-01", "den": "15/05/2026"}, "tu", "Ngày không hợp lệ: “2026-13-01”"),
    ({"ky": "13/2026"}, "ky", "Tháng không hợp lệ: “13/2026”"),
    ({"ky": "2026-13"}, "ky", "Tháng không hợp lệ: “2026-13”"),
    ({"ky": "tháng năm"}, "ky", "Tháng không hợp lệ: “tháng năm”"),
])
def test_an_unreadable_period_gives_the_page_again_with_why(server, people_, db, province, params, field, message):
    sample_tasks(db, province)
    client = signed_in(server, people_["office"])
    for path in ("/web", "/web/phoihop", "/web/baocao"):
        answer = client.get(path, params={**params, "sort": "unit"})
        assert answer.status_code == 400 and "Traceback" not in answer.text, path
        assert message in answer.text and 'aria-invalid="true"' in date_box(answer.text, field)
        assert box_value(answer.text, field) == params[field]
        for other, value in params.items():  # what could be read stays in its box
            if other != field:
                assert box_value(answer.text, other) == value
    sorted_page = client.get("/web", params={**params, "sort": "unit", "dir": "asc"}).text
    cells = list(unit_cells(sorted_page))
    assert cells == sorted(cells)  # the sort asked is kept


def test_an_english_reader_gets_the_date_message_in_english(server, people_):
    people_["office"].say("/lang en")
    client = signed_in(server, people_["office"])
    answer = client.get("/web/nhiemvu", params={"from": "31/02/2026"})
    assert answer.status_code == 400 and "Invalid date: “31/02/2026”" in answer.text
    assert 'placeholder="dd/mm/yyyy"' in date_box(answer.text, "from")
    assert "Invalid month: “13/2026”" in client.get("/web", params={"ky": "13/2026"}).text


def _pending_extension(db, task_id: int) -> int:
    with db.session() as s:
        task = s.get(Task, task_id)
        req = ExtensionRequest(task_id=task.id, person_id=1, unit_id=task.lead_unit_id,
                               current_deadline=task.deadline, requested_deadline=TODAY + timedelta(days=10),
                               reason="Chờ ý kiến Bộ Tài chính")
        s.add(req)
        s.flush()
        return req.id


def test_the_approval_date_reads_dd_mm_yyyy(server, people_, db, province):
    ids = sample_tasks(db, province)
    req_id = _pending_extension(db, ids["stc_late"])
    client = signed_in(server, people_["office"])
    page = client.get(f"/web/nhiemvu/{ids['stc_late']}").text
    assert box_value(page, "date") == "24/05/2026" and 'type="date"' not in page  # the date asked
    done = client.post(f"/web/giahan/{req_id}", data={"decision": "approve", "csrf": csrf_of(page),
                                                      "date": "22/5/2026"})
    assert done.status_code == 303
    assert "22/05/2026" in client.get(done.headers["location"]).text
    with db.session() as s:
        assert s.get(ExtensionRequest, req_id).status == "approved"
        assert s.get(Task, ids["stc_late"]).deadline == TODAY.replace(day=22)
        assert s.exec(select(AuditLog).where(AuditLog.action == "extension.approve")).one().actor.startswith("web:")


@pytest.mark.parametrize("typed", ["31/02/2026", "abc", "2026-13-01"])
def test_an_unreadable_approval_date_decides_nothing_and_says_why(server, people_, db, province, typed):
    ids = sample_tasks(db, province)
    req_id = _pending_extension(db, ids["stc_late"])
    client = signed_in(server, people_["office"])
    token = csrf_of(client.get(f"/web/nhiemvu/{ids['stc_late']}").text)
    # Without the form's token it is refused first, as any form (403), whatever the date.
    assert client.post(f"/web/giahan/{req_id}", data={"decision": "approve", "date": typed}).status_code == 403
    answer = client.post(f"/web/giahan/{req_id}", data={"decision": "approve", "csrf": token, "date": typed})
    assert answer.status_code == 400 and "Traceback" not in answer.text
    page = answer.text
    form = page.split(f'id="approve-{req_id}"', 1)[1].split("</form>", 1)[0]
    assert f"Ngày không hợp lệ: “{typed}”" in form and box_value(form, "date") == typed
    assert f'id="reject-{req_id}"' in page and "Rà soát giải ngân vốn đầu tư công" in page  # the whole page
    with db.session() as s:
        assert s.get(ExtensionRequest, req_id).status == "pending"
        assert s.get(Task, ids["stc_late"]).deadline == TODAY.replace(day=4)
        assert not s.exec(select(AuditLog).where(AuditLog.action.like("extension.%"))).all()
        assert not s.exec(select(Outbox).where(Outbox.kind == "extension")).all()
    # Corrected, it goes through.
    done = client.post(f"/web/giahan/{req_id}", data={"decision": "approve", "csrf": csrf_of(page),
                                                      "date": "24/05/2026"})
    assert done.status_code == 303
    with db.session() as s:
        assert s.get(ExtensionRequest, req_id).status == "approved"
