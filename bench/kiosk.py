"""Kiosk figures, printed as one JSON object:

startup_ratio       time from process start to the interactive welcome screen of
                    ``frontdesk kiosk --windowed``, divided by the same for a bare PySide6
                    window started the same way in the same run (medians of ``--runs``;
                    goal <= 1.5)
startup_s, bare_window_s   the two medians behind the ratio
kiosk_startup_ratio the same for the kiosk as a lobby runs it: full screen, touch mode with
                    Qt's on-screen keyboard, its settings file (kiosk_startup_s)
kiosk_vs_keyboard_window_ratio   that kiosk against a bare window that loads Qt's on-screen
                    keyboard too (bare_keyboard_window_s): what the kiosk adds to what any
                    Qt program with that keyboard pays
scan_to_ticket_ms   median from a scanner's burst of keys to the ticket screen (goal <= 150),
                    codes held as a synced kiosk holds them: under the day's slow key
lookup_hash_ms      one slow look-up hash (argon2id at the server's default cost, lookup_cost);
                    read_back_day_codes_core_years: what trying every check-in code costs a
                    thief of the kiosk's disk, on one core of this machine
rss_mb              resident memory after ``--checkins`` simulated check-ins
rss_growth_pct      growth of resident memory over the last half of them (goal < 3)

Run as a user would: ``python bench/kiosk.py`` (offscreen; ``--quick`` for a short run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("FrontDesk")); w.show()
app.processEvents()
print(f"interactive {time.perf_counter() - t0:.4f}", flush=True)
"""


def _spawn_until_interactive(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time from spawning ``cmd`` to its "interactive" line."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("interactive"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{cmd} never became interactive")
    proc.wait(30)
    return elapsed


