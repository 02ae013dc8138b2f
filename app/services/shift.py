"""The shift view and the duty lead's daily report: who escorted how many patients, how long
each stage took, where the day's patients came from, and how fast "call a guide" was answered.

Everything is computed from the append-only events, skipping corrected and flagged ones, so
the figures agree with what every board showed."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AssistanceRequest, EventKind, Staff, Visit
from app.services.stages import DEPARTED
from app.services.visits import STAGE_EVENTS, effective, events_and_flags


@dataclass(frozen=True)
class StageFigure:
    stage: str
    count: int  # stays in this stage: those ended, and those still under way
    mean_min: float  # a stay still under way counts up to now (or the day's end)
    still: int = 0  # patients in this stage now
    longest_still_min: float = 0.0  # the longest of them so far


@dataclass(frozen=True)
class GuideFigures:
    staff_id: str
    name: str
    escorted: int  # distinct visits this guide claimed or was handed today
    escorting_now: int
    stages: tuple[StageFigure, ...]  # stays that began while this guide escorted


@dataclass(frozen=True)
class HelpFigures:
    requests: int
    acknowledged: int
    escalated: int
    median_answer_s: float | None
    slowest_answer_s: float | None


@dataclass(frozen=True)
class ShiftReport:
    day: dt.date
    arrivals: int
    departed: int
    by_source: dict[str, int]  # "" for unknown (a declined privacy notice)
    by_channel: dict[str, int]  # kiosk / desk
    stages: tuple[StageFigure, ...]
    guides: tuple[GuideFigures, ...]
    help: HelpFigures
    order: tuple[str, ...] = field(default=())


def _figures(
    durations: dict[str, list[float]],
    order: tuple[str, ...],
    ongoing: dict[str, list[float]] | None = None,
) -> tuple[StageFigure, ...]:
    ongoing = ongoing or {}
    stays = set(durations) | set(ongoing)
    known = [s for s in order if s in stays] + sorted(stays - set(order))
    figures = []
    for s in known:
        under_way = ongoing.get(s, [])
        every = durations.get(s, []) + under_way
        figures.append(
            StageFigure(
                s,
                len(every),
                round(statistics.fmean(every), 1),
                still=len(under_way),
                longest_still_min=round(max(under_way, default=0.0), 1),
            )
        )
    return tuple(figures)


def report(
    session: Session,
    day: dt.date,
    day_start: dt.datetime,
    now: dt.datetime,
    *,
    stage_order: tuple[str, ...] = (),
) -> ShiftReport:
    """The report for ``day`` (``day_start``: its local midnight as UTC).  A stay still under
    way counts up to ``now`` (for a past day, up to its end): patients waiting two hours make
    the waiting stage's average what the board shows, not what the few who got through saw."""
    until = min(now, day_start + dt.timedelta(days=1))
    visits = session.scalars(
        select(Visit).where(Visit.day == day, Visit.duplicate_of.is_(None))
    ).all()
    events, flagged = events_and_flags(session, [v.id for v in visits])

    all_stages: dict[str, list[float]] = defaultdict(list)
    per_guide: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    all_ongoing: dict[str, list[float]] = defaultdict(list)
    guide_ongoing: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    escorted: dict[str, set[str]] = defaultdict(set)
    for visit in visits:
        escort: str | None = None
        stay: tuple[str, dt.datetime, str | None] | None = None  # stage, since, escort then
        for ev in effective(events[visit.id], flagged[visit.id]):
            if ev.kind == EventKind.CLAIMED and ev.staff_id:
                escort = ev.staff_id
                escorted[escort].add(visit.id)
            elif ev.kind == EventKind.HANDED_OFF and ev.to_staff_id:
                escort = ev.to_staff_id
                escorted[escort].add(visit.id)
            elif ev.kind == EventKind.RELEASED:
                escort = None
            if ev.kind not in STAGE_EVENTS:
                continue
            if stay is not None:
                stage, since, holder = stay
                minutes = (ev.occurred_at - since).total_seconds() / 60.0
                all_stages[stage].append(minutes)
                if holder:
                    per_guide[holder][stage].append(minutes)
            if ev.kind == EventKind.DEPARTED:
                escort = None
            stay = (ev.stage or "", ev.occurred_at, escort) if ev.stage != DEPARTED else None
        if stay is not None:  # still in it: counted so far
            stage, since, holder = stay
            minutes = max((until - since).total_seconds() / 60.0, 0.0)
            all_ongoing[stage].append(minutes)
            if holder:
                guide_ongoing[holder][stage].append(minutes)

    staff = {
        s.id: s for s in session.scalars(select(Staff).where(Staff.id.in_(list(escorted) or [""])))
    }
    now_escorting = Counter(
        v.escort_staff_id for v in visits if v.escort_staff_id and v.stage != DEPARTED
    )
    guides = tuple(
        sorted(
            (
                GuideFigures(
                    staff_id=sid,
                    name=staff[sid].display_name if sid in staff else sid[:8],
                    escorted=len(vids),
                    escorting_now=now_escorting[sid],
                    stages=_figures(per_guide[sid], stage_order, guide_ongoing[sid]),
                )
                for sid, vids in escorted.items()
            ),
            key=lambda g: (-g.escorted, g.name),
        )
    )
    return ShiftReport(
        day=day,
        arrivals=len(visits),
        departed=sum(1 for v in visits if v.stage == DEPARTED),
        by_source=dict(Counter(str(v.source_channel or "") for v in visits).most_common()),
        by_channel=dict(Counter(str(v.arrival_channel) for v in visits).most_common()),
        stages=_figures(all_stages, stage_order, all_ongoing),
        guides=guides,
        help=help_figures(session, day_start, day_start + dt.timedelta(days=1)),
        order=stage_order,
    )


def help_figures(session: Session, start: dt.datetime, end: dt.datetime) -> HelpFigures:
    """How quickly "call a guide" was answered between ``start`` and ``end``."""
    rows = session.scalars(
        select(AssistanceRequest).where(
            AssistanceRequest.created_at >= start, AssistanceRequest.created_at < end
        )
    ).all()
    waits = [(r.acknowledged_at - r.created_at).total_seconds() for r in rows if r.acknowledged_at]
    return HelpFigures(
        requests=len(rows),
        acknowledged=len(waits),
        escalated=sum(1 for r in rows if r.escalated_at is not None),
        median_answer_s=round(statistics.median(waits), 1) if waits else None,
        slowest_answer_s=round(max(waits), 1) if waits else None,
    )
