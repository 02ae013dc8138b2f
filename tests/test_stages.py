"""The stage machine: allowed and refused moves, the usual next step, thresholds."""

from __future__ import annotations

import pytest

from app.config import StageSettings
from app.services.stages import (
    ADMISSION,
    ARRIVED,
    DEPARTED,
    REGISTERED,
    Level,
    StageMachine,
    stage_name,
)

M = StageMachine()
IN_VISIT = M.in_visit


def test_stage_list_in_order() -> None:
    assert M.stages == (
        "arrived",
        "registered",
        "waiting",
        "consultation",
        "payment",
        "exam",
        "treatment",
        "pharmacy",
        "admission",
        "departed",
    )


@pytest.mark.parametrize("a", IN_VISIT)
@pytest.mark.parametrize("b", IN_VISIT)
def test_every_in_visit_move_is_allowed_both_ways(a: str, b: str) -> None:
    assert M.allowed(a, b) is (a != b)


@pytest.mark.parametrize("stage", [s for s in M.stages if s != DEPARTED])
def test_any_open_stage_may_depart(stage: str) -> None:
    assert M.allowed(stage, DEPARTED)


@pytest.mark.parametrize("target", M.stages)
def test_departed_is_final(target: str) -> None:
    assert not M.allowed(DEPARTED, target)
    assert M.next_stage(DEPARTED) is None


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("waiting", ARRIVED),
        ("consultation", REGISTERED),
        (REGISTERED, ARRIVED),
        (ADMISSION, "waiting"),
        (ADMISSION, "pharmacy"),
        (ARRIVED, ADMISSION),
        ("exam", "exam"),
        ("waiting", "nowhere"),
    ],
)
def test_refused_moves(current: str, target: str) -> None:
    assert not M.allowed(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (ARRIVED, REGISTERED),
        (ARRIVED, "waiting"),
        (REGISTERED, "exam"),
        ("pharmacy", ADMISSION),
        (ADMISSION, DEPARTED),
    ],
)
def test_allowed_moves(current: str, target: str) -> None:
    assert M.allowed(current, target)


def test_next_stage_walks_the_usual_path() -> None:
    path, stage = [], ARRIVED
    while stage is not None:
        path.append(stage)
        stage = M.next_stage(stage)
    assert path == [ARRIVED, REGISTERED, *IN_VISIT, DEPARTED]
    assert M.next_stage(ADMISSION) == DEPARTED


def test_stage_list_and_thresholds_are_configurable() -> None:
    m = StageMachine.from_settings(
        StageSettings(in_visit=("waiting", "rehab"), thresholds={"rehab": (10, 30)})
    )
    assert m.stages == (ARRIVED, REGISTERED, "waiting", "rehab", ADMISSION, DEPARTED)
    assert m.allowed("rehab", "waiting")
    assert not m.allowed("rehab", "consultation")
    assert m.level("rehab", 9) is Level.OK
    assert m.level("rehab", 10) is Level.AMBER
    assert m.level("rehab", 30) is Level.RED
    assert m.level("waiting", 500) is Level.OK  # no threshold configured for it here


def test_reserved_names_cannot_be_in_visit_stages() -> None:
    with pytest.raises(ValueError, match="unique"):
        StageMachine(in_visit=("waiting", DEPARTED))
    with pytest.raises(ValueError, match="unique"):
        StageMachine(in_visit=("waiting", "waiting"))


def test_default_thresholds_and_names() -> None:
    assert M.level("waiting", 19.9) is Level.OK
    assert M.level("waiting", 20) is Level.AMBER
    assert M.level("waiting", 40) is Level.RED
    assert M.level(DEPARTED, 9999) is Level.OK
    assert stage_name("consultation", "zh_CN") == "就诊中"
    assert stage_name("consultation", "en") == "In consultation"
    assert stage_name("rehab", "en") == "rehab"