def interleaved(commands: list[list[str]], runs: int) -> list[float]:
    """Medians of ``runs`` start-ups of each of ``commands``, timed in turn so all see the
    same machine, as an installed program starts: its bytecode compiled once (pip and the
    frozen bundle ship it), even where the shell says ``PYTHONDONTWRITEBYTECODE`` — the
    cache then lives in a temporary folder, not in the checkout."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRONTDESK_STARTUP_PROBE="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("QT_IM_MODULE", None)  # the kiosk decides (its touch mode)
    times: list[list[float]] = [[] for _ in commands]
    with tempfile.TemporaryDirectory() as tmp:
        env["FRONTDESK_DATA_DIR"] = tmp
        env["FRONTDESK_CONFIG"] = str(Path(tmp) / "none.toml")
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        for cmd in commands:  # compile, and warm the file cache for each
            _spawn_until_interactive(cmd, env)
        for _ in range(runs):
            for cmd, into in zip(commands, times, strict=True):
                into.append(_spawn_until_interactive(cmd, env))
    return [statistics.median(t) for t in times]


# A lobby kiosk's settings file: its mode, place and hospital, touch and speech on, the
# director's exit PIN (docs/deploy-windows.md says which of these a site sets)
KIOSK_TOML = """mode = "kiosk"
language = "zh_CN"
location = "门诊大厅 1号自助机"
hospital_name_zh = "示范综合医院"
hospital_name_en = "Demonstration General Hospital"
touch_mode = 1
speech = 1
exit_pin_hash = "{pin_hash}"
"""


def startup(runs: int) -> dict[str, float]:
    """The kiosk as developers start it (``--windowed``: a window, mouse, no settings file)
    and as a lobby kiosk starts it (full screen, touch, Qt's on-screen keyboard, its
    settings file), each against the bare window."""
    from app.security import hash_password

    with tempfile.TemporaryDirectory() as tmp:
        settings = Path(tmp) / "frontdesk.toml"
        settings.write_text(KIOSK_TOML.format(pin_hash=hash_password("2468")), encoding="utf-8")
        app = [sys.executable, "-m", "frontdesk"]
        keyboard = f"import os\nos.environ['QT_IM_MODULE'] = 'qtvirtualkeyboard'\n{BARE}"
        windowed, deployed, bare, bare_keyboard = interleaved(
            [
                [*app, "kiosk", "--windowed"],
                [*app, "--config", str(settings), "kiosk"],
                [sys.executable, "-c", BARE],
                [sys.executable, "-c", keyboard],
            ],
            runs,
        )
    return {
        "startup_s": round(windowed, 3),
        "bare_window_s": round(bare, 3),
        "startup_ratio": round(windowed / bare, 2),
        "kiosk_startup_s": round(deployed, 3),
        "kiosk_startup_ratio": round(deployed / bare, 2),
        "bare_keyboard_window_s": round(bare_keyboard, 3),
        "kiosk_vs_keyboard_window_ratio": round(deployed / bare_keyboard, 2),
    }


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def checkins(count: int, scans: int) -> dict[str, Any]:
    from zoneinfo import ZoneInfo

    from sqlalchemy import select

    from app import config
    from app.clock import FixedClock
    from app.kiosk_runtime import open_kiosk
    from app.models import Appointment, Department, SyncState
    from app.services.checkin import (
        CODE_ALPHABET,
        CODE_LENGTH,
        hashed_code,
        hashed_phone,
        slow_key,
    )
    from app.services.registration import PatientForm, VisitForm
    from gui.bridge import Bridge
    from kiosk.main import application, kiosk_settings
    from kiosk.window import KioskWindow
    from tests.kiosk_rig import type_on_window

    tz = ZoneInfo("Asia/Shanghai")
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        cfg = config.load(
            Path(tmp) / "none.toml",
            [
                f"data_dir={tmp}",
                f"printer=pdf:{tmp}/ticket.pdf",
                "checkin_early_min=1440",
                "checkin_late_min=1440",
                "speech=0",
            ],
        )
        clock = FixedClock(tz=tz, at=dt.datetime(2026, 11, 23, 9, 0, tzinfo=tz))
        bridge = Bridge(lambda: open_kiosk(cfg, clock, demo=True))
        window = KioskWindow(kiosk_settings(cfg, windowed=True), bridge)
        window.install_guards(app)
        window.resize(1920, 1080)
        window.show()
        window.activateWindow()
        bridge.start()
        while not bridge.is_ready:
            app.processEvents()
            time.sleep(0.005)
        runtime = bridge.runtime
        # As a synced kiosk holds them: codes and phones under the day's slow key (the
        # server's default cost), so each scan pays the slow hash as in the lobby.
        key = slow_key(os.urandom(32))
        runtime.backend.hashed_lookups = True
        with runtime.db.session(record=False) as s:
            state = s.get(SyncState, 1) or SyncState(id=1)
            state.kiosk_day, state.kiosk_key = str(clock.today()), key
            s.add(state)
        # Enough appointments for every scan: the demo's day plus generated ones.
        with runtime.db.session() as s:
            depts = list(s.scalars(select(Department)))
            base = s.scalars(select(Appointment)).first()
            codes = []
            for i in range(scans):
                code = "B" + "".join("23456789ACDEFGHJ"[int(c)] for c in f"{i:05d}")
                s.add(
                    Appointment(
                        patient_name="测试",
                        patient_phone=hashed_phone(key, f"139{i:08d}"),
                        department_id=depts[i % len(depts)].id,
                        doctor_id=None,
                        day=clock.today(),
                        scheduled_at=clock.now(),
                        checkin_code=hashed_code(key, code),
                        booking_channel=base.booking_channel,
                    )
                )
                codes.append(code)

        def settle(until) -> None:
            while not until():
                app.processEvents()

        timings = []
        for code in codes:
            window.reset()
            app.processEvents()
            t0 = time.perf_counter()
            # a scanner: the code's keys, then Enter, at once, as the platform delivers them
            type_on_window(window.windowHandle(), code + "\n")
            settle(lambda: window.current == "ticket")
            timings.append((time.perf_counter() - t0) * 1000)
            bridge.wait_idle()
            app.processEvents()

        # Memory: walk-ins through the same back end the screens use, printed like tickets.
        rss: list[float] = []
        for i in range(count):
            form = PatientForm("王小明", "M", 60, f"137{i:08d}")
            visit = VisitForm(purpose="consultation", department_id=depts[i % len(depts)].id)
            ticket = runtime.backend.register_walk_in(form, visit)
            window.show_ticket(ticket)
            settle(lambda: window.screens["ticket"].print_state in ("printed", "failed"))
            window.reset()
            app.processEvents()
            rss.append(_rss_mb())
        window.remove_guards(app)
        bridge.close()
        window.deleteLater()
        app.processEvents()
    half = rss[len(rss) // 2]
    one = min(_timed(lambda: hashed_code(key, "ABC234")) for _ in range(5))
    space = len(CODE_ALPHABET) ** CODE_LENGTH
    return {
        "lookup_hash_ms": round(one * 1000, 1),
        "lookup_cost": key.rsplit(":", 1)[0],
        # reading back one day's codes from a stolen kiosk: every code tried, one core
        "read_back_day_codes_core_years": round(space * one / (365 * 24 * 3600), 2),
        "scan_to_ticket_ms": round(statistics.median(timings), 1),
        "scan_to_ticket_p95_ms": round(sorted(timings)[int(len(timings) * 0.95) - 1], 1),
        "rss_mb": round(rss[-1], 1),
        "rss_growth_pct": round((rss[-1] - half) / half * 100, 2),
        "checkins": count,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short run (smoke test)")
    parser.add_argument("--runs", type=int, default=7, help="start-ups of each program")
    parser.add_argument("--checkins", type=int, default=1000)
    parser.add_argument("--scans", type=int, default=50)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.checkins, args.scans = 1, 40, 5
    figures = startup(args.runs)
    figures.update(checkins(args.checkins, args.scans))
    print(json.dumps(figures), flush=True)
    # PySide6 can crash while the interpreter tears Qt objects down; the figures are out.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
