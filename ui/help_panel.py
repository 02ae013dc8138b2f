"""Call-a-guide requests from the kiosks, on every guide desk: where, why, how long the patient
has waited, who is coming — one guide acknowledges, the others see who; unanswered past the
deadline it is marked for the duty lead.  A new request (and, on the duty lead's desk, an
escalation) plays a sound."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.assistance import DeskRequest
from gui.roles import set_role
from ui.board_model import clock_text

SHOWN_AT_ONCE = 3  # cards in view; more scroll inside the panel
# After a card leaves, the one that slides into its place ignores clicks this long: a guide's
# second click (or a double-click) on "Resolved" never lands on the next call's "I'm going".
SETTLE_S = 0.6


class HelpCard(QFrame):
    def __init__(self, request: DeskRequest) -> None:
        super().__init__()
        self.request = request
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.ack = QPushButton()
        self.done = QPushButton()
        box = QHBoxLayout(self)
        box.setContentsMargins(12, 6, 12, 6)
        box.addWidget(self.text, 1)
        box.addWidget(self.ack)
        box.addWidget(self.done)


class HelpPanel(QFrame):
    def __init__(
        self,
        on_ack: Callable[[str], None],
        on_resolve: Callable[[str], None],
        sound: Callable[[], None],
    ) -> None:
        super().__init__()
        self.on_ack = on_ack
        self.on_resolve = on_resolve
        self.sound = sound
        self.requests: dict[str, DeskRequest] = {}
        self.settled_at = 0.0  # clicks count again from this moment (time.monotonic)
        self.cards: dict[str, HelpCard] = {}
        self.duty_lead = False
        self.may_help = True
        self.sounds = 0  # how many times it has rung (tests, the daily report)
        self.on_change: Callable[[], None] | None = None  # the list changed (the lock screen)
        self.title = QLabel()
        set_role(self.title, "heading")
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.list.setSpacing(6)
        # many calls at once scroll inside the panel: the window never grows past the screen
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(holder)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.addWidget(self.title)
        box.addWidget(self.scroller)
        self.hide()

    def waiting_lines(self, now: dt.datetime) -> list[str]:
        """The calls nobody has answered yet, as "where (waited m:ss)", oldest first: what the
        lock screen shows (a place and a time, nothing about the patient)."""
        waiting = sorted(
            (r for r in self.requests.values() if not r.acknowledged_at),
            key=lambda r: r.created_at,
        )
        return [f"{r.location} ({clock_text(r.waited_s(now) / 60)})" for r in waiting]

    def ring(self) -> None:
        self.sounds += 1
        self.sound()

    def set_all(self, requests: list[DeskRequest], now: dt.datetime) -> None:
        """The open requests as the back end sees them now (replaces the list)."""
        self.merge(requests, now, complete=True)

    def merge(
        self, requests: list[DeskRequest], now: dt.datetime, *, complete: bool = False
    ) -> None:
        fresh = {r.request_id: r for r in requests if not r.resolved}
        ring = False
        for rid, req in fresh.items():
            old = self.requests.get(rid)
            if old is None and not req.acknowledged_at:
                ring = True
            if self.duty_lead and req.escalated and (old is None or not old.escalated):
                ring = True  # unanswered, or answered and still not resolved: the lead goes
        for req in requests:
            if req.resolved:
                self.requests.pop(req.request_id, None)
        if complete:
            self.requests = fresh
        else:
            self.requests.update(fresh)
        if ring:
            self.ring()
        self._rebuild(now)
        if self.on_change is not None:
            self.on_change()

    def _press(self, action: Callable[[str], None], request_id: str) -> None:
        if time.monotonic() < self.settled_at:
            return  # the list just moved under the pointer: not what the guide aimed at
        action(request_id)

    def _rebuild(self, now: dt.datetime) -> None:
        for rid in list(self.cards):
            if rid not in self.requests:
                card = self.cards.pop(rid)
                self.list.removeWidget(card)
                card.deleteLater()
                self.settled_at = time.monotonic() + SETTLE_S
        for rid, req in self.requests.items():
            shown = self.cards.get(rid)
            if shown is None:
                shown = HelpCard(req)
                shown.ack.clicked.connect(lambda _=False, r=rid: self._press(self.on_ack, r))
                shown.done.clicked.connect(lambda _=False, r=rid: self._press(self.on_resolve, r))
                self.cards[rid] = shown
                self.list.addWidget(shown)
            shown.request = req
        self._order()
        self.tick(now)
        self.setVisible(bool(self.requests))
        # at least one card in view, up to SHOWN_AT_ONCE as the screen allows; the rest scroll
        heights = [c.sizeHint().height() + self.list.spacing() for c in self.cards.values()]
        self.scroller.setMinimumHeight(min(heights[:1] or [0]))
        self.scroller.setMaximumHeight(sum(heights[:SHOWN_AT_ONCE]))

    def _order(self) -> None:
        """Emergencies at the top, where the eye lands; the rest as they came."""
        first = sorted(self.cards, key=lambda rid: self.cards[rid].request.reason != "emergency")
        wanted = [self.cards[rid] for rid in first]
        if self._in_order() == wanted:
            return
        for card in wanted:
            self.list.removeWidget(card)
        for i, card in enumerate(wanted):
            self.list.insertWidget(i, card)

    def tick(self, now: dt.datetime) -> None:
        waiting = sum(1 for r in self.requests.values() if not r.acknowledged_at)
        self.title.setText(
            self.tr("Calls for a guide: %1 open, %2 waiting for someone")
            .replace("%1", str(len(self.requests)))
            .replace("%2", str(waiting))
        )
        for card in self.cards.values():
            self._describe(card, now)

    def _describe(self, card: HelpCard, now: dt.datetime) -> None:
        req = card.request
        if req.reason == "printer":
            why = self.tr("printer failed, ticket on screen")
        elif req.reason == "complaint":
            why = self.tr("complaint in a satisfaction survey")
        elif req.reason == "emergency":
            why = self.tr("■ EMERGENCY: chest pain, bleeding or trouble breathing — go now")
        elif req.reason == "department":
            why = self.tr("does not know which department: help them choose")
        else:
            why = self.tr("asks for a guide")
        parts = [f"{req.location} · {why}"]
        if req.language == "en":  # a guide who speaks English goes, or takes a phone that does
            parts.append(self.tr("speaks English"))
        if req.said:
            said = req.said if len(req.said) <= 60 else req.said[:59] + "…"
            parts.append(f"“{said}”")
        if req.ticket:
            parts.append(self.tr("ticket %1").replace("%1", req.ticket))
        if req.acknowledged_at:
            parts.append(
                self.tr("%1 is on the way (answered after %2)")
                .replace("%1", req.acknowledged_name or "?")
                .replace("%2", clock_text(req.waited_s(now) / 60))
            )
            if req.escalated:
                open_min = max((now - req.created_at).total_seconds(), 0.0) / 60
                parts.append(
                    self.tr("■ still not resolved after %1: sent to the duty lead").replace(
                        "%1", clock_text(open_min)
                    )
                )
        else:
            parts.append(self.tr("waiting %1").replace("%1", clock_text(req.waited_s(now) / 60)))
            if req.escalated:
                parts.append(
                    self.tr("■ sent to the duty lead: please go")
                    if self.duty_lead
                    else self.tr("■ sent to the duty lead")
                )
        card.text.setText("  ·  ".join(parts))
        urgent = req.escalated or req.reason == "emergency"
        role = "help-urgent" if urgent else "help"
        if card.property("role") != role:
            set_role(card, role)
        card.ack.setText(self.tr("I'm going"))
        card.done.setText(self.tr("Resolved"))
        card.ack.setVisible(self.may_help and not req.acknowledged_at)
        card.done.setVisible(self.may_help and bool(req.acknowledged_at))

    def _in_order(self) -> list[HelpCard]:
        """The cards as they stand in the panel, top first."""
        items = (self.list.itemAt(i) for i in range(self.list.count()))
        return [w for item in items if item and isinstance(w := item.widget(), HelpCard)]

    def card_texts(self) -> list[str]:
        return [c.text.text() for c in self._in_order()]
