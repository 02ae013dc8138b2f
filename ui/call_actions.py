"""What a follow-up caller does to the chosen call — an outcome (with the phone survey when
the person was reached), a number added, taking, giving back, giving calls to a caller, an
exclusion signed off — as the follow-up page's buttons and keys call it; each answered on the
page, which the back end's reply redraws."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.followup_desk import CallDetail, CallDone
from app.services.survey import Definition
from ui.desk import Desk
from ui.dialogs import ExcludeDialog

if TYPE_CHECKING:  # the page makes its actions: no import at run time
    from ui.followups import FollowUpPage

TAKE_AT_ONCE = 5  # "take the next calls" takes this many


class CallActions:
    """The follow-up page's actions on its chosen call (its buttons and keys call these)."""

    def __init__(self, desk: Desk, page: FollowUpPage) -> None:
        self.desk = desk
        self.page = page  # what they act on, where they answer, the dialogs' parent

    def tr(self, text: str) -> str:
        """``text`` in the screen's language (Qt Linguist context ``CallActions``)."""
        return QCoreApplication.translate("CallActions", text)

    def outcome(self, kind: str) -> None:
        who, call = self.desk.who, self.page.detail
        if who is None or call is None:
            return
        if kind == "completed":
            self.reached()
            return
        data: dict[str, Any] = {}
        if kind == "callback_requested":
            day, time = self.page.callback_at.date(), self.page.callback_at.time()
            when = dt.datetime(
                day.year(),
                day.month(),
                day.day(),
                time.hour(),
                time.minute(),
                tzinfo=self.page.tz(),
            )
            data["callback_at"] = when.isoformat()
        if kind == "refused":
            data["do_not_call"] = self.page.do_not_call.isChecked()
        number = None if kind == "closed_unreachable" else call.next_number
        note = self.page.note.text()
        task_id = call.task_id
        self.send(lambda b: b.call_record(who, task_id, kind, number=number, note=note, data=data))

    def to_survey(self) -> None:
        """Alt+S: to the survey's first rating, to type the answers as they come."""
        first = self.page.survey.first_field()
        if first is not None and self.page.survey.isVisible():
            first.setFocus()
            self.page.call_area.ensureWidgetVisible(self.page.survey)

    def survey_loaded(self, definition: Definition | None) -> None:
        if definition is None:
            return
        self.page.survey.show_definition(definition, self.desk.lang)
        self.page.survey.setVisible(bool(self.page.detail and self.page.detail.mine))

    def reached(self) -> None:
        """Alt+1: the call done, with the survey typed so far (none when left empty)."""
        who, call = self.desk.who, self.page.detail
        if who is None or call is None:
            return
        missing = self.page.survey.missing()
        if missing:
            self.page.error.setText(
                self.tr("Answer these too, or clear the survey: %1").replace(
                    "%1", self.tr(", ").join(missing)
                )
            )
            return
        answers, complaint = self.page.survey.answers(), self.page.survey.complaint.isChecked()
        task_id, number, note, lang = (
            call.task_id,
            call.next_number,
            self.page.note.text(),
            self.desk.lang,
        )
        self.page.error.clear()

        def done(result: CallDone) -> None:
            self.page.survey.clear()
            self.page.note.clear()
            reached = result.reached
            if reached.joined:
                self.page.error.setText(
                    self.tr("Added to the person's open complaint about this department.")
                )
            elif reached.case_kind == "complaint":
                self.page.error.setText(self.tr("A complaint was opened; its clocks are running."))
            elif reached.case_kind == "service_recovery":
                self.page.error.setText(
                    self.tr("A low score: a service-recovery case was opened for the department.")
                )
            self.page.show_call(result.call)
            self.page.table.setFocus()  # the survey it was typed in is gone: back to the list
            self.page.load()

        self.desk.call(
            lambda b: b.call_reached(
                who,
                task_id,
                number=number,
                note=note,
                answers=answers,
                language=lang,
                complaint=complaint,
            ),
            done,
            lambda e: self.page.error.setText(self.desk.message(e)),
        )

    def hold(self, kind: str) -> None:
        who, call = self.desk.who, self.page.detail
        if who is None or call is None:
            return
        task_id = call.task_id
        self.send(lambda b: b.call_record(who, task_id, kind))

    def take_next(self) -> None:
        who = self.desk.who
        if who is None:
            return
        self.page.error.clear()

        def taken(n: int) -> None:
            if n == 0:
                self.page.error.setText(self.tr("No free call can be made now."))
            self.page.only_mine.setChecked(True)  # reloads when it changes
            self.page.load()

        self.desk.call(lambda b: b.call_claim_next(who, TAKE_AT_ONCE), taken)

    def assign(self) -> None:
        who, to = self.desk.who, self.page.assign_to.currentData()
        ids = self.page.chosen_ids()
        if who is None or not to or not ids:
            return
        self.page.error.clear()
        self.desk.call(
            lambda b: b.call_assign(who, ids, to),
            lambda n: self.page.load(),
            lambda e: self.page.error.setText(self.desk.message(e)),
        )

    def exclude(self) -> None:
        who, call = self.desk.who, self.page.detail
        if who is None or call is None:
            return
        dialog = ExcludeDialog(self.page, call.person)
        task_id = call.task_id

        def send(answer: tuple[str, str, str]) -> None:
            reason, lead, password = answer

            def done(result: CallDetail) -> None:
                dialog.accept()
                self.page.show_call(result)
                self.page.load()

            self.desk.call(
                lambda b: b.call_exclude(who, task_id, reason, lead, password),
                done,
                lambda e: dialog.failed(self.desk.message(e)),
            )

        dialog.on_submit = send
        self.desk.open_dialog(dialog)

    def add_number(self) -> None:
        who, call = self.desk.who, self.page.detail
        if who is None or call is None:
            return
        number, task_id = self.page.new_number.text(), call.task_id
        self.send(lambda b: b.call_record(who, task_id, "number_added", number=number))

    def send(self, fn: Any) -> None:
        self.page.error.clear()

        def done(call: CallDetail) -> None:
            self.page.note.clear()
            self.page.new_number.clear()
            self.page.do_not_call.setChecked(False)
            self.page.show_call(call)
            self.page.load()

        def refused(error: BaseException) -> None:
            self.page.error.setText(self.desk.message(error))

        self.desk.call(fn, done, refused)
