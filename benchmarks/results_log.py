"""What every benchmark records beside its figures: when, on what machine; and where the record goes."""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def stamp() -> dict[str, str]:
    return {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": f"{platform.machine()} {platform.python_version()} cores={os.cpu_count()}",
    }


def append(benchmark: str, result: dict[str, Any]) -> None:
    """Print the result and append it to results/<benchmark>.jsonl."""
    print(json.dumps(result, indent=2))
    with open(RESULTS / f"{benchmark}.jsonl", "a") as handle:
        handle.write(json.dumps(result) + "\n")
