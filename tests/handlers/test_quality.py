"""The report quality gate (handlers/quality.py): rõ mốc, rõ sản phẩm, rõ phương án."""
from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from handlers.quality import ReportCheck, check_blocker, check_done, check_progress

TODAY = date(2026, 5, 13)

# (report, expected missing) for "đang làm"
PROGRESS = [
    # rejected: the stock phrases the directive refuses
    ("đang triển khai", ("milestone", "output")),
    ("Đang phối hợp với các đơn vị", ("milestone", "output")),
    ("đang rà soát", ("milestone", "output")),
    ("Đơn vị đang tích cực thực hiện", ("milestone", "output")),
    ("Đang thực hiện", ("milestone", "output")),
    ("cơ bản xong", ("milestone", "output")),
    ("ok", ("milestone", "output")),
    ("đã nhận", ("milestone", "output")),
    ("Hôm nay đã họp với các xã, đang tổng hợp số liệu", ("milestone", "output")),
    ("Theo Kế hoạch 45/KH-UBND ngày 10/5/2026, đơn vị đang triển khai", ("milestone", "output")),
    # rejected: one part missing
    ("dự kiến xong 20/5", ("output",)),
    ("sản phẩm: dự thảo kế hoạch", ("milestone",)),
    ("đang rà soát báo cáo, dự kiến xong 30/5", ("output",)),
    ("Đang triển khai theo đúng kế hoạch, dự kiến xong cuối tháng", ("output",)),
    ("Đang tổng hợp số liệu, xong 20/5", ("output",)),
    ("Đang triển khai, dự kiến xong 20/5. Khó khăn: không", ("output",)),
    ("đang vướng mặt bằng, dự kiến xong 30/5, sản phẩm: hồ sơ thanh toán", ("plan",)),
    ("dang vuong mat bang, du kien xong 30/5, san pham: ho so thanh toan", ("plan",)),
    ("Đang chờ ý kiến của Bộ, dự kiến xong 30/6, sản phẩm: Tờ trình", ("plan",)),
    ("Chưa có vốn nên chậm, dự kiến xong 30/6, sản phẩm: hồ sơ quyết toán", ("plan",)),
    ("chưa có kế hoạch vốn, dự kiến xong 30/6", ("output", "plan")),
    ("đang vướng mặt bằng", ("milestone", "output", "plan")),
    ("dang ra soat bao cao, xong 30/5", ("output",)),
    ("Đã tổ chức họp triển khai, đang chờ các xã gửi số liệu, dự kiến tổng hợp xong 25/5", ("output", "plan")),
    ("Vướng vốn, đề nghị UBND tỉnh ban hành kế hoạch vốn, xong 30/5", ("output",)),
    # accepted
    ("đang triển khai, dự kiến xong 20/5/2026, sản phẩm: dự thảo kế hoạch", ()),
    ("Đã hoàn thành dự thảo Tờ trình, trình UBND tỉnh trước 15/5", ()),
    ("Đã chi trả 120/150 hộ, phần còn lại xong trước ngày 25/5; vướng 3 hộ chưa nhận tiền, "
     "phương án: phối hợp UBND xã vận động", ()),
    ("không có vướng mắc; hoàn thành báo cáo đánh giá trước 30/6", ()),
    ("khong co vuong mac; hoan thanh bao cao danh gia truoc 30/6", ()),
    ("chưa phát sinh khó khăn; đã lập danh sách 120 hộ, xong 25/5", ()),
    ("Đang xây dựng kế hoạch, dự kiến ban hành trước 30/5", ()),
    ("Đang hoàn thiện dự thảo báo cáo, gửi Sở trước thứ 6", ()),
    ("đạt 60% khối lượng, dự kiến xong cuối tháng 6", ()),
    ("Đã giải ngân 45 tỷ đồng, phấn đấu giải ngân hết trong quý III", ()),
    ("Đã hoàn thành 3/5 hạng mục; 2 hạng mục còn lại xong trước 15/6", ()),
    ("Sở đã có Công văn số 1234/SNN-KH gửi các huyện, dự kiến tổng hợp xong 25/5", ()),
    ("mai xong, sản phẩm là báo cáo tổng kết", ()),
    ("Hoàn thành trong quý II, sản phẩm: đề án", ()),
    ("Sản phẩm:\nDự thảo Quyết định phê duyệt\nHạn: 30/5", ()),
    ("Uỷ ban nhân dân xã đang rà soát, xong trước 30/5, sản phẩm: danh sách hộ đủ điều kiện", ()),
    ("dang trien khai, du kien xong 20/5, san pham: du thao ke hoach", ()),
    ("Chưa có vốn nên chậm, đề xuất UBND tỉnh bố trí vốn; dự kiến xong 30/6, sản phẩm: hồ sơ quyết toán", ()),
    ("Đang chờ ý kiến của Bộ, dự kiến xong 30/6, sản phẩm: Tờ trình; đã có văn bản xin ý kiến", ()),
    ("Đã số hoá 500 hồ sơ, phần còn lại xong trong tháng 6", ()),
    ("Đang làm báo cáo, chiều mai gửi", ()),
    ("Không có khó khăn vướng mắc. Dự kiến hoàn thành kế hoạch trước 30/6", ()),
    ("Đã hoàn thành 80% khối lượng, dự kiến nghiệm thu trước 30/6", ()),
]


