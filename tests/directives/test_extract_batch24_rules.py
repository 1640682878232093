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
