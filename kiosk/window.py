"""The kiosk's one window: full screen, frameless, on top, impossible to close without the
director's PIN; the screens in a stack; "call a guide" on every screen; idle reset; scanner;
printing and speech; the discreet sync indicator."""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPixmap
from PySide6.QtWidgets import QApplication, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from app.config import PLACES, Config
from app.lang import pick
from gui.bridge import Bridge
from gui.guards import HotCorner, IdleWatcher, NoContextMenus, ScanDetector
from kiosk.help_screen import HelpScreen
from kiosk.screens import CheckInScreen, ConfirmScreen, Screen, WelcomeScreen
from kiosk.speech import Speaker
from kiosk.theme import GAP_PX, LARGE_TEXT, stylesheet
from kiosk.ticket_screen import TicketScreen
from kiosk.widgets import button, hbox, label, show_page

if TYPE_CHECKING:
    from app.services.checkin import AppointmentView
    from app.services.tickets import TicketInfo
    from kiosk.overlays import PinPad, StillThere

log = logging.getLogger(__name__)

EXIT_DIRECTOR = 10  # the director left kiosk mode (Shell Launcher: take no action)
TEND_MS = 60_000  # how often the running kiosk lets go of what it no longer needs


@dataclass
class KioskSettings:
    hospital: tuple[str, str] = (Config.hospital_name_zh, Config.hospital_name_en)
    location: str = PLACES["kiosk"]
    language: str = "zh_CN"
    idle_timeout_s: float = 60
    idle_prompt_s: int = 20
    printer: str = ""
    locked: bool = True
    touch: bool = True
    logo: Path | None = None
    check_pin: Callable[[str], bool] = field(default=lambda pin: False)
    keyboard: bool = False  # Qt's on-screen keyboard is in use (kiosk/main.py decides)


