"""`nhacviec extract` and `nhacviec directive import` as a user runs them."""
from __future__ import annotations

import json

from sqlmodel import select

from helpers import nhacviec
from storage.db import Database
from storage.models import Directive, Task, TaskCoordinator, Unit

DIRECTIVE = """ỦY BAN NHÂN DÂN TỈNH MẪU
Số: 77/TB-UBND
Mẫu Sơn, ngày 04 tháng 3 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với các sở

1. Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát nguồn vốn các dự án giao thông, báo cáo UBND tỉnh trước ngày 20/3/2026.

2. Sở Xây dựng khẩn trương hoàn thiện hồ sơ điều chỉnh quy hoạch, trình UBND tỉnh trong tháng 4/2026.

3. Sở Du lịch chủ trì xây dựng kế hoạch quảng bá du lịch năm 2026, hoàn thành trước ngày 30/4/2026.

4. Trước ngày 25 hằng tháng, Sở Tài chính báo cáo tiến độ giải ngân gửi Văn phòng UBND tỉnh.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_extract_json_contract(tmp_path, database_url):
    path = tmp_path / "tb.txt"
    path.write_text(DIRECTIVE, encoding="utf-8")
    r = nhacviec("extract", str(path), "--json", url=database_url)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["document"]["number"] == "77/TB-UBND" and data["document"]["issued"] == "2026-03-04"
    got = {(t["lead"], t["deadline"], t["recurrence"]) for t in data["tasks"]}
    assert ("Sở Tài chính", "2026-03-20", None) in got
    assert ("Sở Xây dựng", "2026-04-30", None) in got
    assert ("Sở Tài chính", None, "monthly:25") in got
    first = next(t for t in data["tasks"] if t["deadline"] == "2026-03-20")
    assert first["coordinators"] == ["Sở Xây dựng"]
    table = nhacviec("extract", str(path), url=database_url)
    assert "20/03/2026" in table.stdout


def test_extract_bad_input_exit_2(tmp_path, database_url):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    garbage = tmp_path / "x.pdf"
    garbage.write_bytes(b"\x00\x01garbage" * 100)
    odd = tmp_path / "x.xyz"
    odd.write_text("abc", encoding="utf-8")
    for path in (empty, garbage, odd, tmp_path / "missing.txt"):
        r = nhacviec("extract", str(path), url=database_url)
        assert r.returncode == 2 and r.stderr.strip() and "Traceback" not in r.stderr, (path, r.stderr)
    r = nhacviec("extract", str(odd), "--issued", "hôm qua", url=database_url)
    assert r.returncode == 2


def test_directive_import_stores_tasks_and_lists_unknown_units(tmp_path, database_url):
    units = tmp_path / "units.csv"
    units.write_text("name,aliases,parent\nSở Tài chính,STC,\nSở Xây dựng,,\nVăn phòng UBND tỉnh,,\n", encoding="utf-8")
    assert nhacviec("units", "import", str(units), url=database_url).returncode == 0
    path = tmp_path / "tb.txt"
    path.write_text(DIRECTIVE, encoding="utf-8")
    r = nhacviec("directive", "import", str(path), "--publish", url=database_url)
    # "Sở Du lịch" is not in the directory: listed, its task waits, exit 1
    assert r.returncode == 1, r.stderr
    assert "Sở Du lịch" in r.stdout and "77/TB-UBND" in r.stdout
    db = Database(database_url)
    with db.session() as s:
        directive = s.exec(select(Directive)).one()
        assert directive.number == "77/TB-UBND" and "Nơi nhận" in directive.source_text
        tasks = s.exec(select(Task).where(Task.directive_id == directive.id)).all()
        assert len(tasks) == 3 and all(t.status == "open" for t in tasks)
        stc = s.exec(select(Unit).where(Unit.name == "Sở Tài chính")).one()
        monthly = [t for t in tasks if t.recurrence == "monthly:25"]
        assert len(monthly) == 1 and monthly[0].lead_unit_id == stc.id and monthly[0].series_id == monthly[0].id
        assert len(s.exec(select(TaskCoordinator)).all()) == 1
    db.dispose()
    refused = nhacviec("directive", "import", str(path), url=database_url)  # the same document again
    assert refused.returncode == 2 and "77/TB-UBND" in refused.stderr
    path.write_text(DIRECTIVE.replace("77/TB-UBND", "79/TB-UBND"), encoding="utf-8")
    draft = nhacviec("directive", "import", str(path), url=database_url)
    assert "dự thảo, chưa giao" in draft.stdout


GROUP = """ỦY BAN NHÂN DÂN TỈNH MẪU
Số: 78/TB-UBND
Mẫu Sơn, ngày 04 tháng 12 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh

