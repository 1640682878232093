"""An opening addressed to every sector and level ("các ngành, các cấp cần thực hiện tốt những việc sau đây:")
over items that name their own actors only announces them."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

ITEMS = ("1. Bộ Tài chính chủ trì bố trí kinh phí thực hiện.\n2. Bộ Nội vụ hướng dẫn việc bố trí cán bộ.\n"
         "3. Bộ Xây dựng cung cấp bản đồ hiện có.\n4. Ủy ban nhân dân các tỉnh xây dựng kế hoạch thực hiện.\n"
         "Công tác này cần được hoàn thành tốt trong thời gian ngắn.\n")


@pytest.mark.parametrize("opening", [
    "Để các công việc nói trên tiến hành thuận lợi, các ngành, các cấp cần thực hiện tốt những việc cụ thể sau đây:",
    "Thủ tướng Chính phủ yêu cầu các cấp, các ngành thực hiện tốt những việc sau đây:",
])
def test_everyone_over_items_with_their_own_actors_hands_nothing(opening):
    text = "CHỈ THỊ\n" + opening + "\n" + ITEMS
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == ["Bộ Tài chính", "Bộ Nội vụ", "Bộ Xây dựng", "Ủy ban nhân dân các tỉnh"]


def test_a_named_group_over_items_without_actors_still_leads_them():
    """Not: "Bộ X yêu cầu các sở, ban, ngành thực hiện các nội dung sau:" hands its items to that group."""
    text = ("Bộ Y tế yêu cầu các sở, ban, ngành thực hiện các nội dung sau:\n1. Rà soát danh mục thuốc.\n"
            "2. Báo cáo kết quả trước ngày 30/6/2026.\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert {t.lead for t in tasks} == {"Các sở, ban, ngành"}


@pytest.mark.parametrize("row", [
    "- Các vùng khác (phía Bắc): cuối năm 2028.",
    "- Các xã vùng cao: quý II/2027.",
])
def test_a_timetable_row_is_no_task(row):
    """"Thời gian hoàn thành ở các vùng như sau:" then "- Các vùng khác: cuối năm 2028": when, per place."""
    text = ("CHỈ THỊ\n1. Bộ Nông nghiệp chủ trì đo đạc ruộng đất.\nThời gian hoàn thành ở các vùng như sau:\n"
            "- Vùng đồng bằng: cuối năm 2026;\n" + row + "\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == ["Bộ Nông nghiệp"]


def test_a_place_given_work_with_a_time_is_a_task():
    """Not: "Các xã vùng cao: hoàn thành rà soát hộ nghèo trong quý II/2027" gives the places work."""
    (task,) = extract_text("Các xã vùng cao: hoàn thành rà soát hộ nghèo trong quý II/2027.",
                           issued=date(2026, 3, 2)).tasks
    assert task.lead == "Các xã vùng cao"
