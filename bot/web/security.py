"""What every desk answer carries, and the checks every form goes through.

Headers: a strict Content-Security-Policy (no script at all, styles and images from
the desk itself, forms only back to it, no framing), X-Frame-Options DENY, nosniff,
no Referer (a sign-in link's secret is in its URL), no caching of pages. The cookie is
HttpOnly, SameSite=Lax, Secure when the desk's public URL is https (then with the
__Host- prefix: no other site or path can set it)."""
from __future__ import annotations

import hmac

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
NO_STORE = (b"cache-control", b"no-store")
WEB_PREFIX = "/web"
STATIC_PREFIX = "/web/static/"


class SecurityHeaders:
    """ASGI middleware: the headers above on every answer under /web (pages are never
    cached; the stylesheet may be)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith(WEB_PREFIX):
            return await self.app(scope, receive, send)
        cacheable = scope["path"].startswith(STATIC_PREFIX)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [h for h in HEADERS if h[0] not in present]
                if not cacheable and NO_STORE[0] not in present:
                    extra.append(NO_STORE)
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def cookie_name(secure: bool) -> str:
    return "__Host-nvdesk" if secure else "nvdesk"


def same_token(expected: str, given: str | None) -> bool:
    return given is not None and given != "" and hmac.compare_digest(expected.encode(),
                                                                     given.encode("utf-8", "replace"))
