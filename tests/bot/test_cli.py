"""The admin CLI as a user runs it: a subprocess with DATABASE_URL in the environment."""
from __future__ import annotations

import pytest
from sqlmodel import select

from helpers import nhacviec
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

    task = nhacviec("task", "add", "--lead", "Sở Tài chính", "--coordinator", "SXD", "--deadline", "2026-05-15",
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
        assert t.lead_unit_id == stc.id and t.deadline.isoformat() == "2026-05-15"
        assert len(s.exec(select(TaskCoordinator)).all()) == 1
        assert s.exec(select(Invitation).where(Invitation.code == code)).one().role == "official"
        recurring = s.exec(select(Task).where(Task.recurrence == "monthly:23")).one()
        assert recurring.deadline.day == 23
    db.dispose()


@pytest.mark.parametrize("args, message", [
    (("task", "add", "--lead", "Sở Không Có", "--deadline", "2026-05-15", "x"), "Không tìm thấy đơn vị"),
    (("task", "add", "--lead", "Sở Tài chính", "--deadline", "15/5/2026", "x"), "Ngày không hợp lệ"),
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
