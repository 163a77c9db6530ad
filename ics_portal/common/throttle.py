"""Counting requests in fixed windows in Django's cache, to throttle what may be abused."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.core.cache import cache


def throttle_key(kind: str, value: str) -> str:
    """A cache key for `value` (an email or client address) that does not hold it in clear."""
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()
    return f"throttle:{kind}:{digest}"


def over_limit(key: str, *, limit: int, window: timedelta) -> bool:
    """Count one more request under `key`; True once more than `limit` were made in the
    window that began with the first of them."""
    timeout = int(window.total_seconds())
    cache.add(key, 0, timeout=timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add and incr: this request opens a new one
        cache.add(key, 1, timeout=timeout)
        count = 1
    return count > limit
