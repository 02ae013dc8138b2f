"""Case speed on a desk that has held a year of cases: 50,000 cases and 500,000 case events.

Prints one JSON object:
  case_list_ms   median time to read the open cases, overdue first (the cases page's list)
  clocks_ms      median time to derive every clock of one case from its events
  refresh_ms     median time to derive one case's state, owner and deadline after a step
Goals: case_list_ms ≤ 50, clocks_ms ≤ 5.  Run: python bench/cases.py [--trials N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select

from app import demo
from app.clock import FixedClock
from app.db import open_database
from app.ids import new_id
from app.models import Case, CaseEvent, Staff
from app.services import case_view, cases, workdays
from app.services.clocks import ClockRules

CASES = 50_000
EVENTS = 500_000
OPEN_SHARE = 0.04  # a year's cases: most closed, a few hundred to two thousand open
TZ = ZoneInfo("Asia/Shanghai")
STEPS = ("apologised", "dispatched", "investigated", "solution", "feedback", "satisfied")


def build(path: Path, clock: FixedClock, rng: random.Random) -> list[str]:
    """The database, filled in bulk as a year of work would leave it; returns open case ids."""
    db = open_database(path)
    with db.session() as s:
        demo.load(s, clock, seed=1)
        staff = list(s.scalars(select(Staff.id)))
    start = clock.now() - dt.timedelta(days=365)
    case_rows, event_rows, open_ids = [], [], []
    per_case = EVENTS // CASES
    for i in range(CASES):
        received = start + dt.timedelta(minutes=rng.randrange(365 * 24 * 60))
        case_id = new_id()
        still_open = rng.random() < OPEN_SHARE
        owner = rng.choice(staff)
        kind = "complaint" if i % 3 else "enquiry"
        due = received + dt.timedelta(days=rng.randrange(1, 10)) if still_open else None
        case_rows.append(
            {
                "id": case_id,
                "version": 1,
                "kind": kind,
                "channel": "phone",
                "received_at": received,
                "summary": f"事由 {i}",
                "content": "",
                "demand": "",
                "relation": "self",
                "staff_involved": "",
                "category": "other",
                "severity": "normal",
                "created_device_id": "bench",
                "created_staff_id": owner,
                "state": "dispatched" if still_open else "closed",
                "owner_staff_id": owner,
                "due_at": due,
                "closed_at": None if still_open else received + dt.timedelta(days=3),
            }
        )
        if still_open:
            open_ids.append(case_id)
        steps = ["claimed", *STEPS[: per_case - 2], "note" if still_open else "closed"]
        for n, kind_of_step in enumerate(steps[:per_case]):
            event_rows.append(
                {
                    "id": new_id(),
                    "case_id": case_id,
                    "kind": kind_of_step,
                    "staff_id": owner,
                    "device_id": "bench",
                    "occurred_at": received + dt.timedelta(minutes=20 * (n + 1)),
                    "place": "",
                    "data": {"department_id": None, "person": "x", "text": "x"}
                    if kind_of_step in ("dispatched", "solution")
                    else {"text": "x"},
                }
            )
    with db.session(record=False) as s:
        conn = s.connection()
        for chunk in range(0, len(case_rows), 5000):
            conn.execute(insert(Case), case_rows[chunk : chunk + 5000])
        for chunk in range(0, len(event_rows), 20000):
            conn.execute(insert(CaseEvent), event_rows[chunk : chunk + 20000])
    db.close()
    return open_ids


def timed(fn, trials: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(trials):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=50)
    args = parser.parse_args()
    rng = random.Random(7)
    clock = FixedClock(tz=TZ, at=dt.datetime(2026, 11, 23, 9, 0, tzinfo=TZ))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.db"
        t0 = time.perf_counter()
        open_ids = build(path, clock, rng)
        built_s = time.perf_counter() - t0
        db = open_database(path)
        rules = ClockRules()
        with db.reading() as s:
            calendar = workdays.load(s)
            n_open = len(cases.open_cases(s, clock.now(), limit=10_000))

        def case_list() -> None:
            with db.reading() as s:
                cases.open_cases(s, clock.now())

        def clocks() -> None:
            case_id = rng.choice(open_ids)
            with db.reading() as s:
                case_view.view(s, case_id, clock.now(), TZ, rules, calendar)

        def refresh() -> None:
            case_id = rng.choice(open_ids)
            with db.session() as s:
                case_view.refresh(s, [case_id], TZ)

        figures = {
            "cases": CASES,
            "case_events": EVENTS,
            "open_cases": n_open,
            "build_s": round(built_s, 1),
            "case_list_ms": timed(case_list, args.trials),
            "clocks_ms": timed(clocks, args.trials),
            "refresh_ms": timed(refresh, args.trials),
            "goals": {"case_list_ms": 50, "clocks_ms": 5},
        }
        db.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
