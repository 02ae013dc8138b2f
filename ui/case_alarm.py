"""The escalation alarm in the desk's top bar: when a case's breach climbs to the person signed
in — the duty lead from the first level, the centre's director from the second — the desk
sounds once per case and shows how many wait, in red, until they are handled.  One press opens
the most overdue of them.  Nobody else is alerted (the list shows everyone the escalation)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from app.case_desk import CaseList
from gui.roles import set_role
from ui.desk import Desk


class CaseAlarm(QPushButton):
    def __init__(self, desk: Desk, open_case: Callable[[str], None], poll_ms: int) -> None:
        super().__init__()
        set_role(self, "alarm")
        self.desk = desk
        self.open_case = open_case
        self.heard: set[str] = set()  # cases already sounded for
        self.waiting: list[str] = []  # escalated case ids, most overdue first
        self.sounds = 0  # how many times it rang (tests)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)
        self.clicked.connect(self._open)
        self.hide()

    def start(self) -> None:
        self.heard.clear()
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()
        self.waiting = []
        self.hide()

    def check(self) -> None:
        who = self.desk.who
        if who is None:
            return
        self.desk.call(lambda b: b.case_alerts(who), self._got, lambda _e: None)

    def _got(self, found: CaseList) -> None:
        if self.desk.who is None:
            return
        self.waiting = [row.case_id for row in found.rows]
        if set(self.waiting) - self.heard:
            self.sounds += 1
            self.desk.settings.sound()
        self.heard |= set(self.waiting)
        self.retranslate()

    def retranslate(self) -> None:
        self.setVisible(bool(self.waiting))
        n = len(self.waiting)
        said = (
            self.tr("1 escalated case waits for you")
            if n == 1
            else self.tr("%1 escalated cases wait for you").replace("%1", str(n))
        )
        self.setText(f"⚠ {said}")
        self.setToolTip(self.tr("Open the most overdue"))

    def _open(self) -> None:
        if self.waiting:
            self.open_case(self.waiting[0])
