"""The web desk in a real browser: headless Chromium (Debian's chromium and
chromium-driver, installed by .ci/run) driven through Selenium, against the desk on a
real uvicorn, with the demo's sample province.

Sign-in from the link the real /web command answers in the chat, the overview,
filtering the task list, a task page, the Excel export downloaded by the browser (and
opened with openpyxl), an extension approved with the page's form, and a head's
narrower view. Screenshots of the main pages go to build/screenshots/ (or
$SCREENSHOT_DIR), which the README names."""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import select
from webdesk import DeskServer, invite, link_of

from bot.demo import seed
from conftest import TODAY, TZ, Chat, set_next_look
from reminders.sweep import ReminderSettings, sweep
from storage.crud import tasks as crud
from storage.crud.accountability import is_at_risk
from storage.models import ExtensionRequest, Person, Task, TaskCoordinator, Unit
from workcalendar.workdays import WorkCalendar

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "build" / "screenshots")
# Without these Chromium waits on the network (updates, sync, QUIC probes) on a machine without one.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1366,1000"]

pytestmark = pytest.mark.skipif(
    not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)),
    reason=f"needs Chromium and chromedriver ({CHROMIUM}, {CHROMEDRIVER}): apt-get install chromium chromium-driver")


@contextmanager
def chromium(lang: str, accept: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="nhacviec-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which(CHROMIUM)
    for flag in FLAGS + [f"--lang={lang}", f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.prompt_for_download": False,
                                              "intl.accept_languages": accept})
    driver = webdriver.Chrome(service=Service(shutil.which(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    with chromium("vi", "vi,en") as driver:
        yield driver


@pytest.fixture
def province_demo(db, clock):
    """The demo's province (bot/samples), the console chat bound to its office person;
    its first task has a report sent back, an accepted one and a pending extension
    request (the demo's history). Then one reminder sweep, as `nhacviec demo` runs:
    the tasks near their deadline without a report, blocked, or waiting on a
    coordinator are flagged 🟠 at risk (reminders.risk)."""
    with db.session() as s:
        seed(s, TODAY, role="office")
        tasks = s.exec(select(Task).order_by(Task.id)).all()
        first = tasks[0]
        official = s.exec(select(Person).where(Person.unit_id == first.lead_unit_id)).first()
        # The demo's history: a report sent back, the accepted one, a pending request.
        req = s.exec(select(ExtensionRequest).where(ExtensionRequest.status == "pending",
                                                    ExtensionRequest.task_id == first.id)).one()
        # Some finished work, so the overview's numbers and chart have something to show.
        for task, day in zip(tasks[1:4], (TODAY, TODAY + timedelta(days=30), TODAY), strict=True):
            if task.deadline is not None and task.recurrence is None:
                lead = s.exec(select(Person).where(Person.unit_id == task.lead_unit_id)).first() or official
                crud.set_status(s, task, "done", lead, day, output="Văn bản đã ban hành")
        found = {"task_id": first.id, "action": first.action, "request_id": req.id,
                 "lead_unit_id": first.lead_unit_id}
        task_ids = [task.id for task in tasks]
    for task_id in task_ids:  # looked at now (the queue holds the wall clock's time)
        set_next_look(db, task_id, clock.now - timedelta(minutes=1))
    sweep(db, clock.now, ReminderSettings(tz=TZ, calendar=WorkCalendar()))
    with db.session() as s:
        found["at_risk"] = set(s.exec(select(Task.id).where(is_at_risk())))
    assert found["at_risk"], "the demo's province has tasks at risk"
    return found


@pytest.fixture
def desk(db, clock, assistant, browser):
    server = DeskServer(db, clock, assistant)
    browser.delete_all_cookies()
    yield server
    server.stop()


def shot(browser, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1366, min(max(height, 700), 4000))
    browser.save_screenshot(str(SHOTS / f"{name}.png"))
    browser.set_window_size(1366, 1000)


def open_link(browser, link: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(link)
    browser.find_element(By.ID, "sign-in").click()
    wait_for(lambda: browser.current_url.endswith("/web"))


def type_date(browser, name: str, text: str, within=None) -> None:
    """Types into a date box as a person would (it is text: dd/mm/yyyy whatever the browser's language)."""
    from selenium.webdriver.common.by import By

    box = (within or browser).find_element(By.NAME, name)
    assert box.get_attribute("type") == "text" and box.get_attribute("inputmode") == "numeric"
    box.clear()
    box.send_keys(text)


def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


def _downloaded(folder):
    """The .xlsx the browser finished saving, or None: Chromium may create the file empty before it writes
    the download (to a .crdownload beside it) and moves it into place."""
    files = list(folder.iterdir())
    if any(p.suffix == ".crdownload" for p in files):
        return None
    return next((p for p in files if p.suffix == ".xlsx" and p.stat().st_size > 0), None)


def test_office_signs_in_filters_opens_a_task_exports_and_approves(browser, desk, assistant, db, province_demo,
                                                                   tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    office = Chat(assistant, "console", "Lê Minh Châu")
    open_link(browser, link_of(office))
    assert "Tổng quan" in browser.title
    units = browser.find_element(By.ID, "units").text
    assert "Sở Tài chính" in units
    header = browser.find_element(By.CSS_SELECTOR, "#units thead").text
    for column in ("Nguy cơ chậm", "Chờ đánh giá", "Sản phẩm không đạt", "Phối hợp trễ hạn",
                   "Báo cáo không đúng hạn"):
        assert column in header, column
    assert browser.find_element(By.CSS_SELECTOR, "#tile-at-risk b").text == str(len(province_demo["at_risk"]))
    shot(browser, "tong-quan")
    # Sorted by the at-risk column: the unit with most tasks at risk first.
    browser.find_element(By.CSS_SELECTOR, "#units thead a[href*='sort=at_risk']").click()
    wait_for(lambda: "sort=at_risk" in browser.current_url)
    first_row = browser.find_elements(By.CSS_SELECTOR, "#units tbody tr")[0].find_elements(By.TAG_NAME, "td")
    with db.session() as s:
        most = max(sum(1 for t in province_demo["at_risk"] if s.get(Task, t).lead_unit_id == u)
                   for u in {s.get(Task, t).lead_unit_id for t in province_demo["at_risk"]})
    assert first_row[6].text == str(most)

    # Filter: the lead unit of the task with the extension request, unfinished.
    browser.find_element(By.LINK_TEXT, "Nhiệm vụ").click()
    with db.session() as s:
        unit_name = s.get(Unit, province_demo["lead_unit_id"]).name
    Select(browser.find_element(By.NAME, "unit")).select_by_visible_text(unit_name)
    Select(browser.find_element(By.NAME, "status")).select_by_value("unfinished")
    # Due within 2026, typed dd/mm/yyyy. Not a date at all: the browser holds the form (the box's pattern).
    type_date(browser, "from", "abc")
    browser.find_element(By.ID, "apply-filter").click()
    assert browser.find_elements(By.CSS_SELECTOR, "input[name=from]:invalid") and "from=" not in browser.current_url
    # An impossible date gets to the server, which says why next to its box.
    type_date(browser, "from", "31/02/2026")
    type_date(browser, "to", "31/12/2026")
    browser.find_element(By.ID, "apply-filter").click()
    wait_for(lambda: browser.find_elements(By.ID, "date-from-error"))
    assert "Ngày không hợp lệ: “31/02/2026”" in browser.find_element(By.ID, "date-from-error").text
    assert browser.find_element(By.NAME, "to").get_attribute("value") == "31/12/2026"  # the rest kept
    assert Select(browser.find_element(By.NAME, "unit")).first_selected_option.text == unit_name
    shot(browser, "nhiem-vu-ngay-sai")
    type_date(browser, "from", "1/1/2026")
    browser.find_element(By.ID, "apply-filter").click()
    wait_for(lambda: not browser.find_elements(By.ID, "date-from-error"))
    assert "from=1%2F1%2F2026" in browser.current_url and "unit=" in browser.current_url
    assert browser.find_element(By.NAME, "from").get_attribute("value") == "01/01/2026"
    rows = browser.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")
    assert rows and all(unit_name in row.text for row in rows)
    assert all("/2026" in row.find_elements(By.TAG_NAME, "td")[4].text for row in rows)
    shot(browser, "nhiem-vu")


    # The export of this filter, downloaded by the browser.
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.find_element(By.ID, "export").click()
    wait_for(lambda: _downloaded(downloads) is not None)
    book = load_workbook(_downloaded(downloads))
    leads = {row[2] for row in book["Nhiệm vụ"].iter_rows(min_row=2, values_only=True)}
    assert leads == {unit_name} and book["Nhiệm vụ"].max_row - 1 == len(rows)

    # The task page: history, the report sent back, the pending request.
    browser.find_element(By.CSS_SELECTOR, f"#tasks a[href='/web/nhiemvu/{province_demo['task_id']}']").click()
    assert province_demo["action"][:40] in browser.find_element(By.ID, "task-action").text
    reports = browser.find_element(By.ID, "reports").text
    assert "Bị trả lại" in reports and "Đã rà soát 12/15 dự án" in reports
    shot(browser, "nhiem-vu-chi-tiet")

    # Approve the extension with the form (the chat's handler behind it): the date asked is in
    # its box, dd/mm/yyyy; typed wrong, the page says why and nothing is decided.
    form = browser.find_element(By.ID, f"approve-{province_demo['request_id']}")
    assert form.find_element(By.NAME, "date").get_attribute("value") == "24/05/2026"
    type_date(browser, "date", "32/05/2026", within=form)
    form.find_element(By.CSS_SELECTOR, "button").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "label.invalid"))
    assert "Ngày không hợp lệ: “32/05/2026”" in browser.find_element(By.CSS_SELECTOR, "label.invalid").text
    with db.session() as s:
        assert s.get(ExtensionRequest, province_demo["request_id"]).status == "pending"
    form = browser.find_element(By.ID, f"approve-{province_demo['request_id']}")
    type_date(browser, "date", "24/05/2026", within=form)
    form.find_element(By.CSS_SELECTOR, "button").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".flash"))
    assert "24/05/2026" in browser.find_element(By.ID, "task-deadline").text
    assert "đã đồng ý" in browser.find_element(By.ID, f"extension-{province_demo['request_id']}").text
    with db.session() as s:
        assert s.get(ExtensionRequest, province_demo["request_id"]).status == "approved"

    # Only those at risk (the checkbox), of every unit: the sweep's flags, each row marked.
    browser.find_element(By.LINK_TEXT, "Nhiệm vụ").click()
    browser.find_element(By.ID, "at-risk").click()
    browser.find_element(By.ID, "apply-filter").click()
    wait_for(lambda: "risk=1" in browser.current_url)
    with db.session() as s:
        at_risk = set(s.exec(select(Task.id).where(is_at_risk())))
    risky = browser.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")
    shown = {int(row.find_element(By.TAG_NAME, "td").text) for row in risky}
    assert shown == at_risk and all("Nguy cơ chậm" in row.text for row in risky)
    shot(browser, "nhiem-vu-nguy-co")

    for path, name in (("/web/vanban", "van-ban"), ("/web/baocao", "bao-cao-dinh-ky")):
        browser.get(desk.url + path)
        assert browser.find_elements(By.TAG_NAME, "h1")
        shot(browser, name)

    browser.find_element(By.ID, "sign-out").click()
    browser.get(desk.url + "/web")
    assert "Chưa đăng nhập" in browser.page_source


def test_a_head_sees_their_unit_and_another_units_task_is_missing(browser, desk, assistant, db, province_demo):
    from selenium.webdriver.common.by import By

    with db.session() as s:
        stc = s.exec(select(Unit).where(Unit.name == "Sở Tài chính")).one()
        coordinated = select(TaskCoordinator.task_id).where(TaskCoordinator.unit_id == stc.id)
        other = s.exec(select(Task).where(Task.lead_unit_id != stc.id, Task.id.not_in(coordinated))).first()
    head = Chat(assistant, "head-stc", "Trần Thị Bình")
    head.say(f"/start {invite(db, stc.id, 'head')}")
    open_link(browser, link_of(head))
    table = browser.find_element(By.ID, "units").text
    assert "Sở Tài chính" in table and "Sở Xây dựng" not in table
    browser.get(f"{desk.url}/web/nhiemvu/{other.id}")
    assert "Không tìm thấy" in browser.page_source
    browser.set_window_size(390, 844)  # a phone
    browser.get(desk.url + "/web/nhiemvu")
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "dien-thoai-lanh-dao.png"))
    browser.set_window_size(1366, 1000)


def test_an_english_chrome_still_reads_and_shows_dd_mm_yyyy(desk, assistant, db, province_demo):
    """Most office PCs run an English Chrome, whose date pickers show mm/dd/yyyy: the desk's
    boxes are its own, so 05/06/2026 is 5 June there too."""
    from selenium.webdriver.common.by import By

    office = Chat(assistant, "console", "Lê Minh Châu")
    with chromium("en-US", "en-US,en") as english:
        open_link(english, link_of(office))
        english.get(desk.url + "/web/nhiemvu")
        type_date(english, "from", "01/05/2026")
        type_date(english, "to", "05/06/2026")
        assert english.find_element(By.NAME, "from").get_attribute("placeholder") == "dd/mm/yyyy"
        english.find_element(By.ID, "apply-filter").click()
        wait_for(lambda: "from=" in english.current_url)
        assert english.find_element(By.NAME, "to").get_attribute("value") == "05/06/2026"
        with db.session() as s:
            due = s.exec(select(Task).where(Task.deadline >= TODAY.replace(day=1),
                                            Task.deadline <= TODAY.replace(month=6, day=5))).all()
        assert due and english.find_element(By.ID, "task-count").text.startswith(f"{len(due)} ")
        english.get(desk.url + "/web")
        type_date(english, "ky", "04/2026")
        english.find_element(By.CSS_SELECTOR, "#period-form button").click()
        wait_for(lambda: "ky=" in english.current_url)
        assert "04/2026" in english.find_element(By.TAG_NAME, "h1").text
        assert english.find_element(By.NAME, "ky").get_attribute("value") == "04/2026"
