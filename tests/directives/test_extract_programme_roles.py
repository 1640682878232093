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
