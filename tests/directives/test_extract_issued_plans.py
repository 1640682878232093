"""A decision that issues a plan: the plan printed after the decision's signature is its body.

When the plan's title stands alone after the signature ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG"),
the reader reopens there.
"""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

DECISION = """ỦY BAN NHÂN DÂN {level}
Số: 77/QĐ-UBND
ngày 05 tháng 3 năm 2024

QUYẾT ĐỊNH
Ban hành {kind} năm 2024

CHỦ TỊCH ỦY BAN NHÂN DÂN {level}

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này {kind} năm 2024.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận: - Như Điều 2; - Lưu: VT.
KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn A

{title}

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, công chức.

II. TỔ CHỨC THỰC HIỆN

1. {first} chủ trì xây dựng kế hoạch chi tiết, hoàn thành trước ngày 30/4/2024.

2. {second} hướng dẫn các đơn vị triển khai, báo cáo kết quả trước ngày 15/11/2024.
"""


@pytest.mark.parametrize("level, kind, title, first, second", [
    ("TỈNH", "Kế hoạch cải cách hành chính", "KẾ HOẠCH\n\nCẢI CÁCH HÀNH CHÍNH NĂM 2024",
     "Sở Nội vụ", "Sở Tư pháp"),
    ("HUYỆN", "Chương trình hành động phòng chống thiên tai", "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nPHÒNG CHỐNG THIÊN TAI",
     "Phòng Nông nghiệp và Môi trường", "Phòng Tài chính - Kế hoạch"),
])
def test_plan_after_the_signature_is_read(level, kind, title, first, second):
    text = DECISION.format(level=level, kind=kind, title=title, first=first, second=second)
    tasks = extract_text(text, issued=date(2024, 3, 5)).tasks
    assert [task.lead for task in tasks] == [first, second]


def test_signature_then_capitals_that_are_no_plan_title_stay_skipped():
    # Under the signature: a copy mark in capitals and one more numbered line: no plan follows.
    text = DECISION.format(level="TỈNH", kind="Kế hoạch", title="SAO Y BẢN CHÍNH",
                           first="Sở Nội vụ", second="Sở Tư pháp")
    assert extract_text(text, issued=date(2024, 3, 5)).tasks == []


# A portal's copy glues the signature, the issued plan's title and its "(Ban hành kèm theo …)" bracket
# (sometimes the plan's first sentence too) into one line after the recipients.
GLUED = """BỘ {level}
Số: 12/QĐ-B
Hà Nội, ngày 10 tháng 01 năm 2025 QUYẾT ĐỊNH BAN HÀNH {kind}
Căn cứ Nghị định số 1/2024/NĐ-CP của Chính phủ;
QUYẾT ĐỊNH:
Điều 1.
Ban hành kèm theo Quyết định này {kind_lower}.
Điều 2.
Chánh Văn phòng Bộ, Thủ trưởng các đơn vị chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
{signature} {kind} NĂM 2025 {bracket}{after}
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao chất lượng công tác.
II. NỘI DUNG
1. Rà soát các văn bản quy phạm pháp luật.
- Đơn vị chủ trì: {first}.
- Đơn vị phối hợp: Văn phòng Bộ.
- Thời gian thực hiện: Quý II/2025.
2. {second} chủ trì tổng hợp, báo cáo kết quả trước ngày 15/12/2025.
"""


@pytest.mark.parametrize("level, kind, signature, bracket, after, first, second", [
    ("TƯ PHÁP", "KẾ HOẠCH", "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn B",
     "(Ban hành kèm theo Quyết định số 12/QĐ-B ngày 10 tháng 01 năm 2025 của Bộ trưởng)", "",
     "Vụ Pháp luật dân sự - kinh tế", "Vụ Kế hoạch - Tài chính"),
    ("XÂY DỰNG", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "BỘ TRƯỞNG Lê Thị C",
     "(Kèm theo Quyết định số 12/QĐ-B ngày 10/01/2025 của Bộ trưởng Bộ Xây dựng)",
     " Thực hiện các Nghị quyết của Chính phủ, Bộ ban hành Chương trình như sau:",
     "Cục Quản lý nhà", "Thanh tra Bộ"),
])
def test_plan_glued_to_the_signature_is_read(level, kind, signature, bracket, after, first, second):
    text = GLUED.format(level=level, kind=kind, kind_lower=kind.capitalize(), signature=signature,
                        bracket=bracket, after=after, first=first, second=second)
    tasks = extract_text(text, issued=date(2025, 1, 10)).tasks
    assert [(task.lead, task.deadline) for task in tasks] == [(first, date(2025, 6, 30)), (second, date(2025, 12, 15))]


def test_bracket_inside_a_sentence_is_no_plan():
    # "(kèm theo …)" in a body sentence is an aside: the line is not split, nothing after the
    # recipients is read.
    text = GLUED.format(level="TƯ PHÁP", kind="KẾ HOẠCH", kind_lower="Kế hoạch",
                        signature="KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn B", bracket="", after="",
                        first="Vụ Pháp luật dân sự - kinh tế", second="Vụ Kế hoạch - Tài chính")
    assert extract_text(text, issued=date(2025, 1, 10)).tasks == []
    sentence = "Sở Tài chính tổng hợp số liệu theo biểu mẫu (kèm theo Công văn này), gửi trước ngày 20/5/2025."
    assert [t.lead for t in extract_text(sentence, issued=date(2025, 5, 1)).tasks] == ["Sở Tài chính"]


ITEM = "{mark} {content}\n- {label}: {lead} chủ trì{comma} phối hợp với {partners}.\n- Thời gian thực hiện: {time}\n"


@pytest.mark.parametrize("mark, content, label, lead, comma, partners, time, expected", [
    ("1.4.", "Tuyên truyền pháp luật lao động cho người lao động.", "Cơ quan thực hiện", "Sở Nội vụ", ",",
     "Liên đoàn Lao động tỉnh; Ủy ban nhân dân các huyện, thành phố", "Thường xuyên hằng năm.",
     ("Sở Nội vụ", ["Liên đoàn Lao động tỉnh", "Ủy ban nhân dân các huyện, thành phố"], None, "yearly")),
    ("b)", "Rà soát thủ tục hành chính về hộ tịch.", "Đơn vị thực hiện", "Phòng Tư pháp huyện", "",
     "Văn phòng HĐND và UBND huyện", "Quý III/2026.",
     ("Phòng Tư pháp huyện", ["Văn phòng HĐND và UBND huyện"], date(2026, 9, 30), None)),
])
def test_lead_and_partners_in_one_field(mark, content, label, lead, comma, partners, time, expected):
    text = ITEM.format(mark=mark, content=content, label=label, lead=lead, comma=comma, partners=partners, time=time)
    (task,) = extract_text(text, issued=date(2026, 1, 5)).tasks
    assert (task.lead, task.coordinators, task.deadline, task.recurrence) == expected


def test_a_lead_field_with_actions_of_its_own_is_read_as_written():
    # not: "Sở A chủ trì tổ chức …; Sở B rà soát …" is a sentence, each unit with its own action
    text = ("2. Kiểm tra an toàn thực phẩm.\n"
            "- Cơ quan thực hiện: Sở Y tế chủ trì tổ chức kiểm tra; Sở Công Thương rà soát các chợ.\n"
            "- Thời gian thực hiện: Quý II/2026.\n")
    leads = [task.lead for task in extract_text(text, issued=date(2026, 1, 5)).tasks]
    assert leads == ["Sở Y tế", "Sở Công Thương"]
