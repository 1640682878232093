"""How an at-risk task's reasons read (reminders.risk.REASONS, stored comma-separated
on the task): one phrase each, in the reader's language."""
from __future__ import annotations

from locales import Translator


def reasons_text(t: Translator, code: str) -> str:
    return "; ".join(t(f"risk.reason.{r}") for r in code.split(",") if r)
