"""Unit names in text a scan's OCR read: Tesseract often misreads a Vietnamese syllable's diacritics
("thành phô" for "thành phố", "thị xa" for "thị xã", "Uy ban" for "Ủy ban"); the level words of
several syllables still close or continue a name, and the lead keeps the text as written."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives import lexicon as lx
from directives.text import PhraseIndex, tokenize


def leads(text: str) -> list[tuple[str, list[str]]]:
    return [(t.lead, t.coordinators) for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    ("Bộ Tài chính yêu cầu Giám đốc Kho bạc Nhà nước các tỉnh, thành phô trực thuộc Trung ương chỉ đạo "
     "rà soát các khoản chi.",
     [("Giám đốc Kho bạc Nhà nước các tỉnh, thành phô trực thuộc Trung ương", [])]),
    ("Yêu cầu UBND các huyện, thị xa, thành phố chỉ đạo rà soát các hộ nghèo.",
     [("UBND các huyện, thị xa, thành phố", [])]),
    ("Ủy ban nhân dân các phường, thị trân rà soát các hộ nghèo.",
     [("Ủy ban nhân dân các phường, thị trân", [])]),
    ("Uy ban nhân dân các xã tổ chức tuyên truyền phòng chống dịch.",
     [("Uy ban nhân dân các xã", [])]),
    # negative: "cấp tính" (acute) is a word of its own, not "cấp tỉnh"
    ("Sở Y tế chỉ đạo điều trị bệnh viêm phổi cấp tính cho người dân.", [("Sở Y tế", [])]),
])
def test_levels_misread_by_ocr_still_read(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("words, n", [
    ("thành phô trực thuộc", 2),   # one syllable's tone misread
    ("quôc gia", 2),
    ("thanh phô", 0),              # no syllable read right: too far to trust
    ("thành phần", 0),             # another word
    ("cấp tính", 1),               # "cấp" alone: "cấp …" levels are matched exactly only
])
def test_near_match_of_level_words(words, n):
    levels = PhraseIndex(lx.LEVEL_WORDS, near=lx.OCR_NEAR_LEVELS)
    assert levels.match(tokenize(words), 0) == n


def test_exact_index_has_no_near_match():
    assert PhraseIndex(lx.LEVEL_WORDS).match(tokenize("thành phô"), 0) == 0


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Chủ tịch UBND xã chỉ đạo rà soát các hộ dân.", [("Chủ tịch UBND xã", [])]),
    ("UBND tỉnh yêu cầu đồng chí Giám đốc Sở Nội vụ chủ trì, phối hợp với đồng chí Giám đốc Sở Tài chính "
     "rà soát biên chế.", [("Giám đốc Sở Nội vụ", ["Giám đốc Sở Tài chính"])]),
    ("1. Đồng chí Trưởng phòng Văn hóa và Thông tin:\n- Chỉ đạo tuyên truyền về phòng cháy.\n",
     [("Trưởng phòng Văn hóa và Thông tin", [])]),
    # negative: "các đồng chí …" names a group of people, and stays whole
    ("Các đồng chí Trưởng thôn tuyên truyền cho nhân dân.", [("Các đồng chí Trưởng thôn", [])]),
])
def test_salutation_is_no_part_of_the_lead(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tổng cục Thuế yêu cầu Cục trưởng Cục Thuế các tinh, thành phố trực thuộc Trung ương rà soát các doanh nghiệp.",
     [("Cục trưởng Cục Thuế các tinh, thành phố trực thuộc Trung ương", [])]),
    ("Yêu cầu UBND các huyên, thị xã, thành phố rà soát các hộ nghèo.",
     [("UBND các huyên, thị xã, thành phố", [])]),
    # negative: a misread one-word place alone is no level ("tinh", "quan" are words of their own)
    ("Sở Y tế các tinh chỉ đạo điều trị bệnh cho người dân.", [("Sở Y tế", [])]),
])
def test_a_misread_place_inside_a_run_of_levels(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tổng cục Thuế yêu cầu Đông chí Cục trưởng Cục Thuế các tỉnh rà soát các doanh nghiệp.",
     [("Cục trưởng Cục Thuế các tỉnh", [])]),
    ("Đồng chi Giám đốc Sở Y tế chỉ đạo rà soát các cơ sở khám bệnh.", [("Giám đốc Sở Y tế", [])]),
    # negative: the solstice is no salutation
    ("Ngày Đông chí là ngày ngắn nhất trong năm.", []),
])
def test_a_salutation_misread_by_ocr(text, expected):
    assert leads(text) == expected
