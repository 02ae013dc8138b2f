"""Bounds on what a desk may send, checked before anything is stored: JSON nesting and size,
ops in one change.  A poison change is refused with its reason; it never reaches a column."""

from __future__ import annotations

from typing import Any

import orjson

JSON_MAX_DEPTH = 4
"""Levels of nesting in a JSON column (an event's ``data``): an object in an object in …"""
JSON_MAX_BYTES = 4096
"""Bytes of a JSON column, as compact JSON."""
MAX_OPS = 50
"""Rows one change (one desk transaction) may touch."""


def nests_within(value: Any, levels: int) -> bool:
    """Whether ``value`` (an object or a list) nests no deeper than ``levels`` and holds no
    fraction — looking no further than that, so a hostile structure thousands of levels
    deep costs no more than a legal one."""
    if levels < 1:
        return False
    for child in value.values() if isinstance(value, dict) else value:
        if isinstance(child, float):
            return False
        if isinstance(child, (dict, list)) and not nests_within(child, levels - 1):
            return False
    return True


def bounded_json(value: dict[str, Any]) -> dict[str, Any]:
    """A JSON column's value within ``JSON_MAX_DEPTH`` and ``JSON_MAX_BYTES``."""
    if not nests_within(value, JSON_MAX_DEPTH):
        raise ValueError(f"nests deeper than {JSON_MAX_DEPTH} levels, or holds a fraction")
    try:
        size = len(orjson.dumps(value))
    except (TypeError, orjson.JSONEncodeError):
        raise ValueError("is not JSON") from None
    if size > JSON_MAX_BYTES:
        raise ValueError(f"is larger than {JSON_MAX_BYTES} bytes")
    return value
