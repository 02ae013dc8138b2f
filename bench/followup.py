"""Follow-up speed on the database a hospital's year leaves: the next day's tasks made from a
3,000-visit day, and the worklist read over 100,000 tasks.

Prints one JSON object:
  generate_ms   median time to make the next day's tasks from a day of 3,000 departed visits
                (their departures judged from their 9,000 events)
                (in a transaction rolled back after each run, so every run makes them all)
  worklist_ms   median time to read the open tasks, overdue first, over 100,000 tasks
  rules_run_ms  median time of the server's every-10-minutes run of every rule (low kiosk
                scores, departed visits, no-shows over 11 days; closed complaints) once the
                day's calls are made: what the job costs when there is nothing new
  record_ms     median time to record one attempt by the caller holding the call (checked,
                judged, derived again)
  figures_month_ms  median time of a month's follow-up figures (every task due in the month
                judged from its events, by department, with the phone survey's)
Goals: generate_ms ≤ 500, worklist_ms ≤ 50.  Run: python bench/followup.py [--trials N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select

from app import demo
from app.clock import FixedClock
from app.db import Database, open_database
from app.ids import new_id
from app.models import Department, FollowUpTask, Patient, Staff, Visit, VisitEvent
from app.services import Actor, followup_figures, followups, workdays
from app.services.followup_rules import FollowUpRules
from bench.cases import timed

VISITS = 3_000
TASKS = 100_000
OPEN_SHARE = 0.03
TZ = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2026, 11, 23)


def build(db: Database, clock: FixedClock, rng: random.Random) -> list[str]:
    """A day of departed visits and a year of tasks, in bulk; returns open task ids."""
    with db.session() as s:
        demo.load(s, clock, seed=1)
        depts = list(s.scalars(select(Department.id)))
    at = clock.now()
    patients, visit_rows, events, tasks, open_ids = [], [], [], [], []
    for i in range(VISITS):
        pid, vid = new_id(), new_id()
        patients.append(
            {
                "id": pid,
                "version": 1,
                "name": f"患者{i}",
                "gender": "F",
                "phone": f"139{i:08d}",
                "district": "",
                "verified": True,
                "vip": False,
                "created_at": at,
            }
        )
        visit_rows.append(
            {
                "id": vid,
                "version": 1,
                "day": DAY,
                "patient_id": pid,
                "department_id": rng.choice(depts),
                "designated_doctor": False,
                "purpose_text": "",
                "needs_escort": False,
                "arrival_channel": "desk",
                "is_appointment": False,
                "is_returning": False,
                "verified": True,
                "created_at": at,
                "created_device_id": "bench",
                "stage": "departed",
                "stage_since": at,
            }
        )
        for n, (kind, stage) in enumerate(
            (("arrived", "arrived"), ("stage_changed", "waiting"), ("departed", "departed"))
        ):
            events.append(
                {
                    "id": new_id(),
                    "visit_id": vid,
                    "kind": kind,
                    "stage": stage,
                    "device_id": "bench",
                    "occurred_at": at + dt.timedelta(minutes=30 * n),
                    "data": {},
                }
            )
    start = at - dt.timedelta(days=365)
    for i in range(TASKS):
        opens = start + dt.timedelta(minutes=rng.randrange(365 * 24 * 60))
        still_open = rng.random() < OPEN_SHARE
        task_id = new_id()
        tasks.append(
            {
                "id": task_id,
                "version": 1,
                "source": "visit",
                "source_id": new_id(),
                "patient_id": None,
                "department_id": rng.choice(depts),
                "person_name": f"回访{i}",
                "numbers": [f"138{i:08d}"],
                "callable_from": opens,
                "due_at": opens + dt.timedelta(hours=9),
                "created_at": opens,
                "state": "open" if still_open else "completed",
                "closed_at": None if still_open else opens + dt.timedelta(hours=2),
                "attempts": 1,
            }
        )
        if still_open:
            open_ids.append(task_id)
    with db.session(record=False) as s:
        conn = s.connection()
        conn.execute(insert(Patient), patients)
        conn.execute(insert(Visit), visit_rows)
        conn.execute(insert(VisitEvent), events)
        for chunk in range(0, len(tasks), 10_000):
            conn.execute(insert(FollowUpTask), tasks[chunk : chunk + 10_000])
    return open_ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(7)
    clock = FixedClock(tz=TZ, at=dt.datetime(2026, 11, 23, 20, 0, tzinfo=TZ))
    rules = FollowUpRules()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "followup.db")
        t0 = time.perf_counter()
        open_ids = build(db, clock, rng)
        built_s = time.perf_counter() - t0
        with db.reading() as s:
            calendar = workdays.load(s)
        made = []

        def generate() -> None:
            with db.session(record=False) as s:
                done = followups.next_day_tasks(s, DAY, calendar, TZ, rules, clock.now())
                made.append(done.made)
                s.rollback()

        def worklist() -> None:
            with db.reading() as s:
                followups.worklist(s, clock.now())

        def rules_run() -> None:
            with db.session(record=False) as s:
                followups.run_rules(s, DAY, TZ, rules, clock.now())
                s.rollback()

        generate_ms = timed(generate, args.trials)  # before the day's calls are made
        with db.session(record=False) as s:  # the day's calls made: the steady state
            followups.next_day_tasks(s, DAY, calendar, TZ, rules, clock.now())
            huang = s.scalars(select(Staff.id).where(Staff.username == "followup.huang")).one()
        caller = Actor("bench", huang)
        held = rng.choice(open_ids)
        with db.session(record=False) as s:
            followups.record(s, held, "claimed", caller, clock, rules)

        def record() -> None:
            with db.session(record=False) as s:
                task = s.get(FollowUpTask, held)
                number = task.numbers[0] if task else ""
                followups.record(s, held, "no_answer", caller, clock, rules, number=number)
                s.rollback()

        def figures_month() -> None:
            with db.reading() as s:
                followup_figures.report(s, clock, "month", rules)

        figures = {
            "visits": VISITS,
            "tasks": TASKS,
            "open_tasks": len(open_ids),
            "build_s": round(built_s, 1),
            "generate_ms": generate_ms,
            "tasks_made": made[0],
            "worklist_ms": timed(worklist, args.trials),
            "rules_run_ms": timed(rules_run, args.trials),
            "record_ms": timed(record, args.trials),
            "figures_month_ms": timed(figures_month, args.trials),
            "goals": {"generate_ms": 500, "worklist_ms": 50},
        }
        db.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
