"""Figures for the staff desks' report screens, computed from every desk's records.

Staff desks only.  The desk shows the page only to the roles allowed to read it (quality,
follow-up, directors, the duty lead); what goes out is counts and means, and the comments
patients wrote with when and which department — never who wrote them, nor their visit."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from app.services import survey_figures
from server.deps import StaffDesk, State
from server.schemas import ERRORS

router = APIRouter(prefix="/api/v1/reports", tags=["reports"], responses=ERRORS)
MAX_DAYS = 366
# the calendar the row contract knows (app/contract/rows.py): the edges of a date's range
# overflow when a day is added to the last or the local midnight of the first is taken
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2099, 12, 31)
ReportDay = Annotated[dt.date, Query(ge=FIRST_DAY, le=LAST_DAY)]


@router.get("/survey")
def survey(
    caller: StaffDesk,
    state: State,
    first_day: ReportDay,
    last_day: ReportDay,
    by: str | None = Query(default=None, pattern="^(department|doctor|guide)$"),
) -> dict[str, Any]:
    if last_day < first_day:
        raise HTTPException(422, "last_day before first_day")
    if (last_day - first_day).days >= MAX_DAYS:
        raise HTTPException(422, "at most a year at a time")
    with state.db.reading() as s:
        report = survey_figures.report(s, state.clock, first_day, last_day, by)
    return survey_figures.report_to_json(report)
