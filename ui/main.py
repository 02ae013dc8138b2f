"""``frontdesk staff``: start the guide workstation.

The window and its sign-in form come up first; the database and sync open on the back end's
thread meanwhile (the sign-in button waits for them)."""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from app.config import Config
from gui.start import EXIT_ALREADY_RUNNING


def desk_settings(cfg: Config, clock: Any) -> Any:
    from app.services.stages import StageMachine
    from app.sync.identity import Identity
    from ui.window import DeskSettings

    return DeskSettings(
        desk_name=cfg.place("staff", Identity.enrolled_name(cfg.data_path())),
        language=cfg.language,
        lock_after_min=cfg.lock_after_min,
        machine=StageMachine.from_settings(cfg.stages),
        now=clock.now,
        local=clock.local,
        printer=cfg.printer,
        hospital=(cfg.hospital_name_zh, cfg.hospital_name_en),
    )


def run(cfg: Config, *, demo: bool = False, server_url: str | None = None) -> int:
    started = time.perf_counter()
    probe = os.environ.get("FRONTDESK_STARTUP_PROBE") == "1"
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QTimer

    from app.clock import Clock
    from gui.bridge import Bridge
    from gui.start import Translations, application, one_instance
    from ui.window import StaffWindow

    app = application()
    lock = one_instance(cfg.data_path(), "staff")
    if lock is None:
        from gui.doorbell import ring

        woke = ring(cfg.data_path(), "staff")  # the desk already open comes to the front
        print(
            "frontdesk: this desk is already open on this machine"
            + (" (brought to the front)" if woke else ""),
            file=sys.stderr,
        )
        return EXIT_ALREADY_RUNNING
    clock = Clock(tz=ZoneInfo(cfg.timezone))
    translations = Translations(app)
    translations(cfg.language)
    window_ref: list[Any] = []

    def forward_status(status: Any) -> None:  # sync threads: hand over, never touch Qt
        bridge.post(lambda: window_ref[0].sync_status(status) if window_ref else None)

    def forward_pulled(touched: Any) -> None:
        bridge.post(lambda: window_ref[0].remote(touched) if window_ref else None)

    def open_backend() -> Any:
        from app.staff_runtime import open_staff

        return open_staff(
            cfg,
            clock,
            on_status=forward_status,
            on_pulled=forward_pulled,
            demo=demo,
            server_url=server_url,
        )

    bridge = Bridge(open_backend, name="staff")
    window = StaffWindow(desk_settings(cfg, clock), bridge, translations)
    window_ref.append(window)
    window.install_guards(app)
    window.show()
    app.processEvents()
    if probe:
        print(f"interactive {time.perf_counter() - started:.4f}", flush=True)
        QTimer.singleShot(0, app.quit)
    QTimer.singleShot(0, bridge.start)
    kept: list[Any] = []

    def doorbell() -> None:  # after the first screen: a second launch brings this one forward
        from gui.doorbell import Doorbell, come_forward

        bell = Doorbell(cfg.data_path(), "staff")
        bell.rang.connect(lambda: come_forward(window))
        kept.append(bell)  # as long as the program runs

    QTimer.singleShot(0, doorbell)
    code = int(app.exec())
    window.remove_guards(app)
    bridge.close()
    lock.unlock()
    return code
