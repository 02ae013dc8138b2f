"""A visit's ticket on this desk's printer — the same ticket and QR code as the kiosk's — from
the board (after a kiosk printer fault, a desk registration, a ticket lost) or straight after a
check-in at the desk.  What happened is said where the guide is looking."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.lang import pick
from app.services.tickets import TicketInfo

if TYPE_CHECKING:
    from ui.desk import Desk

log = logging.getLogger(__name__)


def print_visit_ticket(desk: Desk, visit_id: str, say: Callable[..., None]) -> None:
    """Print ``visit_id``'s ticket; ``say(text, role=…)`` tells the guide how it went (a
    printer that failed: the number to write down)."""
    who = desk.who

    def got(ticket: TicketInfo) -> None:
        from gui.printing import PrintFailed, print_ticket, ticket_text

        settings = desk.settings
        hospital = pick(settings.hospital, desk.lang)
        try:
            went = print_ticket(ticket_text(ticket, desk.lang, hospital), settings.printer)
        except PrintFailed as exc:
            log.warning("desk ticket printer failed: %s", exc)
            say(
                QCoreApplication.translate(
                    "EscortActions",
                    "The printer did not take the ticket (%1). The number is %2: write it "
                    "down for the patient, or try again.",
                )
                .replace("%1", str(exc))
                .replace("%2", ticket.ticket),
                role="warn",
            )
            return
        said = QCoreApplication.translate("EscortActions", "Ticket %1 printed.").replace(
            "%1", ticket.ticket
        )
        say(f"{said} {went}" if went.endswith(".pdf") else said)

    desk.call(lambda b: b.ticket(who, visit_id), got, lambda e: say(desk.message(e), role="warn"))
