"""Whether a landed object can be read, and its lines when only some of them can.

One rule for every engine: the DuckDB plugin calls it for each object a run has not read yet, and
`connect-lake check-objects` calls it for object stores the engine reads itself (Athena, Trino), so an object
is unreadable for the same reasons everywhere. Compression follows the object's name, as Athena, Trino and
DuckDB decide it: `.gz` is gzip, anything else is read as it is.

The reasons an object cannot be read at all (its key and reason go to the quarantine, the rest of the lake
is read):
- `empty_object`: zero bytes, or a gzip stream holding nothing;
- `not_gzip`: named `.gz` but not a gzip stream (an uncompressed copy, a stray upload);
- `truncated_gzip`: a gzip stream that ends early or fails its checksum (an interrupted copy).
An object whose bytes are readable but hold bytes that are not UTF-8 is readable: only those lines are
quarantined (`invalid_utf8`), so it is read line by line here instead of by the engine's text reader; so is
an object with a line longer than the reader's buffers take.
"""

from __future__ import annotations

import gzip
import os
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

GZIP_MAGIC = b"\x1f\x8b"


# Longer lines than this are read line by line here, not by the engine's text reader (whose buffers are sized
# for it): a Firehose stream without the newline processor writes an object as one long line.
LONG_LINE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ObjectInspection:
    size_bytes: int
    modified_at: datetime
    problem: str | None
    has_invalid_utf8: bool
    longest_line_bytes: int


def is_gzip_name(key: str) -> bool:
    return key.endswith(".gz")


def decompressed(data: bytes, key: str) -> tuple[bytes | None, str | None]:
    """The object's content and None, or None and the reason it cannot be read."""
    if not data:
        return None, "empty_object"
    if not is_gzip_name(key):
        return data, None
    if not data.startswith(GZIP_MAGIC):
        return None, "not_gzip"
    try:
        content = gzip.decompress(data)  # every member of a multi-member stream, checksums verified
    except (EOFError, zlib.error, gzip.BadGzipFile):
        return None, "truncated_gzip"
    if not content:
        return None, "empty_object"
    return content, None


def inspect_bytes(data: bytes, key: str) -> tuple[str | None, bool, int]:
    """(problem, has_invalid_utf8, longest line in bytes) of an object's bytes."""
    content, problem = decompressed(data, key)
    if content is None:
        return problem, False, 0
    longest = max(map(len, content.split(b"\n")))
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return None, True, longest
    return None, False, longest


def inspect_file(path: str | Path) -> ObjectInspection:
    stat = os.stat(path)
    with open(path, "rb") as handle:
        data = handle.read()
    problem, has_invalid_utf8, longest = inspect_bytes(data, str(path))
    return ObjectInspection(
        size_bytes=stat.st_size,
        modified_at=datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None),
        problem=problem,
        has_invalid_utf8=has_invalid_utf8,
        longest_line_bytes=longest,
    )


def split_lines(content: bytes) -> list[bytes]:
    """Lines as a text reader sees them: split on \\n, a trailing \\r dropped, no line after a final \\n."""
    lines = content.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [line[:-1] if line.endswith(b"\r") else line for line in lines]


def object_lines(path: str | Path) -> list[tuple[int, str, bool]]:
    """(line number, text, is valid UTF-8) of every line of a readable object; invalid bytes become U+FFFD."""
    with open(path, "rb") as handle:
        content, problem = decompressed(handle.read(), str(path))
    if content is None:
        raise ValueError(f"{path} cannot be read: {problem}")
    numbered = []
    for number, line in enumerate(split_lines(content), 1):
        try:
            numbered.append((number, line.decode("utf-8"), True))
        except UnicodeDecodeError:
            numbered.append((number, line.decode("utf-8", errors="replace"), False))
    return numbered
