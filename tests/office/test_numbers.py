"""Vietnamese figures: the pure parser and the conversion to an indicator's unit."""
from __future__ import annotations

import pytest

from office.numbers import Ambiguous, MeasureMismatch, NotANumber, Number, format_number, parse_number, to_measure


@pytest.mark.parametrize("text, value, unit", [
    ("8,49%", 8.49, "%"),
    ("8,49 %", 8.49, "%"),
    ("đạt 8,49%", 8.49, "%"),
    ("8.49%", 8.49, "%"),  # a dot and two digits: no thousands group, a decimal
    ("1.234,5 tỷ đồng", 1234.5e9, "đồng"),
    ("1,234.5 tỷ đồng", 1234.5e9, "đồng"),
    ("12 nghìn tấn", 12e3, "tấn"),
    ("12 ngàn tấn", 12e3, "tấn"),
    ("45,2 triệu USD", 45.2e6, "USD"),
    ("1.234.567 đồng", 1234567, "đồng"),
    ("1,234,567", 1234567, ""),
    ("2 nghìn tỷ đồng", 2e12, "đồng"),
    ("0,500", 0.5, ""),  # a leading 0 is never a thousands group
    ("-1,5%", -1.5, "%"),
    ("âm 1,5%", -1.5, "%"),
    ("150", 150, ""),
    ("150 hộ", 150, "hộ"),
    ("3,5 phần trăm", 3.5, "phần trăm"),
    ("12345,67", 12345.67, ""),
])
def test_parse(text, value, unit):
    got = parse_number(text)
    assert isinstance(got, Number), got
    assert got.value == pytest.approx(value) and got.unit == unit


@pytest.mark.parametrize("text, readings", [
    ("1.234", (1234, 1.234)),
    ("1,234", (1234, 1.234)),
    ("12.500 tấn", (12500, 12.5)),
    ("999,999", (999999, 999.999)),
])
def test_ambiguous_inputs_are_asked_back(text, readings):
    got = parse_number(text)
    assert isinstance(got, Ambiguous)
    assert tuple(r.value for r in got.readings) == pytest.approx(readings)


@pytest.mark.parametrize("text, reason", [
    ("", "empty"), ("chưa có số liệu", "none"), ("tháng 5 đạt 8,49%", "several"),
    ("1.2.3", "bad_digits"), ("1.23.456", "bad_digits"), ("1,2.3,4", "bad_digits"),
])
def test_not_a_number(text, reason):
    assert parse_number(text) == NotANumber(reason)


@pytest.mark.parametrize("text, measure, expected", [
    ("1.234,5 tỷ đồng", "tỷ đồng", 1234.5),
    ("1.234,5", "tỷ đồng", 1234.5),  # no unit: the indicator's own
    ("5.000.000.000 đồng", "tỷ đồng", 5),
    ("12 nghìn tấn", "tấn", 12000),
    ("12 nghìn tấn", "nghìn tấn", 12),
    ("8,49%", "%", 8.49),
    ("8,49", "%", 8.49),
    ("8,49 phần trăm", "%", 8.49),
    ("120 hộ", "hộ", 120),
])
def test_to_measure(text, measure, expected):
    assert to_measure(parse_number(text), measure) == pytest.approx(expected)


def test_a_unit_that_is_not_the_indicators_is_refused():
    assert to_measure(parse_number("8,49%"), "tỷ đồng") == MeasureMismatch("%", "tỷ đồng")
    assert isinstance(to_measure(parse_number("12 nghìn tấn"), "ha"), MeasureMismatch)


@pytest.mark.parametrize("value, lang, text", [
    (1234.5, "vi", "1.234,5"), (1234.5, "en", "1,234.5"), (8.49, "vi", "8,49"), (12000, "vi", "12.000"),
    (-0.29, "vi", "-0,29"), (0, "vi", "0"), (1 / 3, "vi", "0,3333"),
])
def test_format(value, lang, text):
    assert format_number(value, lang) == text
