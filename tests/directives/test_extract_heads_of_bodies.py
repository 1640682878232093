"""The head of a body the lexicon knows ("Trưởng Ban Quản lý các khu công nghiệp") is one lead, not
the title "Trưởng ban" followed by words of the action."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text


@pytest.mark.parametrize("text, leads", [
    ("Trưởng Ban Quản lý các khu công nghiệp rà soát các thủ tục đầu tư trước ngày 30/4/2026.",
     ["Trưởng Ban Quản lý các khu công nghiệp"]),
    ("Đề nghị Giám đốc Sở Tài chính, Trưởng Ban Quản lý các khu kinh tế báo cáo tình hình giải ngân.",
     ["Giám đốc Sở Tài chính", "Trưởng Ban Quản lý các khu kinh tế"]),
    ("1. Thủ trưởng các sở, ngành và Trưởng Ban Quản lý các khu công nghiệp\n"
     "a) Chủ động nhân rộng các mô hình cải cách hành chính.\n",
     ["Thủ trưởng các sở, ngành", "Trưởng Ban Quản lý các khu công nghiệp"]),
])
def test_the_head_of_a_known_body_is_one_lead(text, leads):
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == leads


def test_a_board_head_without_a_known_body_keeps_the_title():
    """Not: where no body the lexicon knows follows, "Trưởng ban" stays the title."""
    (task,) = extract_text("Trưởng ban Chỉ đạo xã kiểm tra công tác phòng cháy.", issued=date(2026, 3, 2)).tasks
    assert task.lead == "Trưởng ban Chỉ đạo xã"
