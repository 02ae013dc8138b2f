"""The back office at a staff desk: complaints and enquiries (cases), the follow-up calls, and
the auditor's access log — each allowed by its own action, every read of a patient logged.
A part of ``StaffBackend``, which brings the database, the clock, who is signed in and the
access log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.audit_desk import AccessPage, AccessQuery, AuditDesk, ChainState
from app.case_desk import CaseDesk, CaseDetail, CaseFilter, CaseForm, CaseList
from app.clock import Clock
from app.db import Database
from app.errors import FrontDeskError
from app.followup_desk import CallDetail, CallDone, CallList, FollowUpDesk
from app.models import AccessAction, Case, FollowUpTask, Role
from app.services import auth
from app.services.auth import SignedIn
from app.services.context import Actor
from app.services.followup_figures import CallReport, Period
from app.services.survey import Definition

CASES = "cases"  # complaints and enquiries (closing a complaint, extending: leads only)
FOLLOW_UP = "follow_up"  # the follow-up calls' worklist and the calls
AUDIT = "audit"  # the access log on the server, its hash chain, its export


class BackOfficeDesk:
    db: Database
    clock: Clock
    case_desk: CaseDesk
    followup_desk: FollowUpDesk
    audit: AuditDesk

    def _require(self, who: SignedIn, action: str) -> Actor:
        raise NotImplementedError

    def _accessed(self, who: SignedIn, action: AccessAction, what: str, **about: Any) -> None:
        raise NotImplementedError

    # -- cases ----------------------------------------------------------------------------

    def case_list(
        self,
        who: SignedIn,
        *,
        mine: bool,
        where: CaseFilter = CaseFilter(),  # noqa: B008 - frozen
    ) -> CaseList:
        self._require(who, CASES)
        return self.case_desk.lines(who.staff_id, mine=mine, where=where)

    def case_alerts(self, who: SignedIn) -> CaseList:
        """The open cases whose breach has climbed to this person: the duty lead from the
        first level, the centre's director from the second; nobody else is alerted."""
        self._require(who, CASES)
        level = 2 if who.role == Role.DIRECTOR else 1 if who.duty_lead else 0
        if not level:
            return CaseList([], 0, 0)
        return self.case_desk.escalated(who.staff_id, level)

    # -- follow-up calls ------------------------------------------------------------------

    def call_list(
        self, who: SignedIn, *, only_mine: bool = False, department_id: str | None = None
    ) -> CallList:
        self._require(who, FOLLOW_UP)
        return self.followup_desk.lines(
            who.staff_id, only_mine=only_mine, department_id=department_id
        )

    def call_detail(self, who: SignedIn, task_id: str) -> CallDetail:
        """One call; its numbers only to its holder, the first showing in a hold recorded.
        Logged: a view, or the numbers revealed to the caller holding it."""
        detail = self.followup_desk.detail(task_id, self._require(who, FOLLOW_UP))
        with self.db.reading() as s:
            task = s.get(FollowUpTask, task_id)
            patient_id = task.patient_id if task else None
        action, what = (
            (AccessAction.REVEAL, "phone") if detail.mine else (AccessAction.VIEW, "call")
        )
        self._accessed(who, action, what, patient_id=patient_id, ref_id=task_id)
        return detail

    def call_record(
        self,
        who: SignedIn,
        task_id: str,
        kind: str,
        *,
        number: str | None = None,
        note: str = "",
        data: dict[str, Any] | None = None,
    ) -> CallDetail:
        actor = self._require(who, FOLLOW_UP)
        return self.followup_desk.record(actor, task_id, kind, number=number, note=note, data=data)

    def call_survey(self, who: SignedIn) -> Definition | None:
        self._require(who, FOLLOW_UP)
        return self.followup_desk.survey()

    def call_reached(
        self,
        who: SignedIn,
        task_id: str,
        *,
        number: str | None,
        note: str = "",
        answers: dict[str, Any] | None = None,
        language: str = "zh_CN",
        complaint: bool = False,
    ) -> CallDone:
        return self.followup_desk.reached(
            self._require(who, FOLLOW_UP),
            task_id,
            number=number,
            note=note,
            answers=answers,
            language=language,
            complaint=complaint,
        )

    def call_figures(self, who: SignedIn, period: Period) -> CallReport:
        self._require(who, FOLLOW_UP)
        return self.followup_desk.figures(period)

    def call_exclude(
        self, who: SignedIn, task_id: str, reason: str, lead_username: str, lead_password: str
    ) -> CallDetail:
        """Exclude a call (deceased, readmitted …), signed off on this desk by a lead who
        types their own user name and password; a wrong password counts as a failed sign-in."""
        actor = self._require(who, FOLLOW_UP)
        with self.db.session(record=False) as s:
            signer = auth.sign_in(s, lead_username, lead_password, self.clock)
        if isinstance(signer, FrontDeskError):
            raise signer
        return self.followup_desk.record(
            actor,
            task_id,
            "excluded",
            data={"reason": reason, "signed_off_by": signer.staff_id},
        )

    def call_claim_next(self, who: SignedIn, count: int) -> int:
        return self.followup_desk.claim_next(self._require(who, FOLLOW_UP), count)

    def call_assign(self, who: SignedIn, task_ids: list[str], to_staff_id: str) -> int:
        return self.followup_desk.assign(self._require(who, FOLLOW_UP), task_ids, to_staff_id)

    def callers(self, who: SignedIn) -> list[tuple[str, str]]:
        self._require(who, FOLLOW_UP)
        return self.followup_desk.callers()

    def case_departments(self) -> dict[str, tuple[str, str]]:
        return self.case_desk.departments()

    def case_detail(self, who: SignedIn, case_id: str) -> CaseDetail:
        """One case with its story (logged: it may name the patient and their words)."""
        self._require(who, CASES)
        detail = self.case_desk.detail(case_id)
        with self.db.reading() as s:
            case = s.get(Case, case_id)
            patient_id = case.patient_id if case else None
        self._accessed(who, AccessAction.VIEW, "case", patient_id=patient_id, ref_id=case_id)
        return detail

    def open_case(self, who: SignedIn, form: CaseForm) -> CaseDetail:
        return self.case_desk.open(self._require(who, CASES), form)

    def case_step(
        self, who: SignedIn, case_id: str, kind: str, data: dict[str, object]
    ) -> CaseDetail:
        return self.case_desk.step(self._require(who, CASES), case_id, kind, data)

    # -- the auditor's ---------------------------------------------------------------------------

    def access_log(self, who: SignedIn, query: AccessQuery, offset: int = 0) -> AccessPage:
        self._require(who, AUDIT)
        return self.audit.page(who.staff_id, query, offset)

    def access_chain(self, who: SignedIn) -> ChainState:
        self._require(who, AUDIT)
        return self.audit.chain(who.staff_id)

    def export_access_log(self, who: SignedIn, query: AccessQuery, path: Path) -> int:
        """Every row of the query to ``path`` (CSV); the export itself is logged."""
        self._require(who, AUDIT)
        rows = self.audit.export(who.staff_id, query, path, self.clock.tz)
        self._accessed(who, AccessAction.EXPORT, "access_log", data={"rows": rows})
        return rows
