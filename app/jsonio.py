"""JSON for the sync hot path — push bodies, change-log rows, outbox payloads — by orjson,
several times faster than the standard library at both ends.  Same documents: keys that are
not strings become strings, as ``json`` does; anything else ``json`` refuses, so does this."""

from __future__ import annotations

from typing import Any

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumpb(obj: Any) -> bytes:
    """UTF-8 JSON, for an HTTP body."""
    return orjson.dumps(obj, option=_OPTIONS)


def dumps(obj: Any) -> str:
    """JSON text, for a database column."""
    return orjson.dumps(obj, option=_OPTIONS).decode()


loads = orjson.loads  # str or bytes
