"""Core speed on a busy day's database: 10,000 appointments and 100,000 visit events.

Prints one JSON object:
  find_checkin_ms   median time to find an appointment by its check-in code (own transaction)
  stage_change_ms   median time to record a stage move, committed to disk (synchronous=FULL)
Goal: both under 5 ms.  Run: python bench/core.py [--trials N]
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
from app.models import Appointment, Department, EventKind, RosterSlot, Visit, VisitEvent
from app.services import Actor, checkin, visits
from app.services.stages import StageMachine

APPOINTMENTS = 10_000
EVENTS = 100_000
EVENTS_PER_VISIT = 10


def build(path: Path, clock: FixedClock, rng: random.Random) -> tuple[list[str], list[str]]:
    db = open_database(path)
    with db.session() as s:
        demo.load(s, clock, seed=1)
    with db.session() as s:
        slots = s.scalars(select(RosterSlot).where(RosterSlot.day == clock.today())).all()
        depts = {d.id: d for d in s.scalars(select(Department))}
    codes: set[str] = set()
    while len(codes) < APPOINTMENTS:
        codes.add(checkin.new_checkin_code())
    code_list = sorted(codes)
    now = clock.now()
    appt_rows, visit_rows, event_rows = [], [], []
    n_visits = EVENTS // EVENTS_PER_VISIT
    seq: dict[str, int] = {}
    for i, code in enumerate(code_list):
        slot = slots[i % len(slots)]
        appt_id = new_id()
        appt_rows.append(
            {
                "id": appt_id,
                "checkin_code": code,
                "day": clock.today(),
                "scheduled_at": now + dt.timedelta(minutes=rng.randint(-60, 60)),
                "department_id": slot.department_id,
                "doctor_id": slot.doctor_id,
                "patient_name": "测试患者",
                "patient_phone": f"139{i:08d}",
                "patient_gender": "U",
                "booking_channel": "phone",
                "status": "booked",
                "version": 1,
            }
        )
        if i < n_visits:
            visit_id = new_id()
            seq[slot.department_id] = seq.get(slot.department_id, 0) + 1
            visit_rows.append(
                {
                    "id": visit_id,
                    "day": clock.today(),
                    "appointment_id": appt_id,
                    "department_id": slot.department_id,
                    "doctor_id": slot.doctor_id,
                    "designated_doctor": False,
                    "purpose_text": "",
                    "needs_escort": False,
                    "arrival_channel": "kiosk",
                    "is_appointment": True,
                    "is_returning": False,
                    "verified": False,
                    "ticket_prefix": depts[slot.department_id].ticket_prefix,
                    "ticket_seq": seq[slot.department_id],
                    "created_at": now,
                    "created_device_id": "bench",
                    "stage": "waiting",
                    "stage_since": now,
                    "version": 1,
                }
            )
            stages = [
                "arrived",
                "registered",
                "waiting",
                "consultation",
                "payment",
                "exam",
                "consultation",
                "pharmacy",
                "treatment",
                "waiting",
            ]
            for k, stage in enumerate(stages):
                event_rows.append(
                    {
                        "id": new_id(),
                        "visit_id": visit_id,
                        "kind": EventKind.ARRIVED if k == 0 else EventKind.STAGE_CHANGED,
                        "stage": stage,
                        "device_id": "bench",
                        "occurred_at": now - dt.timedelta(minutes=len(stages) - k),
                        "data": {},
                    }
                )
    with db.session() as s:
        s.execute(insert(Appointment), appt_rows)
        s.execute(insert(Visit), visit_rows)
        s.execute(insert(VisitEvent), event_rows)
    db.close()
    return code_list, [v["id"] for v in visit_rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(42)
    clock = FixedClock(
        tz=ZoneInfo("Asia/Shanghai"),
        at=dt.datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(dt.UTC),
    )
    machine = StageMachine()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        codes, visit_ids = build(path, clock, rng)
        build_s = time.perf_counter() - t0
        db = open_database(path)
        with db.session() as s:
            n_events = s.query(VisitEvent).count()
            n_appts = s.query(Appointment).count()
        find_ms, move_ms = [], []
        actor = Actor("bench-desk")
        for _ in range(args.trials):
            code = rng.choice(codes).lower()
            t = time.perf_counter()
            with db.session() as s:
                checkin.find_by_code(s, code, clock)
            find_ms.append((time.perf_counter() - t) * 1000)
        for _ in range(args.trials):
            visit_id = rng.choice(visit_ids)
            with db.session() as s:
                current = visits.state_of(s, visit_id).stage
            target = rng.choice([x for x in machine.in_visit if x != current])
            clock.advance(seconds=1)
            t = time.perf_counter()
            with db.session() as s:
                visits.move(s, visit_id, target, actor, clock, machine)
            move_ms.append((time.perf_counter() - t) * 1000)
        db.close()
    print(
        json.dumps(
            {
                "find_checkin_ms": round(statistics.median(find_ms), 3),
                "stage_change_ms": round(statistics.median(move_ms), 3),
                "find_checkin_p95_ms": round(statistics.quantiles(find_ms, n=20)[-1], 3),
                "stage_change_p95_ms": round(statistics.quantiles(move_ms, n=20)[-1], 3),
                "appointments": n_appts,
                "visit_events": n_events,
                "trials": args.trials,
                "build_s": round(build_s, 2),
                "goal_ms": 5,
            }
        )
    )


if __name__ == "__main__":
    main()
