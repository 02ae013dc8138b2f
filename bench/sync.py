"""Sync speed over loopback against the real server (embedded SQLite, its own process).

Prints one JSON object:
  push_10k_s           one desk pushes 10,000 queued changes until all are acknowledged (≤ 1.5)
  pull_100k_s          a new desk's first pull of 100,000 changes into its database (≤ 10)
  propagation_p50_ms   check-in committed on a kiosk → in a guide desk's database, 200 trials
  propagation_p95_ms   (goal p95 ≤ 30)
  prune_s              the server's retention pass over that change log (every row "old")
  resync_after_prune_s a new desk's first pull after it, with the rows it brought
  validate_10k_ms      the row contract's check of those 10,000 changes (app/contract), as
                       the server runs it on every push; validate_share_of_push: its part of
                       push_10k_s (goal: validation costs the push path under 10 %)
Run: python bench/sync.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from app.clock import utcnow  # noqa: E402
from app.contract import check_payload  # noqa: E402
from app.models import Department, OutboxEntry, Visit  # noqa: E402
from app.services import registration, visits  # noqa: E402
from app.services.registration import PatientForm, VisitForm  # noqa: E402
from server.sync import retention  # noqa: E402
from tests.harness import Desk, ServerProcess  # noqa: E402


def queue_changes(desk: Desk, n: int) -> None:
    """``n`` local transactions: arrivals, then notes on them (small changes, as most are)."""
    actor = desk.staff("guide.li")
    with desk.db.reading() as s:
        depts = list(s.scalars(select(Department.id)))
    made: list[str] = []
    for i in range(n):
        with desk.db.session() as s:
            if i % 10 == 0:
                made.append(
                    registration.register_arrival(
                        s,
                        PatientForm("测试患者", "F", 40, f"139{i:08d}"),
                        VisitForm(department_id=depts[(i // 10) % len(depts)]),
                        actor,
                        desk.clock,
                        standalone=False,
                    ).visit_id
                )
            else:
                visits.note(s, made[-1], f"备注 {i}", actor, desk.clock)


def validate_all(desk: Desk, rounds: int = 5) -> float:
    """Milliseconds to check every queued change against the row contract (best of a few)."""
    with desk.db.reading() as s:
        payloads = list(s.scalars(select(OutboxEntry.payload)))
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for payload in payloads:
            check_payload(payload)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def push_all(desk: Desk) -> float:
    start = time.perf_counter()
    while desk.engine.push_pending():
        pass
    elapsed = time.perf_counter() - start
    assert desk.engine.pending_count() == 0
    return elapsed


def pull_all(desk: Desk) -> tuple[float, int]:
    start = time.perf_counter()
    total = 0
    while True:
        n, more = desk.engine.pull_once()
        total += n
        if not more:
            break
    return time.perf_counter() - start, total


def propagation(kiosk: Desk, guide: Desk, trials: int) -> list[float]:
    """Kiosk commit → row in the guide desk's database, with the guide's long-poll parked."""
    with kiosk.db.reading() as s:
        dept = s.scalars(select(Department.id).where(Department.code == "IM")).one()
    arrived: dict[str, float] = {}
    expected: set[str] = set()
    stop = threading.Event()

    def guide_loop() -> None:
        while not stop.is_set():
            try:
                guide.engine.pull_once(wait=1)
            except Exception:
                continue
            now = time.perf_counter()
            with guide.db.reading() as s:
                for vid in s.scalars(select(Visit.id).where(Visit.id.in_(list(expected)))):
                    arrived.setdefault(vid, now)

    t = threading.Thread(target=guide_loop, daemon=True)
    t.start()
    delays = []
    for _ in range(trials):
        time.sleep(0.02)
        start = time.perf_counter()
        with kiosk.db.session() as s:
            vid = registration.register_walk_in(
                s,
                None,
                VisitForm(purpose="consultation", department_id=dept),
                kiosk.actor,
                kiosk.clock,
                standalone=False,
            ).visit_id
        expected.add(vid)
        kiosk.engine.push_once()
        deadline = start + 5
        while vid not in arrived and time.perf_counter() < deadline:
            time.sleep(0.0005)
        delays.append((arrived[vid] - start) * 1000)
        expected.discard(vid)
    stop.set()
    t.join(5)
    return delays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to check it runs")
    args = parser.parse_args()
    n_push, n_pull, trials = (500, 2_000, 20) if args.quick else (10_000, 100_000, 200)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server = ServerProcess(work / "server").start()
        try:
            pusher = Desk.enroll(server, work / "desk-a", "staff", "desk-a")
            pusher.sync()
            # a busy desk's numbers, topped up as it pushes (the server lets a device hold at
            # most 500 unused numbers of a department's day)
            pusher.engine.leases.block, pusher.engine.leases.low_water = 400, 100
            pusher.engine.ensure_leases()
            queue_changes(pusher, n_push)
            validate_ms = validate_all(pusher) * 10_000 / n_push
            push_s = push_all(pusher)
            # more changes until the server's log holds n_pull for a guide desk's scopes
            while True:
                db = server.database()
                with db.reading() as s:
                    from server.models import ChangeLog

                    have = s.scalar(
                        select(func.count())
                        .select_from(ChangeLog)
                        .where(ChangeLog.scope.like("visits:%"))
                    )
                db.close()
                if have >= n_pull:
                    break
                pusher.engine.ensure_leases()
                queue_changes(pusher, min(10_000, n_pull - have))
                push_all(pusher)
            reader = Desk.enroll(server, work / "desk-b", "staff", "desk-b")
            pull_s, pulled = pull_all(reader)
            kiosk = Desk.enroll(server, work / "kiosk", "kiosk", "lobby")
            kiosk.sync()
            kiosk.engine.leases.block, kiosk.engine.leases.low_water = 500, trials + 10
            kiosk.engine.ensure_leases()
            delays = propagation(kiosk, reader, trials)
            with pusher.db.reading() as s:
                acked = s.scalar(select(func.count()).select_from(OutboxEntry))
            db = server.database()
            pruned = retention.prune(
                db, now=utcnow(), today=pusher.clock.today(), days=0
            )  # as if all of it were a month old
            db.close()
            late = Desk.enroll(server, work / "desk-c", "staff", "desk-c")
            resync_s, resynced = pull_all(late)
            for d in (pusher, reader, kiosk, late):
                d.close()
        finally:
            server.stop()
    q = statistics.quantiles(delays, n=20)
    print(
        json.dumps(
            {
                "push_10k_s": round(push_s, 3),
                "validate_10k_ms": round(validate_ms, 1),
                "validate_share_of_push": round(validate_ms / 1000 / (push_s * 10_000 / n_push), 3),
                "pull_100k_s": round(pull_s, 3),
                "propagation_p50_ms": round(statistics.median(delays), 1),
                "propagation_p95_ms": round(q[-1], 1),
                "pushed_changes": n_push,
                "pulled_changes": pulled,
                "acked_outbox_entries": acked,
                "trials": trials,
                "prune_s": round(pruned.seconds, 3),
                "pruned_rows": pruned.superseded + pruned.old_days,
                "kept_rows": pruned.kept,
                "resync_after_prune_s": round(resync_s, 3),
                "resync_changes": resynced,
                "server": "embedded SQLite, own process, loopback",
                "goals": {"push_10k_s": 1.5, "pull_100k_s": 10, "propagation_p95_ms": 30},
            }
        )
    )


if __name__ == "__main__":
    main()
