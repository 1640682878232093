"""Unit names that read well in every reminder: no verb after the name, no "theo chức năng…",
names with commas kept whole, a body with the committees it stands for as one group; bullets
under a sentence with no actor are content, not tasks; the product named in the text."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives import lexicon as lx
from directives.names import is_only_units


def leads(text: str) -> list[tuple[str, list[str]]]:
    return [(t.lead, t.coordinators) for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    ("Bộ Lao động, Thương binh và Xã hội, Đài Phát thanh và Truyền hình tỉnh, Báo Bình An theo chức năng, "
     "nhiệm vụ được giao thực hiện tuyên truyền về an toàn lao động.",
     [("Bộ Lao động, Thương binh và Xã hội", []), ("Đài Phát thanh và Truyền hình tỉnh", []), ("Báo Bình An", [])]),
    ("Đề nghị Ban Tuyên giáo và Dân vận Trung ương lãnh đạo, chỉ đạo công tác tuyên truyền.",
     [("Ban Tuyên giáo và Dân vận Trung ương", [])]),
    ("Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam tăng cường thông tin tuyên truyền.",
     [("Đài Truyền hình Việt Nam", []), ("Đài Tiếng nói Việt Nam", []), ("Thông tấn xã Việt Nam", [])]),
    ("Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng cơ cấu lại nợ.",
     [("Ngân hàng Nhà nước Việt Nam", [])]),
    ("Kiểm toán Nhà nước phối hợp với Bộ Tài chính kiểm tra việc sử dụng ngân sách.",
     [("Kiểm toán Nhà nước", ["Bộ Tài chính"])]),
    ("Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam vận động nhân dân tham gia.",
     [("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", [])]),
    ("Ban Thường vụ Huyện ủy, Thị ủy chỉ đạo cấp ủy cơ sở triển khai thực hiện.",
     [("Ban Thường vụ Huyện ủy, Thị ủy", [])]),
    ("Sở Y tế chủ trì, phối hợp chặt chẽ với Sở Tài chính, Công an tỉnh, Sở Xây dựng kiểm tra an toàn thực phẩm.",
     [("Sở Y tế", ["Sở Tài chính", "Công an tỉnh", "Sở Xây dựng"])]),
    ("UBND tỉnh yêu cầu Sở Xây dựng theo chức năng, nhiệm vụ được giao kiểm tra công trình.",
     [("Sở Xây dựng", [])]),
    ("Bộ Văn hóa, Thể thao và Du lịch, Bộ Thông tin và Truyền thông chỉ đạo các cơ quan báo chí tuyên truyền.",
     [("Bộ Văn hóa, Thể thao và Du lịch", []), ("Bộ Thông tin và Truyền thông", [])]),
])
def test_names_read_well(text, expected):
    assert leads(text) == expected


def test_bullets_under_a_sentence_without_actor_are_not_tasks():
    text = ("1. Sở Nông nghiệp và Môi trường chủ trì xây dựng phương án ứng phó với bão, trình UBND tỉnh "
            "trước ngày 15/6/2026. Phương án phải bảo đảm các yêu cầu sau:\n"
            "- Xác định rõ vùng trọng điểm;\n- Bố trí lực lượng tại chỗ.\n")
    (task,) = extract_text(text).tasks
    assert task.lead == "Sở Nông nghiệp và Môi trường" and task.deadline.isoformat() == "2026-06-15"


def test_bullets_under_a_unit_heading_stay_tasks():
    text = "b) Phòng Tư pháp:\n- Rà soát văn bản quy phạm pháp luật;\n- Tổ chức phổ biến pháp luật.\n"
    assert [t.lead for t in extract_text(text).tasks] == ["Phòng Tư pháp", "Phòng Tư pháp"]


@pytest.mark.parametrize("text, output", [
    ("Sở Y tế rà soát các cơ sở, báo cáo UBND tỉnh kết quả thực hiện trước ngày 15/5/2026.",
     "Báo cáo UBND tỉnh kết quả thực hiện"),
    ("Sở Y tế tham mưu UBND tỉnh ban hành Kế hoạch phòng, chống dịch sốt xuất huyết năm 2026.",
     "Kế hoạch phòng, chống dịch sốt xuất huyết năm 2026"),
    ("Sở Nội vụ tham mưu ban hành Kế hoạch sắp xếp đơn vị hành chính, trình UBND tỉnh trước ngày 10/5/2026.",
     "Kế hoạch sắp xếp đơn vị hành chính"),
    ("Sở Tài chính tổng hợp, báo cáo Chủ tịch UBND tỉnh xem xét, quyết định.", "Báo cáo Chủ tịch UBND tỉnh"),
    ("Sở Y tế kiểm tra an toàn thực phẩm. Sản phẩm: Báo cáo kết quả kiểm tra.", "Báo cáo kết quả kiểm tra"),
    ("Sở Y tế kiểm tra an toàn thực phẩm.", None),
])
def test_expected_output_named_in_the_text(text, output):
    (task,) = extract_text(text).tasks
    assert task.output == output


def test_lexicon_of_bodies_is_data_covering_every_level():
    for section in ("heads", "standing", "central", "provincial", "district", "commune"):
        assert lx.BODIES[section], section
    assert ("thông", "tấn", "xã", "việt", "nam") in lx.KNOWN_BODIES
    assert ("bộ", "lao", "động", ",", "thương", "binh", "và", "xã", "hội") in lx.KNOWN_BODIES


@pytest.mark.parametrize("text, expected", [
    # the execution clause of a decision lists units but gives nobody a task
    ("Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Lao động - Thương binh và Xã hội, Nội vụ; Chủ tịch UBND "
     "các huyện và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.", []),
    # "X chuyển đơn, yêu cầu Y …": Y leads
    ("UBND tỉnh chuyển đơn, yêu cầu Chủ tịch UBND huyện Lập Sơn khẩn trương kiểm tra, báo cáo trước ngày 20/7/2026.",
     [("Chủ tịch UBND huyện Lập Sơn", [])]),
    ("Đồng ý để Công ty Cổ phần Xây dựng Bình An thực hiện việc khảo sát mỏ đất tại xã Hải Sơn.",
     [("Công ty Cổ phần Xây dựng Bình An", [])]),
    ("Tiếp thu kiến nghị của cử tri, Ủy ban nhân dân tỉnh giao Ủy ban nhân dân huyện Yên Bình khảo sát thực tế.",
     [("Ủy ban nhân dân huyện Yên Bình", [])]),
    ("Giao Sở Y tế chủ trì, phối hợp các đơn vị, địa phương liên quan kiểm tra; hoàn thành trước ngày 10/12/2026.",
     [("Sở Y tế", ["các đơn vị, địa phương liên quan"])]),
    ("Giao Sở Văn hóa chủ trì, phối hợp với UBND các huyện An Lão, Vĩnh Thạnh và Tây Sơn triển khai các hoạt động bảo tồn văn hóa.",
     [("Sở Văn hóa", ["UBND các huyện An Lão, Vĩnh Thạnh và Tây Sơn"])]),
    ("Giao Sở Y tế tổ chức triển khai và phối hợp với các sở ngành có liên quan thực hiện tốt chương trình.",
     [("Sở Y tế", ["các sở ngành có liên quan"])]),
    ("Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau: Giao các sở, ngành giải trình các nội dung.",
     [("Các sở, ngành", [])]),
])
def test_real_writing_habits(text, expected):
    assert leads(text) == expected


def test_a_source_note_is_not_a_task():
    text = ("3. Trung tâm Văn hóa huyện\n- Tăng cường các tin, bài tuyên truyền.\n"
            "(Nguồn công văn số 2983/UBND-VP - 22/09/2020)\n")
    assert [t.text for t in extract_text(text).tasks] == ["Tăng cường các tin, bài tuyên truyền."]


@pytest.mark.parametrize("text, expected", [
    ("Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh, cơ sở khám bệnh, chữa bệnh rà soát chi phí.",
     [("Sở Y tế", ["Bảo hiểm xã hội tỉnh", "cơ sở khám bệnh, chữa bệnh"])]),
    ("Phòng Văn hóa - Xã hội chủ trì, phối hợp với UBND các xã, cơ sở giáo dục trên địa bàn tổ chức ngày hội.",
     [("Phòng Văn hóa - Xã hội", ["UBND các xã", "cơ sở giáo dục"])]),
    ("Ngân hàng Nhà nước chi nhánh tỉnh chủ trì, phối hợp với Sở Tài chính, tổ chức tín dụng xử lý nợ.",
     [("Ngân hàng Nhà nước chi nhánh tỉnh", ["Sở Tài chính", "tổ chức tín dụng"])]),
])
def test_kinds_of_establishment_are_partners(text, expected):
    assert leads(text) == expected


def test_an_establishment_as_the_object_is_no_partner():
    assert leads("Sở Y tế kiểm tra cơ sở khám bệnh, chữa bệnh tư nhân.") == [("Sở Y tế", [])]


@pytest.mark.parametrize("text, expected", [
    # a run of generic nouns closed by "liên quan", "các" left out as table cells do: a catch-all
    ("Sở Y tế chủ trì, phối hợp với cơ quan, đơn vị có liên quan rà soát chi phí.",
     [("Sở Y tế", ["cơ quan, đơn vị có liên quan"])]),
    ("Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp, cơ quan, tổ chức liên quan, cơ sở giáo dục rà soát hồ sơ.",
     [("Phòng Nội vụ", ["Phòng Tư pháp", "cơ sở giáo dục"])]),
    ("| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |\n| 1 | Kiểm kê đất công | UBND xã | đơn vị, tổ chức có liên quan |\n",
     [("UBND xã", ["đơn vị, tổ chức có liên quan"])]),
    # not: the units an action is about
    ("Sở Xây dựng hướng dẫn cơ quan, đơn vị liên quan lập hồ sơ.", [("Sở Xây dựng", [])]),
])
def test_a_bare_run_of_kinds_concerned_is_a_catchall(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Giao các đơn vị sự nghiệp gồm: Trung tâm Y tế huyện, Bệnh viện Đa khoa huyện tổ chức khám sàng lọc.",
     ["Trung tâm Y tế huyện", "Bệnh viện Đa khoa huyện"]),
    ("Các cơ sở giáo dục đại học trọng điểm gồm: Trường Đại học Sư phạm, Trường Đại học Nông Lâm tổ chức bồi dưỡng.",
     ["Trường Đại học Sư phạm", "Trường Đại học Nông Lâm"]),
    ("2. Các đơn vị bao gồm Phòng Tư pháp, Phòng Nội vụ rà soát hồ sơ.", ["Phòng Tư pháp", "Phòng Nội vụ"]),
    # not: the members of what the unit acts on
    ("Sở Y tế kiểm tra các cơ sở gồm: Bệnh viện Đa khoa tỉnh, Bệnh viện Lao.", ["Sở Y tế"]),
])
def test_the_members_after_gom_are_the_leads(text, expected):
    assert [lead for lead, _ in leads(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the mass organisations are a kind of body, kept beside the units named before them
    ("Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội tỉnh vận động nhân dân.",
     [("Ủy ban Mặt trận Tổ quốc tỉnh", []), ("Các tổ chức chính trị - xã hội tỉnh", [])]),
    ("Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp, các tổ chức chính trị - xã hội xã tổ chức hội nghị.",
     [("Phòng Nội vụ", ["Phòng Tư pháp", "các tổ chức chính trị - xã hội xã"])]),
    # a speaker asking, however politely, hands the work to the units after it
    ("Chính phủ trân trọng đề nghị Văn phòng Trung ương Đảng, Ban Nội chính Trung ương phối hợp theo dõi.",
     [("Văn phòng Trung ương Đảng", []), ("Ban Nội chính Trung ương", [])]),
    ("UBND tỉnh kính đề nghị Bộ Xây dựng xem xét, hướng dẫn.", [("Bộ Xây dựng", [])]),
    ("Trân trọng đề nghị Sở Tài chính thẩm định dự toán.", [("Sở Tài chính", [])]),
])
def test_kinds_and_speakers_around_the_leads(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one "các" over lowercase kinds of party and state bodies: one group, kept as a lead
    ("Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội từ Trung ương "
     "đến địa phương lãnh đạo việc thực hiện Nghị quyết.",
     [("Các cấp ủy, tổ chức đảng, chính quyền", []), ("Mặt trận Tổ quốc", []),
      ("Các tổ chức chính trị - xã hội từ Trung ương đến địa phương", [])]),
    ("Các cấp ủy, chính quyền các cấp tập trung lãnh đạo công tác phòng, chống dịch.",
     [("Các cấp ủy, chính quyền các cấp", [])]),
    ("Các chi bộ, đảng bộ từ Trung ương đến cơ sở tổ chức sinh hoạt chuyên đề.",
     [("Các chi bộ, đảng bộ từ Trung ương đến cơ sở", [])]),
    ("Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với các cấp ủy, chính quyền địa phương tổ chức tuyên truyền.",
     [("Ban Tuyên giáo Huyện ủy", ["các cấp ủy, chính quyền địa phương"])]),
    # not: "các cấp" alone is every level, no kind of body
    ("UBND các cấp tổ chức kiểm tra.", [("UBND các cấp", [])]),
])
def test_lowercase_kinds_of_party_bodies_are_a_group(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, known, raw", [
    ("Sở Y tế, Công an tỉnh và UBND các xã", True, True),
    ("Ủy ban nhân dân các tỉnh, thành phố", True, True),
    ("UBND xã An Bình và các đơn vị liên quan", True, True),
    ("Xưởng cơ khí Tân Phú, Sở Y tế", False, True),  # a head the vocabulary lacks: read only when raw
    ("Bộ Công an chủ trì", False, False),
    ("Rà soát tình hình giải ngân vốn", False, False),
    ("", False, False),
])
def test_a_text_of_units_only(text, known, raw):
    """A table's lead cell or a lead field naming units and nothing more."""
    assert is_only_units(text) is known
    assert is_only_units(text, raw=True) is raw


