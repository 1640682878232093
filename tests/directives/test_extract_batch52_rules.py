"""Rules learned from batch 52 after its single run on the engine it was labelled after (branch work, not yet
measured on unseen documents). Bodies, places and people below are invented or generic."""
from __future__ import annotations

import pytest
from extracted import tasks


@pytest.mark.parametrize("name", [
    "Công ty Cổ phần thủy điện Xa", "Công ty TNHH MTV thủy điện Ya", "Công ty CP đầu tư Xa",
])
def test_a_companys_trade_in_lowercase_stays_in_its_name(name):
    text = (f"GIẤY PHÉP\nĐiều 2. {name} chỉ được phép khai thác nước nếu bảo đảm các yêu cầu sau:\n"
            "1. Thực hiện đúng quy trình vận hành hồ chứa.\n2. Lắp đặt thiết bị quan trắc tự động.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == [name, name]


def test_the_owners_of_reservoirs_are_a_lead():
    text = ("CÔNG ĐIỆN\nCông ty TNHH MTV Khai thác công trình thủy lợi Xa, Chủ các hồ chứa thủy điện thường xuyên "
            "theo dõi diễn biến mưa, lũ.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == [
        "Công ty TNHH MTV Khai thác công trình thủy lợi Xa", "Chủ các hồ chứa thủy điện"]


def test_a_petition_forwarded_to_a_unit_that_leads_with_partners():
    text = ("CÔNG VĂN\nBan Tiếp công dân huyện chuyển đơn nêu trên đến Phòng Xa chủ trì, phối hợp các đơn vị liên quan "
            "xác minh, giải quyết nội dung kiến nghị.\n")
    assert [(lead, partners) for lead, partners, _, _ in tasks(text)] == [("Phòng Xa", ["các đơn vị liên quan"])]
