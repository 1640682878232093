"""The admin CLI as a user runs it: a subprocess with DATABASE_URL in the environment."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

import pytest
from sqlmodel import select

from helpers import REPO, nhacviec
from storage.db import Database
from storage.models import Invitation, Task, TaskCoordinator, Unit


@pytest.fixture
def units_csv(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("name,aliases,parent\n"
                    "Sở Tài chính,STC;Sở TC,UBND tỉnh\n"
                    "Sở Xây dựng,SXD,UBND tỉnh\n"
                    "UBND tỉnh,Ủy ban nhân dân tỉnh,\n", encoding="utf-8")
    return path


def test_units_invite_task_roundtrip(database_url, units_csv):
    r = nhacviec("units", "import", str(units_csv), url=database_url)
    assert r.returncode == 0, r.stderr
    assert "3 mới" in r.stdout
    again = nhacviec("units", "import", str(units_csv), url=database_url)
    assert "0 mới" in again.stdout  # idempotent
    listing = nhacviec("units", "list", url=database_url)
    assert "Sở Tài chính" in listing.stdout and "STC" in listing.stdout

    inv = nhacviec("invite", "create", "--unit", "stc", "--role", "official", "--expires-days", "3", url=database_url)
    assert inv.returncode == 0, inv.stderr
    code = inv.stdout.strip().splitlines()[-1]
    assert len(code) == 10 and code.isalnum()

    due = date.today() + timedelta(days=40)
    task = nhacviec("task", "add", "--lead", "Sở Tài chính", "--coordinator", "SXD", "--deadline", due.isoformat(),
                    "--directive", "Thông báo 123/TB-UBND", "Rà soát tình hình giải ngân", url=database_url)
    assert task.returncode == 0, task.stderr
    task_id = int(task.stdout.strip().splitlines()[-1])
    monthly = nhacviec("task", "add", "--lead", "Sở Xây dựng", "--recurrence", "monthly:23",
                       "Báo cáo tình hình thực hiện", url=database_url)
    assert monthly.returncode == 0, monthly.stderr

    db = Database(database_url)
    with db.session() as s:
        stc = s.exec(select(Unit).where(Unit.name == "Sở Tài chính")).one()
        assert s.get(Unit, stc.parent_id).name == "UBND tỉnh"
        t = s.get(Task, task_id)
        assert t.lead_unit_id == stc.id and t.deadline == due
        assert len(s.exec(select(TaskCoordinator)).all()) == 1
        assert s.exec(select(Invitation).where(Invitation.code == code)).one().role == "official"
        recurring = s.exec(select(Task).where(Task.recurrence == "monthly:23")).one()
        assert recurring.deadline.day == 23
    db.dispose()


@pytest.mark.parametrize("args, message", [
    (("task", "add", "--lead", "Sở Không Có", "--deadline", "2026-05-15", "x"), "Không tìm thấy đơn vị"),
    (("task", "add", "--lead", "Sở Tài chính", "--deadline", "15/15/2026", "x"), "Ngày không hợp lệ"),
    (("task", "add", "--lead", "Sở Tài chính", "--deadline", "2020-01-01", "x"), "Hạn 01/01/2020 đã qua"),
    (("task", "add", "--lead", "Sở Tài chính", "--recurrence", "hourly", "x"), "Chu kỳ không hợp lệ"),
    (("invite", "create", "--unit", "Sở Không Có", "--role", "official"), "Không tìm thấy đơn vị"),
    (("units", "import", "/khong/co/tep.csv"), "Không tìm thấy tệp"),
    (("run",), "TELEGRAM_BOT_TOKEN"),
])
def test_cli_errors_are_clear_and_exit_2(database_url, units_csv, args, message):
    nhacviec("units", "import", str(units_csv), url=database_url)
    r = nhacviec(*args, url=database_url)
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr


def test_demo_runs_without_token_or_network(tmp_path):
    script = "/nhiemvu\n1\n/huy\n/nhiemvu 1\n/lang en\n/nhiemvu\n/thoat\n"
    r = nhacviec("demo", "--database", str(tmp_path / "demo.db"), url="sqlite:///unused.db", stdin=script)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Nhắc Việc — chế độ demo" in out
    assert "Nhiệm vụ của Sở Tài chính" in out and "QUÁ HẠN 4 ngày" in out and "HÔM NAY" in out
    assert "[1] 1. ✅ Xong" in out  # buttons are numbered
    assert "sản phẩm đầu ra" in out  # pressing [1] started the "Xong" dialogue
    assert "Đã hủy" in out
    assert "Tasks of Sở Tài chính" in out
    assert "Traceback" not in r.stderr


def test_demo_never_deletes_a_real_database(tmp_path):
    """`demo --database nhacviec.db` pointed at a real database refuses and leaves it whole."""
    real = tmp_path / "nhacviec.db"
    db = Database(f"sqlite:///{real}")
    db.upgrade()
    with db.session() as s:
        s.add(Unit(name="Sở Tài chính"))
    db.dispose()
    before = real.read_bytes()
    r = nhacviec("demo", "--database", str(real), url="sqlite:///unused.db", stdin="/thoat\n")
    assert r.returncode == 2 and "không phải cơ sở dữ liệu demo" in r.stderr and "Traceback" not in r.stderr
    assert real.read_bytes() == before
    other = tmp_path / "notes.txt"
    other.write_text("ghi chú", encoding="utf-8")
    r = nhacviec("demo", "--database", str(other), url="sqlite:///unused.db", stdin="/thoat\n")
    assert r.returncode == 2 and other.read_text(encoding="utf-8") == "ghi chú"


def test_demo_database_is_kept_and_refreshed(tmp_path):
    path = tmp_path / "demo.db"
    for _ in range(2):  # the second run replaces the first run's demo database
        r = nhacviec("demo", "--database", str(path), url="sqlite:///unused.db", stdin="/thoat\n")
        assert r.returncode == 0, r.stderr
        assert "giữ lại sau khi thoát" in r.stdout
    assert path.exists()
    db = Database(f"sqlite:///{path}")
    with db.session() as s:
        assert len(s.exec(select(Unit).where(Unit.name == "Sở Tài chính")).all()) == 1
    db.dispose()


def test_demo_without_database_leaves_no_file(tmp_path):
    env_tmp = tmp_path / "tmp"
    env_tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(env_tmp), "TELEGRAM_BOT_TOKEN": ""}
    r = subprocess.run([sys.executable, "-m", "bot.cli", "demo"], input="/nhiemvu\n/thoat\n", capture_output=True,
                       text=True, env=env, timeout=60, cwd=REPO)
    assert r.returncode == 0, r.stderr
    assert "xóa khi thoát" in r.stdout
    assert list(env_tmp.iterdir()) == []


def test_report_for_may_leaves_out_undated_tasks_created_later(database_url, units_csv, tmp_path):
    """Issue 21 item 5: `report --xlsx --from 2026-05-01 --to 2026-05-31 --unit …` counted
    undated tasks created in December ("Tổng số 3" where 1 is right)."""
    import openpyxl

    nhacviec("units", "import", str(units_csv), url=database_url)
    db = Database(database_url)
    db.upgrade()
    from datetime import UTC, datetime

    from storage.crud import tasks as crud
    from storage.crud import units
    with db.session() as s:
        stc = units.find_unit(s, "Sở Tài chính")
        may = crud.add_task(s, lead=stc, action="Rà soát giải ngân tháng 5", deadline=date(2026, 5, 20),
                            today=date(2026, 5, 1))
        may.created_at = datetime(2026, 5, 1, 2, tzinfo=UTC)
        s.add(may)
        for action in ("Theo dõi công tác phòng dịch", "Tham mưu kế hoạch chuyển đổi số"):
            late = crud.add_task(s, lead=stc, action=action, today=date(2026, 12, 4))
            late.created_at = datetime(2026, 12, 4, 2, tzinfo=UTC)
            s.add(late)
    db.dispose()
    out = tmp_path / "thang5.xlsx"
    r = nhacviec("report", "--xlsx", str(out), "--from", "2026-05-01", "--to", "2026-05-31", "--unit",
                 "Sở Tài chính", "--today", "2026-12-04", url=database_url)
    assert r.returncode == 0, r.stderr
    rows = list(openpyxl.load_workbook(out)["Nhiệm vụ"].iter_rows(values_only=True))
    actions = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert "Rà soát giải ngân tháng 5" in actions
    assert not any("phòng dịch" in a or "chuyển đổi số" in a for a in actions)
    text = nhacviec("report", "--from", "01/05/2026", "--to", "31/05/2026", "--unit", "Sở Tài chính",
                    "--today", "2026-12-04", url=database_url)
    assert text.returncode == 0, text.stderr


@pytest.mark.parametrize("env, args, message", [
    ({"DATABASE_URL": "notaurl"}, ("units", "list"), "DATABASE_URL “notaurl” không đọc được"),
    ({"DATABASE_URL": "postgresql+psycopg://u:bimat123@127.0.0.1:1/nhacviec"}, ("units", "list"),
     "Không kết nối được PostgreSQL tại 127.0.0.1:1/nhacviec"),
    ({"DATABASE_URL": "sqlite:////khong/co/thu/muc/nhacviec.db"}, ("db", "upgrade"),
     "Thư mục /khong/co/thu/muc của cơ sở dữ liệu SQLite"),
    ({"REMINDER_HOUR": "abc"}, ("units", "list"), "REMINDER_HOUR=“abc” không hợp lệ: cần một giờ từ 0 đến 23"),
    ({"REMINDER_HOUR": "abc"}, ("demo",), "REMINDER_HOUR=“abc”"),
    ({"OUTBOX_LEASE_SECONDS": "0"}, ("units", "list"), "OUTBOX_LEASE_SECONDS"),
    ({"QUIET_HOURS": "abc", "TELEGRAM_BOT_TOKEN": "1:x"}, ("run",), "Cấu hình nhắc việc không hợp lệ"),
    ({"DATABASE_URL": "postgresql+psycopg://u:bimat123@127.0.0.1:1/nhacviec", "TELEGRAM_BOT_TOKEN": "1:x",
      "WEBHOOK_SECRET": "abcdefghij"}, ("serve",), "Không kết nối được PostgreSQL"),
])
def test_every_bad_setting_is_one_friendly_message(tmp_path, env, args, message):
    """Issue 21 item 8: no traceback for a wrong setting, a short message and exit 2."""
    full = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "TELEGRAM_BOT_TOKEN": "", **env}
    r = subprocess.run([sys.executable, "-m", "bot.cli", *args], input="/thoat\n", capture_output=True, text=True,
                       env=full, timeout=60, cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) <= 2
    assert "bimat123" not in r.stderr  # a password never printed


def test_office_demo_has_something_on_every_screen(tmp_path):
    """Issue 21 item 10: a pending extension, a blocked task, a report sent back, a late coordinator."""
    script = "/giahan\n/tonghop\n/nhiemvu 3\n/thoat\n"
    r = nhacviec("demo", "--office", "--database", str(tmp_path / "demo.db"), url="sqlite:///unused.db",
                 stdin=script)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Có 2 đề nghị gia hạn" in out and "[1] ✅ Đồng ý" in out
    assert "báo cáo bị trả lại" in out
    assert "Cơ quan phối hợp không đúng hạn" in out and "chưa gửi phần phối hợp" in out
    assert "12 hộ dân chưa đồng ý giá bồi thường" in out  # the blocked task's report, in its history


def test_demo_shows_named_officials_and_indicators(tmp_path):
    script = "/nhiemvu toi\n/kpi\n/chitieu\n1.234\n1\n1\n/chitieu tonghop\n/thoat\n"
    r = nhacviec("demo", "--database", str(tmp_path / "demo.db"), url="sqlite:///unused.db", stdin=script)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Nhiệm vụ được giao cho bạn: 2 việc" in out and "1. 👤 🔴 QUÁ HẠN 4 ngày" in out
    assert "Kết quả của bạn" in out
    assert "có thể là 1.234 tỷ đồng hoặc 1,234 tỷ đồng" in out and "Đúng không?" in out
    assert "Bảng theo dõi chỉ tiêu tháng" in out and "không đạt" in out and "Nguyên nhân:" in out
    r = nhacviec("demo", "--head", "--database", str(tmp_path / "head.db"), url="sqlite:///unused.db",
                 stdin="/tonghop canbo\n/phancong 4 Dũng\n/thoat\n")
    assert r.returncode == 0, r.stderr
    assert "KPI cán bộ của Sở Tài chính" in r.stdout and "Nguyễn Văn An: giao 2" in r.stdout
    assert "Đã giao nhiệm vụ #4 cho Phạm Quốc Dũng" in r.stdout
    assert "Traceback" not in r.stderr


def test_indicators_template_import_and_list(database_url, units_csv, tmp_path):
    nhacviec("units", "import", str(units_csv), url=database_url)
    template = tmp_path / "mau.xlsx"
    r = nhacviec("indicators", "template", str(template), url=database_url)
    assert r.returncode == 0 and template.stat().st_size > 0
    r = nhacviec("indicators", "import", str(template), url=database_url)
    assert r.returncode == 0, r.stderr
    assert "Đã nhập 2 chỉ tiêu mới" in r.stdout
    r = nhacviec("indicators", "list", "--year", "2026", url=database_url)
    assert "Tốc độ tăng trưởng GRDP (%) — Sở Tài chính; chỉ tiêu năm 8,49; mức/tỷ lệ" in r.stdout
    bad = tmp_path / "sai.csv"
    bad.write_text("Tên chỉ tiêu,Đơn vị tính,Năm,Chỉ tiêu năm,Kiểu kế hoạch,Chiều đánh giá,Cơ quan chịu trách nhiệm\n"
                   "GRDP,%,2026,8,49\n", encoding="utf-8")
    r = nhacviec("indicators", "import", str(bad), url=database_url)
    assert r.returncode == 2 and "Dòng 2" in r.stderr and "Traceback" not in r.stderr


def test_people_list_and_deactivate_tells_the_head(database_url, db, province):
    from datetime import date

    from conftest import add_task
    from storage.crud import assignments
    from storage.models import ChatBinding, Outbox, Person, Task

    u = province["units"]
    task_id = add_task(db, u["stc"], "Thẩm định dự toán", date(2026, 6, 1))
    with db.session() as s:
        ids = {}
        for name, role in (("Nguyễn Văn An", "official"), ("Trần Thị Hoa", "head")):
            p = Person(full_name=name, unit_id=u["stc"], role=role)
            s.add(p)
            s.flush()
            s.add(ChatBinding(person_id=p.id, channel="telegram", user_id=name, chat_id=name))
            ids[name] = p.id
        assignments.assign(s, s.get(Task, task_id), s.get(Person, ids["Nguyễn Văn An"]), unit_id=u["stc"], by=None)
    r = nhacviec("people", "list", "--unit", "Sở Tài chính", url=database_url)
    assert "Nguyễn Văn An — Sở Tài chính (cán bộ)" in r.stdout and "2 người." in r.stdout
    r = nhacviec("people", "deactivate", str(ids["Nguyễn Văn An"]), url=database_url)
    assert r.returncode == 0, r.stderr
    assert "1 nhiệm vụ" in r.stdout
    with db.session() as s:
        assert s.get(Person, ids["Nguyễn Văn An"]).active is False
        notice = s.exec(select(Outbox).where(Outbox.person_id == ids["Trần Thị Hoa"])).one()
        assert f"#{task_id}" in notice.payload["text"]
    r = nhacviec("people", "deactivate", str(ids["Nguyễn Văn An"]), url=database_url)
    assert r.returncode == 2 and "nhacviec people list" in r.stderr


def test_office_demo_shows_completions_awaiting_review_and_a_returned_one(tmp_path):
    script = "/duyet\n1\n/tonghop baocaotralai\n/thoat\n"
    r = nhacviec("demo", "--office", "--database", str(tmp_path / "demo.db"), url="sqlite:///unused.db",
                 stdin=script)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "1 kết quả hoàn thành chờ đánh giá" in out and "58/KH-STC" in out
    assert "Đã đánh giá đạt nhiệm vụ" in out  # [1] is ✅ of the first completion
    assert "sản phẩm không đạt" in out and "chưa có số liệu nợ đọng theo từng dự án" in out
    assert "Traceback" not in r.stderr


def test_cli_help_and_dates(database_url, units_csv):
    """Issue 21 cosmetics: `db upgrade --help` is its own; options explain themselves; dd/mm/yyyy dates."""
    r = nhacviec("db", "upgrade", "--help", url=database_url)
    assert r.returncode == 0 and "usage: nhacviec db upgrade" in r.stdout and "nâng cấp các bảng" in r.stdout
    task_help = nhacviec("task", "add", "--help", url=database_url).stdout
    assert "monthly:23" in task_help and "dd/mm/yyyy" in task_help
    invite_help = nhacviec("invite", "create", "--help", url=database_url).stdout
    assert "official (cán bộ)" in invite_help and "tên viết tắt" in invite_help
    assert "dd/mm/yyyy" in nhacviec("directive", "import", "--help", url=database_url).stdout
    nhacviec("units", "import", str(units_csv), url=database_url)
    due = date.today() + timedelta(days=30)
    added = nhacviec("task", "add", "--lead", "STC", "--deadline", f"{due.day}/{due.month}/{due.year}",
                     "Rà soát giải ngân", url=database_url)
    assert added.returncode == 0, added.stderr
    db = Database(database_url)
    with db.session() as s:
        assert s.get(Task, int(added.stdout.split()[-1])).deadline == due
    db.dispose()