@pytest.mark.parametrize("text, name", [
    ("UBND tỉnh Hòa Bình vừa chỉ đạo các sở kiểm tra giá xăng dầu.", "UBND tỉnh Hòa Bình"),
    ("Sở Giáo dục và Đào tạo tỉnh Bình An sẽ tổ chức kỳ thi vào ngày 10/6.", "Sở Giáo dục và Đào tạo tỉnh Bình An"),
    ("Ban Thường vụ Huyện ủy Tân Phú đồng ý với đề xuất của Đảng ủy xã.", "Ban Thường vụ Huyện ủy Tân Phú"),
    ("Phòng Tài chính - Kế hoạch huyện đã thẩm định dự toán.", "Phòng Tài chính - Kế hoạch huyện"),
    ("Hội Nông dân xã Mỹ Lộc cũng vận động hội viên tham gia.", "Hội Nông dân xã Mỹ Lộc"),
    # a lowercase tail that is the name's own stays in it
    ("Chi cục An toàn vệ sinh thực phẩm tổ chức kiểm tra.", "Chi cục An toàn vệ sinh thực phẩm"),
    ("Trung tâm Kiểm soát bệnh tật tỉnh hướng dẫn các xã.", "Trung tâm Kiểm soát bệnh tật tỉnh"),
])
def test_tense_and_assent_end_a_name(text, name):
    from directives.names import parse_unit_list
    from directives.text import tokenize
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [u.text for u in units] == [name]


