"""The cost of privacy on a guide desk: the access log, written for every read of a patient.

Prints one JSON object:
  log_write_us            median cost an access adds to the read that makes it: the row
                          checked and queued (goal ≤ 200)
  log_flush_us_per_row    the queued rows written a moment later, in one transaction with its
                          outbox entry (synchronous=FULL), per row, 20 rows at a time
  log_own_txn_us          for comparison: one row in a transaction of its own, as a read
                          would pay if it wrote the row itself
  timeline_ms, timeline_logged_ms
                          a visit's timeline opened, without and with its access row
                          (the ratio is the log's share of a real read)
Run: python bench/privacy.py [--trials N].  Measured on a desk database with the demo hospital
and a busy morning's visits, as ``frontdesk`` opens it (migrated, outbox on).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from app import demo, security
from app.clock import FixedClock
from app.db import open_database
from app.models import AccessAction, Staff, Visit
from app.services import Actor, access, registration
from app.services.auth import SignedIn
from app.services.registration import PatientForm, VisitForm
from app.services.stages import StageMachine
from app.staff_backend import StaffBackend

VISITS = 300


def _median_us(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1e6, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=400)
    args = parser.parse_args()
    tz = ZoneInfo("Asia/Shanghai")
    clock = FixedClock(tz=tz, at=dt.datetime(2026, 11, 23, 10, 0, tzinfo=tz).astimezone(dt.UTC))
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "desk.db", outbox=True)
        with db.session() as s:
            demo.load(s, clock, seed=1)
        with db.reading() as s:
            staff = s.scalars(select(Staff).where(Staff.username == "guide.wang")).one()
            who = SignedIn(staff.id, staff.display_name, str(staff.role), staff.duty_lead)
        db.proofs[staff.id] = security.sign_in_proof(  # the demo hospital's password
            staff.id, "demo-1234", "bench-desk", "2026-11-23T02:00:00Z"
        )
        actor = Actor("bench-desk", staff.id, "一楼导医台")
        for i in range(VISITS):  # a busy morning: patients registered at the desk
            with db.session() as s:
                registration.register_arrival(
                    s,
                    PatientForm("患者" + "甲乙丙丁戊己庚辛壬癸"[i % 10], "U", 40, f"139{i:08d}"),
                    VisitForm(),
                    actor,
                    clock,
                )
        with db.reading() as s:
            visit_ids = list(s.scalars(select(Visit.id).where(Visit.day == clock.today())))
        queue = access.AccessQueue(db, clock, delay=3600)  # flushed by hand below

        write, flush = [], []
        for i in range(args.trials):
            t = time.perf_counter()
            queue.note(actor, AccessAction.VIEW, "timeline", visit_id=visit_ids[i % 20])
            write.append(time.perf_counter() - t)
            if queue.waiting() == 20:
                t = time.perf_counter()
                queue.flush()
                flush.append((time.perf_counter() - t) / 20)
        queue.close()

        own = []
        for _ in range(min(args.trials, 200)):
            t = time.perf_counter()
            with db.session() as s:
                access.record(s, actor, clock, AccessAction.VIEW, "timeline", visit_id=visit_ids[0])
            own.append(time.perf_counter() - t)

        backend = StaffBackend(db, clock, "bench-desk", StageMachine(), desk_name="一楼导医台")
        backend.access.delay = 3600
        plain, logged = [], []
        for i in range(min(args.trials, 200)):
            visit = visit_ids[i % len(visit_ids)]
            t = time.perf_counter()
            backend._timeline(visit)
            plain.append(time.perf_counter() - t)
            t = time.perf_counter()
            backend.timeline(who, visit)
            logged.append(time.perf_counter() - t)
        backend.close()
        db.close()
    plain_ms = statistics.median(plain) * 1000
    logged_ms = statistics.median(logged) * 1000
    print(
        json.dumps(
            {
                "log_write_us": _median_us(write),
                "log_write_p95_us": round(statistics.quantiles(write, n=20)[-1] * 1e6, 1),
                "log_flush_us_per_row": _median_us(flush),
                "log_own_txn_us": _median_us(own),
                "timeline_ms": round(plain_ms, 3),
                "timeline_logged_ms": round(logged_ms, 3),
                "timeline_logged_ratio": round(logged_ms / plain_ms, 3),
                "visits": len(visit_ids),
                "trials": args.trials,
                "goal_log_write_us": 200,
            }
        )
    )


if __name__ == "__main__":
    main()
