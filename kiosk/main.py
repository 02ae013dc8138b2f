"""``frontdesk kiosk``: start the lobby kiosk.

Qt first, the welcome screen up at once; the database, sync, SQLAlchemy, requests and qrcode
are opened afterwards on the back end's thread (they cost more than Qt to import)."""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

from app import logs
from app.config import Config
from app.paths import resources_dir
from gui.start import (
    EXIT_ALREADY_RUNNING,
    Translations,
    application,
    collect_later,
    one_instance,
)

log = logging.getLogger(__name__)

VIRTUAL_KEYBOARD = "qtvirtualkeyboard"  # Qt's on-screen keyboard (Pinyin for names)


def kiosk_settings(cfg: Config, *, windowed: bool) -> Any:
    from app.sync.identity import Identity
    from kiosk.window import KioskSettings

    def check_pin(pin: str) -> bool:
        from app.security import verify_password

        return verify_password(cfg.exit_pin_hash, pin)

    return KioskSettings(
        hospital=(cfg.hospital_name_zh, cfg.hospital_name_en),
        location=cfg.place("kiosk", Identity.enrolled_name(cfg.data_path())),
        language=cfg.language,
        idle_timeout_s=cfg.idle_timeout_s,
        idle_prompt_s=cfg.idle_prompt_s,
        printer=cfg.printer,
        locked=not windowed,
        touch=bool(cfg.touch_mode) and not windowed,
        logo=resources_dir() / "kiosk" / "logo.svg",
        check_pin=check_pin,
        keyboard=os.environ.get("QT_IM_MODULE") == VIRTUAL_KEYBOARD,
    )


def run(
    cfg: Config, *, windowed: bool = False, demo: bool = False, server_url: str | None = None
) -> int:
    """Show the kiosk until the director leaves it; ``server_url`` overrides the enrolled
    address (the demo's server gets a new port each run)."""
    started = time.perf_counter()
    collect = collect_later()
    probe = os.environ.get("FRONTDESK_STARTUP_PROBE") == "1"
    if cfg.touch_mode and not windowed and not os.environ.get("QT_IM_MODULE"):
        # Qt's on-screen keyboard (Pinyin for names) appears whenever a text field has focus.
        os.environ["QT_IM_MODULE"] = VIRTUAL_KEYBOARD
    from PySide6.QtCore import QTimer

    app = application()
    lock = one_instance(cfg.data_path(), "kiosk")
    if lock is None:
        from gui.doorbell import ring

        woke = ring(cfg.data_path(), "kiosk")  # the kiosk already running comes to the front
        print(
            "frontdesk: a kiosk is already running on this machine"
            + (" (brought to the front)" if woke else ""),
            file=sys.stderr,
        )
        collect()
        return EXIT_ALREADY_RUNNING

    from gui.bridge import Bridge
    from kiosk.speech import Speaker
    from kiosk.window import Forwarder, KioskWindow

    translations = Translations(app)
    translations(cfg.language)
    forward = Forwarder()
    window_ref: list[Any] = []

    def open_backend() -> Any:
        from zoneinfo import ZoneInfo

        import qrcode  # noqa: F401 — warm the ticket's QR code up before the first check-in

        from app.clock import Clock
        from app.kiosk_runtime import open_kiosk

        return open_kiosk(
            cfg,
            Clock(tz=ZoneInfo(cfg.timezone)),
            on_status=forward,
            printer_state=lambda: window_ref[0].printer_state if window_ref else "",
            demo=demo,
            server_url=server_url,
        )

    bridge = Bridge(open_backend)
    speaker = Speaker(cfg.speech_engine, enabled=bool(cfg.speech))
    window = KioskWindow(kiosk_settings(cfg, windowed=windowed), bridge, speaker, translations)
    window_ref.append(window)
    forward.window = window
    window.install_guards(app)
    if windowed:
        window.resize(1920 // 2, 1080 // 2)
        window.show()
    else:
        window.showFullScreen()
    app.processEvents()
    if probe:  # bench/kiosk.py and the demo's test: up and interactive, then leave cleanly
        print(f"interactive {time.perf_counter() - started:.4f}", flush=True)
        window.may_close = True
        QTimer.singleShot(0, app.quit)
    QTimer.singleShot(0, lambda: logs.setup(cfg.log_path(), cfg.log_level))  # see cli.py
    QTimer.singleShot(0, collect)
    QTimer.singleShot(0, bridge.start)
    QTimer.singleShot(0, window.build_all)

    kept: list[Any] = []

    def doorbell() -> None:  # after the first screen: a second launch brings this one forward
        from gui.doorbell import Doorbell, come_forward

        bell = Doorbell(cfg.data_path(), "kiosk")
        bell.rang.connect(lambda: come_forward(window, full_screen=not windowed))
        kept.append(bell)  # as long as the program runs

    QTimer.singleShot(0, doorbell)
    keep_awake()
    code = int(app.exec())
    window.remove_guards(app)
    bridge.close()
    lock.unlock()
    return code


def keep_awake() -> None:
    """Windows: keep the display on while the kiosk runs (the power policy does the rest)."""
    if sys.platform != "win32":
        return
    import ctypes

    es_continuous, es_system, es_display = 0x80000000, 0x00000001, 0x00000002
    ctypes.windll.kernel32.SetThreadExecutionState(  # type: ignore[attr-defined,unused-ignore]  # Windows only
        es_continuous | es_system | es_display
    )


def hash_pin(stdin: Any = sys.stdin) -> int:
    from app.security import hash_password

    pin = stdin.readline().strip()
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        print("frontdesk: a PIN is 4 to 12 digits", file=sys.stderr)
        return 2
    print(f'exit_pin_hash = "{hash_password(pin)}"')
    return 0