@pytest.mark.parametrize("text, lead, partners", [
    ("Yêu cầu UBND các phường: Hòa An, Tân Lập, Phú Mỹ rà soát các hộ nghèo trước ngày 30/3/2025.",
     "UBND các phường: Hòa An, Tân Lập, Phú Mỹ", []),
    ("UBND các xã: Tân An, Mỹ Lộc và Phú Hòa tổ chức ra quân dọn vệ sinh môi trường.",
     "UBND các xã: Tân An, Mỹ Lộc và Phú Hòa", []),
    # as partners, one per place
    ("Sở Tài chính chủ trì, phối hợp với UBND các huyện: Tân An, Mỹ Lộc rà soát tài sản công.",
     "Sở Tài chính", ["UBND huyện Tân An", "UBND huyện Mỹ Lộc"]),
    # a heading's colon before the work names no place
    ("b) UBND các xã: Tổ chức tuyên truyền tại cơ sở.", "UBND các xã", []),
])
def test_a_committee_of_places_listed_after_a_colon_leads_as_one_group(text, lead, partners):
    assert leads(text) == [(lead, partners)]


@pytest.mark.parametrize("text, expected", [
    ("Ủy ban nhân dân thành phố và các huyện tổ chức đánh giá kế hoạch sử dụng đất.",
     ["Ủy ban nhân dân thành phố và các huyện"]),
    ("UBND tỉnh và các huyện, thị xã chỉ đạo kiểm tra giá vật tư nông nghiệp.", ["UBND tỉnh và các huyện, thị xã"]),
    ("UBND huyện và các xã, thị trấn tăng cường tuyên truyền phòng cháy.", ["UBND huyện và các xã, thị trấn"]),
    # other bodies after "và các" are leads of their own or a catch-all, not places of the committee
    ("UBND huyện và các cơ quan liên quan tăng cường tuyên truyền phòng cháy.", ["UBND huyện"]),
    ("UBND huyện Tân An và các xã Mỹ Lộc, Phú Hòa tăng cường tuyên truyền.",
     ["UBND huyện Tân An", "Xã Mỹ Lộc", "Xã Phú Hòa"]),
])
def test_a_committee_and_the_places_below_it_is_one_group(text, expected):
    assert [lead for lead, _ in leads(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("1. Sở Xây dựng:\n\n- Thanh tra, kiểm tra, xử lý theo thẩm quyền các hành vi vi phạm.", ["Sở Xây dựng"]),
    ("2. Phòng Tài chính - Kế hoạch:\n\n- Thanh tra, giám sát việc sử dụng kinh phí hỗ trợ.",
     ["Phòng Tài chính - Kế hoạch"]),
    ("3. Sở Tài chính:\n\n- Kiểm toán, kiểm tra việc quyết toán vốn đầu tư.", ["Sở Tài chính"]),
    # the inspectorate itself
    ("Thanh tra tỉnh kiểm tra việc thực hiện chính sách.", ["Thanh tra tỉnh"]),
    ("Thanh tra, Công an tỉnh kiểm tra việc thực hiện chính sách.", ["Thanh tra", "Công an tỉnh"]),
])
def test_thanh_tra_in_a_run_of_verbs_is_the_verb(text, expected):
    assert [lead for lead, _ in leads(text)] == expected


