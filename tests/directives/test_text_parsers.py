"""Issue 21 item 7, with the exact inputs: coordinators without "với", product names
kept whole, a recorded output keeps its document's date. Pure functions."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.tasks import output_of
from handlers.quality import check_done, check_progress

DEC_4 = date(2026, 12, 4)
UNITS = [("Sở Y tế", ()), ("Sở Tài chính", ()), ("Sở Xây dựng", ()), ("Công an tỉnh", ())]


@pytest.mark.parametrize("sentence, lead, coordinators", [
    ("Giao Sở Y tế chủ trì, phối hợp Sở Tài chính xây dựng Kế hoạch khám sức khỏe định kỳ cho người dân.",
     "Sở Y tế", ["Sở Tài chính"]),
    ("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính, Công an tỉnh triển khai chiến dịch tiêm chủng.",
     "Sở Y tế", ["Sở Tài chính", "Công an tỉnh"]),
    ("Sở Y tế chủ trì, phối hợp Sở Tài chính, Công an tỉnh kiểm tra an toàn thực phẩm.",
     "Sở Y tế", ["Sở Tài chính", "Công an tỉnh"]),
    ("Sở Xây dựng phối hợp tổ chức kiểm tra các công trình trường học.", "Sở Xây dựng", []),
])
def test_coordinators_with_or_without_voi(sentence, lead, coordinators):
    [task] = extract_text("UBND TỈNH\nSố: 1/TB-UBND\n\n1. " + sentence + "\n", units=UNITS).tasks
    assert (task.lead, task.coordinators) == (lead, coordinators)


@pytest.mark.parametrize("action, never", [
    ("xây dựng Kế hoạch khám sức khỏe định kỳ cho người dân qua y tế cơ sở", "cho người"),
    ("xây dựng Kế hoạch khám sức khỏe định kỳ cho người dân qua y tế cơ sở, ưu tiên nhóm nguy cơ cao", "cho người"),
    ("lập báo cáo tình hình giải ngân gửi UBND tỉnh trước ngày 20/5", "gửi"),
    ("xây dựng kế hoạch quảng bá du lịch năm 2026, hoàn thành trước ngày 30/4/2026", "hoàn thành"),
])
def test_product_names_are_never_cut_mid_word_group(action, never):
    """The issue's "Kế hoạch khám sức khỏe định kỳ cho người": the name ends where a word
    group ends (the extraction's own stop words decide where), never inside one."""
    output = output_of(action)
    assert output and not output.endswith(never) and never not in output.split(",")[0][-len(never) - 1:]
    assert action.casefold().find(output.rstrip("…").casefold()) >= 0


def test_the_demo_sample_keeps_a_whole_product_name():
    from bot.demo import sample_text

    tasks = extract_text(sample_text("directive_demo.txt"), units=UNITS).tasks
    health = next(t for t in tasks if t.lead == "Sở Y tế")
    assert health.output.startswith("Kế hoạch khám sức khỏe") and not health.output.endswith("cho người")


@pytest.mark.parametrize("text, output", [
    ("Tờ trình số 12/TTr-STC ngày 02/12/2026", "Tờ trình số 12/TTr-STC ngày 02/12/2026"),
    ("Đã trình Tờ trình số 12/TTr-STC ngày 02/12/2026", "Tờ trình số 12/TTr-STC ngày 02/12/2026"),
    ("Đã gửi Công văn số 123/STC-NS ngày 2 tháng 12 năm 2026 cho UBND tỉnh",
     "Công văn số 123/STC-NS ngày 2 tháng 12 năm 2026"),
    ("Đã ban hành QĐ 45/QĐ-UBND, dự kiến xong 20/12/2026", "QĐ 45/QĐ-UBND"),
])
def test_a_recorded_output_keeps_its_date(text, output):
    assert check_done(text, DEC_4).output == output


def test_the_document_date_is_not_a_milestone():
    check = check_progress("Đã trình Tờ trình số 12/TTr-STC ngày 02/12/2026, dự kiến xong 20/12/2026", DEC_4)
    assert check.milestone == date(2026, 12, 20) and check.accepted
