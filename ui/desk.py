"""What a page of the staff desk may ask of the desk around it: a narrow interface, so that a
page knows neither the window nor its sibling pages (the window implements it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtWidgets import QApplication

from app.services.auth import SignedIn
from app.services.stages import StageMachine
from app.staff_backend import StaffMember

LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("zh_TW", "繁體中文"), ("en", "English"))


@dataclass
class DeskSettings:
    desk_name: str
    language: str
    lock_after_min: int
    machine: StageMachine
    now: Callable[[], dt.datetime]
    local: Callable[[dt.datetime], dt.datetime]
    sound: Callable[[], None] = QApplication.beep
    tick_ms: int = 1000
    help_poll_ms: int = 5000
    case_poll_ms: int = 30_000  # escalated cases, for the duty lead and the director
    printer: str = ""  # the desk's ticket printer ("" the default; "pdf:FILE" a PDF)
    hospital: tuple[str, str] = ("", "")  # its name on a ticket (Chinese, English)

    def tz(self) -> dt.tzinfo:
        """The hospital's time zone, as the desk shows times in it."""
        return self.local(self.now()).tzinfo or dt.UTC


class Desk(Protocol):
    """The staff desk as its pages see it."""

    settings: DeskSettings
    lang: str  # the screen language now
    who: SignedIn | None  # who is signed in
    guides: list[StaffMember]  # the guides on the roster, for hand-offs

    def call(
        self,
        fn: Callable[[Any], Any],
        on_ok: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        slow: bool = False,
    ) -> Any:
        """Run ``fn(back_end)`` on the back end's thread; the answer comes back on this one
        (an error with no ``on_error`` is shown on the board).  ``slow``: it may wait on the
        central server — it runs apart, and nothing else waits behind it."""
        ...

    def may(self, action: str) -> bool:
        """Whether the person signed in may do ``action`` (``app.staff_backend``)."""
        ...

    def message(self, error: BaseException) -> str:
        """An error in words for the person at the desk, in the screen's language."""
        ...

    def unexpected(self, error: BaseException) -> None:
        """Show an error no page expected."""
        ...

    def rows_changed(self, update: Any, select: str | None = None) -> None:
        """Visits changed by this desk (a ``BoardUpdate``): the board shows them; ``select``
        is chosen on it."""
        ...

    def show_board(self, visit_id: str | None = None) -> None:
        """Go to the board (and choose ``visit_id`` there)."""
        ...

    def open_triage(self, row: Any) -> None:
        """Go to triage with this visit."""
        ...

    def open_dialog(self, dialog: Any) -> None:
        """Open a dialog; when it closes, the board has the keyboard again."""
        ...

    def reload_board(self) -> None:
        """Read the whole board again (a case opened or closed marks its patient's row)."""
        ...

    def reload_roster(self) -> None:
        """Read departments, doctors and sessions again (pages that show them follow)."""
        ...


class Door(Protocol):
    """The staff desk as its sign-in and lock pages see it."""

    settings: DeskSettings
    lang: str
    who: SignedIn | None

    def set_language(self, lang: str) -> None: ...

    def sign_in(self, username: str, password: str) -> None: ...

    def unlock(self, password: str) -> None: ...

    def sign_out(self) -> None: ...