1. Sở Du lịch chủ trì xây dựng kế hoạch quảng bá du lịch năm 2027, hoàn thành trước ngày 30/12/2026.

2. Trước ngày 23 hằng tháng, các sở, ban, ngành báo cáo tình hình thực hiện gửi UBND tỉnh qua Văn phòng UBND tỉnh.
"""


def test_reimport_never_duplicates_and_groups_expand(tmp_path, database_url):
    """Issue 21 item 4: import with an unknown unit, add the unit, import again."""
    units = tmp_path / "units.csv"
    units.write_text("name,aliases,parent\nSở Tài chính,STC,\nSở Xây dựng,,\nVăn phòng UBND tỉnh,,\n", encoding="utf-8")
    assert nhacviec("units", "import", str(units), url=database_url).returncode == 0
    path = tmp_path / "tb.txt"
    path.write_text(GROUP, encoding="utf-8")
    first = nhacviec("directive", "import", str(path), "--publish", url=database_url)
    assert first.returncode == 1 and "Sở Du lịch" in first.stdout
    # the group is not advised as an alias: it gets --expand-groups
    unknown_part = first.stdout.split("Nhóm đơn vị")[0]
    assert "các sở, ban, ngành" not in unknown_part.lower()
    assert "--expand-groups" in first.stdout
    again = nhacviec("directive", "import", str(path), "--publish", url=database_url)
    assert again.returncode == 2 and "đã được nhập" in again.stderr and "--update" in again.stderr

    units.write_text("name,aliases,parent\nSở Du lịch,,\n", encoding="utf-8")
    assert nhacviec("units", "import", str(units), url=database_url).returncode == 0
    update = nhacviec("directive", "import", str(path), "--publish", "--update", "--expand-groups",
                      url=database_url)
    assert update.returncode == 0, update.stdout + update.stderr
    twice = nhacviec("directive", "import", str(path), "--publish", "--update", "--expand-groups",
                     url=database_url)
    assert twice.returncode == 0 and "đã có từ lần nhập trước" in twice.stdout
    db = Database(database_url)
    with db.session() as s:
        assert len(s.exec(select(Directive)).all()) == 1
        tasks = s.exec(select(Task)).all()
        leads = sorted(s.get(Unit, t.lead_unit_id).name for t in tasks)
        # one task for Sở Du lịch; the monthly duty once for each Sở (not the office)
        assert leads == ["Sở Du lịch", "Sở Du lịch", "Sở Tài chính", "Sở Xây dựng"] or \
            leads == ["Sở Du lịch", "Sở Tài chính", "Sở Xây dựng"], leads
        assert len({(t.lead_unit_id, t.action) for t in tasks}) == len(tasks)
    db.dispose()


def test_extract_small_things(tmp_path, database_url):
    """Issue 21 cosmetics: readable recurrence, a directory named as such, no pypdf chatter."""
    path = tmp_path / "tb.txt"
    path.write_text(DIRECTIVE, encoding="utf-8")
    r = nhacviec("extract", str(path), "--issued", "04/03/2026", url=database_url)
    assert r.returncode == 0 and "ngày 25 hằng tháng" in r.stdout and "monthly:25" not in r.stdout
    folder = nhacviec("extract", str(tmp_path), url=database_url)
    assert folder.returncode == 2 and "là một thư mục" in folder.stderr
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj garbage\n%%EOF")
    pdf = nhacviec("extract", str(broken), url=database_url)
    assert pdf.returncode == 2 and pdf.stderr.strip() == "Không đọc được tệp PDF (tệp hỏng hoặc có mật khẩu)."
