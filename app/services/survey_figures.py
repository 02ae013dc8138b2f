"""Satisfaction figures for any run of days, overall or by department, doctor or guide:
how many answered, the response rate, the mean of each rated dimension, the share of low
ratings, and the Net Promoter Score.

Counted: answers not marked ``duplicate_of`` (one per visit).  The rate is answers over visits
that departed in the range (departure from the effective events, so a corrected departure
does not count).  Answers given anonymously count in the overall figures only: they are tied
to no department, doctor or guide."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.lang import LANGUAGES
from app.models import (
    Department,
    Doctor,
    EventKind,
    Staff,
    SurveyDefinition,
    SurveyResponse,
    Visit,
    VisitEvent,
)
from app.services.survey import LOW_AT_MOST, NoSurvey, current, parse
from app.services.visits import effective, events_and_flags, last_guide

GROUPS = ("department", "doctor", "guide")


@dataclass(frozen=True)
class Figures:
    key: str | None  # the department, doctor or staff id; None for the overall figures
    name: tuple[str, str]  # (Chinese, English)
    responses: int
    departed: int
    rate: float | None  # responses / departed visits, None when nobody departed
    means: dict[str, float] = field(default_factory=dict)  # rated question id -> mean (1–5)
    low_share: float | None = None  # share of ratings at most 2, None without ratings
    nps: float | None = None  # % promoters (9–10) − % detractors (0–6), −100 to 100
    complaints: int = 0
    ratings: int = 0  # every rating (1–5) given, all rated questions together
    satisfied: int = 0  # of them, 4 or 5


def _departures(
    session: Session, start: dt.datetime, end: dt.datetime
) -> dict[str, tuple[Visit, str | None]]:
    """Visits whose (effective) departure falls in [start, end): visit, the guide who last
    walked them."""
    ids = set(
        session.scalars(
            select(VisitEvent.visit_id).where(
                VisitEvent.kind == EventKind.DEPARTED,
                VisitEvent.occurred_at >= start,
                VisitEvent.occurred_at < end,
            )
        )
    )
    if not ids:
        return {}
    events, flagged = events_and_flags(session, ids)
    visits = {
        v.id: v
        for v in session.scalars(
            select(Visit).where(Visit.id.in_(list(ids)), Visit.duplicate_of.is_(None))
        )
    }
    out = {}
    for vid, visit in visits.items():
        departed = [
            e
            for e in effective(events[vid], flagged[vid])
            if e.kind == EventKind.DEPARTED and start <= e.occurred_at < end
        ]
        if departed:
            out[vid] = (visit, last_guide(events[vid], flagged[vid]))
    return out


def _key(response: SurveyResponse, group: str | None) -> str | None:
    if group == "department":
        return response.department_id
    if group == "doctor":
        return response.doctor_id
    if group == "guide":
        return response.guide_id
    return None


def _guides_of(session: Session, responses: Sequence[SurveyResponse]) -> dict[str, str | None]:
    """Each answer's guide: the one it was given with, else the last guide who walked its visit
    as this database knows it (a kiosk knows no guide when the patient answers)."""
    unknown = {r.visit_id for r in responses if r.guide_id is None and r.visit_id}
    walked: dict[str, str | None] = {}
    if unknown:
        events, flagged = events_and_flags(session, unknown)
        walked = {vid: last_guide(events[vid], flagged[vid]) for vid in unknown}
    return {r.id: r.guide_id or walked.get(r.visit_id or "") for r in responses}


def _names(session: Session, group: str | None, keys: set[str]) -> dict[str, tuple[str, str]]:
    wanted = [k for k in keys if k]
    if not wanted or group is None:
        return {}
    if group == "department":
        depts = session.scalars(select(Department).where(Department.id.in_(wanted)))
        return {d.id: (d.name_zh, d.name_en) for d in depts}
    if group == "doctor":
        doctors = session.scalars(select(Doctor).where(Doctor.id.in_(wanted)))
        return {d.id: (d.name_zh, d.name_en) for d in doctors}
    staff = session.scalars(select(Staff).where(Staff.id.in_(wanted)))
    return {s.id: (s.display_name, s.display_name) for s in staff}


def figures(
    session: Session,
    clock: Clock,
    first_day: dt.date,
    last_day: dt.date,
    by: str | None = None,
    *,
    mode: str = "kiosk",
    rates: bool = True,
) -> list[Figures]:
    """Figures for ``first_day`` to ``last_day`` (inclusive, local days): one row overall
    (``by=None``), or one per department / doctor / guide, most answers first — of the
    answers asked one way (``mode``: kiosk or phone), never the two pooled.  ``rates``:
    the response rate over the departed visits (left out — and not read — when False)."""
    if by is not None and by not in GROUPS:
        raise ValueError(f"figures by {by!r}: one of {GROUPS}")
    start = clock.day_bounds(first_day)[0]
    end = clock.day_bounds(last_day)[1]
    responses = session.scalars(
        select(SurveyResponse).where(
            SurveyResponse.created_at >= start,
            SurveyResponse.created_at < end,
            SurveyResponse.duplicate_of.is_(None),
            SurveyResponse.mode == mode,
        )
    ).all()
    kinds: dict[str, dict[str, str]] = {}  # definition id -> question id -> type
    for row in session.scalars(
        select(SurveyDefinition).where(
            SurveyDefinition.id.in_(list({r.survey_id for r in responses}) or [""])
        )
    ):
        kinds[row.id] = {q.id: q.type for q in parse(row.definition, row.id).questions}

    departures = _departures(session, start, end) if rates else {}
    departed: dict[str | None, int] = defaultdict(int)
    for visit, guide in departures.values():
        of = {"department": visit.department_id, "doctor": visit.doctor_id, "guide": guide}
        departed[of[by] if by else None] += 1

    guides = _guides_of(session, responses) if by == "guide" else {}
    grouped: dict[str | None, list[SurveyResponse]] = defaultdict(list)
    for r in responses:
        key = guides.get(r.id) if by == "guide" else _key(r, by)
        if by is None or key is not None:
            grouped[key].append(r)
    keys = set(grouped) | ({k for k in departed if k is not None} if by else {None})
    names = _names(session, by, {k for k in keys if k})
    out = [
        _figure(
            key,
            names.get(key or "", ("全部", "All") if key is None else (key[:8], key[:8])),
            grouped.get(key, []),
            departed.get(key, 0),
            kinds,
        )
        for key in keys
    ]
    out.sort(key=lambda f: (-f.responses, f.name[0]))
    return out


def _figure(
    key: str | None,
    name: tuple[str, str],
    responses: list[SurveyResponse],
    departed: int,
    kinds: dict[str, dict[str, str]],
) -> Figures:
    ratings: dict[str, list[int]] = defaultdict(list)
    nps: list[int] = []
    for r in responses:
        types = kinds.get(r.survey_id, {})
        for qid, value in r.answers.items():
            if not isinstance(value, int):
                continue
            if types.get(qid) == "rating5":
                ratings[qid].append(value)
            elif types.get(qid) == "nps":
                nps.append(value)
    every = [v for values in ratings.values() for v in values]
    promoters = sum(1 for v in nps if v >= 9)
    detractors = sum(1 for v in nps if v <= 6)
    return Figures(
        key=key,
        name=name,
        responses=len(responses),
        departed=departed,
        rate=round(len(responses) / departed, 3) if departed else None,
        means={q: round(statistics.fmean(v), 2) for q, v in ratings.items()},
        low_share=round(sum(1 for v in every if v <= LOW_AT_MOST) / len(every), 3)
        if every
        else None,
        nps=round(100 * (promoters - detractors) / len(nps), 1) if nps else None,
        complaints=sum(1 for r in responses if r.complaint),
        ratings=len(every),
        satisfied=sum(1 for v in every if v >= 4),
    )


# -- the report a quality officer reads -------------------------------------------------------


@dataclass(frozen=True)
class Dimension:
    id: str  # the rated question's id
    label: dict[str, str]  # language -> a short name for a column


@dataclass(frozen=True)
class Comment:
    """What a patient wrote in an answer, with what it is about: no name, no visit."""

    at: str  # the local day and time, "2026-12-03 10:15"
    department: tuple[str, str] | None
    text: str
    low: bool  # any rating of 1 or 2 in the same answer
    complaint: bool  # they asked for it to be handled as a complaint


COMMENTS_SHOWN = 100  # the latest so many of a run of days


def comments(
    session: Session, clock: Clock, first_day: dt.date, last_day: dt.date, mode: str = "kiosk"
) -> list[Comment]:
    """The written comments of the answers given in ``first_day`` to ``last_day``, newest
    first (the latest ``COMMENTS_SHOWN``)."""
    start = clock.day_bounds(first_day)[0]
    end = clock.day_bounds(last_day)[1]
    rows = session.scalars(
        select(SurveyResponse)
        .where(
            SurveyResponse.created_at >= start,
            SurveyResponse.created_at < end,
            SurveyResponse.mode == mode,
            SurveyResponse.comment != "",
        )
        .order_by(SurveyResponse.created_at.desc())
        .limit(COMMENTS_SHOWN)
    ).all()
    depts = {
        d.id: (d.name_zh, d.name_en)
        for d in session.scalars(
            select(Department).where(
                Department.id.in_([r.department_id for r in rows if r.department_id] or [""])
            )
        )
    }
    return [
        Comment(
            at=clock.local(r.created_at).strftime("%Y-%m-%d %H:%M"),
            department=depts.get(r.department_id or ""),
            text=r.comment,
            low=any(
                isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= LOW_AT_MOST
                for k, v in r.answers.items()
                if k != "recommend"
            ),
            complaint=r.complaint,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class Report:
    """The figures for a run of days: the overall row first, then one row per group."""

    first_day: dt.date
    last_day: dt.date
    by: str | None
    overall: Figures
    rows: list[Figures]
    dimensions: list[Dimension]  # the rated questions, in the survey's order
    # "server": every desk's answers; "desk": a synced desk's own records (the server did
    # not answer); "standalone": a desk with no server, whose records are all there are
    source: str = "server"
    comments: list[Comment] = field(default_factory=list)  # newest first


def _dimensions(session: Session, figures_rows: list[Figures]) -> list[Dimension]:
    """The rating questions of the survey as asked now, then any an older revision had."""
    out: list[Dimension] = []
    try:
        definition = current(session)
    except NoSurvey:
        definition = None
    if definition is not None:
        out = [
            Dimension(q.id, {lang: q.short(lang) for lang in LANGUAGES})
            for q in definition.questions
            if q.type == "rating5"
        ]
    known = {d.id for d in out}
    for f in figures_rows:
        for qid in f.means:
            if qid not in known:
                known.add(qid)
                out.append(Dimension(qid, dict.fromkeys(LANGUAGES, qid)))
    return out


def report(
    session: Session,
    clock: Clock,
    first_day: dt.date,
    last_day: dt.date,
    by: str | None = None,
    *,
    source: str = "server",
) -> Report:
    if last_day < first_day:
        raise ValueError("the last day comes before the first")
    (overall,) = figures(session, clock, first_day, last_day)
    rows = figures(session, clock, first_day, last_day, by) if by else []
    return Report(
        first_day,
        last_day,
        by,
        overall,
        rows,
        _dimensions(session, [overall]),
        source,
        comments(session, clock, first_day, last_day),
    )


def report_to_json(r: Report) -> dict[str, Any]:
    return {
        "first_day": r.first_day.isoformat(),
        "last_day": r.last_day.isoformat(),
        "by": r.by,
        "overall": asdict(r.overall),
        "rows": [asdict(f) for f in r.rows],
        "dimensions": [asdict(d) for d in r.dimensions],
        "comments": [asdict(c) for c in r.comments],
    }


def _figures_from_json(d: dict[str, Any]) -> Figures:
    return Figures(**{**d, "name": tuple(d["name"])})


def report_from_json(d: dict[str, Any], *, source: str = "server") -> Report:
    return Report(
        first_day=dt.date.fromisoformat(d["first_day"]),
        last_day=dt.date.fromisoformat(d["last_day"]),
        by=d["by"],
        overall=_figures_from_json(d["overall"]),
        rows=[_figures_from_json(f) for f in d["rows"]],
        dimensions=[Dimension(x["id"], x["label"]) for x in d["dimensions"]],
        source=source,
        comments=[
            Comment(
                at=c["at"],
                department=tuple(c["department"]) if c.get("department") else None,
                text=c["text"],
                low=c["low"],
                complaint=c["complaint"],
            )
            for c in d.get("comments", [])  # a server before comments sends none
        ],
    )
