"""A request the assistant declines, and what it says instead.

Helpers deep in a handler raise `Refusal(Reply(...))` ("not your task", "that button
has expired", "office staff only"); the router catches it once and sends its replies.
The message's transaction is kept: what was written before the refusal (a dialogue
ended, a question re-asked) still holds, as it did when refusals were returned."""
from __future__ import annotations

from presentation.messages import Reply


class Refusal(Exception):
    def __init__(self, *replies: Reply):
        super().__init__(replies[0].text if replies else "")
        self.replies = list(replies)


def expired(t) -> Refusal:
    """The answer to a button whose draft, dialogue or request is gone."""
    return Refusal(Reply(t("button.expired"), notice=t("button.expired")))
