"""Rules learned after batch 24 was recorded, from misses of batches 23-24 and the corpus: a speech
that runs into its speaker with no comma, provinces named one by one after a bare level. Bodies and
places below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text


def leads(text: str) -> list[str]:
    return [t["lead"] for t in extract_text(text, issued=None).to_contract()["tasks"]]


@pytest.mark.parametrize("text, expected", [
    ("Phát biểu kết luận phiên họp Chủ tịch UBND huyện yêu cầu các phòng, ban trong thời gian tới:\n"
     "(1) Tăng cường kiểm tra phòng, chống dịch bệnh;\n(2) Rà soát các nhiệm vụ trọng tâm của năm;",
     ["các phòng, ban", "các phòng, ban"]),
    ("Kết luận hội nghị sơ kết Chủ tịch UBND xã giao Công an xã tăng cường tuần tra ban đêm.", ["Công an xã"]),
    # a speech with no one handed the work: nothing
    ("Phát biểu kết luận phiên họp Chủ tịch UBND huyện đánh giá cao kết quả đạt được.", []),
])
def test_a_speech_runs_into_its_speaker(text, expected):
    assert [x.casefold() for x in leads(text)] == [x.casefold() for x in expected]


@pytest.mark.parametrize("text, expected", [
    ("Các tỉnh Hòa Vân, Lạc Sơn, Tân Bình khẩn trương hoàn thiện báo cáo nghiên cứu tiền khả thi.",
     ["Tỉnh Hòa Vân", "Tỉnh Lạc Sơn", "Tỉnh Tân Bình"]),
    ("Các xã Hòa An và Tân Lập tổ chức dọn vệ sinh môi trường.", ["Xã Hòa An", "Xã Tân Lập"]),
    # the committees of places listed stay one lead, as they always have
    ("UBND các tỉnh Hòa Vân, Lạc Sơn khẩn trương hoàn thiện báo cáo.", ["UBND các tỉnh Hòa Vân, Lạc Sơn"]),
    # a body of several places is one body
    ("Ban Chủ nhiệm Đoàn Luật sư các tỉnh Hòa Vân, Lạc Sơn khẩn trương hoàn thiện hồ sơ.",
     ["Ban Chủ nhiệm Đoàn Luật sư các tỉnh Hòa Vân, Lạc Sơn"]),
    # places by trait are a group
    ("Các tỉnh có đường biên giới tăng cường kiểm soát.", ["Các tỉnh có đường biên giới"]),
])
def test_places_named_after_a_bare_level(text, expected):
    assert leads(text) == expected


def test_names_after_a_colon_kept_apart_by_semicolons():
    # each name has its own commas and "và": the semicolons separate the bodies
    text = "Giao các Cục: Bản quyền tác giả; Xuất bản, In và Phát hành; Báo chí rà soát quy trình thủ tục hành chính."
    assert leads(text) == ["Cục Bản quyền tác giả", "Cục Xuất bản, In và Phát hành", "Cục Báo chí"]
    # a body of another kind after a semicolon ends the names
    text = "Giao các Sở: Y tế; Tài chính; UBND các huyện rà soát cơ sở vật chất."
    assert leads(text) == ["Sở Y tế", "Sở Tài chính", "UBND các huyện"]


@pytest.mark.parametrize("text, expected", [
    # two places joined by a dash name a road or a project, never a body
    ("Đẩy nhanh các dự án Hòa Vân - Lạc Sơn, Tân Bình - Mỹ Lộc bám sát tiến độ đề ra.", []),
    ("Sở Xây dựng đôn đốc các dự án Hòa Vân - Lạc Sơn, Tân Bình - Mỹ Lộc bám sát tiến độ.", ["Sở Xây dựng"]),
])
def test_a_road_between_two_places_is_no_body(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "trực tiếp" after the work says where it is done: the minister still has the work
    ("7. Bộ trưởng Bộ Y tế chỉ đạo khôi phục cơ sở y tế; chi viện bác sĩ xuống trực tiếp cơ sở.", ["Bộ trưởng Bộ Y tế"]),
    # a head who answers directly, with no work: nothing
    ("Chủ tịch UBND các xã trực tiếp chịu trách nhiệm trước Chủ tịch UBND huyện nếu để xảy ra cháy rừng.", []),
])
def test_where_the_work_is_done_is_no_accountability(text, expected):
    assert leads(text) == expected


def test_work_said_before_the_list_that_details_it():
    text = ("1. Chủ tịch UBND tỉnh tiếp tục phân công nhiệm vụ cụ thể cho từng đồng chí lãnh đạo xuống tận xã, "
            "bám sát cơ sở, trong đó tập trung một số nhiệm vụ sau:\n"
            "(1) Huy động các lực lượng tiếp cận các hộ dân bị cô lập.\n"
            "(2) Rà soát, tổng hợp thiệt hại trước ngày 30/11/2026.")
    found = [(t["lead"], t["deadline"], t["summary"][:20]) for t in extract_text(text, issued=None).to_contract()["tasks"]]
    assert found == [("Chủ tịch UBND tỉnh", None, "Tiếp tục phân công n"),
                     ("Chủ tịch UBND tỉnh", None, "Huy động các lực lượ"),
                     ("Chủ tịch UBND tỉnh", "2026-11-30", "Rà soát, tổng hợp th")]
    # a list announced with no work of its own before it gives the items only
    text = ("1. Sở Y tế thực hiện tốt, trong đó tập trung một số nhiệm vụ sau:\n"
            "(1) Kiểm tra an toàn thực phẩm.\n(2) Phòng, chống dịch bệnh.")
    assert leads(text) == ["Sở Y tế", "Sở Y tế"]
