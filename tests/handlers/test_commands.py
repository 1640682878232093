"""handlers/commands.py: every command and button route declared once, and what is
built from the declarations (the router's tables, /help, the menus)."""
from __future__ import annotations

import pytest

from handlers.commands import (
    BY_NAME,
    BY_PREFIX,
    COMMANDS,
    ROUTES,
    Command,
    Route,
    help_text,
    menu_commands,
    typed_commands,
)
from locales import LANGUAGES, Translator, catalog
from storage.roles import OFFICE_ROLES, ROLES, SUMMARY_ROLES


def test_every_name_and_prefix_is_declared_once_and_reaches_its_handler():
    names = [name for c in COMMANDS for name in c.names]
    assert len(names) == len(set(names)) == len(BY_NAME)
    assert all(BY_NAME[name].handler is c.handler for c in COMMANDS for name in c.names)
    assert len({r.prefix for r in ROUTES}) == len(ROUTES) == len(BY_PREFIX)


def test_the_names_people_type_and_old_buttons_carry_are_kept():
    assert set(BY_NAME) == {
        "start", "help", "trogiup", "nhiemvu", "tasks", "huy", "cancel", "lang", "nhacnho", "remind", "kenh",
        "channels", "banhanh", "publish", "giaoviec", "assign", "giahan", "extensions", "tonghop", "summary",
        "baocaothang", "monthly", "bieudo", "chart", "xuatbaocao", "export", "duyet", "review", "vuongmac", "blocked",
        "phancong", "giaocanbo", "kpi", "chitieu", "indicators", "web"}
    assert set(BY_PREFIX) == {"l", "t", "s", "x", "lang", "z", "pg", "pr", "pm", "pc", "pe", "pd", "pp", "gu", "ga",
                              "ea", "ed", "er", "en", "bct", "rp", "rk", "ra", "rr", "rb", "tl", "cn", "iv", "ik",
                              "aa", "ap", "ci"}
    assert {c.name for c in COMMANDS if c.public} == {"start", "help"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_listed_command_has_its_line_in_each_catalog(lang):
    texts = catalog(lang)
    assert [c.name for c in COMMANDS if c.help_key and c.help_key not in texts] == []


def test_a_role_set_is_one_of_the_declared_ones():
    for entry in (*COMMANDS, *ROUTES):
        assert entry.roles in (None, OFFICE_ROLES, SUMMARY_ROLES), entry
        assert entry.roles is None or set(entry.roles) <= set(ROLES)


def test_help_lists_what_the_role_may_use():
    t = Translator("vi")
    official, head, office = (help_text(t, role) for role in ("official", "head", "office"))
    assert "/nhiemvu —" in official and "/tonghop" not in official and "/banhanh" not in official
    assert "/tonghop —" in head and "/bieudo —" in head and "/banhanh" not in head and "/xuatbaocao" not in head
    assert all(f"/{c.name} —" in office for c in COMMANDS if c.help_key)
    assert "/start" not in office  # not listed: help_key None
    assert "/kenh —" in official  # issue 21: every person's channels are in /help
    assert help_text(t, None) == t("help.stranger")
    assert "/nhiemvu (/tasks) —" in help_text(Translator("en"), "official")


def test_menus_are_built_from_the_declarations():
    menu = menu_commands(Translator("vi"))
    assert [name for name, _ in menu] == [c.name for c in COMMANDS if c.menu]
    assert all(text and text[0].isupper() and len(text) <= 256 for _, text in menu)  # Telegram's limits
    assert typed_commands() == {"x": "/huy"}


def test_a_bad_declaration_is_refused_at_import():
    with pytest.raises(ValueError):
        Route("a:b", lambda ctx, arg: [])
    assert Command("x", lambda ctx, args: [], english="y", aliases=("z",)).names == ("x", "y", "z")
