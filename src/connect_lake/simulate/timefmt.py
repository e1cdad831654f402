"""Timestamp formats of the raw sources (all UTC, ISO-8601).

Formatting is on the hot path (every record carries several timestamps), so whole seconds are formatted once
and cached; the cache is dropped when it grows, since the simulation clock only moves forward.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

_SECONDS: dict[int, str] = {}


def _second(whole: int) -> str:
    text = _SECONDS.get(whole)
    if text is None:
        if len(_SECONDS) > 200_000:
            _SECONDS.clear()
        text = _SECONDS[whole] = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole))
    return text


def iso_seconds(epoch_s: float | None) -> str | None:
    """CTR timestamps: second precision, `2022-01-05T17:20:32Z`."""
    if epoch_s is None:
        return None
    return _second(int(epoch_s)) + "Z"


def iso_millis(epoch_s: float | None) -> str | None:
    """Agent events, flow logs and profiles: millisecond precision, `2019-08-13T20:58:44.031Z`."""
    if epoch_s is None:
        return None
    millis = round(epoch_s * 1000)
    whole, fraction = divmod(millis, 1000)
    return f"{_second(whole)}.{fraction:03d}Z"


def parse_date(value: str) -> int:
    """`YYYY-MM-DD` at 00:00 UTC as epoch seconds."""
    return int(datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())
