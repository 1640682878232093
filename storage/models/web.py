"""The office's web desk: one-time sign-in links, browser sessions, sign-in attempts.

Only hashes of the secrets are stored (SHA-256 of 256 random bits: no need for a slow
hash), so a copy of the database opens no desk."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import utcnow


class WebLink(SQLModel, table=True):
    """A sign-in link sent in the chat by /web: single use, minutes long, one person's."""

    __tablename__ = "weblink"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None


class WebSession(SQLModel, table=True):
    """A signed-in browser. The cookie holds the token; `csrf` is the form token of the
    session. Ended by expiry, by signing out, or by /web thoat (every session)."""

    __tablename__ = "websession"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    csrf: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    last_seen_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    user_agent: str = Field(default="", max_length=255)


class WebAttempt(SQLModel, table=True):
    """Sign-in attempts of one client address in the current window (rate limit),
    in the database so that every serve process counts the same attempts."""

    __tablename__ = "webattempt"

    address: str = Field(max_length=64, primary_key=True)
    window_start: datetime
    count: int = 0
