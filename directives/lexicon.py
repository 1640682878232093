"""Vocabulary of Vietnamese administrative writing: unit heads, group nouns, verbs.

Everything here is general language of directives ("Sở …", "UBND các xã, phường",
"chủ trì, phối hợp với …"), never the name of a particular place or unit.
All entries are lowercase; matching is done on case-folded syllables.
"""
from __future__ import annotations

import re
from importlib import resources


def phrases_of(text: str) -> frozenset[tuple[str, ...]]:
    """A "|"-separated list of phrases as word tuples (for small sets kept beside their one use)."""
    return _phrases(text)


def _phrases(text: str) -> frozenset[tuple[str, ...]]:
    # a comma is a token of its own, as the tokenizer reads it ("ban, ngành" is "ban", ",", "ngành")
    return frozenset(tuple(p.replace(",", " , ").split()) for p in text.split("|") if p.strip())


def _bodies() -> dict[str, frozenset[tuple[str, ...]]]:
    """The sections of data/bodies.txt, each a set of names as lowercase tokens (commas kept)."""
    sections: dict[str, set[tuple[str, ...]]] = {}
    current = None
    text = resources.files(__package__).joinpath("data", "bodies.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
            continue
        if current is not None:
            name = tuple(t.casefold() for t in re.findall(r"\w+(?:[&/.\-]\w+)*|[^\w\s]", line))
            current.update(_abbreviated(name))
    return {name: frozenset(names) for name, names in sections.items()}


# Councils and committees as directives shorten them inside longer names ("Văn phòng Đoàn đại biểu
# Quốc hội và HĐND tỉnh")
_ABBREVIATIONS = {("hội", "đồng", "nhân", "dân"): "hđnd", ("ủy", "ban", "nhân", "dân"): "ubnd",
                  ("uỷ", "ban", "nhân", "dân"): "ubnd"}


def _abbreviated(name: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The name, and the name with each council or committee written short."""
    forms = {name}
    for words, short in _ABBREVIATIONS.items():
        for form in list(forms):
            k = next((k for k in range(len(form)) if form[k:k + len(words)] == words), None)
            if k is not None:
                forms.add(form[:k] + (short,) + form[k + len(words):])
    return forms


def _written_names() -> dict[tuple[str, ...], str]:
    """The full names of data/bodies.txt as written, by their lowercase tokens: a title set in
    capitals ("NHIỆM VỤ CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG") names the body in its usual spelling."""
    names: dict[tuple[str, ...], str] = {}
    text = resources.files(__package__).joinpath("data", "bodies.txt").read_text(encoding="utf-8")
    section = None
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif line and section not in (None, "heads", "standing"):
            names[tuple(t.casefold() for t in re.findall(r"\w+(?:[&/.\-]\w+)*|[^\w\s]", line))] = line
    return names


BODIES = _bodies()
WRITTEN_NAMES = _written_names()
# Names of state bodies at every level (data/bodies.txt): a name found whole ends there.
KNOWN_BODIES = BODIES["central"] | BODIES["provincial"] | BODIES["district"] | BODIES["commune"]
# Heads that, capitalized and alone, name one body ("Mặt trận" for the Fatherland Front).
SHORT_FORMS = BODIES["short"]
# Party committees that a body may stand for together ("Ban Thường vụ Huyện ủy, Thị ủy").
STANDING_BODIES = BODIES["standing"]


# Heads of unit names that must be followed by a capitalized name ("Sở Tư pháp",
# "Phòng Lao động …", "Ban Quản lý …"): lowercase after them means an ordinary word
# ("phòng họp", "ban hành", "báo cáo", "trường hợp").
NAMED_HEADS = _phrases(
    "sở|phòng|ban|chi cục|cục|tổng cục|bộ|bộ môn|vụ|viện|trung tâm|đài|báo|trường|bệnh viện|kho bạc|"
    "văn phòng|vp|ngân hàng|quỹ|công ty|tổng công ty|hội|liên đoàn|đoàn|ủy ban|uỷ ban|"
    "tòa án|toà án|bộ chỉ huy|ban chỉ huy|bộ tư lệnh|btl|bộ đội|cảnh sát|hạt|đồn|cảng vụ|học viện|"
    "tập đoàn|chi nhánh|mặt trận|đảng ủy|đảng uỷ|thường trực|văn phòng thường trực|cơ quan thường trực|"
    "tổ công tác|tổ|tiểu ban|hội đồng|ban quản lý|trạm|chi hội|nhà xuất bản|phân hiệu|ban thư ký|tổ thư ký|"
    "hiệp hội|liên minh|liên hiệp|hội liên hiệp|đội|tổng đội|nhà máy|bảo tàng|thư viện|nhà văn hóa|"
    "nhà văn hoá|cơ quan đại diện|văn phòng đại diện|phân viện|lữ đoàn|trung đoàn|sư đoàn|bộ tư lệnh vùng|hợp tác xã|"
    "vườn quốc gia|khu bảo tồn thiên nhiên|khu bảo tồn|"
    # a body's web portal, handed what to publish ("Cổng Thông tin điện tử tỉnh", "Trang TTĐT Sở …")
    "cổng|trang|cổng ttđt|trang ttđt|"
    # "BCĐ PCTT&TKCN xã", "BCĐ phòng, chống dịch …": a steering board abbreviated; "UBKT Đoàn trường", "BCH
    # Đoàn khoa": a committee's inspection board and executive
    "bcđ|ubkt|bch|"
    # "Ủy ban kiểm tra Đảng ủy", its inspection committee, often with "kiểm tra" in lower case
    "ủy ban kiểm tra|uỷ ban kiểm tra|"
    # "Đảng đoàn Hội đồng nhân dân tỉnh": the Party group inside a council or a mass body
    "đảng đoàn"
) | BODIES["heads"]
# Field units of a department, one in every district ("các Hạt Kiểm lâm", "các Đội Quản lý thị
# trường", "các Trạm Y tế"): a kind in the plural only before a capitalized name ("các hạt giống" is none).
FIELD_HEADS = _phrases("hạt|đội|trạm|đồn|tổ|chi hội|hội|đoàn|"
                        # "các đại biểu Hội đồng nhân dân tỉnh", "các Tổ đại biểu HĐND": a council's delegates
                        "đại biểu|tổ đại biểu")
# Heads that name a kind of unit in the plural ("các bệnh viện trực thuộc Bộ", "các trường
# trung học phổ thông"). Short words that are also ordinary nouns ("vụ", "hội", "đoàn") are left out.
PLURAL_HEADS = _phrases(
    "bệnh viện|trường|bộ môn|khoa|trường học|câu lạc bộ|trung tâm|cục|chi cục|viện|học viện|công ty|tổng công ty|ngân hàng|ban quản lý|xí nghiệp|"
    "ban chỉ đạo|chi nhánh|tập đoàn|hiệp hội|đài|văn phòng|đơn vị trực thuộc|trạm y tế|cơ sở khám bệnh|"
    "cơ sở kcb|cơ sở kbcb|cơ sở khám, chữa bệnh|cơ sở khám chữa bệnh|"
    "cơ sở giáo dục|cơ sở y tế|tổ chức tín dụng|hợp tác xã|ban chỉ huy quân sự|đồn biên phòng|"
    "cơ quan thông tấn , báo chí|cơ quan thông tấn|cơ quan truyền thông , báo chí|cơ quan báo chí , truyền thông|cơ quan báo chí , phát thanh , truyền hình|"
    "cơ quan phát thanh , truyền hình|cơ quan báo , đài|báo , đài|cơ quan tuyên truyền , báo chí|"
    "phương tiện thông tin đại chúng|"
    # the web portals of bodies, handed what to publish ("các trang thông tin điện tử các cơ quan, đơn vị")
    "trang thông tin điện tử|cổng thông tin điện tử|trang thông tin điện tử các cơ quan , đơn vị|"
    "trang thông tin điện tử của các cơ quan , đơn vị|cổng , trang thông tin điện tử|"
    # the central press in a province: "các văn phòng đại diện, phóng viên thường trú (của) các cơ quan báo chí Trung ương"
    "văn phòng đại diện , phóng viên thường trú|văn phòng đại diện , phóng viên thường trú của các cơ quan báo chí trung ương|"
    "văn phòng đại diện , phóng viên thường trú các cơ quan báo chí trung ương|phóng viên thường trú|"
    # the branches of the union and youth bodies inside an agency or a school
    "công đoàn bộ phận|công đoàn cơ sở|công đoàn cơ sở thành viên|chi đoàn|chi hội|đoàn khoa|đoàn cơ sở|cơ sở đoàn|"
    "liên chi đoàn|đài phát thanh , truyền hình|khu công nghệ cao|khu công nghệ số tập trung|khu kinh tế|"
    "khu công nghiệp|tổ chức chính trị - xã hội - nghề nghiệp|tổ chức xã hội - nghề nghiệp|"
    # kinds of association: "các tổ chức xã hội", "các hội nghề nghiệp", "các đoàn thể nhân dân"
    "tổ chức xã hội|hội nghề nghiệp|hiệp hội nghề nghiệp|đoàn thể nhân dân|"
    # kinds named by what they do: "các đơn vị quản lý đường bộ khu vực", "các cơ quan truyền thông"
    "đơn vị quản lý|cơ quan quản lý|cơ quan truyền thông|đơn vị truyền thông|đơn vị thi công|cơ quan thông tin|"
    # units of one sector: "các đơn vị y tế trên địa bàn", "các đơn vị sự nghiệp công lập"
    "đơn vị y tế|đơn vị giáo dục|đơn vị sự nghiệp|đơn vị sự nghiệp công lập|đơn vị quân đội|đơn vị lực lượng vũ trang|"
    # the utilities, named by what they supply: "các đơn vị cấp nước sạch", "đơn vị cấp điện"
    "đơn vị cấp nước|đơn vị cấp nước sạch|đơn vị cấp điện|đơn vị cung cấp nước sạch|đơn vị thoát nước|đơn vị điện lực|"
    "đơn vị viễn thông"
)
# Kinds of enterprise: no bodies of the state, so no subject of the unit grammar, but partners a task
# works with ("phối hợp với Sở Tài chính, các doanh nghiệp viễn thông").
ENTERPRISE_KINDS = _phrases("doanh nghiệp|hộ kinh doanh|cơ sở sản xuất|cơ sở kinh doanh")
# The kinds of state enterprise a list of the bodies charged with a duty may end with ("…, tập đoàn, tổng công ty
# do Thủ tướng Chính phủ quyết định thành lập").
CORPORATION_KINDS = _phrases("tập đoàn|tổng công ty|công ty|doanh nghiệp|doanh nghiệp nhà nước|ngân hàng thương mại")
# The trades an enterprise is named by after its kind ("các doanh nghiệp cung cấp dịch vụ viễn thông",
# "doanh nghiệp vận tải hành khách"): verbs elsewhere, here part of the partner's name.
ENTERPRISE_TRADES = _phrases("cung cấp|kinh doanh|sản xuất|khai thác|chế biến|nhập khẩu|xuất khẩu|phân phối|"
                             "vận chuyển|vận tải|hoạt động|thi công|sản xuất, kinh doanh|buôn bán")
# The mass organisations, a kind of body of their own ("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội"):
# never a catch-all, and a list item even without "các" ("các sở, ngành, tổ chức chính trị - xã hội").
MASS_ORGANISATIONS = _phrases(
    "tổ chức chính trị - xã hội|tổ chức chính trị-xã hội|tổ chức chính trị – xã hội|"
    "đoàn thể chính trị - xã hội|đoàn thể chính trị-xã hội|"
    # written without the dash on local portals ("các tổ chức chính trị xã hội xã")
    "tổ chức chính trị xã hội|đoàn thể chính trị xã hội|"
    # the mass organisations of an agency or a school ("Trưởng các đơn vị, các đoàn thể quần chúng trong trường")
    "đoàn thể quần chúng|"
    # the member organisations of the Front, named by that relation
    "tổ chức thành viên|tổ chức chính trị - xã hội thành viên|"
    "tổ chức thành viên của Mặt trận|tổ chức thành viên của Mặt trận Tổ quốc|tổ chức thành viên của Mặt trận Tổ quốc Việt Nam"
)
# Kinds of party and state bodies written in lowercase, one "các" over a run of them
# ("các cấp ủy, tổ chức đảng, chính quyền"): a group that names whom it means, not a catch-all.
PARTY_KINDS = _phrases("cấp ủy|cấp uỷ|cấp ủy đảng|tổ chức đảng|tổ chức cơ sở đảng|cơ sở đảng|chính quyền|chi bộ|đảng bộ|đảng bộ cơ sở|chi bộ cơ sở|đảng bộ trực thuộc|chi bộ trực thuộc|"
                       "chính quyền địa phương|chính quyền cơ sở|"
                       # the Party committees of the levels ("các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương")
                       "tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|huyện ủy|huyện uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ|"
                       "đảng ủy|đảng uỷ")
# "Ngân hàng Chính sách xã hội chi nhánh tỉnh": a branch word inside a name, before its level.
BRANCH_WORDS = _phrases("chi nhánh|phân hiệu")
# Heads that stand with a level word or alone ("Công an huyện", "Thuế tỉnh …", "Hải quan …").
LEVEL_HEADS = _phrases(
    "ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|hội đồng nhân dân|công an|thuế|thống kê|thanh tra|"
    "bảo hiểm xã hội|bhxh|kho bạc nhà nước|kbnn|hải quan|điện lực|viện kiểm sát nhân dân|"
    "tòa án nhân dân|toà án nhân dân|viện kiểm sát|ủy ban mttq|uỷ ban mttq|mttq|"
    "ubmttq|ubmttqvn|ub.mttq|ub.mttqvn|mttqvn|ủy ban mttqvn|uỷ ban mttqvn|ubmt|"
    "ủy ban mặt trận tổ quốc|uỷ ban mặt trận tổ quốc|kiểm lâm|quản lý thị trường|ban qlda|bql|"
    "tỉnh ủy|tỉnh uỷ|huyện ủy|huyện uỷ|thành ủy|thành uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ|"
    "đảng ủy|đảng uỷ|đảng bộ|chi bộ|vp ubnd|văn phòng ubnd|văn phòng hđnd|tỉnh đoàn|thành đoàn|huyện đoàn|thị đoàn|quận đoàn|"
    "đoàn trường|"
    "viễn thông|bưu điện|bộ đội biên phòng|biên phòng|cảnh sát biển|quân sự|thuế cơ sở|chi cục thuế khu vực|kho bạc nhà nước khu vực|"
    # a commune's and a district's bodies as local texts abbreviate them ("BCHQS xã", "TYT xã", "TTYT huyện")
    "bchqs|ban chqs|tyt|ttyt|"
    # a district's general hospital and the province's preventive-medicine centre ("Các BVĐK huyện", "TTYTDP tỉnh")
    "bvđk|ttytdp|"
    # the mass organisations of a place, a school or an agency, named by their kind alone ("Giao Công đoàn,
    # Đoàn thanh niên và Hội sinh viên …", "Hội Nông dân xã")
    "công đoàn|đoàn thanh niên|hội sinh viên|hội cựu chiến binh|hội liên hiệp phụ nữ|hội phụ nữ|hội nông dân|"
    "hội chữ thập đỏ|hội người cao tuổi|hội khuyến học"
)
# A neighbourhood's own boards, named by their place ("Ban điều hành khu phố 3", "Ban công tác Mặt trận
# thôn", "Ban điều hành 8 khu phố"); without a place after them they are ordinary heads ("Ban điều hành Dự án …").
# (a hamlet's or quarter's self-management board: "Ban nhân dân các ấp", "Ban nhân dân thôn 3")
PLACE_BOARDS = _phrases("ban điều hành|ban công tác mặt trận|ban nhân dân")
LEVEL_HEADS = LEVEL_HEADS | PLACE_BOARDS
# Heads whose names run on in lowercase words ("Ban Quản lý dự án các công trình
# dân dụng thành phố") until the verb.
DESCRIPTIVE_HEADS = _phrases("ban quản lý|trung tâm|tiểu ban|ban qlda|ban chỉ đạo|ban chỉ huy|đài truyền thanh|đài phát thanh|bcđ|tổ công tác|hội đồng|quỹ|hợp tác xã")
# People: a lead may be a person ("Các đồng chí Thành viên Ban Chỉ đạo", "Thủ trưởng các đơn vị").
PERSON_HEADS = _phrases(
    "thủ trưởng|chủ tịch|phó chủ tịch|giám đốc|phó giám đốc|người đứng đầu|lãnh đạo|trưởng|"
    "các đồng chí|đồng chí|thành viên|bí thư|chánh văn phòng|chánh thanh tra|cục trưởng|"
    "chi cục trưởng|tổng giám đốc|hiệu trưởng|tổ trưởng|trưởng ban|trưởng phòng|các thành viên|"
    "thủ tướng|thủ tướng chính phủ|phó thủ tướng|phó thủ tướng chính phủ|bộ trưởng|các bộ trưởng|thứ trưởng|"
    "chủ nhiệm|tổng cục trưởng|viện trưởng|chánh án|tư lệnh|chỉ huy trưởng|tổng kiểm toán|thống đốc|"
    # heads whose body is said in lowercase or without its head word
    "tổng kiểm toán nhà nước|tổng thanh tra|tổng thanh tra chính phủ|"
    # the deputies a news page names as the speaker ("Phó Bí thư Thường trực Huyện ủy … đề nghị …")
    "phó bí thư|phó trưởng ban|phó trưởng phòng|phó chánh văn phòng|phó hiệu trưởng|phó cục trưởng|"
    "phó chủ nhiệm|phó tổng giám đốc|phó chỉ huy trưởng|phó trưởng công an|phó chánh thanh tra|phó viện trưởng"
)
# The board that heads a unit ("Ban lãnh đạo các đơn vị", "Ban giám hiệu các trường", "BCH các công đoàn"):
# it leads like the head it is, for the units named after it.
BOARD_TITLES = _phrases("ban lãnh đạo|ban giám đốc|ban giám hiệu|ban chấp hành|bch|cấp ủy|cấp uỷ")
PERSON_HEADS = PERSON_HEADS | BOARD_TITLES
# Posts in a committee a plan sets up, held by a person named first by their own post ("Phó Giám đốc
# Sở Y tế - Phó Trưởng tiểu ban", "Trưởng phòng Nội vụ – Ủy viên"): read only after that dash.
COMMITTEE_POSTS = PERSON_HEADS | _phrases("ủy viên|uỷ viên|ủy viên thường trực|uỷ viên thường trực|trưởng tiểu ban|"
                                          "phó trưởng tiểu ban|phó trưởng|thư ký|tổ phó|phó tổ trưởng|"
                                          "phó trưởng ban thường trực|phó trưởng tiểu ban thường trực|"
                                          "trưởng tiểu ban thường trực")
# The issuer naming itself by its kind alone before it hands work on ("Nhà trường giao cho Phòng X …",
# "Sở yêu cầu các phòng …", "Học viện đề nghị các khoa …"): no lead itself, the units after the verb are.
SELF_NAMES = _phrases("nhà trường|trường|học viện|viện|đại học|sở|bộ|cục|tổng cục|chi cục|công ty|tổng công ty|"
                      "tập đoàn|ủy ban|uỷ ban|ubnd|đảng ủy|đảng uỷ|hội đồng|bệnh viện|trung tâm|ban|phòng")
# A document standing for its issuer in a report of it ("Chỉ thị yêu cầu Bộ X …", "Kế hoạch của UBND
# tỉnh giao Sở Y tế …", "Công điện cũng đề nghị …"): the units after the verb lead.
DOCUMENT_WORDS = _phrases("chỉ thị|kế hoạch|công điện|thông báo|nghị quyết|quyết định|công văn|văn bản|kết luận|"
                          "chương trình|đề án|thông báo kết luận")
# The staff a commune's or an office's direction may hand work to ("Đề nghị cán bộ, công chức xã …").
STAFF_WORDS = _phrases("cán bộ|công chức|viên chức|người lao động|đoàn viên|hội viên|cán bộ chuyên trách|"
                       "cán bộ không chuyên trách|"
                       # an office's staff by their post ("Các chuyên viên khác …", "Kế toán, văn thư cơ quan …")
                       "chuyên viên|kế toán|văn thư|thủ quỹ")
# Of those, the posts in one office a plan hands its own work to, subjects without "Đề nghị" before them.
OFFICE_POSTS = _phrases("chuyên viên|kế toán|văn thư|thủ quỹ")
# Heads of unit accountable persons: their duty sentences are about accountability.
HEAD_TITLES = _phrases(
    "thủ trưởng|chủ tịch|phó chủ tịch|giám đốc|người đứng đầu|lãnh đạo|trưởng|bí thư|"
    "hiệu trưởng|trưởng ban|trưởng phòng|cục trưởng|chi cục trưởng|tổng giám đốc|bộ trưởng|các bộ trưởng|"
    "chủ nhiệm|tổng cục trưởng|viện trưởng|chánh án|tư lệnh|chỉ huy trưởng|thống đốc"
)
# Units named by their role in the task ("cơ quan soạn thảo", "các chủ đầu tư").
ROLE_UNITS = _phrases(
    "cơ quan soạn thảo|cơ quan chủ trì|cơ quan thường trực|cơ quan tham mưu|cơ quan tham mưu, giúp việc|"
    "cơ quan tham mưu giúp việc|đơn vị chủ trì|"
    # a party committee's own full-time departments ("Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy: …")
    "cơ quan chuyên trách tham mưu, giúp việc|cơ quan chuyên trách tham mưu giúp việc|"
    # forces named by their field ("lực lượng quản lý thị trường tăng cường …")
    "lực lượng quản lý thị trường|lực lượng công an|lực lượng dân quân|lực lượng dân quân tự vệ|"
    "lực lượng biên phòng|lực lượng thanh niên xung kích|lực lượng cứu hộ, cứu nạn|lực lượng phòng cháy, chữa cháy|"
    "lực lượng kiểm lâm|kiểm lâm địa bàn|lực lượng kiểm lâm địa bàn|lực lượng quân sự|"
    "lực lượng cảnh sát giao thông|lực lượng cảnh sát|lực lượng thú y|lực lượng dân phòng|lực lượng bảo vệ rừng|"
    "lực lượng bảo vệ dân phố|lực lượng xung kích|lực lượng hải quan|lực lượng thanh tra|lực lượng an ninh|"
    # named by their part in a procedure ("cơ quan tiếp nhận có trách nhiệm giải quyết …")
    "cơ quan tiếp nhận|đơn vị tiếp nhận|cơ quan thẩm định|cơ quan đầu mối|đơn vị đầu mối|cơ quan giải quyết|"
    # the bodies that inspect ("Cơ quan thanh tra khẩn trương hoàn thành việc thanh tra …")
    "cơ quan thanh tra|các cơ quan thanh tra|cơ quan kiểm tra|"
    # the branches of a service named by their kind ("phối hợp với cơ quan thuế và các đơn vị liên quan")
    "cơ quan thuế|cơ quan quản lý thuế|cơ quan hải quan|cơ quan bảo hiểm xã hội|"
    # a working group's parts, named by their work alone ("Tổ chuyên môn chịu trách nhiệm xây dựng …")
    "tổ chuyên môn|tổ kỹ thuật|tổ thư ký|tổ giúp việc|"
    # the owners of reservoirs and dams ("Chủ các hồ chứa thủy điện thường xuyên theo dõi …")
    "chủ hồ chứa|chủ các hồ chứa|chủ hồ chứa nước|chủ các hồ chứa nước|chủ hồ chứa thủy điện|chủ các hồ chứa thủy điện|"
    "chủ hồ chứa thủy lợi|chủ các hồ chứa thủy lợi|chủ hồ đập|chủ hồ đập thủy lợi|chủ hồ đập thủy điện|"
    "chủ hồ đập thủy lợi , thủy điện|chủ đập|"
    "đơn vị soạn thảo|chủ đầu tư|nhà đầu tư|nhà thầu|chủ rừng|đơn vị tư vấn|cơ quan chủ quản|chủ dự án|chủ dự án thành phần|chủ chương trình|"
    "cơ quan được giao chủ trì|đơn vị được giao chủ trì|chính quyền địa phương|chính quyền cơ sở|"
    # government at every level or at one ("phối hợp với chính quyền các cấp", "chính quyền cấp xã")
    "chính quyền các cấp|chính quyền cấp tỉnh|chính quyền cấp huyện|chính quyền cấp xã|"
    # the party committee with the government of a place, one actor ("phối hợp với cấp ủy, chính quyền địa phương")
    "cấp ủy , chính quyền địa phương|cấp ủy chính quyền địa phương|cấp uỷ , chính quyền địa phương|"
    "cấp ủy , chính quyền các cấp|cấp uỷ , chính quyền các cấp|cấp ủy , chính quyền cơ sở|cấp ủy , chính quyền|"
    "cấp uỷ , chính quyền|"
    # bodies the investment and enterprise laws name by their role ("Các cơ quan đăng ký đầu tư (Sở A, Ban B):")
    "cơ quan đăng ký đầu tư|cơ quan đăng ký kinh doanh|cơ quan phối hợp|"
    # the body the land law has recover land and compensate ("Tổ chức làm nhiệm vụ bồi thường tiến hành kiểm kê …")
    "tổ chức làm nhiệm vụ bồi thường , giải phóng mặt bằng|tổ chức làm nhiệm vụ bồi thường|"
    "tổ chức được giao nhiệm vụ bồi thường , giải phóng mặt bằng|tổ chức làm nhiệm vụ giải phóng mặt bằng|"
    "ông xóm trưởng|ông trưởng thôn|bà trưởng thôn|trưởng thôn|trưởng các thôn|xóm trưởng|trưởng xóm|trưởng bản|"
    "trưởng ấp|trưởng khu phố|tổ trưởng tổ dân phố|trưởng thôn, tổ trưởng tổ dân phố|"
    # the head of a hamlet named after the place ("Các thôn trưởng rà soát …", "Ấp trưởng …")
    "thôn trưởng|ấp trưởng|bản trưởng|khóm trưởng|khu trưởng|trưởng khóm|"
    # a commune's other people on the ground ("các đồng chí thôn trưởng, công an viên các thôn")
    "công an viên|bộ phận địa chính|bộ phận địa chính - xây dựng|"
    "bộ phận địa chính – xây dựng|"
    # kinds of establishment a task works with ("phối hợp với Sở Y tế, cơ sở khám bệnh , chữa bệnh")
    "cơ sở khám bệnh , chữa bệnh|cơ sở khám , chữa bệnh|cơ sở y tế|cơ sở giáo dục|cơ sở đào tạo|"
    "cơ sở giáo dục đại học|cơ sở giáo dục nghề nghiệp|tổ chức tín dụng|doanh nghiệp bảo hiểm|"
    # a commune's officials named by their post, not a department ("Công chức chuyên môn chủ động …")
    "công chức chuyên môn|bộ phận chuyên môn|bộ phận một cửa|"
    # people named by the work given to them ("các bộ phận chuyên môn, các cá nhân phụ trách …"), as
    # staff are ("công chức phụ trách địa bàn"); a person plainly ("tổ chức, cá nhân vi phạm") is none
    "cá nhân phụ trách|cán bộ phụ trách|chuyên viên phụ trách|công chức phụ trách|"
    # who a commune's or ward's notice addresses below its own staff ("Đề nghị Ủy ban MTTQ phường, tổ tự quản
    # môi trường, các đoàn thể …", "Bà con nhân dân chủ động …"); "hộ gia đình", "thôn" alone are more often
    # what a sentence is about than who acts (see extract's headings "Đối với hộ gia đình")
    "tổ tự quản|tổ tự quản môi trường|tổ liên gia|"
    # a school's own leaders ("Ban giám hiệu tổ chức …"); "chủ cơ sở" stays out: in a decision to one
    # company it is that company
    "ban giám hiệu|"
    "hộ nhân dân|bà con nhân dân|toàn thể nhân dân|ban quản lý chợ|"
    # the people of the place, asked beside its bodies ("các cơ quan, trường học và Nhân dân trên địa bàn xã treo cờ")
    "nhân dân trên địa bàn|nhân dân trên địa bàn xã|nhân dân trên địa bàn phường|nhân dân trên địa bàn thị trấn|"
    "nhân dân trên địa bàn huyện|nhân dân trên địa bàn thị xã|nhân dân trên địa bàn quận|"
    "nhân dân trên địa bàn tỉnh|nhân dân trên địa bàn thành phố|"
    # the households of the place, asked the same way ("… và các hộ gia đình trên địa bàn Thành phố treo cờ")
    "hộ gia đình trên địa bàn|hộ gia đình trên địa bàn xã|hộ gia đình trên địa bàn phường|"
    "hộ gia đình trên địa bàn thị trấn|hộ gia đình trên địa bàn huyện|hộ gia đình trên địa bàn tỉnh|"
    "hộ gia đình trên địa bàn thành phố|"
    "cụm di tích|hộ kinh doanh|"
    # a ward's teams named by their work, written lowercase ("Giao công an phường, tổ quản lý trật tự đô thị …")
    "tổ quản lý trật tự đô thị|tổ trật tự đô thị|đội trật tự đô thị|đội quản lý trật tự đô thị|tổ thanh tra xây dựng|"
    "đội thanh tra xây dựng|tổ bảo vệ dân phố|tổ an ninh trật tự|tổ an ninh cơ sở|tổ dân vận|tổ công tác cộng đồng|"
    "tổ phản ứng nhanh|đội xung kích|đội xung kích phòng chống thiên tai|tổ xung kích"
)
# A commune's or ward's own places, named bare in a list of who acts ("các cụm di tích, tổ dân phố và toàn
# thể nhân dân …"): the people and boards of each of them.
LOCAL_PLACES = _phrases("thôn|xóm|bản|ấp|làng|khu phố|tổ dân phố|khu dân cư|tổ dân cư")
# What a unit is, said after its name ("Sở X - cơ quan thường trực Ban Chỉ đạo …, chủ trì …").
APPOSITION_ROLES = _phrases(
    "cơ quan thường trực|cơ quan đầu mối|đơn vị đầu mối|đơn vị thường trực|cơ quan giúp việc|"
    "cơ quan tham mưu|cơ quan chuyên môn|cơ quan chủ quản|lực lượng nòng cốt|thường trực|"
    # "UBND các cấp, đặc biệt ở các tỉnh, thành phố lớn, chịu trách nhiệm …": which of them above all
    "đặc biệt là|đặc biệt ở|nhất là|nhất là ở"
)
# Generic nouns: "các" + a run of these is a group ("các sở, ban, ngành"), a
# catch-all when it names nobody in particular.
GENERIC_NOUNS = _phrases(
    "cơ quan|đơn vị|sở|ban|ngành|địa phương|lực lượng|bộ|phòng|cấp|đoàn thể|tổ chức|"
    "cơ quan chuyên môn|đơn vị sự nghiệp|cơ quan báo chí|ngành chức năng|cơ quan chức năng|"
    "hội đoàn thể|lực lượng vũ trang|"
    # "các chuyên môn, đơn vị thuộc UBND xã": a commune's specialised officials, "các bộ phận"
    "chuyên môn|bộ phận|bộ phận chuyên môn|ban ngành|ban, ngành|cơ quan hành chính|đơn vị sự nghiệp công lập|"
    "cơ quan nhà nước|cơ quan quản lý nhà nước|cơ quan hành chính nhà nước|"
    # "các cơ quan tham mưu, giúp việc Tỉnh ủy": a Party committee's advisory bodies, one kind
    "cơ quan tham mưu, giúp việc|cơ quan tham mưu giúp việc|"
    # "các tổ chức Hội đặc thù thuộc tỉnh": the associations the state funds, one kind ("Hội" alone needs a name)
    "hội đặc thù|tổ chức hội đặc thù|hội có tính chất đặc thù"
)
# Words that may follow a generic run without naming anyone.
GENERIC_QUALIFIERS = _phrases(
    "liên quan|có liên quan|chức năng|chuyên môn|chủ quản|trung ương|thuộc tỉnh|thuộc huyện|trực thuộc|"
    "trực thuộc trung ương|ngang bộ|ngang sở|thuộc chính phủ|tỉnh|huyện|thành phố|thị xã|xã|phường|"
    "cấp tỉnh|cấp huyện|cấp xã|cấp trung ương|cấp cơ sở|cấp trên|cấp dưới|thành viên|của địa phương|của tỉnh|của huyện|của thành phố|của xã|của phường|trên địa bàn|tại|thuộc|có|được giao|được phân công|"
    # the bodies an inspection, audit or survey covered ("các đơn vị được kiểm toán tại điểm 1 nêu trên",
    # "các cơ quan, đơn vị được kiểm tra")
    "được kiểm toán|được kiểm tra|được thanh tra|được giám sát|được khảo sát|được đánh giá|được chọn|được lựa chọn|"
    "ở trung ương|ở địa phương|khác|nêu trên|nói trên|kể trên|trên đây|còn lại|các cấp|"
    # "các đơn vị trong ngành Công Thương", "… trong toàn ngành": the branch they belong to
    "trong ngành|trong toàn ngành|toàn ngành|"
    # "các cơ quan Trung ương đóng trên địa bàn tỉnh": where they are stationed
    "đóng trên địa bàn|đóng chân trên địa bàn|đóng quân trên địa bàn|"
    # "các đơn vị trong toàn trường", "các cơ quan trong hệ thống hành chính nhà nước": the whole of a body
    "trong toàn|trong hệ thống|trong toàn hệ thống|trong trường|trong cơ quan|trong đơn vị|"
    # "các sở quản lý nhà nước chuyên ngành", "các bộ quản lý chuyên ngành": which of them, by their field
    "quản lý nhà nước chuyên ngành|quản lý chuyên ngành|quản lý ngành|quản lý nhà nước về|"
    # "các đơn vị trường học": the units that are schools
    "trường học"
)
# Kinds of area that narrow a level run ("UBND các huyện ven biển", "các xã có rừng").
AREA_QUALIFIERS = _phrases(
    "ven biển|miền núi|biên giới|vùng cao|vùng sâu, vùng xa|vùng sâu|vùng xa|có rừng|có biển|có đê|ven sông|"
    "trọng điểm|đồng bằng|nội thành|ngoại thành|ven đô|khu vực biên giới|vùng đồng bào dân tộc thiểu số|"
    "vùng đồng bào dân tộc thiểu số và miền núi|bị ảnh hưởng|có nguy cơ cao|có nguy cơ|có dịch|có ổ dịch|"
    "ven đầm|ven hồ|ven kênh|ven suối|trong và ngoài công lập|ngoài công lập|công lập"
)
# Administrative levels ("tỉnh", "UBND các xã, thị trấn", "khu vực IV").
LEVEL_WORDS = _phrases(
    "tỉnh|huyện|xã|phường|thị trấn|thị xã|thành phố|quận|khu vực|vùng|đặc khu|trung ương|quốc gia|"
    "cấp tỉnh|cấp huyện|cấp xã|cấp|thôn|tổ dân phố|khu phố|khu dân cư|ấp|huyện/thị|"
    "xã phường|xã thị trấn"  # ("UBND các xã phường", "UBND các xã thị trấn": the comma left out)
)


def _slashed_levels() -> frozenset[tuple[str, ...]]:
    """"huyện/thành phố", "xã/phường/thị trấn", "huyện/thị xã/thành phố": levels joined by slashes, which
    the tokenizer keeps inside one word ("huyện/thành" then "phố")."""
    # ("thị" alone is a town, "thị xã", in a slashed run: "TTYT huyện/thị/thành phố")
    places = ["tỉnh", "huyện", "xã", "phường", "thị trấn", "thị xã", "thành phố", "quận", "thị"]
    joined = {f"{a}/{b}" for a in places for b in places if a != b}
    joined |= {f"{ab}/{c}" for ab in joined for c in places if c not in ab.split("/")}
    # "BHXH cấp tỉnh/cơ sở", "cấp tỉnh/cấp huyện": the body at either of two levels
    tiers = ["tỉnh", "huyện", "xã", "trung ương", "cơ sở"]
    joined |= {f"cấp {a}/{b}" for a in tiers for b in tiers if a != b}
    joined |= {f"cấp {a}/cấp {b}" for a in tiers for b in tiers if a != b}
    return frozenset(tuple(p.split()) for p in joined)


LEVEL_WORDS = LEVEL_WORDS | _slashed_levels()
# Levels and level heads of several words, read also as a scan's OCR misreads their diacritics
# ("thành phô", "quôc gia", "Uy ban nhân dân"). One-word ones are left out ("tinh", "quan", "xa" are
# words of their own), as is "cấp …" ("cấp tính", acute, is not "cấp tỉnh").
OCR_NEAR_LEVELS = frozenset(p for p in LEVEL_WORDS if len(p) >= 2 and p[0] != "cấp" and all(w.isalpha() for w in p))
# One-word places, read as OCR misreads them only inside a run of levels ("các tinh, thành phố").
OCR_NEAR_PLACES = _phrases("tỉnh|huyện|xã|phường|quận")
OCR_NEAR_LEVEL_HEADS = frozenset(p for p in LEVEL_HEADS if len(p) >= 3 and all(w.isalpha() for w in p))
# Verbs that hand a task to the unit that follows them.
ASSIGN_VERBS = _phrases(
    "giao|giao cho|giao nhiệm vụ cho|giao nhiệm vụ cụ thể cho|giao trách nhiệm cho|giao trách nhiệm|yêu cầu|đề nghị|phân công|ủy quyền|uỷ quyền|ủy nhiệm|uỷ nhiệm|"
    "chỉ đạo|nhờ|đồng ý để|đồng ý cho|đồng ý|trân trọng đề nghị|kính đề nghị"
)
# The verbs that surely open a unit's work, even after a description that may hold verbs of its own
# ("các đơn vị được giao làm Bên mời thầu dự án … khẩn trương …").
WORK_OPENERS = _phrases("chủ trì|phối hợp|tham mưu|chỉ đạo|chủ động|khẩn trương|tập trung|tiếp tục|tăng cường|"
                        "đẩy mạnh|đẩy nhanh|có trách nhiệm|phải|cần|căn cứ|thực hiện|triển khai|nghiêm túc|"
                        "theo dõi|báo cáo|có nhiệm vụ|có chức năng|"
                        # "UBND huyện Xa trân trọng công bố …": the courtesy before the issuer's own act
                        "trân trọng")
# The councils, committees and Party committees of a level, written bare before a body whose place they share
# ("HĐND, UBND các xã", "Đảng ủy, UBND xã Xa").
COUNCIL_HEADS = _phrases("hội đồng nhân dân|hđnd|thường trực hđnd|thường trực hội đồng nhân dân|ủy ban nhân dân|"
                         "uỷ ban nhân dân|ubnd|đảng ủy|đảng uỷ|ủy ban mttq|ủy ban mttq việt nam|ubmttq|"
                         "ủy ban mặt trận tổ quốc việt nam|ban thường vụ đảng ủy|ban chỉ huy quân sự|công an")
# Where the action of a subject begins. Multi-syllable entries first matter:
# matching takes the longest entry at a position.
PREDICATE_STARTS = _phrases(
    "chủ trì|phối hợp|tham mưu|chỉ đạo|chủ động|khẩn trương|tập trung|tiếp tục|tăng cường|"
    "đẩy mạnh|đẩy nhanh|rà soát|báo cáo|thực hiện|triển khai|tổ chức thực hiện|xây dựng|hoàn thiện|"
    "ra quyết định|ra văn bản|hoàn thành|hoàn tất|nghiên cứu|đề xuất|đề nghị|yêu cầu|theo dõi|đôn đốc|hướng dẫn|kiểm tra|giám sát|"
    "lập|xử lý|giải quyết|duy trì|bảo đảm|đảm bảo|đảm nhận|đảm nhiệm|đảm đương|phải|cần|có trách nhiệm|có|được|là|sẽ|đã|đang|chưa|"
    "không|nghiêm túc|quán triệt|định kỳ|thường xuyên|kịp thời|căn cứ|theo chức năng|theo thẩm quyền|"
    "trong phạm vi|góp ý|có ý kiến|cung cấp|gửi|trình|ban hành|phê duyệt|thẩm định|đánh giá|tổng hợp|"
    "cập nhật|bố trí|phân bổ|giải ngân|hỗ trợ|tuyên truyền|vận động|phổ biến|công bố|ký|tiếp thu|"
    "điều chỉnh|sửa đổi|bổ sung|đối chiếu|thúc đẩy|tháo gỡ|kiện toàn|chấn chỉnh|chuẩn bị|nắm|nắm chắc|"
    "phát hiện|đấu tranh|phòng ngừa|tham gia|hưởng ứng|khảo sát|điều tra|tiếp nhận|ứng dụng|vận dụng|khắc phục|vận hành|ứng phó|"
    "phát huy|nâng cao|kiểm soát|thẩm tra|kiểm điểm|làm rõ|làm việc|làm|chịu trách nhiệm|nhận|nộp|mời|"
    "tạm dừng|dừng|thu hồi|xem xét|quyết định|thống nhất|thông báo|hoàn chỉnh|cụ thể hóa|cụ thể hoá|"
    "lồng ghép|tích hợp|ưu tiên|bám sát|thu hút|tạo điều kiện|quan tâm|nghiêm cấm|tuyệt đối|kiên quyết|"
    "quyết liệt|tích cực|đồng thời|tuần tra|ngăn chặn|đăng ký|thanh toán|quyết toán|nghiệm thu|"
    # what the press is asked to do: "Đề nghị Báo X đăng Thông báo này", "Đài Y phát sóng …"
    "đăng|đăng tải|phát sóng|đưa tin|"
    "huy động|lựa chọn|bàn giao|di dời|giải phóng mặt bằng|xác định|xác minh|xác nhận|trả lời|"
    "giúp|giải trình|đối thoại|tổng kết|sơ kết|kiểm kê|thanh lý|chuyển|phân loại|phân công|cử|sắp xếp|"
    "giữ vững|giữ|mở rộng|đưa|phấn đấu|gắn|kết nối|liên hệ|chỉ|rà soát|sớm|ngay|khẩn cấp|"
    "trực tiếp|phát triển|quản lý|lãnh đạo|đề ra|lấy|tiến hành|tổ chức|phục vụ|tập huấn|bồi dưỡng|đào tạo|"
    "chăm lo|chăm sóc|cải thiện|cải cách|tăng|giảm|tuân thủ|chấp hành|kêu gọi|hướng tới|tiếp nhận|"
    "tiếp cận|liên tục|luôn|thu thập|thu hoạch|phòng chống|phòng ngừa|chống|"
    "công khai|nâng cấp|tập hợp|phản ánh|chuẩn hóa|chuẩn hoá|số hóa|số hoá|sơ tán|canh gác|đưa tin|"
    "phát hành|cấp phép|trực ban|thăm hỏi|tặng quà|giới thiệu|quảng bá|xúc tiến|kiến nghị|niêm yết|"
    "kê khai|áp dụng|thí điểm|nhân rộng|rà soát|củng cố|mua sắm|in ấn|soạn thảo|thực thi|"
    "tăng cường|nghiêm túc|tập trung|rút ngắn|ghi nhận|phát động|phân tích|phân bổ|phát biểu|định hướng|thành lập|"
    "động viên|khuyến khích|"
    # more verbs of directed work, so that a name before them ends there ("UBND xã Hòa An cân đối …")
    "cân đối|điều phối|điều tiết|hiệp đồng|phối kết hợp|kiểm định|giám định|cung ứng|hoàn trả|tu bổ|sửa chữa|"
    "tiêu độc|khử trùng|tiêm phòng|tiêm chủng|điều trị|cách ly|truy vết|xét nghiệm|cứu trợ|sơ cứu|ứng trực|túc trực|"
    "bảo quản|bảo trì|bảo dưỡng|duy tu|khởi công|đấu giá|biên soạn|cấp phát|chi trả|nhắc nhở|tuyên dương|"
    "xử phạt|cưỡng chế|tháo dỡ|dỡ bỏ|gỡ bỏ|ngăn ngừa|giảm thiểu|nắm bắt|dự báo|cảnh báo|rà soát lại|kích hoạt|"
    # the plain acts a ward asks of its households, schools and boards ("treo cờ Tổ quốc", "khơi thông cống rãnh")
    "treo|treo cờ|dọn dẹp|dọn vệ sinh|thu dọn|tổng vệ sinh|khơi thông|nạo vét|chằng chống|gia cố|neo đậu|phát quang|ra quân|"
    # "UBND huyện Hòa An vừa có Công văn …": the adverbs of a news sentence end the name before them
    "vừa có|vừa ban hành|vừa ký|vừa gửi|vừa tổ chức|cũng|vẫn|"
    "cùng|với|nhằm|để|theo|trong|tại|về|cho|thuộc|trên|từ|đến|khi|nếu|đối với|của|mà|thì|nhưng"
)
# Prepositions and linking words: they end a name but do not start an action.
WEAK_PREDICATES = _phrases("cùng|với|nhằm|để|theo|trong|tại|về|cho|thuộc|trên|từ|đến|khi|nếu|đối với|của|mà|thì|nhưng")
# Prepositions after a name that make it no subject ("Chủ tịch Quốc hội tại các công văn số …").
PREPOSITIONS = _phrases("tại|của|về|trong|trên|thuộc|đối với|từ|đến|ngày|số|như|là")
# Verbs that are also nouns inside descriptive unit names ("Ban Quản lý các dự án phát triển …").
NOMINAL_VERBS = _phrases("xây dựng|phát triển|quản lý|đầu tư")
# Sentence openers after which, following a comma or colon, the subject comes.
INTRO_MARKERS = _phrases(
    "đối với|về|sau khi|trường hợp|để|nhằm|căn cứ|trên cơ sở|thực hiện|theo|triển khai|riêng|"
    "ngoài ra|ngoài|đồng thời|bên cạnh đó|trong đó|theo đó|tiếp theo|trong thời gian|từ nay|kể từ|"
    "nhân dịp|thời gian tới|tuy nhiên|mặt khác|khi|trước|trong|chậm nhất|hằng tháng|hàng tháng|"
    "hằng tuần|hàng tuần|hằng quý|hàng quý|hằng năm|hàng năm|định kỳ|qua|từ|đến|tại|với|cùng với|"
    "để bảo đảm|để đảm bảo|sau|vào|trước mắt|trong tháng|trong quý|trong năm|ngay sau khi|từ ngày|"
    "tiếp thu|xét|xét đề nghị|do|vì|kết luận|cụ thể|trong đó|những|năm|thời gian qua|nhận được|đặc biệt|nhất là|"
    # "Dưới sự chỉ đạo của cấp ủy, các đảng bộ …", "Dưới sự lãnh đạo của Đảng ủy, …": under whose direction
    "dưới sự|dưới|"
    # a day of the week or a part of the day ("Thứ 6 tuần cuối tháng, …", "Chiều thứ Sáu hằng tuần, …")
    # (not "Thứ hai, …": an enumeration)
    "thứ 2|thứ 3|thứ 4|thứ 5|thứ 6|thứ 7|sáng thứ|chiều thứ|tối thứ"
)
# Discourse adverbs that may open a sentence with no comma before its subject ("Đặc biệt các xã tiếp tục …",
# "Tuy nhiên đồng chí Bí thư cũng nhấn mạnh …"): the subject comes right after them.
DISCOURSE_OPENERS = _phrases(
    "đặc biệt|tuy nhiên|ngoài ra|đồng thời|bên cạnh đó|mặt khác|trước mắt|theo đó|cùng với đó|do đó|vì vậy|"
    "vì thế|do vậy|nhất là|sau đó|tiếp đó|riêng|song"
)
# Connectives that open a main clause after its cause ("Do …, vì vậy UBND tỉnh giao …").
CONSEQUENCE_MARKERS = _phrases("vì vậy|do đó|do vậy|vì thế|bởi vậy|cho nên|từ đó|theo đó|vậy nên")
# Openers of an apposition inside an introduction ("Đối với A, đặc biệt là B, …").
APPOSITIVE_MARKERS = _phrases("đặc biệt là|nhất là|trong đó|bao gồm|gồm|kể cả|cụ thể là|như|trừ")
# Nouns of the expected output of a task.
OUTPUT_NOUNS = (
    "báo cáo", "dự thảo", "tờ trình", "kế hoạch", "đề án", "quyết định", "phương án", "danh sách",
    "quy chế", "chương trình", "hồ sơ", "văn bản", "đề xuất", "tiêu chí", "quy trình", "hướng dẫn",
)
# Nouns whose second syllable is also a verb ("công trình" is not "công" + "trình").
NOUN_COMPOUNDS = _phrases(
    "công trình|chương trình|quy trình|lộ trình|tờ trình|tiến trình|quá trình|giáo trình|độc lập|"
    "thành lập|hàng không|địa chỉ|kế hoạch|ý kiến|dự thảo|biểu mẫu|thời gian|xã hội|trợ giúp|đăng ký|việc làm|phòng chống"
)
# Department names with "và" inside, as the law names them: in "các Sở: Tư pháp, Nội vụ và
# Tài chính" the last "và" joins two units unless the pair is one of these.
AND_NAMES = _phrases(
    "kế hoạch và đầu tư|nông nghiệp và môi trường|nông nghiệp và phát triển nông thôn|"
    "khoa học và công nghệ|giáo dục và đào tạo|thông tin và truyền thông|tài nguyên và môi trường|"
    "dân tộc và tôn giáo|văn hóa và thông tin|văn hoá và thông tin|kinh tế và hạ tầng|"
    "thể thao và du lịch|thương binh và xã hội|y tế và an toàn thực phẩm|quản lý đô thị và xây dựng"
)
# Crop seasons after "vụ" ("vụ Hè Thu 2024"): a season, never "Vụ …", a ministry's department.
CROP_SEASONS = _phrases("hè thu|đông xuân|thu đông|mùa|chiêm|chiêm xuân|xuân|xuân hè|đông|hè")
# First words of a capitalized phrase that names a document, an event or a thing, not a unit:
# a bare subject starting with one of them is never read as an unknown unit.
NOT_UNIT_STARTS = _phrases(
    "luật|bộ luật|nghị quyết|nghị định|quyết định|thông tư|chỉ thị|kế hoạch|chương trình|đề án|dự án|"
    "công trình|hội nghị|đại hội|hệ thống|cổng|ngày|tết|lễ|lễ hội|cuộc|kỳ thi|kỳ họp|giải|năm|tháng|quý|"
    "tuần|nhân dân|nhà nước|chính phủ|thủ tướng|đảng|bác|khu|vùng|tuyến|đường|cầu|sông|chợ|mùa|bão|"
    "dịch|quốc hội|hiến pháp|báo cáo|văn bản|công văn|thông báo|kết luận|công điện|tờ trình|phương án|"
    "danh mục|quy hoạch|quy chế|quy định|hướng dẫn|tổng bí thư|bộ chính trị|ban bí thư|mặt trận|"
    "phong trào|cuộc vận động|chiến dịch|tháng hành động|giai đoạn|vụ|đợt|kết quả|tình hình|"
    "mục tiêu|nhiệm vụ|giải pháp|nội dung|trường hợp|chỉ số|tỷ lệ|tổng|toàn|tất cả|mỗi|từng|các|những|"
    "ông|bà|anh|chị|cử tri|công dân|người dân|hộ|gia đình|cá nhân|"
    # money and its sources ("Chi phí KCB … được Quỹ BHYT thanh toán", "Kinh phí thực hiện …")
    "chi phí|kinh phí|nguồn vốn|vốn|ngân sách|dự toán|mức hưởng|phí|lệ phí"
)
