"""What landed where and when: the delivery side of the ground truth.

Written beside the truth (outside the landing folder), so a test can replay the landing zone as it looked at
any moment (late objects withheld) and can find every malformed line and corrupt object that was injected,
with the reason the warehouse must quarantine it for.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import TextIO


def iso_seconds(epoch_s: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(epoch_s)))


class LandingManifest:
    OBJECT_COLUMNS = ("key", "source", "records", "first_arrival_at", "visible_at", "is_late")
    MALFORMED_COLUMNS = ("key", "line_number", "kind", "expected_reason")
    CORRUPT_COLUMNS = ("key", "source", "expected_reason")

    def __init__(self, truth_dir: Path) -> None:
        truth_dir.mkdir(parents=True, exist_ok=True)
        self._objects_file: TextIO = open(truth_dir / "landing_objects.csv", "w", newline="")  # noqa: SIM115
        self._malformed_file: TextIO = open(truth_dir / "malformed_lines.csv", "w", newline="")  # noqa: SIM115
        self._corrupt_file: TextIO = open(truth_dir / "corrupt_objects.csv", "w", newline="")  # noqa: SIM115
        self._objects = csv.writer(self._objects_file)
        self._malformed = csv.writer(self._malformed_file)
        self._corrupt = csv.writer(self._corrupt_file)
        self._objects.writerow(self.OBJECT_COLUMNS)
        self._malformed.writerow(self.MALFORMED_COLUMNS)
        self._corrupt.writerow(self.CORRUPT_COLUMNS)
        self.late_objects = 0
        self.malformed_lines = 0
        self.corrupt_objects = 0

    def landed_object(
        self, key: str, source: str, records: int, first_arrival: float, visible_at: float, is_late: bool
    ) -> None:
        self.late_objects += int(is_late)
        self._objects.writerow(
            (key, source, records, iso_seconds(first_arrival), iso_seconds(visible_at), int(is_late))
        )

    def malformed_line(self, key: str, line_number: int, kind: str, expected_reason: str) -> None:
        self.malformed_lines += 1
        self._malformed.writerow((key, line_number, kind, expected_reason))

    def corrupt_object(self, key: str, source: str, expected_reason: str) -> None:
        self.corrupt_objects += 1
        self._corrupt.writerow((key, source, expected_reason))

    def close(self) -> None:
        self._objects_file.close()
        self._malformed_file.close()
        self._corrupt_file.close()
