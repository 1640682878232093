"""Sentences that name a unit but give it no work (GUIDELINES "Not a task"): what a unit answers
for ("chịu trách nhiệm … về tính chính xác …"), and where the money comes from ("Kinh phí thực
hiện … theo quy định") under a heading that names the units."""
from __future__ import annotations

import pytest

from directives import extract_text


def leads(text: str) -> list[str]:
    return [t.lead for t in extract_text(text).tasks]


@pytest.mark.parametrize("text", [
    "1. Sở Tài chính chịu trách nhiệm về tính chính xác của số liệu đề nghị quyết toán.",
    "2. Phòng Kinh tế chịu trách nhiệm trước Chủ tịch UBND huyện về nội dung báo cáo đã gửi.",
    "3. Bộ Công Thương, Bộ Xây dựng chịu trách nhiệm về nội dung hồ sơ trình.",
    "4. UBND các xã hoàn toàn chịu trách nhiệm về số liệu kê khai.",
])
def test_what_a_unit_answers_for_is_no_task(text):
    assert leads(text) == []


def test_answering_for_under_a_heading_is_no_task_either():
    text = ("1. Sở Nội vụ\na) Chủ trì rà soát vị trí việc làm, báo cáo UBND tỉnh.\n"
            "b) Chịu trách nhiệm về nội dung tờ trình và hồ sơ kèm theo.\n")
    assert [(t.lead, t.summary) for t in extract_text(text).tasks] == [
        ("Sở Nội vụ", "Rà soát vị trí việc làm, báo cáo UBND tỉnh")]


@pytest.mark.parametrize("text", [
    # responsible for doing something is work
    "1. Sở Y tế chịu trách nhiệm tổ chức tiêm chủng cho trẻ em.",
    "2. Phòng Văn hóa và Thông tin chịu trách nhiệm hướng dẫn các xã tổ chức lễ hội.",
])
def test_responsible_for_doing_is_a_task(text):
    assert len(leads(text)) == 1


@pytest.mark.parametrize("sentence", [
    "Kinh phí thực hiện các nhiệm vụ tại Kế hoạch này theo quy định của pháp luật.",
    "Kinh phí triển khai chương trình được bố trí trong dự toán ngân sách hằng năm.",
    "Nguồn kinh phí thực hiện từ ngân sách địa phương.",
])
def test_where_the_money_comes_from_is_no_task(sentence):
    text = f"1. Sở Giáo dục và Đào tạo, UBND các xã\na) Tổ chức tập huấn cho giáo viên.\nb) {sentence}\n"
    assert leads(text) == ["Sở Giáo dục và Đào tạo", "UBND các xã"]


def test_giving_the_money_is_a_task():
    text = "1. Sở Tài chính\na) Thẩm định dự toán.\nb) Bố trí kinh phí thực hiện cho các xã trước ngày 30/6/2026.\n"
    assert [(t.lead, t.deadline is not None) for t in extract_text(text).tasks] == [
        ("Sở Tài chính", False), ("Sở Tài chính", True)]


@pytest.mark.parametrize("formula", [
    "Chính phủ ban hành Nghị quyết tạm ngưng hiệu lực một số văn bản về an toàn lao động.",
    "Chủ tịch Ủy ban nhân dân tỉnh quyết định ban hành Quyết định sửa đổi quy chế làm việc.",
    "Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định chế độ báo cáo thống kê.",
])
def test_the_enacting_formula_is_no_task(formula):
    text = (f"Căn cứ Luật Tổ chức chính quyền địa phương;\nTheo đề nghị của Giám đốc Sở Nội vụ;\n{formula}\n"
            "Điều 1. Sửa đổi Điều 3 của Quy chế.\nĐiều 2. Sở Nội vụ hướng dẫn thực hiện Quyết định này.\n")
    assert leads(text) == ["Sở Nội vụ"]


def test_a_unit_told_to_enact_is_a_task():
    assert leads("1. Giao Sở Nội vụ ban hành Quyết định về quy chế thi tuyển.\n") == ["Sở Nội vụ"]
