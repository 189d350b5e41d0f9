"""When to SIGKILL a child so that most kills land mid-run, on a quiet machine or a loaded one.

A run's duration measured once (in process, or one uninterrupted child) is a poor guess on a
shared two-core machine: the load changes between the measurement and the trials, and a window
that is too wide lets the child finish before the kill, which makes a crash test vacuous. The
window shrinks each time a kill misses and grows back a little with each hit (never past the first
guess), so a bad first guess costs a few trials, not the test, and the kills keep probing the end of
the run (its commit) instead of settling at its start: about one kill in eight misses at the
balance of the two steps.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

SHRINK = 0.7
GROW = 1.05


@dataclass(slots=True)
class KillTiming:
    """Random kill delays within ``[low, window]``; ``record`` moves the window after each kill."""

    window: float
    low: float = 0.0
    rng: random.Random = field(default_factory=lambda: random.Random(20240515))
    misses: int = 0
    widest: float = 0.0

    def __post_init__(self) -> None:
        self.widest = self.window

    def delay(self) -> float:
        return self.rng.uniform(self.low, max(self.low, self.window))

    def record(self, landed: bool) -> None:
        """After a kill: one that came after the child had finished narrows the window; one that
        landed mid-run widens it a little, up to the first guess."""
        if landed:
            self.window = min(self.widest, self.window * GROW)
        else:
            self.misses += 1
            self.window = max(self.low, self.window * SHRINK)


def test_a_miss_narrows_the_window_and_hits_widen_it_up_to_the_first_guess() -> None:
    timing = KillTiming(window=1.0, low=0.02)
    timing.record(landed=True)
    assert timing.window == 1.0  # never past the first guess
    timing.record(landed=False)
    assert timing.window == 0.7 and timing.misses == 1
    assert all(0.02 <= timing.delay() <= 0.7 for _ in range(100))
    timing.record(landed=True)
    assert timing.window == 0.7 * 1.05
