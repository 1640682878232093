"""Splitting long replies for platforms with a message size limit (Telegram 4096,
Zalo 2000 characters): cut at a line end where possible, else at a space."""
from __future__ import annotations


def split_message(text: str, limit: int) -> list[str]:
    text = text or " "
    chunks: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        chunks.append(text[:cut].rstrip())
        text = text[cut:].lstrip("\n ")
    chunks.append(text)
    return [c for c in chunks if c] or [" "]
