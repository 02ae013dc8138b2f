"""The ticket screen: the patient's number, where to go and how, the QR code to keep, print
again — and what to do when the printer fails.  It forgets the ticket in ``clear()``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QBoxLayout

from gui.roles import set_role
from kiosk.theme import GAP_PX
from kiosk.widgets import (
    button,
    hbox,
    label,
    vbox,
)

if TYPE_CHECKING:
    from app.services.tickets import TicketInfo
    from kiosk.host import Kiosk

from kiosk.screens import Screen, flip


class TicketScreen(Screen):
    """The number, where to go, and the QR code; printed as it is shown."""

    name = "ticket"

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__(kiosk)
        self.heading = label("heading")
        self.number = label("ticket", wrap=False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.department = label("heading")
        self.where = label("heading")
        self.directions = label("body")
        self.details = label("body")
        self.qr = label("card", wrap=False)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_hint = label("hint")
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_status = label("ok")
        self.again = button("secondary")
        self.again.clicked.connect(self.speak)
        self.reprint = button("secondary")
        self.reprint.clicked.connect(lambda: self.k.print_ticket(self.ticket))
        self.done = button("primary")
        self.done.clicked.connect(kiosk.finish)
        left = vbox(self.heading, self.number, self.department, self.where, self.directions)
        left.addStretch(1)
        right = vbox(self.qr, self.qr_hint, self.details)
        right.addStretch(1)
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.setSpacing(3 * GAP_PX)
        self.split.addLayout(left, 3)
        self.split.addLayout(right, 2)
        box = vbox()
        box.addLayout(self.split, 1)
        box.addWidget(self.print_status)
        box.addLayout(hbox(self.again, self.reprint, self.done))
        self.setLayout(box)
        self.ticket: TicketInfo | None = None
        self.print_state = "none"
        self.retranslate()

    def set_portrait(self, portrait: bool) -> None:
        flip(self.split, portrait)

    def show_ticket(self, ticket: TicketInfo) -> None:
        from gui.printing import qr_image

        self.ticket = ticket
        self.qr.setPixmap(QPixmap.fromImage(qr_image(ticket.qr, 300)))
        self.print_state = "printing"
        self.retranslate()

    def set_print_state(self, state: str) -> None:
        self.print_state = state
        self.retranslate()

    def lines(self) -> dict[str, str]:
        """The ticket's texts in the current language (the screen and the paper agree)."""
        from gui.printing import ticket_lines

        if self.ticket is None:
            return {}
        lines = ticket_lines(self.ticket, self.k.lang)
        if lines["guide"] and not self.k.connected():  # no desk hears a stand-alone kiosk
            lines["guide"] = self.tr(
                "Please show this ticket at the guide desk: a guide will walk with you."
            )
        return lines

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Your number"))
        self.again.setText(self.tr("Say it again"))
        self.again.setVisible(self.k.can_speak())  # no voice for this language: not offered
        self.reprint.setText(self.tr("Print again"))
        self.done.setText(self.tr("Done"))
        self.qr_hint.setText(self.tr("Guides scan this code"))
        lines = self.lines()
        if lines:
            self.number.setText(lines["ticket"])
            self.department.setText(lines["department"])
            self.where.setText(lines["where"])
            self.directions.setText(lines["directions"])
            self.details.setText(
                "\n".join(
                    x for x in (lines["name"], lines["doctor"], lines["time"], lines["guide"]) if x
                )
            )
        states = {
            "printing": ("ok", self.tr("Printing your ticket…")),
            "printed": ("ok", self.tr("✓ Your ticket is printed. Please take it.")),
            "failed": (
                "warn",
                self.tr(
                    "⚠ The printer is not working. Please remember your number or take a "
                    "photo of this screen; the guides have been told."
                )
                if self.k.connected()
                else self.tr(
                    "⚠ The printer is not working. Please remember your number or take a "
                    "photo of this screen, and show it at the guide desk."
                ),
            ),
        }
        role, text = states.get(self.print_state, ("ok", ""))
        set_role(self.print_status, role)
        self.print_status.setText(text)
        self.print_status.setVisible(bool(text))
        self.reprint.setVisible(self.print_state == "failed")

    def speak(self) -> None:
        lines = self.lines()
        if lines:
            self.k.say(
                "，".join(
                    x
                    for x in (
                        self.tr("Your number is %1").replace("%1", " ".join(lines["ticket"])),
                        lines["department"],
                        lines["where"],
                        lines["directions"],
                        lines["guide"],
                    )
                    if x
                )
            )

    def entered(self) -> None:
        self.speak()

    def clear(self) -> None:
        self.ticket = None
        self.print_state = "none"
        self.qr.clear()
        for w in (self.number, self.department, self.where, self.directions, self.details):
            w.clear()
        self.retranslate()
