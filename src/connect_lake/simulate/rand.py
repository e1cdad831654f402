"""Fast draws from `random.Random`.

`Random.randint` and `Random.choice` go through `randrange` and cost about a microsecond each; the simulation
makes millions of draws, so these helpers use one `random()` call instead. Still seeded, still deterministic.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def randint(rng: random.Random, low: int, high: int) -> int:
    """An integer in [low, high], both ends included."""
    return low + int(rng.random() * (high - low + 1))


def choice(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]