class KioskWindow(QWidget):
    entered = Signal(str)  # a screen's name, once it is shown

    def __init__(
        self,
        settings: KioskSettings,
        bridge: Bridge,
        speaker: Speaker | None = None,
        translators: Callable[[str], None] | None = None,
    ) -> None:
        flags = Qt.WindowType.Window
        if settings.locked:
            flags |= Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        super().__init__(None, flags)
        self.setObjectName("KioskWindow")
        self.settings = settings
        self.bridge = bridge
        self.speaker = speaker or Speaker(enabled=False)
        self._translate = translators or (lambda lang: None)
        self.lang = settings.language
        self.large_text = False
        self.may_close = False
        self.printer_state = "ok"
        self._before_help = "welcome"
        self.sync_status: Any = None
        self.setWindowTitle("FrontDesk")
        self.setAcceptDrops(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # the on-screen keyboard in the kiosk's language, not the machine's (kiosk/keyboard.py)
        self.keyboard: Any = None
        if settings.keyboard:
            from kiosk.keyboard import KeyboardLanguage

            self.keyboard = KeyboardLanguage(self.lang, self)
            self.keyboard.window_shown.connect(self._guard_keyboard)
        self._guarded: list[QObject] = []  # the windows the guards watch (install_guards)

        self.title = label("status", wrap=False)
        self.status = label("status", wrap=False)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.stack = QStackedWidget()
        self.home = button("secondary")
        self.home.clicked.connect(self.start_over)
        self.help = button("help")
        self.help.clicked.connect(lambda: self.call_guide())
        # hidden on the welcome screen but keeping its place: "Call a guide" stays on the
        # right on every screen, so an idle reset under a finger on "Start over" calls nobody
        for kept in (self.home, self.help):
            keep = kept.sizePolicy()
            keep.setRetainSizeWhenHidden(True)
            kept.setSizePolicy(keep)
        self.screens = Screens(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(3 * GAP_PX, GAP_PX, 3 * GAP_PX, 2 * GAP_PX)
        box.setSpacing(GAP_PX)
        box.addLayout(hbox(self.title, self.status))
        box.addWidget(self.stack, 1)
        box.addLayout(hbox(self.home, self.help))

        self.hot_corner = HotCorner(self)
        self.hot_corner.triggered.connect(lambda: self.pin_pad.start())

        self.idle = IdleWatcher(int(settings.idle_timeout_s * 1000))
        self.idle.idle.connect(self._idle)
        self.scanner = ScanDetector()
        self.scanner.scanned.connect(self.on_scanned)
        self.no_menus = NoContextMenus()
        bridge.ready.connect(lambda: self._status(self.sync_status))
        bridge.failed.connect(self._backend_failed)
        # the day's change and what has been sent leave the kiosk while it runs, not only
        # when it is next started (app/kiosk_backend.py, ``tend``)
        self.tender = QTimer(self)
        self.tender.setInterval(TEND_MS)
        self.tender.timeout.connect(self.tend)
        self.tender.start()

        if settings.logo and settings.logo.exists():
            self.set_logo(settings.logo)
        self.setStyleSheet(stylesheet(1.0))
        self.retranslate()
        self.go("welcome")

    # -- overlays, made when first needed (not at start-up) ---------------------------------

    @functools.cached_property
    def still_there(self) -> StillThere:
        from kiosk.overlays import StillThere

        panel = StillThere(self, self.settings.idle_prompt_s)
        panel.expired.connect(self.reset)
        panel.kept.connect(lambda: self.idle.restart())
        return panel

    @functools.cached_property
    def pin_pad(self) -> PinPad:
        from kiosk.overlays import PinPad

        pad = PinPad(self, self.settings.check_pin)
        pad.accepted.connect(self.leave_kiosk_mode)
        return pad

    def _overlay_up(self, name: str) -> bool:
        return name in self.__dict__ and self.__dict__[name].isVisible()

    # -- set-up -----------------------------------------------------------------------------

    def install_guards(self, app: QApplication) -> None:
        """On the kiosk's own window, where every key, touch and click arrives first (not
        application-wide: kiosk/guards.py says why): idle timer, scanner, no context menus;
        the idle timer also on the on-screen keyboard's window once it shows.  A blank
        cursor in touch mode."""
        self.winId()  # the window's QWindow, made now rather than at show()
        window = self.windowHandle()
        window.installEventFilter(self.idle)
        self.scanner.watch(window)
        window.installEventFilter(self.no_menus)
        self._guarded = [window]
        if self.settings.touch:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)

    def _guard_keyboard(self, window: QObject) -> None:
        """Typing a name on the on-screen keyboard is activity too."""
        if self._guarded:
            window.installEventFilter(self.idle)
            self._guarded.append(window)

    def remove_guards(self, app: QApplication) -> None:
        for window in self._guarded:
            for f in (self.idle, self.scanner, self.no_menus):
                window.removeEventFilter(f)
        self._guarded = []
        if self.settings.touch and QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()

    def set_logo(self, path: Path) -> None:
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(str(path))
        pixmap = QPixmap(120, 120)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        welcome = self.screens["welcome"]
        assert isinstance(welcome, WelcomeScreen)
        welcome.set_logo(pixmap)

    # -- language and text --------------------------------------------------------------------

    def pick(self, pair: tuple[str, str] | None) -> str:
        return pick(pair, self.lang)

    def hospital_name(self) -> str:
        return self.pick(self.settings.hospital)

    def location(self) -> str:
        return self.pick((self.settings.location, self.settings.location))

    def message(self, error: BaseException) -> str:
        from app.errors import FrontDeskError

        if isinstance(error, FrontDeskError):
            return error.message(self.lang)
        log.error("kiosk action failed: %s", type(error).__name__)
        return self.tr("Something went wrong. Please call a guide; they will help you.")

    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        if self.keyboard is not None:
            self.keyboard.set_language(lang)
        self._translate(lang)  # installs the translator: every widget gets LanguageChange
        self.retranslate()
        for screen in self.screens.values():
            screen.retranslate()
        self._status(self.sync_status)
        self._update_idle()

    def toggle_large_text(self) -> None:
        self.large_text = not self.large_text
        self.setStyleSheet(stylesheet(LARGE_TEXT if self.large_text else 1.0))
        self.screens["welcome"].retranslate()
        self._update_idle()

    def retranslate(self) -> None:
        self.title.setText(self.hospital_name())
        self.home.setText(self.tr("Start over"))
        self.help.setText(self.tr("Call a guide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def say(self, text: str) -> None:
        self.speaker.say(text, self.lang)

    def can_speak(self) -> bool:
        return self.speaker.can_say(self.lang)

    def connected(self) -> bool:
        return bool(getattr(self.bridge.runtime, "synced", False))

    # -- navigation ---------------------------------------------------------------------------

    @property
    def current(self) -> str:
        widget = self.stack.currentWidget()
        return widget.name if isinstance(widget, Screen) else ""

    def go(self, name: str) -> None:
        if name not in SCREENS:
            return
        screen = self.screens[name]
        show_page(self.stack, screen)
        self.home.setVisible(name != "welcome")
        self.help.setVisible(name != "help")  # on the call's own screen it would do nothing
        self._update_idle()
        screen.entered()
        self.entered.emit(name)

    def confirm(self, views: list[AppointmentView]) -> None:
        confirm = self.screens["confirm"]
        assert isinstance(confirm, ConfirmScreen)
        confirm.show_views(views)
        self.go("confirm")

    def show_ticket(self, ticket: TicketInfo) -> None:
        screen = self.screens["ticket"]
        assert isinstance(screen, TicketScreen)
        screen.show_ticket(ticket)
        self.go("ticket")
        QTimer.singleShot(0, lambda: self.print_ticket(ticket))

    def print_ticket(self, ticket: TicketInfo | None) -> None:
        from gui.printing import PrintFailed, print_ticket, ticket_text

        screen = self.screens["ticket"]
        assert isinstance(screen, TicketScreen)
        if ticket is None or screen.ticket is not ticket:
            return  # the screen moved on
        text = ticket_text(ticket, self.lang, self.hospital_name())
        try:
            print_ticket(text, self.settings.printer)
        except PrintFailed as exc:
            log.warning("ticket printer failed: %s", exc)
            self.printer_state = "error"
            screen.set_print_state("failed")
            lang = self.lang
            visit_id = ticket.visit_id
            self.bridge.call(lambda b: b.call_guide(lang, visit_id, reason="printer"))
            return
        self.printer_state = "ok"
        screen.set_print_state("printed")

    def call_guide(self, visit_id: str | None = None, reason: str = "help") -> None:
        if self.current == "help":
            return
        ticket_screen = self.screens["ticket"]
        if visit_id is None and isinstance(ticket_screen, TicketScreen) and ticket_screen.ticket:
            visit_id = ticket_screen.ticket.visit_id
        self._before_help = self.current or "welcome"
        helper = self.screens["help"]
        assert isinstance(helper, HelpScreen)
        helper.start(visit_id, reason)
        self.go("help")

    def back_from_help(self) -> None:
        helper = self.screens["help"]
        helper.clear()
        self.go(self._before_help if self._before_help != "help" else "welcome")

    def finish(self) -> None:
        """The patient is done: the next one starts from a clean welcome screen."""
        self.reset()

    def start_over(self) -> None:
        """The same patient starts again (took a wrong turn): every field cleared, but their
        language and large text stay — an idle reset, for the next patient, clears those."""
        self.reset(keep_choices=True)

    def reset(self, *, keep_choices: bool = False) -> None:
        """Forget everything: every field, every answer on its way, language and text size."""
        self.bridge.forget()
        if "still_there" in self.__dict__:
            self.still_there.cancel()
        if "pin_pad" in self.__dict__:
            self.pin_pad.close_pad()
        self.speaker.stop()
        for screen in self.screens.values():
            screen.clear()
        if not keep_choices:
            if self.large_text:
                self.toggle_large_text()
            self.set_language(self.settings.language)
        self.go("welcome")

    # -- idle -----------------------------------------------------------------------------------

    def _update_idle(self) -> None:
        # Nothing to clear on a pristine welcome screen: no prompt there.
        pristine = (
            self.current == "welcome"
            and self.lang == self.settings.language
            and not self.large_text
        )
        self.idle.paused = pristine
        self.idle.restart()

    def tend(self) -> None:
        if self.bridge.is_ready:
            self.bridge.call(lambda b: b.tend())

    def _idle(self) -> None:
        if self._overlay_up("pin_pad"):
            self.pin_pad.close_pad()
        self.still_there.start()

    # -- scanner --------------------------------------------------------------------------------

    def on_scanned(self, code: str) -> None:
        from app.services.tickets import visit_from_qr
        from kiosk.survey import START, TICKET, SurveyScreen

        screen = self.screens["checkin"]
        assert isinstance(screen, CheckInScreen)
        if self._overlay_up("pin_pad"):
            return
        visit_id = visit_from_qr(code)
        survey = self.screens.get("survey")
        if visit_id and isinstance(survey, SurveyScreen) and self.current == "survey":
            if survey.pages.currentIndex() in (START, TICKET):
                survey.on_scanned(visit_id)
            return  # mid-survey: a stray scan changes nothing
        if "still_there" in self.__dict__:
            self.still_there.cancel()
        for s in self.screens.values():
            if s is not screen:
                s.clear()
        screen.clear()
        if visit_id:  # a ticket shown to the scanner: "scan its code to rate your visit"
            survey = self.screens["survey"]
            assert isinstance(survey, SurveyScreen)
            self.go("survey")
            survey.on_scanned(visit_id)
            return
        self.go("checkin")
        screen.busy = True
        lang = self.lang
        self.bridge.call(lambda b: b.check_in_code(code, lang), self._scan_done, self._scan_failed)

    def _scan_done(self, ticket: TicketInfo) -> None:
        self.screens["checkin"].clear()
        self.show_ticket(ticket)

    def _scan_failed(self, error: BaseException) -> None:
        screen = self.screens["checkin"]
        assert isinstance(screen, CheckInScreen)
        screen.busy = False
        screen.show_message(self.message(error))

    # -- sync indicator ----------------------------------------------------------------------

    def _status(self, status: Any) -> None:
        self.sync_status = status
        if not self.bridge.is_ready:
            self.status.setText(self.tr("Starting…"))
            return
        runtime = self.bridge.runtime
        if not getattr(runtime, "synced", False):
            self.status.setText(self.tr("● Stand-alone"))
        elif status is None or not getattr(status, "online", False):
            pending = getattr(status, "pending", 0) if status is not None else 0
            text = self.tr("○ Offline")
            if pending:
                text += " · " + self.tr("%n waiting", "", pending)
            self.status.setText(text)
        else:
            self.status.setText(self.tr("● Online"))

    def _backend_failed(self, reason: str) -> None:
        self.status.setText(self.tr("⚠ Not ready: please call the IT desk"))

    # -- lockdown ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # Alt+F4 and the window manager's close arrive here: a locked kiosk ignores them.
        if self.settings.locked and not self.may_close:
            event.ignore()
            return
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # no key does anything by itself on the kiosk's window

    def leave_kiosk_mode(self) -> None:
        log.info("director left kiosk mode")
        self.may_close = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(EXIT_DIRECTOR)

    def build_all(self) -> None:
        """Make the screens not made yet, one per event-loop turn (after the welcome screen is
        up), so the first tap on any of them is instant."""
        missing = [n for n in SCREENS if n not in self.screens]
        if missing:
            self.screens[missing[0]]  # building it is the point
            QTimer.singleShot(0, self.build_all)

    def resizeEvent(self, event: Any) -> None:
        portrait = self.height() > self.width()
        for screen in self.screens.values():
            screen.set_portrait(portrait)
        self.hot_corner.raise_()
        super().resizeEvent(event)


# Each screen's class, by where it lives: start-up imports only the welcome screen's module;
# build_all() imports the rest once the welcome screen is up.
SCREENS: dict[str, str] = {
    "welcome": "kiosk.screens:WelcomeScreen",
    "checkin": "kiosk.screens:CheckInScreen",
    "confirm": "kiosk.screens:ConfirmScreen",
    "ticket": "kiosk.ticket_screen:TicketScreen",
    "help": "kiosk.help_screen:HelpScreen",
    "walkin": "kiosk.walkin:WalkInScreen",
    "survey": "kiosk.survey:SurveyScreen",
}


def screen_class(name: str) -> type[Screen]:
    module, cls = SCREENS[name].split(":")
    found: type[Screen] = getattr(importlib.import_module(module), cls)
    return found


class Screens(dict[str, Screen]):
    """The kiosk's screens, each made the first time it is asked for: start-up builds only
    the welcome screen.  ``values()`` holds the screens made so far — all that can hold
    anything to clear."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__()
        self.window = window

    def __missing__(self, name: str) -> Screen:
        screen = screen_class(name)(self.window)
        self[name] = screen
        self.window.stack.addWidget(screen)
        screen.set_portrait(self.window.height() > self.window.width())
        screen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        return screen


class Forwarder:
    """Hands a SyncStatus from the sync threads to the window, on the window's thread."""

    def __init__(self) -> None:
        self.window: KioskWindow | None = None

    def __call__(self, status: object) -> None:
        window = self.window
        if window is not None:
            window.bridge.post(lambda: window._status(status))
