"""What a kiosk screen may ask of the kiosk around it: a narrow interface, so that a screen
knows neither the window nor its sibling screens (``kiosk.window.KioskWindow`` implements it;
``tests/test_layers.py`` checks no screen imports the window)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from gui.bridge import Bridge

if TYPE_CHECKING:
    from app.services.checkin import AppointmentView
    from app.services.tickets import TicketInfo


class Kiosk(Protocol):
    """The kiosk as its screens see it."""

    bridge: Bridge  # calls to the back end, off the screen's thread
    lang: str  # the screen language now
    large_text: bool

    def pick(self, pair: tuple[str, str] | None) -> str:
        """The half of a (Chinese, English) pair of data for the screen language."""
        ...

    def hospital_name(self) -> str: ...

    def location(self) -> str:
        """Where this kiosk stands, as a patient is told to wait there."""
        ...

    def message(self, error: BaseException) -> str:
        """An error in words a patient can act on, in the screen language."""
        ...

    def say(self, text: str) -> None:
        """Read ``text`` aloud, if the kiosk has a voice."""
        ...

    def can_speak(self) -> bool:
        """Whether a voice for the screen language is installed."""
        ...

    def connected(self) -> bool:
        """Whether this kiosk syncs with the guide desks (a stand-alone kiosk reaches none)."""
        ...

    def set_language(self, lang: str) -> None: ...

    def toggle_large_text(self) -> None: ...

    def call_guide(self, visit_id: str | None = None, reason: str = "help") -> None:
        """Ask for a guide to come (about a visit, when the patient has one); ``reason``
        "emergency" or "department" says why (app/services/assistance.REASONS)."""
        ...

    def back_from_help(self) -> None: ...

    def go(self, name: str) -> None:
        """Show the screen of that name."""
        ...

    def confirm(self, views: list[AppointmentView]) -> None: ...

    def show_ticket(self, ticket: TicketInfo) -> None: ...

    def print_ticket(self, ticket: TicketInfo | None) -> None: ...

    def finish(self) -> None:
        """The patient is done: back to a clean welcome screen."""
        ...
