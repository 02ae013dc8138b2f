"""The visit stage machine: which moves are allowed, which stage comes next, and how long a
stage may last before the board warns.

    arrived → registered → [in-visit stages, in any order] → admission → departed

Between the in-visit stages (by default waiting, consultation, payment, exam, treatment,
pharmacy) every move is allowed, because patients go back and forth.  Any stage may end in
departed; departed is final until the visit is explicitly reopened.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from app.config import DEFAULT_IN_VISIT, DEFAULT_THRESHOLDS, StageSettings
from app.i18n import QT_TRANSLATE_NOOP, Text, localise

ARRIVED = "arrived"
REGISTERED = "registered"
ADMISSION = "admission"
DEPARTED = "departed"
FIXED = (ARRIVED, REGISTERED, ADMISSION, DEPARTED)

# Names shown to people, in English; translated in resources/i18n/*.ts (context "Stages",
# app/i18n.py). Custom stages show their own name.
STAGE_NAMES: dict[str, str] = {
    ARRIVED: QT_TRANSLATE_NOOP("Stages", "Arrived"),
    REGISTERED: QT_TRANSLATE_NOOP("Stages", "Registered"),
    "waiting": QT_TRANSLATE_NOOP("Stages", "Waiting"),
    "consultation": QT_TRANSLATE_NOOP("Stages", "In consultation"),
    "payment": QT_TRANSLATE_NOOP("Stages", "Payment"),
    "exam": QT_TRANSLATE_NOOP("Stages", "Exam"),
    "treatment": QT_TRANSLATE_NOOP("Stages", "Treatment"),
    "pharmacy": QT_TRANSLATE_NOOP("Stages", "Pharmacy"),
    ADMISSION: QT_TRANSLATE_NOOP("Stages", "Admission hand-off"),
    DEPARTED: QT_TRANSLATE_NOOP("Stages", "Departed"),
}


class Level(StrEnum):
    """How a stage's duration compares with its thresholds (never shown by colour alone)."""

    OK = "ok"
    AMBER = "amber"
    RED = "red"


def stage_text(stage: str) -> Text | str:
    """A stage's name, to be shown in the reader's language (a custom stage: its own name)."""
    return Text("Stages", STAGE_NAMES[stage]) if stage in STAGE_NAMES else stage


def stage_name(stage: str, lang: str = "zh_CN") -> str:
    return str(localise(stage_text(stage), lang))


@dataclass(frozen=True)
class StageMachine:
    in_visit: tuple[str, ...] = DEFAULT_IN_VISIT
    thresholds: dict[str, tuple[int, int]] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))

    def __post_init__(self) -> None:
        clash = set(self.in_visit) & set(FIXED)
        if clash or len(set(self.in_visit)) != len(self.in_visit) or not self.in_visit:
            raise ValueError(f"in-visit stages must be unique and not one of {FIXED}")

    @classmethod
    def from_settings(cls, settings: StageSettings) -> StageMachine:
        return cls(in_visit=tuple(settings.in_visit), thresholds=dict(settings.thresholds))

    @property
    def stages(self) -> tuple[str, ...]:
        return (ARRIVED, REGISTERED, *self.in_visit, ADMISSION, DEPARTED)

    def known(self, stage: str) -> bool:
        return stage in self.stages

    def targets(self, current: str) -> tuple[str, ...]:
        """Every stage a visit in ``current`` may move to, in display order."""
        if current == DEPARTED:
            return ()
        if current == ADMISSION:
            return (DEPARTED,)
        allowed: list[str] = []
        if current == ARRIVED:
            allowed.append(REGISTERED)
        allowed.extend(s for s in self.in_visit if s != current)
        if current != ARRIVED:
            allowed.append(ADMISSION)
        allowed.append(DEPARTED)
        return tuple(allowed)

    def allowed(self, current: str, target: str) -> bool:
        return target in self.targets(current)

    def next_stage(self, current: str) -> str | None:
        """The usual next step, for the one-click / one-key "next" on the board."""
        order = (ARRIVED, REGISTERED, *self.in_visit, DEPARTED)
        if current == ADMISSION:
            return DEPARTED
        if current not in order or current == DEPARTED:
            return None
        return order[order.index(current) + 1]

    def reopen_targets(self) -> tuple[str, ...]:
        return (REGISTERED, *self.in_visit)

    def level(self, stage: str, minutes: float) -> Level:
        amber, red = self.thresholds.get(stage, (0, 0))
        if stage == DEPARTED or not amber:
            return Level.OK
        if minutes >= red:
            return Level.RED
        if minutes >= amber:
            return Level.AMBER
        return Level.OK

    def open_stages(self) -> Iterable[str]:
        return (s for s in self.stages if s != DEPARTED)
