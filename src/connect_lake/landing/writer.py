"""Write landed objects from a second process.

The simulation is one sequential event loop; compressing and writing the objects it lands is the other
half of the work. Handing finished payloads to a writer process keeps both cores busy. The queue is bounded,
so memory stays bounded when the disk is slower than the simulation.
"""

from __future__ import annotations

import gzip
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

BATCH_BYTES = 8 * 1024 * 1024
BATCH_ITEMS = 512

Item = tuple[str, bytes, int | None]  # path, payload, gzip level (None: write as is)
# or (RENDER, function, argument): call function(argument) -> [(path, payload)] and write those as is
RENDER = ""


def _drain(queue: mp.Queue) -> None:
    made: set[str] = set()
    while True:
        batch: list[Item] | None = queue.get()
        if batch is None:
            return
        for path, payload, level in _expand(batch):
            folder = os.path.dirname(path)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            if level is not None:
                # mtime=0 keeps the bytes a function of the seed alone.
                payload = gzip.compress(payload, compresslevel=level, mtime=0)
            with open(path, "wb") as handle:
                handle.write(payload)


def _expand(batch: list) -> Iterator[Item]:
    for item in batch:
        if item[0] == RENDER:
            for path, payload in item[1](item[2]):
                yield path, payload, None
        else:
            yield item


class BackgroundWriter:
    def __init__(self, queue_batches: int = 16) -> None:
        context = mp.get_context("fork")
        self._queue: mp.Queue = context.Queue(maxsize=queue_batches)
        self._process = context.Process(target=_drain, args=(self._queue,), daemon=True, name="landing-writer")
        self._process.start()
        self._batch: list[Item] = []
        self._batch_bytes = 0

    def write(self, path: Path, payload: bytes, gzip_level: int | None = None) -> None:
        self._batch.append((str(path), payload, gzip_level))
        self._batch_bytes += len(payload)
        if self._batch_bytes >= BATCH_BYTES or len(self._batch) >= BATCH_ITEMS:
            self.flush()

    def render(self, function: Callable[[Any], list[tuple[str, bytes]]], argument: Any) -> None:
        """Have the writer process render files (`function(argument)`, a module-level function) and write them."""
        self._batch.append((RENDER, function, argument))
        self._batch_bytes += 4096
        if len(self._batch) >= BATCH_ITEMS:
            self.flush()

    def flush(self) -> None:
        if self._batch:
            self._queue.put(self._batch)
            self._batch, self._batch_bytes = [], 0

    def close(self) -> None:
        self.flush()
        self._queue.put(None)
        self._process.join()
        if self._process.exitcode != 0:
            raise RuntimeError(f"the landing writer process failed (exit code {self._process.exitcode})")
