"""Done means a product (handlers/products.py): the notice's rule "Không đánh giá hoàn
thành nhiệm vụ chỉ bằng việc đã ban hành văn bản, có dự thảo hoặc đang xin ý kiến",
with and without diacritics."""
from __future__ import annotations

from datetime import date

import pytest

from handlers.dates import _fold
from handlers.products import check_completion, expected_kind, kind_of
from handlers.quality import check_done

TODAY = date(2026, 5, 14)
PLAN_TASK = dict(expected_output="Kế hoạch", action="Xây dựng Kế hoạch phòng chống dịch sốt xuất huyết")
ANY_TASK = dict(expected_output="", action="Rà soát tình hình giải ngân vốn đầu tư công")

# (the ✅ Xong answer, the task, verdict, reason or (stated, expected) kinds)
CASES = [
    # the phrasings: a step on the way is not a product
    ("đã có dự thảo", ANY_TASK, "not_product", "draft"),
    ("Xong — đã có dự thảo", ANY_TASK, "not_product", "draft"),
    ("Đã hoàn thành dự thảo kế hoạch", PLAN_TASK, "not_product", "draft"),
    ("đang xin ý kiến", ANY_TASK, "not_product", "consultation"),
    ("đã gửi dự thảo kế hoạch xin ý kiến các sở", PLAN_TASK, "not_product", "consultation"),
    ("Đã lấy ý kiến các đơn vị về báo cáo", ANY_TASK, "not_product", "consultation"),
    ("đã trình, chờ phê duyệt", ANY_TASK, "not_product", "pending"),
    ("Đã trình UBND tỉnh Tờ trình số 12/TTr-STC", ANY_TASK, "not_product", "pending"),
    ("Kế hoạch đang chờ ký ban hành", PLAN_TASK, "not_product", "pending"),
    ("đã ban hành công văn đôn đốc số 45/STC-TH", ANY_TASK, "not_product", "urging"),
    ("Đã ban hành Công văn số 45/STC-TH đôn đốc các xã", ANY_TASK, "not_product", "urging"),
    ("Đã có văn bản chuyển các phòng thực hiện", ANY_TASK, "not_product", "urging"),
    ("đã đôn đốc các xã báo cáo", ANY_TASK, "not_product", "urging"),
    # another kind than the task expects: confirm first
    ("Báo cáo số 12/BC-SYT", PLAN_TASK, "mismatch", ("bao_cao", "ke_hoach")),
    ("đã ban hành văn bản số 12/KH",
     dict(expected_output="Quyết định phê duyệt danh mục", action="Tham mưu ban hành Quyết định"),
     "mismatch", ("ke_hoach", "quyet_dinh")),
    ("Đã gửi Báo cáo kết quả rà soát", dict(expected_output="", action="Xây dựng Đề án phát triển du lịch"),
     "mismatch", ("bao_cao", "de_an")),
    # real products
    ("Đã ban hành Kế hoạch số 12/KH-UBND ngày 10/5/2026", PLAN_TASK, "ok", None),
    ("đã ban hành văn bản số 12/KH", PLAN_TASK, "ok", None),
    ("Đã ban hành Kế hoạch số 12/KH-UBND; trước đó đã xin ý kiến các sở", PLAN_TASK, "ok", None),
    ("Quyết định số 45/QĐ-UBND phê duyệt Đề án phát triển du lịch",
     dict(expected_output="Đề án", action="Xây dựng Đề án phát triển du lịch"), "ok", None),
    ("Đã gửi Báo cáo số 12/BC-STC về giải ngân", ANY_TASK, "ok", None),
    ("Đã gửi văn bản góp ý dự thảo Luật Đất đai, số 88/STNMT-VP",
     dict(expected_output="", action="Góp ý dự thảo Luật Đất đai (sửa đổi)"), "ok", None),
    # the task asks for the step itself
    ("Đã hoàn thành dự thảo Kế hoạch, gửi Văn phòng",
     dict(expected_output="Dự thảo Kế hoạch", action="Tổng hợp ý kiến góp ý đối với dự thảo Kế hoạch"), "ok", None),
    ("Đã trình UBND tỉnh Tờ trình số 12/TTr-STC, chờ phê duyệt",
     dict(expected_output="Tờ trình phương án điều chuyển vốn", action="Tham mưu phương án điều chuyển vốn"),
     "ok", None),
    ("Đã ban hành Công văn số 45/STC-TH đôn đốc các xã",
     dict(expected_output="", action="Đôn đốc các xã hoàn thành giải ngân"), "ok", None),
    # advising the People's Committee: the submission is the unit's part, of another kind than the decision
    ("Đã trình Tờ trình số 5/TTr-STC, chờ UBND tỉnh phê duyệt",
     dict(expected_output="Quyết định thành lập tổ công tác", action="Tham mưu thành lập tổ công tác rà soát"),
     "mismatch", ("to_trinh", "quyet_dinh")),
]


def _fold_case(text: str) -> str:
    return _fold(text).lower()


@pytest.mark.parametrize("folded", [False, True], ids=["dấu", "không dấu"])
@pytest.mark.parametrize("text,task,verdict,detail", CASES, ids=[c[0][:40] for c in CASES])
def test_completion_rules(text, task, verdict, detail, folded):
    if folded:
        text = _fold_case(text)
        task = {k: _fold_case(v) for k, v in task.items()}
    gate = check_done(text, TODAY)
    check = check_completion(text, gate.output, **task)
    assert check.verdict == verdict, (text, check)
    if verdict == "not_product":
        assert check.reason == detail
    elif verdict == "mismatch":
        assert (check.stated_kind, check.expected_kind) == detail
    assert check.accepted is (verdict == "ok")


def test_a_file_alone_is_not_named():
    gate = check_done("", TODAY, has_attachment=True)
    assert gate.accepted and gate.output is None
    assert check_completion("", None, has_attachment=True, **PLAN_TASK).verdict == "unnamed_file"
    named = check_done("Kế hoạch số 12/KH-UBND", TODAY, has_attachment=True)
    assert check_completion("Kế hoạch số 12/KH-UBND", named.output, has_attachment=True,
                            **PLAN_TASK).verdict == "ok"
    # a draft sent as a file is still a draft
    assert check_completion("dự thảo", None, has_attachment=True, **PLAN_TASK).reason == "draft"


@pytest.mark.parametrize("phrase,kind", [
    ("Báo cáo số 12/BC-SYT", "bao_cao"), ("văn bản số 12/KH", "ke_hoach"), ("QĐ 45/QĐ-UBND", "quyet_dinh"),
    ("Công văn số 45/STC-TH", "cong_van"), ("Tờ trình 12/TTr-SYT", "to_trinh"), ("de an phat trien", "de_an"),
    ("chi trả 120 hộ", None),
])
def test_kind_of(phrase, kind):
    assert kind_of(phrase) == kind


@pytest.mark.parametrize("expected,action,kind", [
    ("Kế hoạch", "", "ke_hoach"),
    ("", "Xây dựng Kế hoạch tăng trưởng năm 2026", "ke_hoach"),
    ("", "Báo cáo UBND tỉnh kết quả giải ngân", "bao_cao"),
    ("", "Tham mưu UBND tỉnh ban hành Quyết định phê duyệt giá đất", "quyet_dinh"),
    ("", "Triển khai Kế hoạch số 12/KH-UBND của UBND tỉnh", None),
    ("", "Rà soát tình hình giải ngân", None),
])
def test_expected_kind(expected, action, kind):
    assert expected_kind(expected, action) == kind
