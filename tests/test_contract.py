"""The row contract's own promises, checked without a server."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.contract import ContractError, check_row
from app.ids import new_id
from app.sync.codec import canonical

_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | _text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_the_fast_canonical_form_is_the_documented_one(value) -> None:
    """docs/sync.md defines the hashed bytes by Python's json.dumps; the hot path writes them
    with orjson — byte for byte the same for every value the contract admits."""
    expected = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical(value) == expected.encode()


def test_a_json_column_holds_no_fraction_and_nests_at_most_four_levels() -> None:
    event = {
        "id": new_id(),
        "visit_id": new_id(),
        "kind": "note",
        "device_id": "d",
        "occurred_at": "2026-12-02T01:00:00Z",
    }
    check_row("visit_events", {**event, "data": {"a": {"b": {"c": [1, "x", None, True]}}}})
    for bad in ({"x": 1.5}, {"a": [[[[[1]]]]]}, {"big": "x" * 5000}):
        with pytest.raises(ContractError) as refused:
            check_row("visit_events", {**event, "data": bad})
        assert (refused.value.field, refused.value.rule) == ("visit_events.data", "value_error")
