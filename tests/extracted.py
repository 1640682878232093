"""What the extractor finds in a short text, as the rule tests of the corpus batches compare it (tests/ is on
sys.path: see pyproject.toml's pytest settings)."""
from __future__ import annotations

from directives import extract_text


def tasks(text: str) -> list[tuple[str, list[str], str | None, str]]:
    """(lead, coordinators, deadline, summary) of each task, no issue date given."""
    return [(t["lead"], t["coordinators"], t["deadline"], t["summary"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]
