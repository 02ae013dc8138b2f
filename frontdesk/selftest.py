"""``frontdesk self-test``: does this installation work?  Run by the installer after an
upgrade, by the build after freezing, and by IT staff on a misbehaving PC.

Each check prints one line (``ok`` or ``FAIL`` with the reason); the exit code is 0 only when
every check passed.  Everything happens in a temporary folder: the machine's own database,
settings and printer are never touched.  Without a display the screens are drawn offscreen.

Checks: every module imports; the program's files are there (translations, surveys,
migrations); a new database is created and migrated to the newest schema; every kiosk screen
and every staff page opens and draws, landscape and portrait; a QR ticket prints to PDF;
Qt's on-screen keyboard loads, with its Pinyin and Cangjie/Zhuyin input; the server answers
``/api/v1/health`` on 127.0.0.1."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

PACKAGES = ("app", "gui", "kiosk", "ui", "server", "frontdesk")
KEYBOARD_INPUTS = ("Pinyin", "TCIme")  # simplified by Pinyin; traditional by Cangjie/Zhuyin


class CheckFailed(Exception):
    pass


def _require(condition: bool, reason: str) -> None:
    if not condition:
        raise CheckFailed(reason)


# -- checks without Qt ---------------------------------------------------------------------


def check_modules() -> str:
    names = []
    for package in PACKAGES:
        root = importlib.import_module(package)
        names.append(package)
        for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
            if ".migrations." in info.name or info.name.endswith(".migrations"):
                continue  # Alembic loads those itself (the database check runs them)
            importlib.import_module(info.name)
            names.append(info.name)
    _require(len(names) > 40, f"only {len(names)} modules found")
    return f"{len(names)} modules"


def check_files() -> str:
    from app.paths import resources_dir

    res = resources_dir()
    qm = sorted(p.name for p in (res / "i18n").glob("*.qm"))
    _require(
        "frontdesk_zh_CN.qm" in qm and "frontdesk_zh_TW.qm" in qm, f"translations missing: {qm}"
    )
    from app.services.stages import stage_name

    core = {lang: stage_name("waiting", lang) for lang in ("zh_CN", "zh_TW")}
    _require(core == {"zh_CN": "候诊", "zh_TW": "候診"}, f"the core's words untranslated: {core}")
    surveys = list((res / "surveys").glob("*.json"))
    _require(bool(surveys), "no survey definitions")
    return f"{len(qm)} translations (the core's too), {len(surveys)} surveys"


def check_licences(where: Path | None = None) -> str:
    """The frozen program carries FrontDesk's licence, every bundled component's notices and
    a CycloneDX SBOM naming each with its licence (build/notices.py made them)."""
    if where is None:
        if not getattr(sys, "frozen", False):
            return "not frozen: build/freeze.sh collects them"
        where = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "licenses"
    for name in ("LICENSE.txt", "THIRD-PARTY-NOTICES.txt", "sbom.cdx.json"):
        _require((where / name).is_file(), f"{name} missing from {where}")
    gpl = (where / "LICENSE.txt").read_text(encoding="utf-8")
    _require("GNU GENERAL PUBLIC LICENSE" in gpl and "Version 3" in gpl, "LICENSE.txt: not GPL 3")
    sbom = json.loads((where / "sbom.cdx.json").read_text(encoding="utf-8"))
    _require(sbom.get("bomFormat") == "CycloneDX", "sbom.cdx.json: not CycloneDX")
    ours = sbom["metadata"]["component"]
    _require(
        ours.get("licenses") == [{"expression": "GPL-3.0-or-later"}],
        "the SBOM does not name FrontDesk's licence",
    )
    parts = {c["name"].lower(): c for c in sbom.get("components", [])}
    for needed in ("pyside6_essentials", "shiboken6", "sqlalchemy", "python"):
        _require(needed in parts, f"the SBOM does not list {needed}")
    unlicensed = sorted(n for n, c in parts.items() if not c.get("licenses"))
    _require(not unlicensed, f"components with no licence: {unlicensed}")
    notices = (where / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    missing = sorted(
        c["name"] for c in parts.values() if f"\n{c['name']} {c['version']}\n" not in notices
    )
    _require(not missing, f"THIRD-PARTY-NOTICES.txt lacks {missing}")
    return f"GPL-3.0-or-later, {len(parts)} components with their licences, a CycloneDX SBOM"


def check_database(work: Path) -> str:
    from sqlalchemy import inspect

    from app import db

    path = work / "selftest.db"
    database = db.open_database(path, outbox=True)
    try:
        current = db.current_revision(database.engine)
        _require(current == db.head_revision(), f"at {current}, not {db.head_revision()}")
        tables = inspect(database.engine).get_table_names()
        _require("visits" in tables and "survey_responses" in tables, "tables missing")
    finally:
        database.close()
    with db.make_engine(path).connect() as conn:
        ok = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
    _require(ok == "ok", f"integrity check: {ok}")
    return f"migrated to {current}, {len(tables)} tables"


def check_server(work: Path) -> str:
    import socket

    import requests
    import uvicorn

    from server import db as serverdb
    from server.app import create_app
    from server.settings import ServerSettings

    url = f"sqlite+pysqlite:///{work / 'server.db'}"
    settings = ServerSettings(database_url=url, host="127.0.0.1", port=0)
    serverdb.upgrade(settings.resolved_url())
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="error"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2)
                break
            except requests.ConnectionError:
                _require(time.monotonic() < deadline, "the server did not start in 20 s")
                time.sleep(0.1)
        _require(r.status_code == 200, f"health answered HTTP {r.status_code}")
        return f"health {r.json().get('status', r.status_code)} on 127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


# -- checks with Qt -------------------------------------------------------------------------


class QtChecks:
    """One QApplication for the screen checks; the keyboard is asked for before it starts."""

    def __init__(self, work: Path) -> None:
        self.work = work
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
        os.environ.setdefault("QT_QUICK_BACKEND", "software")
        from PySide6.QtCore import QLocale, qInstallMessageHandler

        self.messages: list[str] = []  # Qt's own chatter: shown only when a check fails
        qInstallMessageHandler(lambda _kind, _where, text: self.messages.append(text))

        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        from gui.start import application

        self.app = application([sys.argv[0]])
        self.shots = work / "screens"
        self.shots.mkdir()

    def settle(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        while True:
            self.app.processEvents()
            if time.monotonic() >= end:
                return
            time.sleep(0.01)

    def wait_for(self, condition: Callable[[], bool], seconds: float, reason: str) -> None:
        """Let Qt run until ``condition`` holds; the check fails with ``reason`` after
        ``seconds``."""
        deadline = time.monotonic() + seconds
        while not condition():
            _require(time.monotonic() < deadline, reason)
            self.settle(0.05)

    def grab(self, widget: Any, name: str) -> None:
        self.settle()
        image = widget.grab().toImage()
        _require(not image.isNull() and image.width() > 100, f"{name}: nothing drawn")
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 23)
            for y in range(0, image.height(), 23)
        }
        _require(len(colours) > 1, f"{name}: a blank screen")
        _require(image.save(str(self.shots / f"{name}.png")), f"{name}: not saved")

    def _config(self, name: str) -> Any:
        from app import config

        return config.load(
            self.work / "none.toml",
            [f"data_dir={self.work / name}", "language=zh_CN", "speech=0"],
        )

    def kiosk(self) -> str:
        from zoneinfo import ZoneInfo

        from app.clock import Clock
        from app.kiosk_runtime import open_kiosk
        from gui.bridge import Bridge
        from gui.start import Translations
        from kiosk.main import kiosk_settings
        from kiosk.speech import Speaker
        from kiosk.window import SCREENS, KioskWindow

        cfg = self._config("kiosk")
        clock = Clock(tz=ZoneInfo(cfg.timezone))
        bridge = Bridge(lambda: open_kiosk(cfg, clock, demo=True, start_sync=False))
        translations = Translations(self.app)
        translations(cfg.language)
        window = KioskWindow(
            kiosk_settings(cfg, windowed=True), bridge, Speaker(enabled=False), translations
        )
        try:
            bridge.start()
            self.wait_for(lambda: bridge.is_ready, 60, "the kiosk's database did not open")
            drawn = 0
            for size, shape in (((1920, 1080), "landscape"), ((1080, 1920), "portrait")):
                window.resize(*size)
                window.show()
                for name in SCREENS:
                    window.go(name)
                    self.grab(window, f"kiosk-{name}-{shape}")
                    drawn += 1
            for lang in ("zh_TW", "en"):
                window.set_language(lang)
                window.go("welcome")
                self.grab(window, f"kiosk-welcome-{lang}")
            return f"{drawn} screens drawn, 3 languages"
        finally:
            window.may_close = True
            window.close()
            bridge.close()

    def staff(self) -> str:
        from zoneinfo import ZoneInfo

        from app.clock import Clock
        from app.paths import resources_dir
        from app.staff_runtime import open_staff
        from gui.bridge import Bridge
        from gui.start import Translations
        from ui.main import desk_settings
        from ui.window import StaffWindow

        cfg = self._config("staff")
        clock = Clock(tz=ZoneInfo(cfg.timezone))
        bridge = Bridge(lambda: open_staff(cfg, clock, demo=True), name="staff")
        translations = Translations(self.app)
        translations(cfg.language)
        window = StaffWindow(desk_settings(cfg, clock), bridge, translations)
        try:
            bridge.start()
            self.wait_for(lambda: bridge.is_ready, 60, "the desk's database did not open")
            window.resize(1600, 900)
            window.show()
            self.grab(window, "staff-signin")
            # the demo hospital's duty lead signs in (argon2 included) and sees every page
            hospital = json.loads((resources_dir() / "demo" / "hospital.json").read_text("utf-8"))
            window.sign_in("guide.zhang", hospital["demo_password"])
            self.wait_for(lambda: window.who is not None, 30, "the duty lead could not sign in")
            board = window.tabs.tabText(0)
            _require("Board" not in board, f"the staff desk is not in {cfg.language}: {board}")
            pages = 0
            for i in range(window.tabs.count()):
                window.tabs.setCurrentIndex(i)
                bridge.wait_idle()
                self.grab(window, f"staff-page-{i}")
                pages += 1
            return f"sign-in and {pages} pages drawn"
        finally:
            window.close()
            bridge.close()

    def ticket(self) -> str:
        """A real ticket for a real visit: a walk-in registered on a demo kiosk's database, its
        ticket printed to PDF and painted as the printer paints it, its QR code read back
        module by module and decoded to that visit."""
        from zoneinfo import ZoneInfo

        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QColor, QImage, QPainter

        from app.clock import Clock
        from app.kiosk_runtime import open_kiosk
        from app.services.registration import VisitForm
        from app.services.tickets import visit_from_qr
        from gui.printing import RECEIPT_MM, paint_ticket, print_ticket, qr_matrix, read_qr
        from gui.printing import ticket_text as text_of

        cfg = self._config("ticket")
        runtime = open_kiosk(cfg, Clock(tz=ZoneInfo(cfg.timezone)), demo=True, start_sync=False)
        try:
            backend = runtime.backend
            dept = backend.departments()[0]
            info = backend.register_walk_in(
                None, VisitForm(purpose="consultation", department_id=dept.id)
            )
        finally:
            runtime.close()
        paper = text_of(info, cfg.language, cfg.hospital_name_zh)
        pdf = Path(print_ticket(paper, f"pdf:{self.work / 'ticket.pdf'}"))
        data = pdf.read_bytes()
        _require(data.startswith(b"%PDF") and len(data) > 2000, "no PDF came out")
        px_per_mm = 12  # about 300 dpi, as a thermal printer's 203 dpi and better
        image = QImage(
            int(RECEIPT_MM.width() * px_per_mm),
            int(RECEIPT_MM.height() * px_per_mm),
            QImage.Format.Format_RGB32,
        )
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        where = paint_ticket(painter, QRectF(0, 0, image.width(), image.height()), paper)
        painter.end()
        matrix = qr_matrix(paper.qr)
        _require(read_qr(image, where, len(matrix)) == matrix, "the ticket's QR code misreads")
        _require(visit_from_qr(paper.qr) == info.visit_id, "the QR code names another visit")
        image.save(str(self.shots / "ticket.png"))
        return (
            f"ticket {info.ticket} for a real walk-in printed to PDF ({len(data) // 1024} KiB); "
            f"its QR code reads back as that visit"
        )

    def keyboard(self) -> str:
        from PySide6.QtCore import QLibraryInfo
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QLineEdit

        qml = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.QmlImportsPath))
        plugins = qml / "QtQuick" / "VirtualKeyboard" / "Plugins"
        missing = [p for p in KEYBOARD_INPUTS if not (plugins / p / "qmldir").exists()]
        _require(not missing, f"keyboard input missing from {plugins}: {missing}")
        field = QLineEdit()
        field.show()
        field.activateWindow()
        field.setFocus()

        def keyboard_up() -> bool:
            QGuiApplication.inputMethod().show()
            windows = QGuiApplication.topLevelWindows()
            return any("InputView" in w.metaObject().className() for w in windows)

        self.wait_for(keyboard_up, 20, "the on-screen keyboard did not load")
        QGuiApplication.inputMethod().hide()
        field.close()
        return f"loaded from {qml}, with " + " and ".join(KEYBOARD_INPUTS)


# -- running --------------------------------------------------------------------------------


def run(keep: Path | None = None, out: Any = None) -> int:
    out = out or sys.stdout
    started = time.perf_counter()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="frontdesk-selftest-") as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)

        def step(name: str, check: Callable[[], str]) -> None:
            nonlocal failures
            t = time.perf_counter()
            try:
                detail = check()
            except Exception as exc:
                failures += 1
                reason = str(exc) or type(exc).__name__
                print(f"FAIL {name}: {reason}", file=out, flush=True)
                if not isinstance(exc, CheckFailed):
                    traceback.print_exc(file=sys.stderr)
                return
            print(f"ok   {name}: {detail} ({time.perf_counter() - t:.1f} s)", file=out, flush=True)

        step("modules", check_modules)
        step("files", check_files)
        step("licences", check_licences)
        step("database", lambda: check_database(work))
        qt: QtChecks | None = None
        try:
            qt = QtChecks(work)
        except Exception as exc:
            failures += 1
            print(f"FAIL qt: {exc}", file=out, flush=True)
        if qt is not None:
            step("keyboard", qt.keyboard)
            step("kiosk screens", qt.kiosk)
            step("staff screens", qt.staff)
            step("ticket", qt.ticket)
        step("server", lambda: check_server(work))
        if failures and qt is not None and qt.messages:
            print("     what Qt said:", file=out)
            for text in qt.messages[-30:]:
                print(f"       {text}", file=out)
        if keep:
            print(f"     pictures of the screens: {work / 'screens'}", file=out)
    verdict = "passed" if failures == 0 else f"FAILED ({failures} checks)"
    print(f"self-test {verdict} in {time.perf_counter() - started:.1f} s", file=out, flush=True)
    return 0 if failures == 0 else 1
