"""Reports from the web: one page through httpx, with the checks a crawler of untrusted links needs.

A timeout, a 10 MB cap (read in chunks, so a 2 GB answer costs 10 MB), HTML only (feeds are read by
feed.py), and no private, loopback or link-local addresses unless asked: a link in a feed must not
reach into the analyst's own network. Redirects are followed by hand so each hop is checked."""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from thucydides.errors import ReportError

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "Thucydides/0.1 (conflict report reader; +https://github.com/thucydides)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml",
              "application/feed+json")


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes

    @property
    def is_feed(self) -> bool:
        head = self.body[:512].lstrip().lower()
        return self.content_type in FEED_TYPES or head.startswith((b"<rss", b"<feed", b"<rdf:rdf")) or (
            head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head))


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def check_address(url: str, allow_private: bool) -> None:
    """Refuse schemes other than http(s) and, unless allowed, hosts that resolve to non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ReportError(url, "not an http(s) URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise ReportError(url, f"host {parts.hostname!r} not found") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise ReportError(url, f"{parts.hostname} is a private or loopback address ({address}); "
                                   "use --allow-private to read from your own network")


def fetch(url: str, allow_private: bool = False, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
          accept: tuple[str, ...] = HTML_TYPES + FEED_TYPES) -> Fetched:
    """GET a page within the limits; raises ReportError naming the URL and the reason."""
    import httpx

    current = url
    with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, headers={
            "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                                                "application/atom+xml,application/xml;q=0.9,*/*;q=0.1"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_address(current, allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        current = urljoin(current, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise ReportError(url, f"the server answered {response.status_code} {response.reason_phrase}")
                    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if content_type and content_type not in accept:
                        raise ReportError(url, f"not an HTML page or a feed ({content_type}); save it and convert "
                                               "it to text first")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise ReportError(url, f"too large ({int(declared) / 1e6:,.0f} MB; the limit is "
                                               f"{max_bytes / 1e6:.0f} MB)")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise ReportError(url, f"too large (more than {max_bytes / 1e6:.0f} MB)")
                    return Fetched(str(response.url), content_type, bytes(body))
            except httpx.TimeoutException:
                raise ReportError(url, f"timed out after {timeout:g} s") from None
            except httpx.HTTPError as error:
                raise ReportError(url, f"could not be fetched ({type(error).__name__}: {error})") from None
    raise ReportError(url, f"more than {MAX_REDIRECTS} redirects")


def page_report(fetched: Fetched, source: str):
    """The report in a fetched HTML page."""
    from thucydides.ingest.html import read_html_report
    from thucydides.ingest.report import decode_web

    return read_html_report(decode_web(fetched.body, source), source, None, url=fetched.url)
