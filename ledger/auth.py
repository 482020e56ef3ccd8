"""The login challenge a key signs to open a session with a node (PROTOCOL.md section 4)."""

from __future__ import annotations

AUTH_CONTEXT = "jcdesk/auth/v1\n"


def login_message(origin: str, nonce: str) -> bytes:
    """``jcdesk/auth/v1\\n<origin>\\n<nonce>\\n`` as UTF-8; the nonce is auth.challenge's base64."""
    return f"{AUTH_CONTEXT}{origin}\n{nonce}\n".encode()
