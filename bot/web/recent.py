"""A few recent results kept for seconds, in this process: the overview's figures
while someone re-sorts its table or changes language, its chart on every reload.
What is kept is at most `ttl` seconds old; a desk made with ttl 0 keeps nothing
(bench/web.py measures the pages that way)."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Recent:
    def __init__(self, ttl: float, size: int = 64):
        self.ttl, self.size = ttl, size
        self.items: dict[Hashable, tuple[float, Any]] = {}
        self.lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The kept value for `key`, or `make()` (then kept)."""
        if self.ttl <= 0:
            return make()
        now = time.monotonic()
        with self.lock:
            found = self.items.get(key)
        if found is not None and now - found[0] < self.ttl:
            return found[1]
        value = make()
        with self.lock:
            if len(self.items) >= self.size:
                stale = [k for k, (at, _v) in self.items.items() if now - at >= self.ttl]
                for k in stale or [min(self.items, key=lambda k: self.items[k][0])]:
                    self.items.pop(k, None)
            self.items[key] = (time.monotonic(), value)
        return value
