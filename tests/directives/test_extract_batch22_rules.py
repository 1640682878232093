"""Rules learned from batch 22 (provincial plans and letters, after its single run): an event's fields
("Thời gian dự kiến", "Kinh phí", "Đơn vị thực hiện" under "Đơn vị chủ trì"), a place whose name has a dash,
a press agency and a friendship union named by their place. Bodies and places below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text


def tasks(text: str) -> list[tuple[str, list[str], str | None]]:
    return [(t["lead"], t["coordinators"], t["deadline"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


def test_an_events_fields():
    text = ("2. Các hoạt động chính\n"
            "2.1. Chương trình nghệ thuật đặc biệt khai mạc lễ hội\n"
            "- Thời gian dự kiến: ngày 11/9/2026 (thứ Sáu).\n"
            "- Địa điểm: Quảng trường Trung tâm.\n"
            "- Đơn vị chủ trì: Sở Văn hóa và Thể thao.\n"
            "- Đơn vị thực hiện: Trung tâm Văn hóa tỉnh.\n"
            "- Đơn vị phối hợp: Sở Y tế, Công an tỉnh.\n"
            "- Kinh phí: Ngân sách tỉnh và các nguồn hợp pháp khác.\n"
            "2.2. Chương trình nghệ thuật bế mạc lễ hội\n"
            "- Thời gian dự kiến: từ ngày 18/9/2026 đến ngày 20/9/2026.\n"
            "- Đơn vị chủ trì: Sở Du lịch.\n"
            "- Hình thức thực hiện: Trình diễn nghệ thuật đường phố.\n"
            "- Kinh phí: nguồn xã hội hóa.\n")
    assert tasks(text) == [("Sở Văn hóa và Thể thao", ["Sở Y tế", "Công an tỉnh"], "2026-09-11"),
                           ("Sở Du lịch", [], "2026-09-20")]


@pytest.mark.parametrize("text, expected", [
    ("17. UBND các phường: Ba Đình, Văn Miếu – Quốc Tử Giám, Từ Liêm và UBND xã Bát Tràng.\n"
     "- Chuẩn bị đầy đủ các điều kiện cần thiết phục vụ chương trình.",
     ["UBND các phường: Ba Đình, Văn Miếu – Quốc Tử Giám, Từ Liêm", "UBND xã Bát Tràng"]),
    ("15. Đề nghị Cơ quan Báo và Phát thanh, Truyền hình Hòa An\n- Thực hiện truyền hình trực tiếp lễ khai mạc.",
     ["Cơ quan Báo và Phát thanh, Truyền hình Hòa An"]),
    ("16. Liên hiệp các tổ chức hữu nghị tỉnh Hòa An\n- Lập danh sách, mời các tổ chức quốc tế tham dự.",
     ["Liên hiệp các tổ chức hữu nghị tỉnh Hòa An"]),
])
def test_names_of_places_and_bodies(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_closing_paragraph_dates_the_reports_of_the_items_above():
    text = ("1. Ban Quản lý Khu kinh tế tỉnh báo cáo tình hình triển khai các dự án.\n"
            "2. Sở Xây dựng kiểm tra các công trình trọng điểm.\n"
            "3. Sở Công Thương chủ trì, phối hợp với các sở, ngành báo cáo tổng hợp tình hình các cụm công nghiệp.\n"
            "Báo cáo của các cơ quan, đơn vị gửi về UBND tỉnh trước ngày 12/6/2026 để tổng hợp.\n"
            "Căn cứ nội dung trên, đề nghị Sở Công Thương, Ban Quản lý Khu kinh tế tỉnh phối hợp với các cơ quan, "
            "đơn vị liên quan triển khai thực hiện./.\n")
    assert [(lead, deadline) for lead, _, deadline in tasks(text)] == [
        ("Ban Quản lý Khu kinh tế tỉnh", "2026-06-12"), ("Sở Xây dựng", None), ("Sở Công Thương", "2026-06-12")]


@pytest.mark.parametrize("text, expected", [
    # two bodies joined by a slash are two leads; a document's number keeps its slash
    ("4. Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh\n"
     "a) Tuyên truyền pháp luật về vật liệu nổ công nghiệp theo Công văn số 12/UBND-KT.",
     ["Bộ Chỉ huy Quân sự tỉnh", "Ban Chỉ huy Bộ đội Biên phòng tỉnh"]),
    # whose duties they are: the whole run, enterprises and their trade included
    ("6. Trách nhiệm của các tổ chức, doanh nghiệp hoạt động trong lĩnh vực vật liệu nổ công nghiệp\n"
     "a) Chấp hành nghiêm các quy định về bảo quản vật liệu nổ.",
     ["Các tổ chức, doanh nghiệp hoạt động trong lĩnh vực vật liệu nổ công nghiệp"]),
])
def test_headings_of_duties(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_slash_inside_numbers_and_codes_stays():
    from directives.text import tokenize
    assert [t.text for t in tokenize("Công văn 12/KH-UBND, CĐ/TTg, V/v, đ/c, tỉnh/Ban")] == \
        ["Công", "văn", "12/KH-UBND", ",", "CĐ/TTg", ",", "V/v", ",", "đ/c", ",", "tỉnh", "/", "Ban"]


@pytest.mark.parametrize("text, expected", [
    # the households of the place after "và" are asked beside its bodies
    ("UBND thành phố đề nghị các sở, ban, ngành, đơn vị và các hộ gia đình trên địa bàn Thành phố treo cờ Tổ quốc "
     "từ ngày 10/5/2026 đến hết ngày 14/5/2026.",
     ["Các sở, ban, ngành, đơn vị", "Các hộ gia đình trên địa bàn Thành phố"]),
    # heads directing checks in the text's last sentence: work, not the closing call
    ("UBND các phường có trách nhiệm kiểm tra việc treo cờ; Thủ trưởng các cơ quan, đơn vị chỉ đạo, kiểm tra việc "
     "treo cờ ở các đơn vị thuộc quyền quản lý./.", ["UBND các phường", "Thủ trưởng các cơ quan, đơn vị"]),
    # what a cited decision handed to every province, before the announcement, is none of this letter's work
    ("Ngày 29/6/2026, Bộ Xây dựng ban hành Quyết định số 1074/QĐ-BXD. Quyết định có hiệu lực kể từ ngày ký và giao "
     "Ủy ban nhân dân các tỉnh chỉ đạo, kiểm tra việc áp dụng các giải pháp. Chủ tịch UBND tỉnh yêu cầu các "
     "đơn vị thực hiện một số nhiệm vụ sau:\n1. Công an tỉnh rà soát các cơ sở không bảo đảm an toàn.",
     ["Công an tỉnh"]),
])
def test_addressees_of_a_notice_and_a_cited_decision(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a place whose first word looks like a verb ("Cần Thơ") ends the body's name
    ("4. Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ\n"
     "Tăng thời lượng các chương trình tuyên truyền về công tác dân số.",
     ["Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình Cần Thơ"]),
    # "khẩn trương giao X …" inside the item's work: the item's unit shares its work out, X leads nothing
    ("7. Ủy ban nhân dân các xã, phường có cụm công nghiệp\nPhối hợp với các chủ đầu tư giải phóng mặt bằng; khẩn trương giao "
     "Ban Quản lý dự án đầu tư xây dựng cấp xã lập hồ sơ thành lập cụm công nghiệp, hoàn thành trước ngày 30/7/2026.",
     ["Ủy ban nhân dân các xã, phường có cụm công nghiệp"]),
    # a handing inside a sentence with no subject still hands the work on
    ("Thống nhất chủ trương giao Sở Xây dựng nghiên cứu phương án di dời.", ["Sở Xây dựng"]),
])
def test_places_and_handings_inside_an_item(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("UBND các xã có cụm công nghiệp tổ chức giải phóng mặt bằng.", ["UBND các xã có cụm công nghiệp"]),
    # "có nhiệm vụ", "có trách nhiệm" are the verb, not a trait of the places
    ("Các quận, huyện có nhiệm vụ tăng cường kiểm tra an toàn thực phẩm.", ["Các quận, huyện"]),
    ("UBND các xã có trách nhiệm tăng cường kiểm tra an toàn thực phẩm.", ["UBND các xã"]),
])
def test_a_trait_of_the_places_of_a_level(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_enterprises_and_everyone_concerned_are_one_partner():
    text = "Sở Du lịch chủ trì, phối hợp với các doanh nghiệp, tổ chức, cá nhân có liên quan tổ chức lễ hội."
    assert tasks(text) == [("Sở Du lịch", ["các doanh nghiệp, tổ chức, cá nhân có liên quan"], None)]


def test_a_trait_of_partner_places_before_the_verb_is_the_leads_work():
    # among partners the trait before the verb says where the lead works; it is no part of their name
    text = ("Giao Phòng Nông nghiệp chủ trì, phối hợp với Ban Quản lý dự án huyện và UBND các xã có dự án "
            "hoàn thiện hồ sơ thu hồi đất; hoàn thành trước ngày 15/01/2027.")
    assert tasks(text) == [("Phòng Nông nghiệp", ["Ban Quản lý dự án huyện", "UBND các xã"], "2027-01-15")]


@pytest.mark.parametrize("text, expected", [
    # the closing call to the groups, with what to do on difficulties, is no task even at "./."
    ("1. Sở Nội vụ tổ chức tập huấn cho cán bộ.\n"
     "Yêu cầu các sở, ban, ngành, UBND các xã, phường triển khai thực hiện; trong quá trình thực hiện, nếu có "
     "khó khăn, vướng mắc, báo cáo UBND tỉnh (qua Sở Nội vụ) để xem xét, giải quyết./.", ["Sở Nội vụ"]),
    # a group's own work ending the text still is one
    ("1. Sở Nội vụ tổ chức tập huấn cho cán bộ.\n"
     "Các sở, ban, ngành tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 20/12/2026./.",
     ["Sở Nội vụ", "Các sở, ban, ngành"]),
])
def test_a_groups_last_sentence(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected
