"""Every import between the product's packages points down.

The order is written once, here, lowest first: a package may import the packages
before it, never one after it (that would be an upward arrow, and two of them make a
cycle). Imports inside functions count too: a lazy import is still a dependency.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LAYERS = [
    "locales",       # the catalogs
    "workcalendar",  # working days, recurrence: pure date arithmetic
    "presentation",  # Incoming/Reply/Button, payload, dates and labels as shown
    "storage",       # tables, data access, migrations
    "directives",    # directive text -> tasks (pure)
    "office",        # summaries, KPI, exports
    "reminders",     # policy, sweep, digest, dispatcher
    "handlers",      # the conversations
    "bot",           # adapters, CLI, server: the top
]
RANK = {name: i for i, name in enumerate(LAYERS)}


def _modules() -> list[Path]:
    return sorted(p for name in LAYERS for p in (ROOT / name).rglob("*.py"))


def _imported(path: Path) -> set[str]:
    """The product packages a module imports (absolute imports; relative ones stay inside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(top for top in (n.split(".")[0] for n in names) if top in RANK)
    return found


def _package(path: Path) -> str:
    return path.relative_to(ROOT).parts[0]


def test_every_package_is_in_the_order():
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench", "deploy", "docs"}
    assert packages == set(LAYERS), "a new top-level package must be placed in LAYERS"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_down(path: Path):
    own = _package(path)
    upward = sorted(pkg for pkg in _imported(path) if RANK[pkg] > RANK[own])
    assert not upward, f"{path.relative_to(ROOT)} ({own}) imports {upward}, which sit above it"


def test_no_package_cycles():
    # Implied by the order; checked on the graph itself so a wrong order cannot hide one.
    graph: dict[str, set[str]] = {name: set() for name in LAYERS}
    for path in _modules():
        graph[_package(path)] |= _imported(path) - {_package(path)}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                raise AssertionError("package cycle: " + " -> ".join(trail + [node, nxt]))
            if nxt not in state:
                visit(nxt, trail + [node])
        state[node] = 2

    for name in LAYERS:
        if name not in state:
            visit(name, [])
