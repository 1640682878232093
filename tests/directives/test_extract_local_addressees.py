"""Who a commune's or ward's notice addresses below its own staff: village and street boards, households,
the people of the place, the market's board. They act in these notices as units do in a province's."""
from __future__ import annotations

import pytest

from directives import extract_text


def leads(text: str) -> list[str]:
    return [t.lead for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    # a heading "Đối với <kind>" over bullets with no subject: the kind leads them, whatever closes the line
    ("I. TRƯỚC MÙA MƯA LŨ\n1. Đối với thôn;\n- Kiện toàn đội xung kích của thôn.\n"
     "- Rà soát các hộ ở vùng trũng thấp.\n2. Đối với hộ gia đình\n- Chuẩn bị lương thực, nước uống.\n",
     ["Thôn", "Thôn", "Hộ gia đình"]),
    ("II. CÔNG TÁC VỆ SINH\n1. Đối với các khu phố:\n- Ra quân dọn vệ sinh đường phố vào sáng chủ nhật.\n",
     ["Các khu phố"]),
    # a heading naming a topic, not who acts, leads nothing
    ("II. NHIỆM VỤ\n1. Đối với công tác tuyên truyền\n- Phát thanh trên loa của xã ba lần mỗi ngày.\n", []),
])
def test_a_heading_naming_a_local_kind_leads_its_bullets(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đề nghị Ủy ban MTTQ xã, tổ tự quản và các chi hội phân công hội viên tham gia dọn vệ sinh.",
     ["Ủy ban MTTQ xã", "Tổ tự quản"]),
    ("Bà con nhân dân chủ động chằng chống nhà cửa, cắt tỉa cây xanh quanh nhà.", ["Bà con nhân dân"]),
    ("Trạm y tế, Ban quản lý chợ chuẩn bị phương án bảo vệ tài sản khi có bão.", ["Trạm y tế", "Ban quản lý chợ"]),
])
def test_local_bodies_and_people_lead(text, expected):
    assert leads(text)[:len(expected)] == expected


def test_households_that_receive_support_lead_nothing():
    assert leads("Hộ gia đình phải di dời khẩn cấp do sạt lở đất được hỗ trợ 5 triệu đồng.") == []
