"""Fetch an article over http(s) with a timeout, a size cap, few redirects and no private addresses.

Private, loopback, link-local and reserved addresses are refused unless
``allow_private`` (tests use a local server on 127.0.0.1 with it).  Every redirect
target is checked again.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import httpx

from dateline.errors import InputError
from dateline.ingest.decode import MAX_BYTES

#: Seconds to wait to connect and between bytes.
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "dateline/0.1 (+https://github.com/dateline)"


def is_url(value: str) -> bool:
    """True for an http(s) URL."""
    return value.startswith(("http://", "https://"))


def check_host(url: str, *, allow_private: bool = False) -> None:
    """Raise InputError unless ``url`` is http(s) to a public address (or ``allow_private``)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: only http(s) URLs can be fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise InputError(f"{url}: cannot resolve host ({exc.strerror}); check the URL") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if not ip.is_global:
            raise InputError(f"{url}: refusing private/loopback address {ip}; pass --allow-private to fetch it")


def fetch(url: str, *, allow_private: bool = False, max_bytes: int = MAX_BYTES,
          timeout: float = TIMEOUT_S) -> tuple[bytes, str, str]:
    """Download ``url``; return the body, the final URL and the content type.

    Raises:
        InputError: bad scheme, private address, HTTP error, too large, too many redirects, timeout.
    """
    headers = {"User-Agent": USER_AGENT}
    with httpx.Client(timeout=timeout, follow_redirects=False, headers=headers) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_host(url, allow_private=allow_private)
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect and resp.headers.get("location"):
                        url = urljoin(url, resp.headers["location"])
                        continue
                    if resp.status_code >= 400:
                        raise InputError(f"{url}: HTTP {resp.status_code}; check the URL")
                    return _read_capped(resp, url, max_bytes), str(resp.url), resp.headers.get("content-type", "")
            except httpx.TimeoutException:
                raise InputError(f"{url}: timed out after {timeout:.0f}s; try again later") from None
            except httpx.HTTPError as exc:
                raise InputError(f"{url}: {type(exc).__name__}: {exc}") from None
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects; give the final URL")


def _read_capped(resp: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: {declared} bytes is over the {max_bytes}-byte limit; pass --max-bytes to raise it")
    chunks, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: over the {max_bytes}-byte limit; pass --max-bytes to raise it")
        chunks.append(chunk)
    return b"".join(chunks)
