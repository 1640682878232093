"""Coordinators as local texts name them: a kind of body without "các" closing a list ("Sở Tài chính
và cơ quan, địa phương liên quan"), the same body at several levels. Places are invented."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives.names import parse_unit_list
from directives.text import tokenize

HEAD = "Kính gửi: các cơ quan.\n\n"


def tasks(text: str) -> list[tuple]:
    return [(t.lead, t.coordinators) for t in extract_text(HEAD + text).tasks]


@pytest.mark.parametrize("text, expected", [
    ("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính và cơ quan, địa phương liên quan hướng dẫn thanh toán chi phí.",
     [("Sở Y tế", ["Sở Tài chính"])]),
    ("Giao Sở Tài chính chủ trì, phối hợp với cơ quan, địa phương liên quan thành lập Quỹ.",
     [("Sở Tài chính", ["cơ quan, địa phương liên quan"])]),
    ("Phòng Kinh tế phối hợp với Công an xã, đơn vị có liên quan kiểm tra các cơ sở kinh doanh.",
     [("Phòng Kinh tế", ["Công an xã"])]),
    ("Công an huyện phối hợp với lực lượng chức năng, cơ quan chuyên môn khác tuần tra trên sông.",
     [("Công an huyện", ["lực lượng chức năng, cơ quan chuyên môn khác"])]),
])
def test_a_kind_of_body_without_cac_closes_a_list_of_partners(text, expected):
    assert tasks(text) == expected


def test_the_action_after_such_a_list_is_clean():
    text = "Giao Sở Xây dựng chủ trì, phối hợp với Văn phòng Ban Chỉ huy và cơ quan, địa phương liên quan ban hành Quy chế."
    assert [t.summary for t in extract_text(HEAD + text).tasks] == ["Ban hành Quy chế"]


@pytest.mark.parametrize("text, expected", [
    ("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã chủ trì diễn tập", ["Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã"]),
    ("Hội đồng thi đua khen thưởng cấp tỉnh và cấp xã rà soát hồ sơ", ["Hội đồng thi đua khen thưởng cấp tỉnh và cấp xã"]),
    # a level after a comma that opens something else is not the name's
    ("Ban Chỉ đạo cấp tỉnh, cấp ủy các cấp", ["Ban Chỉ đạo cấp tỉnh"]),
])
def test_the_same_body_at_several_levels_is_one_name(text, expected):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [u.text for u in units][:1] == expected


@pytest.mark.parametrize("text, expected", [
    ("Giao Sở Y tế chủ trì, với sự tham gia của Sở Tài chính, rà soát danh mục thuốc.", [("Sở Y tế", ["Sở Tài chính"])]),
    ("Phòng Nội vụ có sự phối hợp của Phòng Tư pháp hoàn thiện hồ sơ.", [("Phòng Nội vụ", ["Phòng Tư pháp"])]),
    ("Giao Công an xã chủ trì, cùng với Ban Chỉ huy Quân sự xã tuần tra.",
     [("Công an xã", ["Ban Chỉ huy Quân sự xã"])]),
    ("Sở Công Thương phối hợp chặt chẽ với Sở Tài chính, Thuế tỉnh kiểm tra thị trường.",
     [("Sở Công Thương", ["Sở Tài chính", "Thuế tỉnh"])]),
    # two units given the work together are two leads, not a lead and its partner
    ("Sở Xây dựng cùng với Sở Giao thông vận tải rà soát các tuyến đường.",
     [("Sở Xây dựng", []), ("Sở Giao thông vận tải", [])]),
])
def test_phrases_that_name_a_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the unit directed does the work with its partner: the lead has none of its own
    ("Cục Đường bộ chỉ đạo các Khu Quản lý đường bộ II và III phối hợp với các Sở Xây dựng liên quan phân luồng.",
     [("Cục Đường bộ", [])]),
    ("Sở Y tế chỉ đạo các Trung tâm Y tế phối hợp với UBND các xã phun thuốc.", [("Sở Y tế", [])]),
])
def test_the_partner_of_a_unit_directed_is_not_the_leads(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("các Sở Xây dựng liên quan tổ chức", "các Sở Xây dựng liên quan"),
    ("các Sở Xây dựng nêu trên tổ chức", "các Sở Xây dựng nêu trên"),
    ("các Phòng Tư pháp rà soát", "các Phòng Tư pháp"),
    ("các sở, ngành tổ chức", "các sở, ngành"),
])
def test_one_kind_of_department_in_every_place(text, expected):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [u.text for u in units] == [expected]


@pytest.mark.parametrize("text, expected", [
    # one committee's name run on over the places it lists, as "UBND các xã A, B" is one group
    ("Phòng Nông nghiệp chủ trì, phối hợp với Phòng Tài chính, UBND xã Ea Sơn, Bình Lộc, thị trấn Buôn Hồ kiểm tra.",
     ["Phòng Tài chính", "UBND xã Ea Sơn, Bình Lộc, thị trấn Buôn Hồ"]),
    ("Công an huyện phối hợp với UBND xã Tân Lập và Hòa An tuần tra.", ["UBND xã Tân Lập và Hòa An"]),
    # a unit after the comma is a partner of its own
    ("Công an huyện phối hợp với UBND xã Tân Lập, Trạm Y tế xã Tân Lập tuyên truyền.",
     ["UBND xã Tân Lập", "Trạm Y tế xã Tân Lập"]),
    # "UBND các huyện: A, B và C" names each committee
    ("Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng và UBND các huyện: Hòa An, Tân Lập nghiên cứu phương án.",
     ["Sở Xây dựng", "UBND huyện Hòa An", "UBND huyện Tân Lập"]),
])
def test_a_committee_and_the_places_it_lists(text, expected):
    assert [c for _, coordinators in tasks(text) for c in coordinators] == expected


@pytest.mark.parametrize("text, expected", [
    ("Sở Xây dựng chủ trì, phối hợp Trung tâm Chuyển đổi số Thành phố xây dựng phương án phần mềm dùng chung.",
     [("Sở Xây dựng", ["Trung tâm Chuyển đổi số Thành phố"])]),
    ("Sở Y tế phối hợp với Trung tâm Y tế Huyện đánh giá tình hình dịch bệnh.",
     [("Sở Y tế", ["Trung tâm Y tế Huyện"])]),
    # a descriptive name runs on in lowercase until its level
    ("Sở Giao thông vận tải phối hợp với Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh kiểm tra.",
     [("Sở Giao thông vận tải", ["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"])]),
])
def test_a_capitalized_level_closes_a_descriptive_name(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sở Xây dựng chủ động phối hợp với các đơn vị quản lý đường bộ khu vực, các lực lượng chức năng phân luồng.",
     ["các đơn vị quản lý đường bộ khu vực"]),
    ("Sở Văn hóa phối hợp với các cơ quan truyền thông đưa tin kịp thời.", ["các cơ quan truyền thông"]),
    ("Cục Kinh tế xây dựng phối hợp chặt chẽ với các địa phương theo dõi giá vật liệu xây dựng.", ["các địa phương"]),
])
def test_kinds_named_by_what_they_do(text, expected):
    assert [c for _, coordinators in tasks(text) for c in coordinators] == expected


@pytest.mark.parametrize("text, expected", [
    ("Đề nghị Hội Nông dân tỉnh, Tỉnh Đoàn phát động phong trào thi đua, phối hợp với chính quyền các cấp "
     "trong vận động nhân dân.",
     [("Hội Nông dân tỉnh", ["chính quyền các cấp"]), ("Tỉnh Đoàn", ["chính quyền các cấp"])]),
    ("Phòng Văn hóa phối hợp với chính quyền cấp xã kiểm tra các cơ sở karaoke.",
     [("Phòng Văn hóa", ["chính quyền cấp xã"])]),
    # government as the object of the work is no partner
    ("Sở Nội vụ chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy tham mưu xây dựng chính quyền các cấp vững mạnh.",
     [("Sở Nội vụ", ["Ban Tổ chức Tỉnh ủy"])]),
])
def test_government_at_every_level_is_a_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Giao Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Tài chính, các cơ quan liên quan và địa phương "
     "có rừng xây dựng cơ sở dữ liệu.",
     [("Bộ Nông nghiệp và Môi trường", ["Bộ Tài chính", "địa phương có rừng"])]),
    ("Sở Xây dựng phối hợp với Công an tỉnh, các đơn vị có liên quan và địa phương ven biển kiểm tra các công trình.",
     [("Sở Xây dựng", ["Công an tỉnh", "địa phương ven biển"])]),
    # no area narrows the kind after "và": the run stays one catch-all, dropped beside a named partner
    ("Phòng Kinh tế phối hợp với Chi cục Thuế, các cơ quan liên quan và địa phương kiểm tra các cơ sở.",
     [("Phòng Kinh tế", ["Chi cục Thuế"])]),
])
def test_an_area_narrowed_kind_after_a_catch_all_is_a_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sở Công Thương chủ trì, cùng Sở Nông nghiệp và Môi trường, Sở Khoa học và Công nghệ xây dựng kế hoạch.",
     [("Sở Công Thương", ["Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ"])]),
    ("Giao Phòng Y tế chủ trì, cùng Trung tâm Y tế huyện và UBND các xã kiểm tra an toàn thực phẩm.",
     [("Phòng Y tế", ["Trung tâm Y tế huyện", "UBND các xã"])]),
    # "cùng" before a verb is "together", no partner
    ("Sở Tư pháp chủ trì, cùng tham gia thẩm định các dự thảo văn bản.", [("Sở Tư pháp", [])]),
])
def test_cung_right_after_chu_tri_names_the_partners(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, summary", [
    ("Ban Quản lý các khu công nghiệp chủ trì, phối hợp với các doanh nghiệp, Liên đoàn Lao động tỉnh tổ chức "
     "đối thoại.", "Tổ chức đối thoại"),
    ("Sở Lao động chủ trì, phối hợp với Liên đoàn Lao động tỉnh và các doanh nghiệp tổ chức đối thoại.",
     "Tổ chức đối thoại"),
    # an enterprise as the object of the work stays in it
    ("Sở Công Thương chủ trì kiểm tra các doanh nghiệp kinh doanh xăng dầu.", "Kiểm tra các doanh nghiệp kinh doanh xăng dầu"),
])
def test_enterprises_among_the_partners_leave_the_action(text, summary):
    assert [t.summary for t in extract_text(HEAD + text).tasks] == [summary]


@pytest.mark.parametrize("text, expected", [
    ("Bộ Thông tin và Truyền thông chủ trì, phối hợp chặt chẽ, quyết liệt với Ban Tuyên giáo Trung ương, "
     "các cơ quan thông tấn, báo chí tổ chức tuyên truyền.",
     [("Bộ Thông tin và Truyền thông", ["Ban Tuyên giáo Trung ương", "các cơ quan thông tấn, báo chí"])]),
    ("Sở Y tế phối hợp có hiệu quả với Sở Giáo dục và Đào tạo kiểm tra an toàn thực phẩm trường học.",
     [("Sở Y tế", ["Sở Giáo dục và Đào tạo"])]),
    # the manner of directing is no partner cue
    ("Công an huyện chỉ đạo quyết liệt các lực lượng tuần tra.", [("Công an huyện", [])]),
])
def test_how_closely_units_work_together(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, summary", [
    ("Giao Sở Giáo dục và Đào tạo chủ trì, Sở Y tế, Sở Tài chính phối hợp tổ chức khám sức khỏe cho học sinh.",
     "Tổ chức khám sức khỏe cho học sinh"),
    ("Công an xã chủ trì, Ban Chỉ huy Quân sự xã phối hợp thực hiện tuần tra ban đêm.", "Tuần tra ban đêm"),
    # no partner before a verb: the action after "chủ trì" is kept whole
    ("Sở Tài chính chủ trì, tổng hợp báo cáo UBND tỉnh.", "Tổng hợp báo cáo UBND tỉnh"),
])
def test_partners_named_before_their_verb_leave_the_action(text, summary):
    assert [t.summary for t in extract_text(HEAD + text).tasks] == [summary]


@pytest.mark.parametrize("text, expected", [
    # individuals close the run of kinds: the whole "các cơ quan, tổ chức, cá nhân có liên quan" is one catch-all
    ("Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tư pháp, UBND các xã, phường và các cơ quan, tổ chức, "
     "cá nhân có liên quan kiểm tra việc thi hành Luật.",
     [("Sở Khoa học và Công nghệ", ["Sở Tư pháp", "UBND các xã, phường"])]),
    ("Sở Tư pháp phối hợp với các cơ quan, tổ chức, cá nhân có liên quan tuyên truyền pháp luật.",
     [("Sở Tư pháp", ["các cơ quan, tổ chức, cá nhân có liên quan"])]),
    # individuals the work is for are no partners
    ("Sở Nội vụ phối hợp với Sở Tư pháp, Công an tỉnh hướng dẫn cá nhân, tổ chức thực hiện thủ tục.",
     [("Sở Nội vụ", ["Sở Tư pháp", "Công an tỉnh"])]),
])
def test_individuals_close_a_catch_all(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the unit directed joins in and works with the partner: the lead has no partner of its own
    ("Công an thành phố ra quân xử lý vi phạm; đồng thời chỉ đạo Công an các phường tham gia, phối hợp với "
     "chính quyền địa phương trong công tác ra quân.", [("Công an thành phố", [])]),
    ("Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh hỗ trợ và phối hợp với UBND các huyện xử lý ổ dịch.",
     [("Sở Y tế", [])]),
    # the lead's own "tham gia, phối hợp với": its partner
    ("Sở Công Thương tham gia, phối hợp với Sở Tài chính kiểm tra giá.", [("Sở Công Thương", ["Sở Tài chính"])]),
])
def test_the_unit_directed_joins_in_with_its_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # kinds of body named by the work they do, closed by "(có) liên quan": a group, kept beside a named partner
    ("Vụ Pháp chế chủ trì, phối hợp với Cục Thống kê và các đơn vị xây dựng pháp luật có liên quan rà soát văn bản.",
     [("Vụ Pháp chế", ["Cục Thống kê", "các đơn vị xây dựng pháp luật có liên quan"])]),
    ("Phòng Tài chính - Kế hoạch phối hợp với Phòng Nội vụ, các cơ quan thực hiện dự án đầu tư khác có liên quan "
     "tổng hợp số liệu.",
     [("Phòng Tài chính - Kế hoạch", ["Phòng Nội vụ", "các cơ quan thực hiện dự án đầu tư khác có liên quan"])]),
    # "liên quan đến" opens what the work is about: the verb is the action, the kind a catch-all
    ("Sở Công Thương phối hợp với Công an tỉnh và các đơn vị rà soát hồ sơ liên quan đến dự án.",
     [("Sở Công Thương", ["Công an tỉnh"])]),
])
def test_kinds_named_by_the_work_they_do_then_concerned(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the trade that names a kind of enterprise is part of the partner's name
    ("Sở Khoa học và Công nghệ phối hợp với các doanh nghiệp cung cấp dịch vụ viễn thông rà soát hạ tầng mạng.",
     ["các doanh nghiệp cung cấp dịch vụ viễn thông"]),
    ("Phòng Kinh tế phối hợp với Công an xã, các cơ sở sản xuất thức ăn chăn nuôi kiểm tra chất lượng.",
     ["Công an xã", "các cơ sở sản xuất thức ăn chăn nuôi"]),
    # a verb with no trade after the kind is the action
    ("Sở Y tế phối hợp với các doanh nghiệp triển khai các giải pháp bảo đảm an toàn thực phẩm.",
     ["các doanh nghiệp"]),
])
def test_the_trade_of_an_enterprise_partner(text, expected):
    assert [c for _, coordinators in tasks(text) for c in coordinators] == expected


@pytest.mark.parametrize("text, expected", [
    # the party committee with the government of a place: one partner
    ("Đồn Biên phòng phối hợp với cấp ủy, chính quyền địa phương tuyên truyền phòng, chống ma túy.",
     [("Đồn Biên phòng", ["cấp ủy, chính quyền địa phương"])]),
    ("Hội Cựu chiến binh huyện phối hợp với cấp ủy, chính quyền các cấp vận động hội viên.",
     [("Hội Cựu chiến binh huyện", ["cấp ủy, chính quyền các cấp"])]),
    # the partner of a unit directed, its work after a colon, is not the lead's
    ("Công an tỉnh chỉ đạo Công an các xã: Phối hợp với cấp ủy, chính quyền địa phương rà soát người nghiện.",
     [("Công an tỉnh", [])]),
])
def test_party_committee_and_government_as_one_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # forest owners are a role the forestry law names, like investors: a unit
    ("Hạt Kiểm lâm phối hợp với các chủ rừng, Công an xã tuần tra bảo vệ rừng.",
     [("Hạt Kiểm lâm", ["các chủ rừng", "Công an xã"])]),
    ("Đề nghị các chủ rừng xây dựng phương án phòng cháy, chữa cháy rừng.", [("Các chủ rừng", [])]),
    # the owner's duty as a noun phrase, no partner
    ("Hạt Kiểm lâm hướng dẫn thực hiện trách nhiệm chủ rừng theo Luật Lâm nghiệp.", [("Hạt Kiểm lâm", [])]),
])
def test_forest_owners_are_units(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the bodies an audit or inspection covered: a group, kept beside the catch-all it precedes
    ("Giao Sở Tài chính chủ trì, phối hợp với các đơn vị được kiểm toán tại mục 2 nêu trên và các cơ quan, đơn vị "
     "có liên quan tổng hợp kết quả khắc phục.",
     [("Sở Tài chính", ["các đơn vị được kiểm toán tại mục 2 nêu trên"])]),
    ("Thanh tra huyện phối hợp với các đơn vị được thanh tra, Phòng Y tế theo dõi việc khắc phục sai phạm.",
     [("Thanh tra huyện", ["các đơn vị được thanh tra", "Phòng Y tế"])]),
    # those concerned, with nobody named before them, stay a catch-all
    ("Sở Nội vụ phối hợp với các cơ quan, đơn vị có liên quan tổ chức kiểm tra.",
     [("Sở Nội vụ", ["các cơ quan, đơn vị có liên quan"])]),
])
def test_the_bodies_an_audit_covered(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # generic kinds after a kind, under one "các": one group
    ("Ban Công tác Mặt trận thôn phối hợp với các chi hội, đoàn thể lập danh sách cử tri.",
     [("Ban Công tác Mặt trận thôn", ["các chi hội, đoàn thể"])]),
    ("Phòng Văn hóa - Xã hội phối hợp với các trường học, đơn vị trực thuộc tổ chức ngày hội đọc sách.",
     [("Phòng Văn hóa - Xã hội", ["các trường học, đơn vị trực thuộc"])]),
    # a named unit after the comma is a partner of its own
    ("Phòng Văn hóa - Xã hội phối hợp với các trường học, Công an xã bảo đảm an ninh trường học.",
     [("Phòng Văn hóa - Xã hội", ["các trường học", "Công an xã"])]),
])
def test_generic_kinds_after_a_kind_are_one_group(text, expected):
    assert tasks(text) == expected