@pytest.mark.parametrize("text,missing", PROGRESS, ids=[p[0][:60] for p in PROGRESS])
def test_check_progress(text, missing):
    check = check_progress(text, TODAY)
    assert check.missing == missing
    assert check.accepted is (missing == ())


def test_progress_fields_of_an_accepted_report():
    check = check_progress("Đã chi trả 120/150 hộ, phần còn lại xong trước ngày 25/5; vướng 3 hộ chưa nhận "
                           "tiền, phương án: phối hợp UBND xã vận động", TODAY)
    assert check.accepted
    assert check.milestone == date(2026, 5, 25)
    assert check.output == "chi trả 120/150 hộ"
    assert check.obstacle == "vướng 3 hộ chưa nhận tiền"
    assert check.plan == "phương án: phối hợp UBND xã vận động"
    assert check.vague is False


def test_progress_output_phrases():
    cases = {
        "đang triển khai, dự kiến xong 20/5/2026, sản phẩm: dự thảo kế hoạch": "dự thảo kế hoạch",
        "Đã hoàn thành dự thảo Tờ trình, trình UBND tỉnh trước 15/5": "dự thảo Tờ trình",
        "không có vướng mắc; hoàn thành báo cáo đánh giá trước 30/6": "báo cáo đánh giá",
        "Sở đã có Công văn số 1234/SNN-KH gửi các huyện, xong 25/5": "Công văn số 1234/SNN-KH",
    }
    for text, output in cases.items():
        assert check_progress(text, TODAY).output == output, text


def test_multi_message_answer_is_checked_as_a_whole():
    parts = ["đang triển khai", "xong 20/5", "sản phẩm: báo cáo số 12/BC-STC"]
    first = check_progress(parts[0], TODAY)
    assert first.missing == ("milestone", "output") and first.vague
    second = check_progress("\n".join(parts[:2]), TODAY)
    assert second.missing == ("output",) and not second.vague
    whole = check_progress("\n".join(parts), TODAY)
    assert whole.accepted
    assert whole.milestone == date(2026, 5, 20)
    assert whole.output == "báo cáo số 12/BC-STC"


def test_missing_order_is_fixed():
    check = check_progress("đang vướng mặt bằng", TODAY)
    assert check.missing == ("milestone", "output", "plan")
    assert check.obstacle == "vướng mặt bằng"
    assert check_blocker("vướng", TODAY).missing == ("obstacle", "plan")


@pytest.mark.parametrize("text", [
    "không có vướng mắc",
    "Không vướng gì",
    "chưa phát sinh khó khăn",
    "không gặp khó khăn",
    "chưa có vướng mắc gì",
    "Khó khăn: không",
    "đã tháo gỡ xong vướng mắc",
])
def test_negated_obstacles_are_not_obstacles(text):
    check = check_progress(text + "; hoàn thành báo cáo đánh giá trước 30/6", TODAY)
    assert check.obstacle is None
    assert check.accepted


@pytest.mark.parametrize("text,vague", [
    ("đang triển khai", True),
    ("Đang phối hợp với các đơn vị", True),
    ("ok", True),
    ("ừ", True),
    ("đang triển khai, xong 20/5", False),
    ("sản phẩm: dự thảo kế hoạch", False),
])
def test_vague(text, vague):
    assert check_progress(text, TODAY).vague is vague


# (report, expected missing) for "vướng mắc"
BLOCKER = [
    ("vướng", ("obstacle", "plan")),
    ("khó khăn", ("obstacle", "plan")),
    ("không có vướng mắc gì", ("obstacle", "plan")),
    ("vướng mặt bằng", ("plan",)),
    ("Dân không đồng ý giá đền bù", ("plan",)),
    ("Nhà thầu thi công chậm do thiếu nhân lực", ("plan",)),
    ("đề xuất họp", ("obstacle",)),
    ("chưa có phương án", ("plan",)),  # lacking a plan is an obstacle, not a plan
    ("Vướng mặt bằng do 3 hộ chưa đồng ý giá đền bù; đề xuất UBND huyện tổ chức đối thoại", ()),
    ("Chưa có vốn, kiến nghị UBND tỉnh bố trí bổ sung", ()),
    ("chờ ý kiến Bộ Tài chính về định mức, đã có văn bản xin ý kiến", ()),
    ("Nhà thầu thi công chậm; sẽ làm việc với nhà thầu trong tuần sau", ()),
    ("Dân phản đối vị trí bãi rác, giải pháp: tổ chức đối thoại với người dân", ()),
    ("vướng mắc: chưa có mặt bằng sạch; phương án: báo cáo UBND tỉnh xem xét", ()),
    ("Hồ sơ bị Kho bạc trả lại do sai mẫu, đơn vị đã làm việc với Kho bạc để hoàn thiện", ()),
    ("chua co von, de nghi So Tai chinh tham muu bo tri", ()),
]


