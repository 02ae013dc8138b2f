"""What the guide workstation's screens ask for, in plain data: sign in, the escort board and
its live rows, registration with returning-patient look-up, triage, escort and stage moves,
a visit's timeline, call-a-guide requests and the shift report.

Qt-free and synchronous: the desk runs these calls on one worker thread and hands the answers
to the screen.  Every change names the person signed in (``who``) and this desk."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import security
from app.audit_desk import AuditDesk
from app.back_office_desk import AUDIT as AUDIT
from app.back_office_desk import CASES as CASES
from app.back_office_desk import FOLLOW_UP as FOLLOW_UP
from app.back_office_desk import BackOfficeDesk
from app.case_desk import CaseDesk
from app.clock import Clock
from app.config import Config
from app.db import Database
from app.errors import FrontDeskError
from app.followup_desk import FollowUpDesk
from app.models import AccessAction, Role, Staff, Visit
from app.services import (
    access,
    appointments,
    assistance,
    auth,
    board,
    cases,
    escort,
    registration,
    shared_settings,
    tickets,
    triage,
    visits,
)
from app.services.appointments import KIOSK_WINDOW, AppointmentDay
from app.services.assistance import DeskRequest
from app.services.auth import SignedIn
from app.services.board import BoardRow
from app.services.checkin import CheckInResult, CheckInWindow
from app.services.context import Actor
from app.services.registration import PatientForm, PatientMatch, RegistrationResult, VisitForm
from app.services.stages import StageMachine
from app.services.tickets import TicketInfo
from app.services.triage import DepartmentRoster, TriageResult
from app.services.visits import VisitState
from app.shift_desk import REPORT as SHIFT_REPORT
from app.shift_desk import ShiftDesk
from app.sync.client import SyncClient
from app.sync.codec import encode_value

log = logging.getLogger(__name__)

# What each role may do at a guide desk (the screens show only what is allowed; the back end
# refuses the rest).  A duty lead is a guide who also receives escalations.
ESCORT = "escort"  # claim, release, hand off, move stages, admit, depart, correct
REGISTER = "register"  # register arrivals, receive kiosk walk-ins, triage
HELP = "help"  # acknowledge and resolve call-a-guide requests
REPORT = SHIFT_REPORT  # the shift view of every guide and the figures (app/shift_desk.py)
BOARD = "board"  # the live board, the duty log and the calls for a guide
NAMES = "names"  # patients' names and phones in full on the board (else masked, revealed one
# patient at a time with a purpose, and the reveal logged)
PERMISSIONS: dict[str, frozenset[str]] = {
    Role.GUIDE: frozenset({BOARD, NAMES, ESCORT, REGISTER, HELP, CASES}),
    Role.CONSULTANT: frozenset({BOARD, NAMES, REGISTER, CASES}),
    Role.FOLLOW_UP: frozenset({BOARD, REPORT, CASES, FOLLOW_UP}),
    Role.QUALITY: frozenset({BOARD, REPORT, CASES, FOLLOW_UP}),
    Role.DIRECTOR: frozenset({BOARD, NAMES, ESCORT, REGISTER, HELP, REPORT, CASES, FOLLOW_UP}),
    # who audits sees no patient's file, and runs nothing (三权分立)
    Role.AUDITOR: frozenset({AUDIT}),
}


def allowed(who: SignedIn, action: str) -> bool:
    if action == REPORT and who.duty_lead:
        return True
    return action in PERMISSIONS.get(who.role, frozenset())


@dataclass(frozen=True)
class StaffMember:
    staff_id: str
    name: str
    role: str
    duty_lead: bool


@dataclass(frozen=True)
class TimelineLine:
    """One event of a visit, with the person and desk named, ready to read."""

    event_id: str
    kind: str
    stage: str | None
    at: dt.datetime
    staff_name: str | None
    to_staff_name: str | None
    desk: str
    data: dict[str, object]
    corrected: bool  # undone by a later correction (still shown, struck through)
    corrects: str | None
    flagged: str | None  # the server kept it but did not accept it (reason)
    correctable: bool  # the latest move: a correction may undo it
    place: tuple[str, str] | None = None  # triaged to: "内科 · 王建国", (Chinese, English)


@dataclass(frozen=True)
class RowsUpdate:
    """Rows re-read for a live board: changed or new rows, and ids to take off the board."""

    rows: list[BoardRow]
    gone: set[str]


class StaffBackend(ShiftDesk, BackOfficeDesk):
    def __init__(
        self,
        db: Database,
        clock: Clock,
        device_id: str,
        machine: StageMachine,
        *,
        desk_name: str,
        standalone: bool = True,
        escalate_after_s: int = 60,
        escalate_open_after_s: int = 900,
        reports: Callable[[], SyncClient] | None = None,
        hospital: tuple[str, str] = (Config.hospital_name_zh, Config.hospital_name_en),
        checkin_window: CheckInWindow = KIOSK_WINDOW,
    ) -> None:
        self.db = db
        self.clock = clock
        self.device_id = device_id
        self.machine = machine
        self.desk_name = desk_name
        self.standalone = standalone
        self.escalate_after_s = escalate_after_s
        self.escalate_open_after_s = escalate_open_after_s
        self.checkin_window = checkin_window
        self._reports = reports  # the central server, for figures over every desk's records
        self._report_client: SyncClient | None = None
        self.access = access.AccessQueue(db, clock)
        self._viewer: SignedIn | None = None  # who is signed in at this desk now
        self._revealed: set[str] = set()  # visits whose patient they revealed (``reveal``)
        self.audit = AuditDesk(reports)
        self.case_desk = CaseDesk(db, clock)
        self.followup_desk = FollowUpDesk(db, clock, makes_tasks=standalone, hospital=hospital)

    def actor(self, who: SignedIn) -> Actor:
        return Actor(device_id=self.device_id, staff_id=who.staff_id, desk=self.desk_name)

    def _require(self, who: SignedIn, action: str) -> Actor:
        if not allowed(who, action):
            raise FrontDeskError("not_allowed")
        return self.actor(who)

    def _accessed(self, who: SignedIn, action: AccessAction, what: str, **about: Any) -> None:
        """One row of the access log for a read, queued and written a moment later with any
        others (app/services/access.py)."""
        self.access.note(self.actor(who), action, what, **about)

    def _day_start(self) -> dt.datetime:
        return self.clock.day_bounds(self.clock.today())[0]

    # -- people ---------------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> SignedIn:
        with self.db.session(record=False) as s:
            result = auth.sign_in(s, username, password, self.clock)
        if isinstance(result, FrontDeskError):
            raise result
        self.db.proofs[result.staff_id] = security.sign_in_proof(
            result.staff_id, password, self.device_id, encode_value(self.clock.now())
        )
        self._viewer, self._revealed = result, set()
        if result.role == Role.AUDITOR:  # the access log is read on the server, as this person
            self.audit.signed_in(result.staff_id, username, password)
        return result

    def everyone(self) -> list[StaffMember]:
        """Every active staff member (the auditor's person filter)."""
        with self.db.reading() as s:
            rows = s.scalars(
                select(Staff).where(Staff.active.is_(True)).order_by(Staff.display_name)
            ).all()
            return [StaffMember(r.id, r.display_name, str(r.role), r.duty_lead) for r in rows]

    def guides(self) -> list[StaffMember]:
        """Everyone who may escort a patient (hand-off targets)."""
        with self.db.reading() as s:
            rows = s.scalars(
                select(Staff)
                .where(Staff.active.is_(True), Staff.role.in_(list(escort.ESCORT_ROLES)))
                .order_by(Staff.display_name)
            ).all()
            return [StaffMember(r.id, r.display_name, str(r.role), r.duty_lead) for r in rows]

    # -- the board ------------------------------------------------------------------------

    def _shown(self, rows: list[BoardRow]) -> list[BoardRow]:
        """The rows as the person signed in may see them: a role without ``NAMES`` gets
        names masked and no phone, but for the patients it revealed (``reveal``)."""
        viewer = self._viewer
        if viewer is None or allowed(viewer, NAMES):
            return rows
        return [
            r
            if r.visit_id in self._revealed
            else dataclasses.replace(r, name=r.masked_name, phone="")
            for r in rows
        ]

    def board(self) -> list[BoardRow]:
        with self.db.reading() as s:
            return self._shown(board.open_visits(s, self.clock.today()))

    def rows(self, visit_ids: Collection[str]) -> RowsUpdate:
        """Re-read just these visits: changed rows, and those no longer open (departed,
        another day, a duplicate check-in) to take off the board."""
        with self.db.reading() as s:
            rows = board.open_visits(s, self.clock.today(), ids=visit_ids)
        return RowsUpdate(self._shown(rows), set(visit_ids) - {r.visit_id for r in rows})

    def _changed(self, s: Session, visit_id: str) -> RowsUpdate:
        s.flush()
        rows = board.open_visits(s, self.clock.today(), ids=[visit_id])
        return RowsUpdate(self._shown(rows), set() if rows else {visit_id})

    def reveal(self, who: SignedIn, visit_id: str, purpose: str) -> RowsUpdate:
        """One patient's name and phone shown in full to a role that sees them masked — with
        the purpose given, logged; until the person signs out."""
        purpose = " ".join(purpose.split())
        if not purpose:
            raise FrontDeskError("purpose_missing")
        with self.db.reading() as s:
            patient_id = s.scalar(select(Visit.patient_id).where(Visit.id == visit_id))
        self._accessed(
            who,
            AccessAction.REVEAL,
            "name",
            patient_id=patient_id,
            visit_id=visit_id,
            purpose=purpose,
        )
        self._revealed.add(visit_id)
        return self.rows([visit_id])

    def sign_out(self) -> None:
        """Nobody is signed in now: what the last person revealed is hidden again."""
        self._viewer = None
        self._revealed.clear()

    # -- registration and triage ----------------------------------------------------------

    def find_patients(self, who: SignedIn, phone: str = "", name: str = "") -> list[PatientMatch]:
        """Patients by phone or name (a returning patient at registration); a search that
        finds anyone is logged — its kind and whom it found, never what was typed."""
        self._require(who, REGISTER)
        with self.db.reading() as s:
            found = registration.find_patients(s, phone=phone, name=name)
        if found:
            kind = "phone_name" if phone and name else "phone" if phone else "name"
            ids = [m.patient_id for m in found]
            self._accessed(
                who,
                AccessAction.SEARCH,
                kind,
                patient_id=ids[0] if len(ids) == 1 else None,
                data={"found": len(ids), "patients": ids[:50]},
            )
        return found

    def register(
        self,
        who: SignedIn,
        patient: PatientForm,
        visit: VisitForm,
        *,
        patient_id: str | None = None,
    ) -> tuple[RegistrationResult, RowsUpdate]:
        with self.db.session() as s:
            result = registration.register_arrival(
                s,
                patient,
                visit,
                self._require(who, REGISTER),
                self.clock,
                patient_id=patient_id,
                standalone=self.standalone,
            )
            if result.patient_id:  # a patient's record made or changed: logged with it
                access.record(
                    s,
                    self.actor(who),
                    self.clock,
                    AccessAction.EDIT,
                    "registration",
                    patient_id=result.patient_id,
                    visit_id=result.visit_id,
                )
            return result, self._changed(s, result.visit_id)

    def appointments(self, who: SignedIn) -> AppointmentDay:
        """Today's bookings: expected, late, no-show, arrived, cancelled, and their counts."""
        self._require(who, REGISTER)
        with self.db.reading() as s:
            rules = shared_settings.appointment_rules(s, self.checkin_window)
            return appointments.day_list(s, self.clock, rules)

    def check_in_appointment(
        self, who: SignedIn, appointment_id: str, reason: str = ""
    ) -> tuple[CheckInResult, RowsUpdate]:
        """A booking checked in at the desk, at any hour of its day (with the reason outside
        the kiosk's window): a visit with its ticket, on every desk's board."""
        with self.db.session() as s:
            rules = shared_settings.appointment_rules(s, self.checkin_window)
            result = appointments.desk_check_in(
                s,
                appointment_id,
                self._require(who, REGISTER),
                self.clock,
                rules,
                reason=reason,
                standalone=self.standalone,
            )
            return result, self._changed(s, result.visit_id)

    def receive(self, who: SignedIn, visit_id: str) -> RowsUpdate:
        """A guide has seen a kiosk walk-in at the desk: identity confirmed."""
        with self.db.session() as s:
            registration.verify(s, visit_id, self._require(who, REGISTER), self.clock)
            return self._changed(s, visit_id)

    def complete_details(self, who: SignedIn, visit_id: str, form: PatientForm) -> RowsUpdate:
        """A kiosk walk-in who declined the privacy notice agrees in person: their details
        added to the visit, which is received (app/services/registration.complete_details)."""
        with self.db.session() as s:
            actor = self._require(who, REGISTER)
            registration.complete_details(s, visit_id, form, actor, self.clock)
            visit = s.get(Visit, visit_id)
            access.record(
                s,
                actor,
                self.clock,
                AccessAction.EDIT,
                "details",
                patient_id=visit.patient_id if visit else None,
                visit_id=visit_id,
            )
            return self._changed(s, visit_id)

    def set_priority(self, who: SignedIn, visit_id: str, priority: str) -> RowsUpdate:
        """An emergency, the elderly or the disabled first on every desk's board ("" none)."""
        with self.db.session() as s:
            visits.set_priority(s, visit_id, priority, self._require(who, REGISTER), self.clock)
            return self._changed(s, visit_id)

    def ticket(self, who: SignedIn, visit_id: str) -> TicketInfo:
        """The visit's ticket to print at the desk: the same ticket and QR code the kiosk
        prints (a kiosk's printer failed, a desk registration, a ticket lost)."""
        self._require(who, ESCORT if allowed(who, ESCORT) else REGISTER)
        with self.db.reading() as s:
            visit = s.get(Visit, visit_id)
            if visit is None:
                raise FrontDeskError("not_found", label="visit")
            if visit.ticket is None or visit.department_id is None:
                raise FrontDeskError("no_ticket_yet")
            return tickets.ticket_info(s, visit_id, self.clock)

    def roster(self) -> list[DepartmentRoster]:
        with self.db.reading() as s:
            return triage.roster_for_day(s, self.clock.today())

    def triage(
        self,
        who: SignedIn,
        visit_id: str,
        department_id: str,
        doctor_id: str | None = None,
        *,
        designated: bool = False,
    ) -> tuple[TriageResult, RowsUpdate]:
        with self.db.session() as s:
            result = triage.triage(
                s,
                visit_id,
                department_id,
                self._require(who, REGISTER),
                self.clock,
                doctor_id=doctor_id,
                designated=designated,
                standalone=self.standalone,
            )
            return result, self._changed(s, visit_id)

    # -- escort and stages ----------------------------------------------------------------

    def claim(self, who: SignedIn, visit_id: str) -> RowsUpdate:
        with self.db.session() as s:
            escort.claim(s, visit_id, self._require(who, ESCORT), self.clock)
            return self._changed(s, visit_id)

    def release(self, who: SignedIn, visit_id: str) -> RowsUpdate:
        with self.db.session() as s:
            escort.release(s, visit_id, self._require(who, ESCORT), self.clock)
            return self._changed(s, visit_id)

    def hand_off(self, who: SignedIn, visit_id: str, to_staff_id: str) -> RowsUpdate:
        with self.db.session() as s:
            escort.hand_off(s, visit_id, to_staff_id, self._require(who, ESCORT), self.clock)
            return self._changed(s, visit_id)

    def advance(self, who: SignedIn, visit_id: str) -> RowsUpdate:
        """One click or one key: the usual next stage (admission needs its form: ``move``)."""
        with self.db.session() as s:
            visits.advance(s, visit_id, self._require(who, ESCORT), self.clock, self.machine)
            return self._changed(s, visit_id)

    def move(
        self, who: SignedIn, visit_id: str, stage: str, *, ward: str = "", nurse: str = ""
    ) -> RowsUpdate:
        with self.db.session() as s:
            visits.move(
                s,
                visit_id,
                stage,
                self._require(who, ESCORT),
                self.clock,
                self.machine,
                ward=ward,
                nurse=nurse,
            )
            return self._changed(s, visit_id)

    def note(self, who: SignedIn, visit_id: str, text: str) -> RowsUpdate:
        """A note on the visit (kept in its timeline with who wrote it, where and when), by
        whoever works the board: escorting or registering."""
        actor = self._require(who, ESCORT if allowed(who, ESCORT) else REGISTER)
        with self.db.session() as s:
            visits.note(s, visit_id, text, actor, self.clock)
            return self._changed(s, visit_id)

    def state(self, visit_id: str) -> VisitState:
        with self.db.reading() as s:
            return visits.state_of(s, visit_id)

    def correct(self, who: SignedIn, visit_id: str, event_id: str, reason: str) -> RowsUpdate:
        with self.db.session() as s:
            visits.correct(
                s, visit_id, event_id, self._require(who, ESCORT), self.clock, reason=reason
            )
            return self._changed(s, visit_id)

    def undo_last(self, who: SignedIn, visit_id: str, reason: str) -> RowsUpdate:
        """The "undo" offered right after a move: a correction of the latest live move."""
        last = next((ln for ln in self._timeline(visit_id) if ln.correctable), None)
        if last is None:
            raise FrontDeskError("correction_invalid")
        return self.correct(who, visit_id, last.event_id, reason)

    def timeline(self, who: SignedIn, visit_id: str) -> list[TimelineLine]:
        """A visit's whole story, as a person opens it (logged)."""
        found: dict[str, str | None] = {}
        lines = self._timeline(visit_id, found)
        self._accessed(
            who, AccessAction.VIEW, "timeline", patient_id=found["patient"], visit_id=visit_id
        )
        return lines

    def _timeline(
        self, visit_id: str, found: dict[str, str | None] | None = None
    ) -> list[TimelineLine]:
        """``found``, if given, gets the visit's patient (read in the same transaction)."""
        from app.models import EventFlag

        with self.db.reading() as s:
            if found is not None:
                found["patient"] = s.scalar(select(Visit.patient_id).where(Visit.id == visit_id))
            entries = visits.timeline(s, visit_id)
            flags = dict(
                s.execute(
                    select(EventFlag.event_id, EventFlag.reason).where(
                        EventFlag.visit_id == visit_id
                    )
                ).all()
            )
            people = {e.staff_id for e in entries} | {e.to_staff_id for e in entries}
            people.discard(None)
            names = dict(
                s.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(people))).all()
                if people
                else []
            )
            places = self._triage_places(s, entries)
        live = [
            e
            for e in entries
            if e.kind in {str(k) for k in visits.STAGE_EVENTS}
            and e.corrected_by is None
            and e.event_id not in flags
        ]
        last = live[-1] if live else None
        correctable = (
            last.event_id if last and last.kind in {str(k) for k in visits.CORRECTABLE} else None
        )
        return [
            TimelineLine(
                event_id=e.event_id,
                kind=e.kind,
                stage=e.stage,
                at=e.occurred_at,
                staff_name=names.get(e.staff_id) if e.staff_id else None,
                to_staff_name=names.get(e.to_staff_id) if e.to_staff_id else None,
                desk=str(e.data.get("desk", "")),
                data={k: v for k, v in e.data.items() if k != "desk"},
                corrected=e.corrected_by is not None,
                corrects=e.corrects,
                flagged=flags.get(e.event_id),
                correctable=e.event_id == correctable,
                place=places.get(e.event_id),
            )
            for e in entries
        ]

    @staticmethod
    def _triage_places(s: Session, entries: list[Any]) -> dict[str, tuple[str, str]]:
        """Where each triage sent the patient, by event: the department and the doctor."""
        from app.models import Department, Doctor

        found: dict[str, tuple[str, str]] = {}
        for e in entries:
            if e.kind != "triaged":
                continue
            dept = s.get(Department, str(e.data.get("department_id") or ""))
            if dept is None:
                continue
            doc_id = e.data.get("doctor_id")
            doc = s.get(Doctor, str(doc_id)) if doc_id else None
            zh, en = dept.name_zh, dept.name_en
            if doc is not None:
                zh, en = f"{zh} · {doc.name_zh}", f"{en} · {doc.name_en}"
            found[e.event_id] = (zh, en)
        return found

    # -- call a guide ---------------------------------------------------------------------

    def help_requests(self, ids: list[str] | None = None) -> list[DeskRequest]:
        """Open requests of any day (or just ``ids``); overdue ones are marked escalated on
        the way."""
        with self.db.session() as s:
            assistance.escalate_due(
                s, self.clock.now(), self.escalate_after_s, self.escalate_open_after_s
            )
            return assistance.desk_requests(s, ids=ids)

    def acknowledge(self, who: SignedIn, request_id: str) -> DeskRequest:
        with self.db.session() as s:
            assistance.acknowledge(s, request_id, self._require(who, HELP), self.clock)
            s.flush()
            return assistance.desk_requests(s, ids=[request_id])[0]

    def resolve(self, who: SignedIn, request_id: str) -> DeskRequest:
        """The call is handled; a complaint call is not over — it goes on as a complaint case
        (owned by whoever handled the call), in the same transaction."""
        with self.db.session() as s:
            actor = self._require(who, HELP)
            assistance.resolve(s, request_id, actor, self.clock)
            s.flush()
            done = assistance.desk_requests(s, ids=[request_id])[0]
            if done.reason == "complaint":
                cases.from_request(s, request_id, actor, self.clock)
            return done

    def close(self) -> None:
        self.audit.close()
        try:
            self.access.close()
        except Exception:  # the desk closes anyway; what was not written is said in the log
            log.exception("the access log's last rows could not be written")
        if self._report_client is not None:
            self._report_client.close()
