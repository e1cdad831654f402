"""dbt-duckdb plugin: the landing-object functions the DuckDB base models call.

DuckDB's file readers stop the whole query at one object they cannot decompress, so each object a run has not
read yet is inspected first, in Python, by the same rule `connect-lake check-objects` applies on object stores
(`connect_lake.landing.objects`). Registered on every connection dbt opens (profiles.yml `plugins`):

- `connect_lake_inspect_object(path)` -> struct(size_bytes, modified_at, problem, needs_line_reader)
- `connect_lake_object_lines(path)` -> list of struct(line_number, line, is_valid_utf8): the lines of an object
  DuckDB's text reader cannot take (bytes that are not UTF-8, a line longer than its buffers).
- `connect_lake_list_objects(root, changed_since)` -> list of paths: the files under a landing prefix, less
  those of folders unchanged since `changed_since` (epoch seconds; 0 lists everything), so a run's listing
  costs what landed since the last run, not the whole history (`connect_lake.landing.listing`).
- `connect_lake_has_objects(root)` -> boolean: whether anything landed under a prefix (stops at the first).

Before DuckDB opens the warehouse file, the plugin creates its folder (a fresh clone has no data/warehouse/).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb.sqltypes import BIGINT, BOOLEAN, DOUBLE, TIMESTAMP, VARCHAR

from connect_lake.landing.listing import has_files, list_files
from connect_lake.landing.objects import LONG_LINE_BYTES, inspect_file, object_lines

INSPECTION = duckdb.struct_type(
    {
        "size_bytes": BIGINT,
        "modified_at": TIMESTAMP,
        "problem": VARCHAR,
        "needs_line_reader": BOOLEAN,
    }
)
LINES = duckdb.list_type(duckdb.struct_type({"line_number": BIGINT, "line": VARCHAR, "is_valid_utf8": BOOLEAN}))


def _inspect(path: str) -> dict[str, Any]:
    try:
        inspection = inspect_file(path)
    except FileNotFoundError:
        # removed between the listing and the inspection: nothing to read, and the next run will not list it
        return {"size_bytes": None, "modified_at": None, "problem": "object_vanished", "needs_line_reader": False}
    return {
        "size_bytes": inspection.size_bytes,
        "modified_at": inspection.modified_at,
        "problem": inspection.problem,
        # DuckDB's text reader rejects an object with bytes that are not UTF-8 whole, and one line longer than
        # its buffers: such objects are read line by line by connect_lake_object_lines
        "needs_line_reader": inspection.has_invalid_utf8 or inspection.longest_line_bytes > LONG_LINE_BYTES,
    }


def _lines(path: str) -> list[dict[str, Any]]:
    return [{"line_number": number, "line": text, "is_valid_utf8": valid} for number, text, valid in object_lines(path)]


def _list(root: str, changed_since: float) -> list[str]:
    return list_files(root, changed_since or None)


def register(connection: duckdb.DuckDBPyConnection) -> None:
    """Register the functions on a connection (idempotent)."""
    registered = {
        row[0]
        for row in connection.execute(
            "select function_name from duckdb_functions() where function_name like 'connect_lake_%'"
        ).fetchall()
    }
    if "connect_lake_inspect_object" not in registered:
        connection.create_function("connect_lake_inspect_object", _inspect, [VARCHAR], INSPECTION)
    if "connect_lake_object_lines" not in registered:
        connection.create_function("connect_lake_object_lines", _lines, [VARCHAR], LINES)
    if "connect_lake_list_objects" not in registered:
        connection.create_function(
            "connect_lake_list_objects", _list, [VARCHAR, DOUBLE], duckdb.list_type(VARCHAR), side_effects=True
        )
    if "connect_lake_has_objects" not in registered:
        connection.create_function("connect_lake_has_objects", has_files, [VARCHAR], BOOLEAN, side_effects=True)


class Plugin(BasePlugin):
    def update_connection_config(self, creds: Any, config: dict[str, Any]) -> None:
        # called before duckdb.connect: DuckDB will not create a missing folder, and its error is a traceback
        path = str(creds.path)
        if path != ":memory:" and "://" not in path and not path.startswith("md:"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)

    def configure_connection(self, conn: duckdb.DuckDBPyConnection) -> None:
        register(conn)

    def configure_cursor(self, cursor: duckdb.DuckDBPyConnection) -> None:
        register(cursor)
