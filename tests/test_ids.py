from __future__ import annotations

import time
import uuid

from app.ids import new_id, uuid7, uuid7_time_ms


def test_uuid7_has_version_7_and_rfc_variant() -> None:
    u = uuid7()
    assert u.version == 7
    assert u.variant == uuid.RFC_4122


def test_uuid7_carries_the_current_millisecond() -> None:
    before = time.time_ns() // 1_000_000
    u = uuid7()
    after = time.time_ns() // 1_000_000
    assert before <= uuid7_time_ms(u) <= after + 1


def test_ids_made_in_a_burst_are_unique_and_sorted() -> None:
    ids = [new_id() for _ in range(20_000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
