"""The one error the extractor raises, as a catalog key: each reader shows it in its
own language (locales/*.po, keys "document.*"); str(error) is the Vietnamese text."""
from __future__ import annotations

from locales import DEFAULT, translate


class ExtractionError(Exception):
    """A document could not be read: `key` and `params` say why."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, t) -> str:
        """The reason in a Translator's language."""
        return t(self.key, **self.params)

    @property
    def message(self) -> str:
        return translate(DEFAULT, self.key, **self.params)

    def __str__(self) -> str:
        return self.message
