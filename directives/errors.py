"""The one error the extractor raises: its text is shown to the user as is."""
from __future__ import annotations


class ExtractionError(Exception):
    """A document could not be read; str(error) is a Vietnamese message for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
