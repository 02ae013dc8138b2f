"""What a person sees, kiosk to desk, printed as one JSON object:

kiosk_to_desk_p50_ms   from a patient's tap on the kiosk (call a guide, a walk-in's "get my
kiosk_to_desk_p95_ms   number", a check-in's "yes, that's me") to the call's card or the
kiosk_to_desk_max_ms   patient's row painted on the guide desk (goal p95 <= 1000)
by_action              the same, per kind of action (median)

The real central server (its own process, 127.0.0.1, a port the system picks) with the demo
hospital; a kiosk and a guide desk enrolled with it, each the real window with its sync running
as ``frontdesk kiosk`` / ``frontdesk staff`` run it — here both in this one process, offscreen,
sharing its event loop (a little slower than two machines, never faster).  Each action is a
mouse press and release on the kiosk's own button; the clock stops when the desk has painted
what it received.

Run as a user would: ``python bench/screens.py`` (``--actions 50``; ``--quick``: 12).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TIMEOUT_S = 30.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _book(server: Any, clock: Any, n: int) -> list[str]:
    """``n`` bookings due in five minutes, made on the server as the booking system would
    (published to every desk); their check-in codes."""
    import datetime as dt

    from sqlalchemy import select

    from app.db import Database
    from app.models import Appointment, RosterSlot
    from app.services.checkin import new_checkin_code
    from server import db as serverdb
    from server.reference import publish_all

    db = Database(serverdb.open_engine(server.database_url))
    codes = []
    try:
        with db.session() as s:
            slot = s.scalars(select(RosterSlot).where(RosterSlot.day == clock.today())).first()
            for i in range(n):
                code = new_checkin_code()
                s.add(
                    Appointment(
                        checkin_code=code,
                        day=clock.today(),
                        scheduled_at=clock.now() + dt.timedelta(minutes=5),
                        department_id=slot.department_id,
                        doctor_id=slot.doctor_id,
                        patient_name=f"测试{chr(0x4E00 + i)}",
                        patient_phone=f"139{i:08d}",
                    )
                )
                codes.append(code)
            s.flush()
            publish_all(s, clock)
    finally:
        db.close()
    return codes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="12 actions")
    args = parser.parse_args()
    if args.quick:
        args.actions = 12

    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from app import config
    from app.clock import Clock
    from app.kiosk_runtime import open_kiosk
    from app.staff_runtime import open_staff
    from app.sync.desk import SyncedDesk
    from gui.bridge import Bridge
    from gui.start import Translations, application
    from kiosk.main import kiosk_settings
    from kiosk.speech import Speaker
    from kiosk.window import Forwarder, KioskWindow
    from server.process import ServerProcess
    from ui.main import desk_settings
    from ui.window import StaffWindow

    tmp = Path(tempfile.mkdtemp(prefix="frontdesk-screens-"))
    server = ServerProcess(tmp / "server", seed=11).start()
    tz = ZoneInfo("Asia/Shanghai")
    clock = Clock(tz=tz)
    try:
        codes = _book(server, clock, args.actions // 3 + 1)  # due now: the kiosk checks in
        for role, name in (("kiosk", "kiosk"), ("staff", "desk")):
            SyncedDesk.enroll(
                tmp / name, server.url, server.code(role, name), clock, timeout=10
            ).close()
        app = application()
        translations = Translations(app)
        translations("zh_CN")

        # the guide desk, signed in, its sync running
        desk_cfg = config.load(
            tmp / "none.toml", [f"data_dir={tmp / 'desk'}", "location=一楼导医台"]
        )
        desk_ref: list[StaffWindow] = []
        desk_bridge = Bridge(
            lambda: open_staff(
                desk_cfg,
                clock,
                server_url=server.url,
                on_status=lambda st: desk_bridge.post(lambda: desk_ref[0].sync_status(st)),
                on_pulled=lambda t: desk_bridge.post(lambda: desk_ref[0].remote(t)),
            ),
            name="staff",
        )
        desk = StaffWindow(desk_settings(desk_cfg, clock), desk_bridge, translations)
        desk_ref.append(desk)
        desk.resize(1600, 900)
        desk.show()
        desk_bridge.start()

        # the kiosk, its sync running
        kiosk_cfg = config.load(
            tmp / "none.toml",
            [
                f"data_dir={tmp / 'kiosk'}",
                f"printer=pdf:{tmp / 'tickets'}/",
                "speech=0",
                "location=门诊大厅 1号自助机",
            ],
        )
        forward = Forwarder()
        kiosk_ref: list[KioskWindow] = []
        kiosk_bridge = Bridge(
            lambda: open_kiosk(
                kiosk_cfg,
                clock,
                on_status=forward,
                printer_state=lambda: kiosk_ref[0].printer_state if kiosk_ref else "",
                server_url=server.url,
            )
        )
        kiosk = KioskWindow(
            kiosk_settings(kiosk_cfg, windowed=True),
            kiosk_bridge,
            Speaker("", enabled=False),
            translations,
        )
        kiosk_ref.append(kiosk)
        forward.window = kiosk
        kiosk.resize(1920, 1080)
        kiosk.show()
        kiosk_bridge.start()

        def until(cond: Callable[[], bool], timeout: float = TIMEOUT_S) -> float:
            """Run the event loop until ``cond``; then once more, so what changed is painted.
            Returns the moment it was painted."""
            end = time.perf_counter() + timeout
            while not cond():
                if time.perf_counter() > end:
                    raise TimeoutError("the desk never showed it")
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            app.processEvents()
            return time.perf_counter()

        until(lambda: desk_bridge.is_ready and kiosk_bridge.is_ready, 60)
        until(lambda: bool(desk_bridge.runtime.backend.guides()), 60)  # staff pulled
        desk.sign_in("guide.zhang", "demo-1234")
        until(lambda: desk.who is not None, 30)

        def tap(widget: QWidget) -> float:
            centre = widget.rect().center()
            QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=centre)
            QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=centre)
            return time.perf_counter()

        def ready(name: str) -> Any:
            until(lambda: kiosk.current == name, 10)
            return kiosk.screens[name]

        def call_a_guide() -> float:
            kiosk.reset()  # a new patient: the call is about no earlier ticket
            app.processEvents()
            before = set(desk.help_panel.cards)
            t0 = tap(kiosk.help)
            t1 = until(lambda: len(set(desk.help_panel.cards) - before) > 0)
            helper = ready("help")
            for rid in set(desk.help_panel.cards) - before:  # answered and done: the next
                desk.call(lambda b, r=rid: b.resolve(desk.who, r))
            tap(helper.back)
            return t1 - t0

        def walk_in() -> float:
            kiosk.reset()
            app.processEvents()
            tap(kiosk.screens["welcome"].walkin)
            w = ready("walkin")
            tap(w.decline)
            until(lambda: len(w.dept_cards) > 0, 10)
            tap(next(iter(w.dept_cards.values())))
            before = {r.visit_id for r in desk.model.rows()}
            t0 = tap(w.next)
            t1 = until(lambda: len({r.visit_id for r in desk.model.rows()} - before) > 0)
            ready("ticket")
            return t1 - t0

        def check_in() -> float:
            kiosk.reset()
            app.processEvents()
            tap(kiosk.screens["welcome"].checkin)
            screen = ready("checkin")
            for ch in codes.pop():
                tap(screen.code_pad.keys[ch])
            tap(screen.code_pad.ok_key)
            confirm = ready("confirm")
            until(lambda: confirm.yes.isEnabled(), 10)
            before = {r.visit_id for r in desk.model.rows()}
            t0 = tap(confirm.yes)
            t1 = until(lambda: len({r.visit_id for r in desk.model.rows()} - before) > 0)
            ready("ticket")
            return t1 - t0

        kinds = {"call_a_guide": call_a_guide, "walk_in": walk_in, "check_in": check_in}
        timings: dict[str, list[float]] = {k: [] for k in kinds}
        order = list(kinds)
        for i in range(args.actions):
            kind = order[i % len(order)]
            timings[kind].append(kinds[kind]() * 1000)
            QTest.qWait(200)  # a moment between patients

        every = [t for ts in timings.values() for t in ts]
        print(
            json.dumps(
                {
                    "actions": len(every),
                    "kiosk_to_desk_p50_ms": round(statistics.median(every), 1),
                    "kiosk_to_desk_p95_ms": round(_p95(every), 1),
                    "kiosk_to_desk_max_ms": round(max(every), 1),
                    "by_action": {k: round(statistics.median(v), 1) for k, v in timings.items()},
                    "goals": {"kiosk_to_desk_p95_ms": 1000},
                }
            )
        )
        kiosk.may_close = True
        kiosk.close()
        desk.close()
        kiosk_bridge.close()
        desk_bridge.close()
        app.processEvents()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
