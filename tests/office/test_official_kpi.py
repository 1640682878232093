"""Per-official KPI on a fixed data set: the numbers, and who sees whose."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from conftest import TODAY, TZ
from office.period import Period
from office.summary import official_summaries
from storage.crud import assignments, people
from storage.models import ChatBinding, CompletionReview, Person, ProgressReport, Task, Unit

MAY = Period.month(2026, 5)


def local(y, m, d, h=10) -> datetime:
    return datetime(y, m, d, h, tzinfo=TZ).astimezone(UTC)


@pytest.fixture
def data(db, province):
    """Sở Tài chính: An and Bình (officials) and a head; Sở Y tế: Hà. Today 14/05/2026.

    An: #1 done on time, #2 done 3 days late, #3 done 5 days late, #4 overdue (due 10/5),
        #5 open due 25/5 (not settled yet), #6 given then taken back (not counted),
        2 progress reports sent back, 1 completion not accepted (in May), 1 sent back in April.
    Bình: #4 too (shared), #7 done on time in April (outside the period: not in scope).
    Hà: #8 overdue.
    """
    u = province["units"]
    with db.session() as s:
        def person(name, unit, role="official", uid=None):
            p = Person(full_name=name, unit_id=u[unit], role=role)
            s.add(p)
            s.flush()
            s.add(ChatBinding(person_id=p.id, channel="console", user_id=uid or name, chat_id=uid or name))
            return p

        an, binh, head = person("Nguyễn Văn An", "stc", uid="an"), person("Lê Văn Bình", "stc", uid="binh"), \
            person("Trần Thị Hoa", "stc", "head", uid="head")
        ha = person("Phạm Thu Hà", "syt", uid="ha")

        def task(n, unit, deadline, *, done=None, late=None):
            t = Task(id=n, lead_unit_id=u[unit], action=f"Việc {n}", deadline=deadline, original_deadline=deadline,
                     status="done" if done else "open", completed_at=done, completed_late=late)
            s.add(t)
            s.flush()
            return t

        tasks = {
            1: task(1, "stc", date(2026, 5, 8), done=local(2026, 5, 7), late=False),
            2: task(2, "stc", date(2026, 5, 5), done=local(2026, 5, 8), late=True),
            3: task(3, "stc", date(2026, 5, 6), done=local(2026, 5, 11, 23), late=True),  # 11/5 local
            4: task(4, "stc", date(2026, 5, 10)),
            5: task(5, "stc", date(2026, 5, 25)),
            6: task(6, "stc", date(2026, 5, 12)),
            7: task(7, "stc", date(2026, 4, 20), done=local(2026, 4, 18), late=False),
            8: task(8, "syt", date(2026, 5, 4)),
        }
        for n in (1, 2, 3, 4, 5, 6):
            assignments.assign(s, tasks[n], an, unit_id=u["stc"], by=head.id)
        assignments.take_back(s, 6, an.id, by=head.id)
        for n in (4, 7):
            assignments.assign(s, tasks[n], binh, unit_id=u["stc"], by=head.id)
        assignments.assign(s, tasks[8], ha, unit_id=u["syt"], by=None)

        def report(p, n, kind, at):
            s.add(ProgressReport(task_id=n, person_id=p.id, unit_id=p.unit_id, kind=kind, text="…", accepted=False,
                                 created_at=at))

        report(an, 4, "progress", local(2026, 5, 9))
        report(an, 4, "blocked", local(2026, 5, 12))
        report(an, 3, "done", local(2026, 5, 10))
        report(an, 4, "progress", local(2026, 4, 28))
        # Bình's completion of #4, returned by the office at review on 12/5
        done = ProgressReport(task_id=4, person_id=binh.id, unit_id=binh.unit_id, kind="done", text="Đã gửi báo cáo",
                              created_at=local(2026, 5, 11))
        s.add(done)
        s.flush()
        s.add(CompletionReview(task_id=4, report_id=done.id, unit_id=binh.unit_id, person_id=binh.id,
                               completed_on=date(2026, 5, 11), status="returned", decided_at=local(2026, 5, 12),
                               reason="Chưa có số liệu"))
        return {"an": an.id, "binh": binh.id, "head": head.id, "ha": ha.id}


def test_per_official_numbers(db, data, province):
    with db.session() as s:
        rows = {r.name: r for r in official_summaries(s, MAY, TODAY, TZ)}
    an = rows["Nguyễn Văn An"]
    assert (an.assigned, an.open, an.done_on_time, an.done_late, an.overdue, an.due, an.kpi_base) == (5, 2, 1, 2, 1, 5, 4)
    assert (an.sent_back, an.returned) == (2, 1)
    assert an.days_late_total == 8 and an.avg_days_late == pytest.approx(4.0)  # 3 and 5 days
    assert an.kpi == pytest.approx(0.25) and an.unit == "Sở Tài chính"
    binh = rows["Lê Văn Bình"]
    assert (binh.assigned, binh.overdue, binh.done_on_time, binh.kpi_base, binh.avg_days_late) == (1, 1, 0, 1, None)
    assert binh.returned == 1  # returned at review
    assert rows["Phạm Thu Hà"].overdue == 1
    assert "Trần Thị Hoa" not in rows  # nothing given to the head
    with db.session() as s:
        april = {r.name: r for r in official_summaries(s, Period.month(2026, 4), TODAY, TZ)}
        assert april["Lê Văn Bình"].done_on_time == 1 and april["Nguyễn Văn An"].sent_back == 1
        one = official_summaries(s, MAY, TODAY, TZ, unit_id=province["units"]["stc"])
        # as many overdue: by name; the head, given nothing, listed with zeros
        assert [r.name for r in one] == ["Lê Văn Bình", "Nguyễn Văn An", "Trần Thị Hoa"]
        assert one[2].assigned == 0 and one[2].kpi is None
        assert [r.name for r in official_summaries(s, MAY, TODAY, TZ, person_id=data["ha"])] == ["Phạm Thu Hà"]


def test_who_sees_whose_figures(db, data, province, chat_factory):
    head, an = chat_factory("head"), chat_factory("an")
    head.say("/tonghop canbo")
    assert "KPI cán bộ của Sở Tài chính" in head.text
    assert "Nguyễn Văn An: giao 5 · đúng hạn 1 · trễ 2 · quá hạn 1 · bị trả báo cáo 2 · bị trả sản phẩm 1 · " \
           "trễ TB 4,0 ngày; tỷ lệ đúng hạn 25% (1/4)" in head.text
    assert "Phạm Thu Hà" not in head.text and "Trần Thị Hoa: giao 0" in head.text
    head.say("/tonghop canbo Sở Y tế")
    assert "chỉ xem" in head.text.lower() or "Sở Tài chính" in head.text
    an.say("/kpi")
    assert "Kết quả của bạn" in an.text and "Nhiệm vụ được giao: 5 (đang thực hiện 2)" in an.text
    assert "Số ngày trễ trung bình (việc xong trễ): 4,0" in an.text
    an.say("/tonghop canbo")
    assert "Lê Văn Bình" not in an.text
    with db.session() as s:
        code = people.create_invitation(s, s.get(Unit, province["units"]["office"]), "office").code
    office = chat_factory("office")
    office.say(f"/start {code}")
    office.say("/tonghop canbo 5/2026")
    assert "Nguyễn Văn An (Sở Tài chính)" in office.text and "Phạm Thu Hà (Sở Y tế)" in office.text
    office.say("/kpi")
    assert "chưa được giao đích danh" in office.text
