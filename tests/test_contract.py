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


def _event() -> dict[str, str]:
    """A note on a visit, as a desk sends it."""
    return {
        "id": new_id(),
        "visit_id": new_id(),
        "kind": "note",
        "device_id": "d",
        "occurred_at": "2026-12-02T01:00:00Z",
    }


def test_a_json_column_holds_no_fraction_and_nests_at_most_four_levels() -> None:
    event = _event()
    check_row("visit_events", {**event, "data": {"a": {"b": {"c": [1, "x", None, True]}}}})
    for bad in ({"x": 1.5}, {"a": [[[[[1]]]]]}, {"big": "x" * 5000}):
        with pytest.raises(ContractError) as refused:
            check_row("visit_events", {**event, "data": bad})
        assert (refused.value.field, refused.value.rule) == ("visit_events.data", "value_error")


def test_days_and_instants_are_real_calendar_days_of_2000_to_2099() -> None:
    """The calendar lives in the pattern (no Python call per value): every date the standard
    library accepts in 2000–2099 passes, every day 29–31 it refuses is refused — 30 February,
    31 April, 29 February 2001 — and so are years outside the range."""
    import datetime as dt

    event = _event()
    visit = {
        "id": new_id(),
        "day": "2026-12-02",
        "arrival_channel": "desk",
        "created_at": "2026-12-02T01:00:00Z",
        "created_device_id": "d",
    }
    accepted = refused = 0
    for year in range(2000, 2100):
        for month in range(1, 13):
            for day in (1, 28, 29, 30, 31):
                text = f"{year}-{month:02d}-{day:02d}"
                try:
                    dt.date(year, month, day)
                    real = True
                except ValueError:
                    real = False
                for table, row in (
                    ("visits", {**visit, "day": text}),
                    ("visit_events", {**event, "occurred_at": f"{text}T23:59:59.5Z"}),
                ):
                    if real:
                        check_row(table, row)
                        accepted += 1
                    else:
                        with pytest.raises(ContractError, match="pattern"):
                            check_row(table, row)
                        refused += 1
    # a year: 30 and 31 February, 31 April, June, September and November; 29 February in
    # the 75 years of the hundred not divisible by four — in each of the two tables
    assert refused == 2 * (100 * 6 + 75)
    assert accepted == 2 * 100 * 12 * 5 - refused
    for text in ("1999-12-31", "2100-01-01", "2026-00-10", "2026-13-01", "2026-01-00"):
        with pytest.raises(ContractError):
            check_row("visits", {**visit, "day": text})
    for text in ("2026-12-02T24:00:00Z", "2026-12-02T12:60:00Z", "2026-12-02T12:00:00+08:00"):
        with pytest.raises(ContractError):
            check_row("visit_events", {**event, "occurred_at": text})
