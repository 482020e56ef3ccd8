"""Time: UTC inside, RFC 3339 with milliseconds on the wire; an injectable clock for tests."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

# ASCII digits only (``\d`` would take any Unicode digit, which strptime then accepts), and \Z
# (``$`` would allow a trailing newline)
_RFC3339_MS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z\Z")


def format_time(moment: datetime) -> str:
    """``2026-11-27T07:30:00.123Z``: UTC, milliseconds, 'Z' (PROTOCOL.md section 1)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: times must carry a timezone")
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime:
    """Parse the wire form back to an aware UTC datetime; anything else is a ValueError."""
    if not isinstance(text, str) or not _RFC3339_MS.match(text):
        raise ValueError(f"time {text!r} is not RFC 3339 UTC with milliseconds")
    return datetime(
        int(text[0:4]),
        int(text[5:7]),
        int(text[8:10]),
        int(text[11:13]),
        int(text[14:16]),
        int(text[17:19]),
        int(text[20:23]) * 1000,
        tzinfo=UTC,
    )


class Clock:
    """The system clock. Domain code takes a clock so tests can move time."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock(Clock):
    """A clock that stands still until moved (tests, deadline simulations)."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta
