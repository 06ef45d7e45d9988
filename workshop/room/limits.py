"""How much one phone, or one address, may ask of the room: token buckets, counted in memory.

A room of strangers may hold one person who presses "Send" a thousand times, or a script
that guesses join codes. Each session token and each address has a bucket that refills at
a steady rate; a request that finds it empty is refused with "slow down" (429). Wrong join
codes spend from their own bucket per address, so guessing stops after a few tries while a
right code still gets in. The tables are bounded, so the limits cannot fill the memory.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]


@dataclass(frozen=True)
class Rate:
    """``burst`` requests at once, then one each ``1 / per_second`` seconds."""

    burst: float
    per_second: float


@dataclass(frozen=True)
class Limits:
    """Every limit of one room. The defaults suit a hall of phones on their own addresses."""

    body_bytes: int = 4096  # the largest form a phone may send
    text_chars: int = 500  # the longest contribution or reason
    participants: int = 250  # phones that may join one session
    sends_per_phone: Rate = Rate(burst=6, per_second=0.5)  # contributions, places, votes
    requests_per_address: Rate = Rate(burst=60, per_second=10)  # any page
    wrong_codes_per_address: Rate = Rate(burst=8, per_second=1 / 15)
    tracked: int = 4096  # buckets kept per table; the least recent go first


class Buckets:
    """Token buckets by key (a session token or an address), thread-safe and bounded."""

    def __init__(self, rate: Rate, tracked: int, clock: Clock = time.monotonic):
        self._rate = rate
        self._tracked = tracked
        self._clock = clock
        self._levels: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> level, when
        self._lock = threading.Lock()

    def _level(self, key: str, now: float) -> float:
        level, when = self._levels.get(key, (self._rate.burst, now))
        return min(self._rate.burst, level + (now - when) * self._rate.per_second)

    def take(self, key: str) -> bool:
        """Spend one from ``key``'s bucket; ``False`` (nothing spent) when it is empty."""
        with self._lock:
            now = self._clock()
            level = self._level(key, now)
            if level < 1:
                return False
            self._store(key, level - 1, now)
            return True

    def has(self, key: str) -> bool:
        """Whether ``key``'s bucket has one to spend, without spending it."""
        with self._lock:
            return self._level(key, self._clock()) >= 1

    def _store(self, key: str, level: float, now: float) -> None:
        self._levels[key] = (level, now)
        self._levels.move_to_end(key)
        while len(self._levels) > self._tracked:
            self._levels.popitem(last=False)

    def forget(self) -> None:
        with self._lock:
            self._levels.clear()


class RoomLimits:
    """The three kinds of bucket a room keeps, from one :class:`Limits`."""

    def __init__(self, limits: Limits, clock: Clock = time.monotonic):
        self.limits = limits
        self.sends = Buckets(limits.sends_per_phone, limits.tracked, clock)
        self.requests = Buckets(limits.requests_per_address, limits.tracked, clock)
        self.wrong_codes = Buckets(limits.wrong_codes_per_address, limits.tracked, clock)

    def forget(self) -> None:
        """A new session starts with full buckets."""
        for buckets in (self.sends, self.requests, self.wrong_codes):
            buckets.forget()
