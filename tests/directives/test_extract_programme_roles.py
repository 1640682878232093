"""Units named by their role in a programme ("chủ dự án thành phần", "cơ quan chủ quản Chương trình")."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text


@pytest.mark.parametrize("heading, lead", [
    ("5. Chủ dự án thành phần:", "Chủ dự án thành phần"),
    ("6. Cơ quan chủ quản Chương trình:", "Cơ quan chủ quản Chương trình"),
    ("2. Chủ đầu tư Dự án:", "Chủ đầu tư Dự án"),
])
def test_a_role_in_a_programme_heads_its_items(heading, lead):
    """A heading naming the role in the programme the letter is about leads the items under it."""
    text = (f"Bộ Y tế đề nghị các đơn vị thực hiện một số nội dung sau:\n{heading}\n"
            "a) Lập kế hoạch thực hiện giai đoạn 2026-2030 trước ngày 30/9/2026.\n"
            "b) Thực hiện giám sát, đánh giá dự án thành phần.\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [(t.lead, t.deadline) for t in tasks] == [(lead, date(2026, 9, 30)), (lead, None)]


def test_a_role_before_a_programme_word_in_lowercase_stays_the_role():
    """Not: "chương trình" in lowercase after the role is the object of the action, not the role's programme."""
    (task,) = extract_text("Chủ đầu tư chương trình hóa các bước thi công trước ngày 30/9/2026.",
                           issued=date(2026, 3, 2)).tasks
    assert task.lead == "Chủ đầu tư"


@pytest.mark.parametrize("request_text, leads", [
    ("Để triển khai có hiệu quả Chương trình theo mục tiêu, yêu cầu đề ra, Bộ Y tế đề nghị các bộ, cơ quan chủ trì "
     "dự án, tiểu dự án thành phần (gọi là chủ dự án thành phần), các bộ, cơ quan trung ương và UBND cấp tỉnh được "
     "giao kế hoạch vốn thực hiện Chương trình (gọi là cơ quan chủ quản Chương trình) thực hiện một số nội dung sau:",
     ["Chủ dự án thành phần", "Cơ quan chủ quản Chương trình"]),
    ("Sở Nội vụ yêu cầu các phòng, ban chuyên môn được giao xây dựng đề án vị trí việc làm (sau đây gọi chung là "
     "cơ quan chủ trì) thực hiện một số nội dung sau:", ["Cơ quan chủ trì"]),
])
def test_addressees_take_the_name_the_text_defines_for_them(request_text, leads):
    """"… (gọi là X)": the request's addressees described at length are called X in the items below."""
    text = request_text + "\n1. Rà soát, báo cáo tình hình thực hiện trước ngày 30/9/2026.\n"
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == leads


def test_a_document_named_for_short_is_no_addressee():
    """Not: "Nghị quyết số … (gọi tắt là Nghị quyết)" names a document, not who is asked to act."""
    text = ("Thực hiện Nghị quyết số 12/NQ-HĐND của HĐND tỉnh (gọi tắt là Nghị quyết), UBND tỉnh giao Sở Tài chính "
            "hướng dẫn thực hiện trước ngày 30/9/2026.")
    (task,) = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert (task.lead, task.deadline) == ("Sở Tài chính", date(2026, 9, 30))
