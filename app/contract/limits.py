"""Bounds on what a desk may send, checked before anything is stored: JSON nesting and size,
ops in one change.  A poison change is refused with its reason; it never reaches a column."""

from __future__ import annotations

from typing import Any

import orjson

JSON_MAX_DEPTH = 4
"""Levels of nesting in a JSON column (an event's ``data``): an object in an object in …"""
JSON_MAX_BYTES = 4096
"""Bytes of a JSON column, as compact JSON."""
PAYLOAD_MAX_DEPTH = 16
"""Levels of nesting in a whole change (``{"ops": [{"data": {…}}]}`` is 4 with the row), a
crude first guard: within it, the row contract names the column that nests too deep."""
MAX_OPS = 50
"""Rows one change (one desk transaction) may touch."""


def depth(value: Any, limit: int) -> int:
    """How deep ``value`` nests, counting no further than ``limit + 1`` (so a hostile
    structure thousands of levels deep costs no more than a legal one)."""
    todo = [(value, 1)]
    deepest = 0
    while todo:
        item, level = todo.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if level > limit:
            return level
        todo.extend((child, level + 1) for child in children)
    return deepest


def bounded_json(value: dict[str, Any]) -> dict[str, Any]:
    """A JSON column's value within ``JSON_MAX_DEPTH`` and ``JSON_MAX_BYTES``."""
    if depth(value, JSON_MAX_DEPTH) > JSON_MAX_DEPTH:
        raise ValueError(f"nests deeper than {JSON_MAX_DEPTH} levels")
    try:
        size = len(orjson.dumps(value))
    except (TypeError, orjson.JSONEncodeError):
        raise ValueError("is not JSON") from None
    if size > JSON_MAX_BYTES:
        raise ValueError(f"is larger than {JSON_MAX_BYTES} bytes")
    return value