@pytest.mark.parametrize("text,missing", BLOCKER, ids=[b[0][:60] for b in BLOCKER])
def test_check_blocker(text, missing):
    check = check_blocker(text, TODAY)
    assert check.missing == missing
    assert check.accepted is (missing == ())


def test_blocker_fields_and_optional_milestone():
    check = check_blocker("Nhà thầu thi công chậm; sẽ làm việc với nhà thầu trong tuần sau", TODAY)
    assert check.obstacle == "Nhà thầu thi công chậm"
    assert check.plan == "sẽ làm việc với nhà thầu trong tuần sau"
    assert check.milestone == date(2026, 5, 22)
    no_date = check_blocker("Chưa có vốn, kiến nghị UBND tỉnh bố trí bổ sung", TODAY)
    assert no_date.accepted and no_date.milestone is None
    assert no_date.obstacle == "Chưa có vốn"
    assert no_date.plan == "kiến nghị UBND tỉnh bố trí bổ sung"


def test_blocker_substantive_text_without_a_cue_is_the_obstacle():
    check = check_blocker("Người dân đòi nâng giá đền bù; đề xuất tổ chức đối thoại", TODAY)
    assert check.accepted
    assert check.obstacle == "Người dân đòi nâng giá đền bù"


# (report, has_attachment, expected missing) for "xong"
DONE = [
    ("xong rồi", False, ("output",)),
    ("đã hoàn thành", False, ("output",)),
    ("ok", False, ("output",)),
    ("done", False, ("output",)),
    ("Đã xong nhiệm vụ", False, ("output",)),
    ("Đã hoàn thành 100%", False, ("output",)),
    ("Đã hoàn thành theo kế hoạch", False, ("output",)),
    ("đã báo cáo UBND tỉnh", False, ("output",)),
    ("Đã ban hành Kế hoạch số 45/KH-UBND ngày 12/5/2026", False, ()),
    ("Đã gửi báo cáo cho Sở Tài chính", False, ()),
    ("Hoàn thành chi trả 120 hộ", False, ()),
    ("xong, link: https://drive.google.com/file/d/abc", False, ()),
    ("Công văn số 123/STC-NS ngày 20/5", False, ()),
    ("QĐ 45/QĐ-UBND", False, ()),
    ("Tờ trình 12/TTr-SYT đã trình UBND tỉnh", False, ()),
    ("Kế hoạch đã được ban hành", False, ()),
    ("Đã báo cáo UBND tỉnh tại Báo cáo số 12/BC-STC", False, ()),
    ("xong theo Kế hoạch 45/KH-UBND", False, ("output",)),
    ("xong rồi", True, ()),
    ("", True, ()),
]


@pytest.mark.parametrize("text,attachment,missing", DONE, ids=[f"{d[0][:50]}|{d[1]}" for d in DONE])
def test_check_done(text, attachment, missing):
    check = check_done(text, TODAY, has_attachment=attachment)
    assert check.missing == missing
    assert check.accepted is (missing == ())


def test_done_output_phrases():
    assert check_done("Đã ban hành Kế hoạch số 45/KH-UBND ngày 12/5/2026", TODAY).output == "Kế hoạch số 45/KH-UBND"
    assert check_done("QĐ 45/QĐ-UBND", TODAY).output == "QĐ 45/QĐ-UBND"
    assert check_done("Tờ trình 12/TTr-SYT đã trình UBND tỉnh", TODAY).output == "Tờ trình 12/TTr-SYT"
    assert check_done("Hoàn thành chi trả 120 hộ", TODAY).output == "Hoàn thành chi trả 120 hộ"
    assert check_done("xong, link: https://x.vn/a.pdf.", TODAY).output == "https://x.vn/a.pdf"
    with_file = check_done("xong rồi", TODAY, has_attachment=True)
    assert with_file.accepted and with_file.output is None  # the handler records the file name
    assert check_done("Đã gửi Công văn số 9/SYT-KH", TODAY, has_attachment=True).output == "Công văn số 9/SYT-KH"
    assert check_done("xong rồi", TODAY).vague


def test_report_check_is_frozen():
    check = check_progress("đang triển khai", TODAY)
    assert isinstance(check, ReportCheck)
    with pytest.raises(FrozenInstanceError):
        check.missing = ()  # type: ignore[misc]
