"""Who may read and write, and the headers that keep report text from ever running in a browser."""
from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

bearer = HTTPBearer(auto_error=False, description="The token given to `thuc serve --token` (or $THUC_TOKEN).")


def token_matches(request: Request, credentials: HTTPAuthorizationCredentials | None) -> bool:
    token = request.app.state.settings.token
    return bool(token and credentials and hmac.compare_digest(credentials.credentials.encode(), token.encode()))


def require_reader(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    """Reads are open when the server listens on this machine only; otherwise they need the token."""
    if request.app.state.settings.open_reads or token_matches(request, credentials):
        return
    raise HTTPException(401, "this server needs a bearer token for reads", headers={"WWW-Authenticate": "Bearer"})


def require_writer(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    """Writes always need the token; without one configured they are off."""
    if not request.app.state.settings.token:
        raise HTTPException(403, "writes are off: start the server with --token or $THUC_TOKEN")
    if not token_matches(request, credentials):
        raise HTTPException(401, "a valid bearer token is needed to write", headers={"WWW-Authenticate": "Bearer"})


def origin_of(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url.replace("{s}", "a"))
    host = parts.netloc.replace("a.", "*.", 1) if "{s}" in url else parts.netloc
    return f"{parts.scheme}://{host}" if parts.scheme in ("http", "https") and host else ""


def content_security_policy(path: str, tile_url: str | None) -> str:
    """Scripts and styles from this server only (no inline code: report text can never become script);
    map tiles from the configured tile server; the API docs need Swagger UI's inline start-up script."""
    tiles = origin_of(tile_url)
    if path == "/docs":
        return ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'")
    return (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: {tiles}".rstrip()
            + "; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                    "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin"}