@pytest.mark.parametrize("text, leads", [
    # the units named as examples of a kind lead, not the kind
    ("Các ngành chức năng như: Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Cục Hải quan tỉnh tăng cường "
     "phối hợp kiểm tra.", ["Công an tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Cục Hải quan tỉnh"]),
    ("Các ngành chức năng như Công an huyện, Phòng Y tế… tăng cường kiểm tra.", ["Công an huyện", "Phòng Y tế"]),
    ("Các sở, ngành như Sở Y tế, Sở Công Thương tăng cường kiểm tra.", ["Sở Y tế", "Sở Công Thương"]),
    # "như" that names no unit: the kind stays the lead
    ("Các sở, ngành như thường lệ tăng cường kiểm tra.", ["Các sở, ngành"]),
])
def test_units_named_as_examples_of_a_kind_lead(text, leads):
    assert [t.lead for t in extract_text(text).tasks] == leads


@pytest.mark.parametrize("text, expected", [
    # "nhỏ và vừa" (small and medium) is one pair inside a body's name, not two units
    ("Đề nghị Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh, Hội Nông dân tỉnh động viên hội viên sản xuất.",
     ["Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh", "Hội Nông dân tỉnh"]),
    ("Hội Doanh nghiệp nhỏ và vừa huyện, Phòng Kinh tế tổ chức tập huấn.",
     ["Hội Doanh nghiệp nhỏ và vừa huyện", "Phòng Kinh tế"]),
    # not: "và" between two bodies still parts them
    ("Phòng Kinh tế và Phòng Nội vụ tổ chức kiểm tra.", ["Phòng Kinh tế", "Phòng Nội vụ"]),
])
def test_small_and_medium_is_one_pair_inside_a_name(text, expected):
    assert [lead for lead, _ in leads(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # kinds of association after "các" are leads of their own, and "động viên" is their verb
    ("Đề nghị Hội Nông dân tỉnh, các hội nghề nghiệp, các tổ chức xã hội động viên hội viên tham gia.",
     ["Hội Nông dân tỉnh", "Các hội nghề nghiệp", "Các tổ chức xã hội"]),
    ("Đề nghị Liên đoàn Lao động huyện, các hiệp hội nghề nghiệp khuyến khích đoàn viên đăng ký.",
     ["Liên đoàn Lao động huyện", "Các hiệp hội nghề nghiệp"]),
    # not: "xã hội" is no commune ("xã") after "các tổ chức"
    ("Các tổ chức xã hội tăng cường giám sát việc thực hiện.", ["Các tổ chức xã hội"]),
])
def test_kinds_of_association_are_leads(text, expected):
    assert [lead for lead, _ in leads(text)] == expected
