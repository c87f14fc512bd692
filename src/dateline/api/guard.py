"""ASGI guards: a token on every request, a cap on request bodies, errors as JSON."""

from __future__ import annotations

import hmac
import ipaddress
import json
from typing import Any

from dateline.errors import ConfigError

Scope = dict[str, Any]


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Raise ConfigError when binding beyond loopback without a token."""
    if not is_loopback(host) and not token:
        raise ConfigError(f"binding to {host} exposes the database; pass --token SECRET (or set DATELINE_TOKEN), "
                          "or bind to 127.0.0.1")


async def send_json(send: Any, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


class Guard:
    """Check the token (header ``Authorization: Bearer``, ``X-Dateline-Token`` or ``?token=``) and the body size."""

    def __init__(self, app: Any, *, token: str | None, max_body: int):
        self.app, self.token, self.max_body = app, token, max_body

    def _authorised(self, scope: Scope) -> bool:
        if not self.token:
            return True
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        given = headers.get("x-dateline-token") or ""
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if not given:
            from urllib.parse import parse_qs

            given = (parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token") or [""])[0]
        return hmac.compare_digest(given.encode(), self.token.encode())

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self._authorised(scope):
            await send_json(send, 401, {"error": "unauthorised", "detail": "missing or wrong token; send "
                                        "'Authorization: Bearer TOKEN' (or ?token=TOKEN)"})
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length and length.isdigit() and int(length) > self.max_body:
            await send_json(send, 413, {"error": "request too large", "detail": f"bodies are limited to {self.max_body} bytes"})
            return
        await self._capped(scope, receive, _nosniff(send))

    async def _capped(self, scope: Scope, receive: Any, send: Any) -> None:
        """Read the whole body (up to the cap) before the app sees it, then replay it."""
        if scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        chunks, size = [], 0
        while True:
            msg = await receive()
            if msg["type"] != "http.request":
                return  # client went away
            size += len(msg.get("body", b""))
            if size > self.max_body:
                await send_json(send, 413, {"error": "request too large", "detail": f"bodies are limited to {self.max_body} bytes"})
                return
            chunks.append(msg.get("body", b""))
            if not msg.get("more_body"):
                break
        body, sent = b"".join(chunks), False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _nosniff(send: Any) -> Any:
    """Wrap ``send`` so that every response says ``X-Content-Type-Options: nosniff``.

    JSON holds article text verbatim; the header stops a browser from sniffing it as HTML.
    """
    async def wrapped(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), (b"x-content-type-options", b"nosniff")]}
        await send(message)

    return wrapped
