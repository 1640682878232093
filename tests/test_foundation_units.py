"""Small pure pieces: recurrence, catalogs, rendering."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from locales import Translator, catalog, normalize_language, translate
from presentation.render import due_label, fmt_date
from workcalendar.recurrence import is_valid, next_due

ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize("recurrence, day, expected", [
    ("monthly:23", date(2026, 5, 14), date(2026, 5, 23)),
    ("monthly:23", date(2026, 5, 23), date(2026, 5, 23)),
    ("monthly:23", date(2026, 5, 24), date(2026, 6, 23)),
    ("monthly:23", date(2026, 12, 24), date(2027, 1, 23)),
    ("monthly:31", date(2026, 2, 1), date(2026, 2, 28)),
    ("monthly:30", date(2028, 2, 1), date(2028, 2, 29)),
    ("monthly", date(2026, 4, 10), date(2026, 4, 30)),
    ("weekly", date(2026, 5, 14), date(2026, 5, 15)),   # Thursday → Friday
    ("weekly", date(2026, 5, 16), date(2026, 5, 22)),   # Saturday → next Friday
    ("quarterly", date(2026, 5, 8), date(2026, 6, 30)),
    ("quarterly", date(2026, 10, 1), date(2026, 12, 31)),
    ("yearly", date(2026, 5, 8), date(2026, 12, 31)),
    ("daily", date(2026, 5, 8), date(2026, 5, 8)),
])
def test_next_due(recurrence, day, expected):
    assert next_due(recurrence, day) == expected


def test_recurrence_validation():
    assert all(is_valid(r) for r in ("weekly", "monthly", "monthly:1", "monthly:31", "quarterly", "yearly"))
    assert not any(is_valid(r) for r in ("monthly:0", "monthly:32", "hourly", "monthly:x", ""))
    with pytest.raises(ValueError):
        next_due("hourly", date(2026, 1, 1))


def test_catalogs_have_the_same_keys_and_placeholders():
    vi, en = catalog("vi"), catalog("en")
    # Singular forms ("<key>.one") only where a language has them (English, not Vietnamese).
    singular = {key for key in set(vi) | set(en) if key.endswith(".one")}
    assert set(vi) - singular == set(en) - singular
    for key in vi:
        if key not in singular:
            assert set(re.findall(r"{(\w+)}", vi[key])) == set(re.findall(r"{(\w+)}", en[key])), key
    for texts in (vi, en):
        for key in singular & set(texts):
            base = key.removesuffix(".one")
            assert base in texts and "{days}" in texts[key], key
            assert set(re.findall(r"{(\w+)}", texts[key])) == set(re.findall(r"{(\w+)}", texts[base])), key


def test_one_day_is_singular_where_the_language_says_so():
    en, vi = Translator("en"), Translator("vi")
    assert en("due.overdue", days=1) == "🔴 OVERDUE by 1 day"
    assert en("due.overdue", days=2) == "🔴 OVERDUE by 2 days"
    assert en("remind.before", id=5, days=1) == "⏰ 1 day left for task #5"
    assert translate("en", "due.soon", days=1) == "🟡 1 day left"
    assert vi("due.soon", days=1) == "🟡 Còn 1 ngày"
    for key in [k for k in catalog("en") if k.endswith(".one")]:
        assert "{days} day" in catalog("en")[key] and "{days} days" not in catalog("en")[key], key
    # every English "{days} days" has its singular
    assert not [k for k, v in catalog("en").items() if "{days} days" in v and k + ".one" not in catalog("en")]


def test_every_key_used_in_code_exists():
    used = set()
    for path in list((ROOT / "handlers").glob("*.py")) + list((ROOT / "bot").glob("*.py")):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"""translate\(\s*["']\w+["'],\s*["']([a-z_]+\.[a-z_.]+)["']""",
                               path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in catalog("vi"))
    assert not missing and len(used) > 50


def test_translation_fallbacks():
    assert normalize_language("en-US") == "en" and normalize_language(None) == "vi" and normalize_language("fr") == "vi"
    assert translate("en", "no.such.key") == "no.such.key"
    assert Translator("xx")("btn.done") == "✅ Xong"


def test_handlers_have_no_platform_imports_and_no_literal_replies():
    for path in (ROOT / "handlers").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import telegram" not in source and "from telegram" not in source, path
        assert "from bot" not in source and "import bot" not in source, path
        # replies are built from catalog keys, never from Vietnamese literals
        assert not re.search(r"Reply\(\s*f?[\"'][^\"']*[À-ỹ]", source), path


def test_dates_and_due_labels():
    t = Translator("vi")
    today = date(2026, 5, 14)
    assert fmt_date(date(2026, 5, 1)) == "01/05/2026"
    assert due_label(t, date(2026, 5, 10), today) == "🔴 QUÁ HẠN 4 ngày"
    assert due_label(t, today, today) == "🟠 Đến hạn HÔM NAY"
    assert due_label(t, date(2026, 5, 16), today) == "🟡 Còn 2 ngày"
    assert due_label(t, date(2026, 6, 16), today) == "🟢 Còn 33 ngày"
    assert due_label(t, None, today) == "⚪ Không có hạn"
