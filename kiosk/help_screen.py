""" "A guide is coming": what the kiosk tells a patient after calling a guide, live as the
guides answer, and the way back to the screen they came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from gui.roles import set_role
from kiosk.widgets import (
    button,
    label,
    vbox,
)

if TYPE_CHECKING:
    from app.services.assistance import HelpStatus
    from kiosk.host import Kiosk

from kiosk.screens import Screen


class HelpScreen(Screen):
    """ "A guide is on the way" — and, once a guide answers, who."""

    name = "help"
    POLL_MS = 2000

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__(kiosk)
        self.heading = label("heading")
        self.body = label("body")
        self.state = label("warn")
        self.back = button("secondary")
        self.back.clicked.connect(kiosk.back_from_help)
        box = vbox(self.heading, self.body, self.state)
        box.addStretch(1)
        box.addWidget(self.back)
        self.setLayout(box)
        self.status: HelpStatus | None = None
        self.reason = "help"
        self.failed = False
        self.timer = QTimer(self)
        self.timer.setInterval(self.POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.retranslate()

    def retranslate(self) -> None:
        # no promise before a guide has answered: "calling", then "on the way"
        answered = self.status is not None and self.status.acknowledged
        if self.reason == "emergency":
            heading = self.tr("Help is coming now")
            body = self.tr(
                "Stay where you are, at %1, and sit down if you can. A guide is coming at once. "
                "If you feel worse, tell anyone working here straight away."
            )
        else:
            heading = (
                self.tr("A guide is on the way") if answered else self.tr("Calling a guide for you")
            )
            body = (
                self.tr("Please stay here at %1. A guide will help you choose a department.")
                if self.reason == "department"
                else self.tr("Please stay here at %1. A guide will come to you.")
            )
        self.heading.setText(heading)
        self.body.setText(body.replace("%1", self.k.location()))
        self.back.setText(self.tr("Back"))
        if self.failed:
            role, text = (
                "error",
                self.tr(
                    "We could not send your call. Please go to the guide desk near the entrance."
                ),
            )
        elif self.status is None:
            role, text = "warn", self.tr("Calling a guide…")
        elif self.status.acknowledged:
            role, text = (
                "ok",
                self.tr("✓ %1 is coming to you.").replace(
                    "%1", self.status.guide_name or self.tr("A guide")
                ),
            )
        elif not self.k.connected():  # no guide desk may hear a stand-alone kiosk
            role, text = (
                "warn",
                self.tr(
                    "Waiting for a guide… This kiosk is not connected to the guide desks: if "
                    "nobody comes, the guide desk is near the entrance."
                ),
            )
        else:
            role, text = "warn", self.tr("Waiting for a guide to answer…")
        set_role(self.state, role)
        self.state.setText(text)

    def start(self, visit_id: str | None, reason: str = "help") -> None:
        self.status = None
        self.reason = reason
        self.failed = False
        self.retranslate()
        lang = self.k.lang
        self.k.bridge.call(
            lambda b: b.call_guide(lang, visit_id, reason=reason), self._called, self._failed
        )

    def _called(self, status: HelpStatus) -> None:
        self.status = status
        self.retranslate()
        self.timer.start()

    def _failed(self, error: BaseException) -> None:
        self.failed = True
        self.retranslate()

    def poll(self) -> None:
        if self.status is None or self.status.acknowledged:
            self.timer.stop()
            return
        request_id = self.status.request_id
        self.k.bridge.call(lambda b: b.help_status(request_id), self._polled)

    def _polled(self, status: HelpStatus) -> None:
        was = self.status.acknowledged if self.status else False
        self.status = status
        self.retranslate()
        if status.acknowledged and not was:
            self.timer.stop()
            self.k.say(self.state.text())

    def entered(self) -> None:
        self.k.say(self.heading.text() + "。" + self.body.text())

    def clear(self) -> None:
        self.timer.stop()
        self.status = None
        self.reason = "help"
        self.failed = False
        self.retranslate()
