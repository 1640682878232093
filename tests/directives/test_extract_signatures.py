"""The signature block of older texts ("K/T", "T/M") ends the body."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text


@pytest.mark.parametrize("signature", ["K/T THỦ TƯỚNG CHÍNH PHỦ\nPHÓ THỦ TƯỚNG", "T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH"])
def test_an_older_texts_signature_ends_the_body(signature):
    """"K/T", "T/M" (older texts' form of "KT.", "TM."): the signature, not a last task of the readers."""
    text = ("CHỈ THỊ\nCác ngành, các cấp cần thực hiện tốt những việc sau đây:\n"
            "1. Bộ Nông nghiệp chủ trì tổng hợp số liệu ruộng đất.\n" + signature + "\nNguyễn Văn A\n")
    tasks = extract_text(text, issued=date(1980, 11, 10)).tasks
    assert [t.lead for t in tasks] == ["Bộ Nông nghiệp"]


def test_a_slash_in_running_text_is_no_signature():
    """Not: "T/c" or a number with a slash opening a line is no signature."""
    (task,) = extract_text("1. Sở Tài chính báo cáo trước ngày 15/3/2026.\nT/c tổng hợp chung.\n",
                           issued=date(2026, 3, 2)).tasks
    assert task.lead == "Sở Tài chính"
