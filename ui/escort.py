"""What a guide does to the visit chosen on the board — claim, release, hand off, the next
stage, a move, admission, departure, undo, receiving, triage and the timeline — each one
change through the back end, answered on the board with what happened (and an Undo for
stage moves)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.services.registration import PatientForm
from app.services.stages import ADMISSION, DEPARTED, stage_name
from app.staff_backend import ESCORT, NAMES, REGISTER
from ui.desk import Desk
from ui.dialogs import (
    AdmissionDialog,
    DetailsDialog,
    Dialog,
    HandOffDialog,
    MoveDialog,
    NoteDialog,
    PriorityDialog,
    RevealDialog,
    TimelineDialog,
)
from ui.priority_words import priority_word
from ui.ticket_print import print_visit_ticket

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # the page makes its actions: no import at run time
    from ui.board_page import BoardPage


class EscortActions:
    """The board's actions on its chosen visit (its buttons and keys call these)."""

    def __init__(self, desk: Desk, board: BoardPage) -> None:
        self.desk = desk
        self.board = board  # what they act on, where they answer, the dialogs' parent
        self.last_moved: str | None = None  # the visit the Undo button would move back

    def tr(self, text: str) -> str:
        """``text`` in the screen's language (Qt Linguist context ``EscortActions``)."""
        return QCoreApplication.translate("EscortActions", text)

    def chosen(self, action: str | None = None) -> Any:
        """The visit chosen on the board, if this person may do ``action`` to it."""
        if action is not None and not self.desk.may(action):
            return None
        row = self.board.current()
        if row is None:
            self.board.say(self.tr("Choose a patient on the board first."), role="warn")
        return row

    def _act(
        self,
        fn: Callable[[Any], Any],
        done: str,
        *,
        undo: bool = False,
        visit_id: str | None = None,
        dialog: Dialog | None = None,
    ) -> None:
        """Run one change; on success the rows are replaced and ``done`` is said (with an Undo
        for stage moves); a dialog that asked for it closes, or shows the refusal and stays."""

        moved = self.board.model.row_of(visit_id) if visit_id else None
        label = (moved.ticket or moved.name) if moved else ""

        def ok(update: Any) -> None:
            if dialog is not None:
                dialog.accept()
            self.desk.rows_changed(update)
            self.last_moved = visit_id if undo else None
            self.board.say(done, undo=undo, undo_label=label)
            if visit_id:
                self.board.select(visit_id)

        failed = (lambda e: dialog.failed(self.desk.message(e))) if dialog is not None else None
        self.desk.call(fn, ok, failed)

    def claim(self) -> None:
        row = self.chosen(ESCORT)
        if row is None:
            return
        who = self.desk.who
        self._act(
            lambda b: b.claim(who, row.visit_id),
            self.tr("You escort %1 now.").replace("%1", row.ticket or row.name),
            visit_id=row.visit_id,
        )

    def release(self) -> None:
        row = self.chosen(ESCORT)
        if row is None:
            return
        who = self.desk.who
        self._act(
            lambda b: b.release(who, row.visit_id),
            self.tr("%1 released: nobody escorts them now.").replace("%1", row.ticket or row.name),
            visit_id=row.visit_id,
        )

    def hand_off(self) -> None:
        row = self.chosen(ESCORT)
        if row is None:
            return
        escorting: dict[str, int] = {}
        for r in self.board.model.rows():
            if r.escort_staff_id:
                escorting[r.escort_staff_id] = escorting.get(r.escort_staff_id, 0) + 1
        dialog = HandOffDialog(self.board, row, self.desk.guides, escorting)
        who = self.desk.who

        def submit(to_staff: str | None) -> None:
            if not to_staff:
                dialog.failed(self.tr("Choose a guide."))
                return
            name = next((g.name for g in self.desk.guides if g.staff_id == to_staff), "?")
            self._act(
                lambda b: b.hand_off(who, row.visit_id, to_staff),
                self.tr("%1 handed off to %2.")
                .replace("%1", row.ticket or row.name)
                .replace("%2", name),
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.desk.open_dialog(dialog)

    def advance(self) -> None:
        row = self.chosen(ESCORT)
        if row is None:
            return
        target = self.desk.settings.machine.next_stage(row.stage)
        if target is None:
            return
        who = self.desk.who
        self._act(
            lambda b: b.advance(who, row.visit_id),
            self._moved_text(row, target),
            undo=True,
            visit_id=row.visit_id,
        )

    def _moved_text(self, row: Any, stage: str) -> str:
        return (
            self.tr("%1 → %2")
            .replace("%1", row.ticket or row.name)
            .replace("%2", stage_name(stage, self.desk.lang))
        )

    def move_on(self) -> None:
        row = self.chosen(ESCORT)
        if row is None:
            return
        targets = self.desk.settings.machine.targets(row.stage)
        if not targets:
            return
        dialog = MoveDialog(self.board, row, targets, self.desk.lang)
        who = self.desk.who

        def submit(stage: str | None) -> None:
            if stage is None:
                return
            if stage == ADMISSION:
                dialog.accept()
                self.admit()
                return

            self._act(
                lambda b: b.move(who, row.visit_id, stage),
                self._moved_text(row, stage),
                undo=True,
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.desk.open_dialog(dialog)

    def admit(self) -> None:
        row = self.chosen(ESCORT)
        if row is None:
            return
        dialog = AdmissionDialog(self.board, row)
        who = self.desk.who

        def submit(answer: tuple[str, str]) -> None:
            ward, nurse = answer
            self._act(
                lambda b: b.move(who, row.visit_id, ADMISSION, ward=ward, nurse=nurse),
                self.tr("%1 handed to ward %2, nurse %3.")
                .replace("%1", row.ticket or row.name)
                .replace("%2", ward.strip())
                .replace("%3", nurse.strip()),
                undo=True,
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.desk.open_dialog(dialog)

    def note(self) -> None:
        row = self.chosen()
        if row is None:
            return
        dialog = NoteDialog(self.board, row)
        who = self.desk.who

        def submit(text: str) -> None:
            self._act(
                lambda b: b.note(who, row.visit_id, text),
                self.tr("Note kept for %1.").replace("%1", row.ticket or row.name),
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.desk.open_dialog(dialog)

    def reveal(self) -> None:
        """A role that sees names masked: one patient in full, with a purpose (logged)."""
        row = self.chosen()
        if row is None or self.desk.may(NAMES):
            return
        dialog = RevealDialog(self.board, row)
        who = self.desk.who

        def submit(purpose: str) -> None:
            self._act(
                lambda b: b.reveal(who, row.visit_id, purpose),
                self.tr("Shown for %1; kept in the access log.").replace(
                    "%1", row.ticket or row.name
                ),
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.desk.open_dialog(dialog)

    def print_ticket(self) -> None:
        """The chosen visit's ticket on this desk's printer (ui/ticket_print.py)."""
        row = self.chosen()
        if row is not None:
            print_visit_ticket(self.desk, row.visit_id, self.board.say)

    def depart(self) -> None:
        row = self.chosen(ESCORT)
        if row is None:
            return
        who = self.desk.who
        self._act(
            lambda b: b.move(who, row.visit_id, DEPARTED),
            self.tr("%1 has left the hospital.").replace("%1", row.ticket or row.name),
            undo=True,
            visit_id=row.visit_id,
        )

    def undo(self) -> None:
        visit_id, who = self.last_moved, self.desk.who
        if not visit_id or who is None:
            return
        reason = self.tr("Undone at once (wrong click)")
        self._act(
            lambda b: b.undo_last(who, visit_id, reason),
            self.tr("Undone. The timeline keeps both steps."),
            visit_id=visit_id,
        )
        self.last_moved = None

    def receive(self) -> None:
        row = self.chosen(REGISTER)
        if row is None:
            return
        who = self.desk.who
        if row.anonymous:  # declined the privacy notice at the kiosk: details, if they agree
            self._details(row)
            return
        self._act(
            lambda b: b.receive(who, row.visit_id),
            self.tr("%1 received at the desk.").replace("%1", row.ticket or row.name),
            visit_id=row.visit_id,
        )

    def _details(self, row: Any) -> None:
        dialog = DetailsDialog(self.board, row)
        who = self.desk.who

        def submit(form: PatientForm | None) -> None:
            if form is None:
                dialog.failed(
                    self.tr("Tick that the patient agreed to the privacy notice, in person.")
                )
                return
            self._act(
                lambda b: b.complete_details(who, row.visit_id, form),
                self.tr("%1 received: details added, agreed in person.").replace(
                    "%1", row.ticket or form.name
                ),
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.desk.open_dialog(dialog)

    def priority(self) -> None:
        """E: an emergency, the elderly or the disabled first on every board (or no longer)."""
        row = self.chosen(REGISTER)
        if row is None:
            return
        dialog = PriorityDialog(self.board, row)
        who = self.desk.who

        def submit(priority: str) -> None:
            self._act(
                lambda b: b.set_priority(who, row.visit_id, priority),
                f"{row.ticket or row.name}: {priority_word(priority)}",
                visit_id=row.visit_id,
                dialog=dialog,
            )

        dialog.on_submit = submit
        self.desk.open_dialog(dialog)

    def triage(self) -> None:
        row = self.chosen(REGISTER)
        if row is not None:
            self.desk.open_triage(row)

    def open_timeline(self) -> None:
        row = self.chosen()
        if row is None:
            return
        who = self.desk.who

        def show(lines: list[Any]) -> None:
            dialog = TimelineDialog(
                self.board,
                row,
                lines,
                self.desk.settings.local,
                self.desk.lang,
                may_correct=self.desk.may(ESCORT),
            )

            def submit(answer: tuple[str, str] | None) -> None:
                if answer is None:
                    dialog.accept()
                    return
                event_id, reason = answer
                self._act(
                    lambda b: b.correct(who, row.visit_id, event_id, reason),
                    self.tr("Corrected. The timeline keeps both steps."),
                    visit_id=row.visit_id,
                    dialog=dialog,
                )

            dialog.on_submit = submit
            self.desk.open_dialog(dialog)

        self.desk.call(lambda b: b.timeline(who, row.visit_id), show)
