"""Kinesis Data Firehose delivery to S3, as it lands on disk.

Firehose buffers records and writes one object per buffer interval. The default `YYYY/MM/dd/HH/` prefix is
the UTC *arrival* hour of the oldest record in the object, not the event time; the object name is
`<stream>-<version>-<yyyy>-<MM>-<dd>-<HH>-<mm>-<ss>-<uuid>.gz`. Records are newline-delimited because the
delivery stream is configured with the AppendDelimiterToRecord processor (Athena needs one object per line).

Buffer windows are not aligned to the clock (each stream gets a phase), so an object regularly holds records
from two hours and lands under the earlier one.
"""

from __future__ import annotations

import random
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from connect_lake.landing.faults import corrupt_object, malformed_line
from connect_lake.landing.manifest import LandingManifest
from connect_lake.landing.writer import BackgroundWriter
from connect_lake.simulate.rand import randint


def utc_parts(epoch_s: float) -> time.struct_time:
    return time.gmtime(int(epoch_s))


def hour_prefix(epoch_s: float) -> str:
    return time.strftime("%Y/%m/%d/%H", utc_parts(epoch_s))


def object_name(stream_name: str, first_arrival: float, object_uuid: str) -> str:
    stamp = time.strftime("%Y-%m-%d-%H-%M-%S", utc_parts(first_arrival))
    return f"{stream_name}-1-{stamp}-{object_uuid}.gz"


@dataclass(slots=True)
class DeliveryFaults:
    """Faults of the delivery path itself (the producers inject duplicates and re-deliveries)."""

    malformed_line_rate: float = 0.0
    late_object_rate: float = 0.0
    late_delay_s: tuple[int, int] = (3_600, 30 * 3_600)
    corrupt_object_rate: float = 0.0


@dataclass
class FirehoseStream:
    """One delivery stream writing gzip NDJSON objects under `root/source/`."""

    root: Path
    source: str
    stream_name: str
    buffer_s: int
    phase_s: int
    rng: random.Random
    manifest: LandingManifest
    writer: BackgroundWriter
    faults: DeliveryFaults = field(default_factory=DeliveryFaults)
    compresslevel: int = 6
    _windows: dict[int, list[tuple[float, int, bytes]]] = field(default_factory=lambda: defaultdict(list))
    _seq: int = 0
    _malformed_lines: int = 0
    records_written: int = 0

    def put(self, arrival_s: float, line: bytes) -> None:
        window = int((arrival_s - self.phase_s) // self.buffer_s)
        self._seq += 1
        self._windows[window].append((arrival_s, self._seq, line))

    def flush_until(self, now_s: float) -> None:
        """Write every object whose buffer interval ended at or before `now_s`."""
        closed = [w for w in self._windows if (w + 1) * self.buffer_s + self.phase_s <= now_s]
        for window in sorted(closed):
            self._write(window, self._windows.pop(window))

    def close(self) -> None:
        for window in sorted(self._windows):
            self._write(window, self._windows[window])
        self._windows.clear()

    def _write(self, window: int, records: list[tuple[float, int, bytes]]) -> None:
        records.sort()
        first_arrival = records[0][0]
        window_end = (window + 1) * self.buffer_s + self.phase_s
        object_uuid = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        key = f"{self.source}/{hour_prefix(first_arrival)}/{object_name(self.stream_name, first_arrival, object_uuid)}"

        lines: list[bytes] = []
        for _, _, line in records:
            lines.append(line)
            if self.faults.malformed_line_rate and self.rng.random() < self.faults.malformed_line_rate:
                kind, reason, bad = malformed_line(line, self.source, self.rng, self._malformed_lines)
                self._malformed_lines += 1
                lines.append(bad)
                self.manifest.malformed_line(key, len(lines), kind, reason)
        visible_at = window_end
        is_late = bool(self.faults.late_object_rate) and self.rng.random() < self.faults.late_object_rate
        if is_late:
            visible_at += randint(self.rng, *self.faults.late_delay_s)

        lines.append(b"")
        content = b"\n".join(lines)
        self.writer.write(self.root / key, content, self.compresslevel)
        self.records_written += len(records)
        self.manifest.landed_object(key, self.source, len(records), first_arrival, visible_at, is_late)
        if self.faults.corrupt_object_rate and self.rng.random() < self.faults.corrupt_object_rate:
            self._write_corrupt_copy(key, content, visible_at)

    def _write_corrupt_copy(self, key: str, content: bytes, visible_at: float) -> None:
        """An unreadable object beside `key` (an interrupted copy, a stray upload), under a name of its own."""
        reason, payload = corrupt_object(content, is_gzip=True, rng=self.rng)
        copy_key = key[: -len(".gz")] + "-copy.gz"
        self.writer.write(self.root / copy_key, payload, None)
        self.manifest.landed_object(copy_key, self.source, 0, visible_at, visible_at, False)
        self.manifest.corrupt_object(copy_key, self.source, reason)


@dataclass
class DocumentWriter:
    """Services that write one whole JSON document per S3 object (Contact Lens). The writer process renders
    the documents; the keys are known here, so the manifest is written at once."""

    root: Path
    manifest: LandingManifest
    writer: BackgroundWriter
    rng: random.Random = field(default_factory=random.Random)
    faults: DeliveryFaults = field(default_factory=DeliveryFaults)
    documents_written: int = 0

    def put_rendered(self, keys: tuple[str, ...], render, job, visible_at: float, source: str) -> None:
        """Documents the writer process renders from `job`; the keys are known now, for the manifest."""
        self.writer.render(render, job)
        for key in keys:
            self.documents_written += 1
            self.manifest.landed_object(key, source, 1, visible_at, visible_at, False)
            if self.faults.corrupt_object_rate and self.rng.random() < self.faults.corrupt_object_rate:
                # a zero-byte copy under a later analysis time, as an interrupted upload leaves it
                copy_key = key[: -len("Z.json")] + "Z-copy.json"
                self.writer.write(self.root / copy_key, b"", None)
                self.manifest.landed_object(copy_key, source, 0, visible_at, visible_at, False)
                self.manifest.corrupt_object(copy_key, source, "empty_object")
