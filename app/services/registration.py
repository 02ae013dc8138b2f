"""Registering a patient who arrives without an appointment: a walk-in at the kiosk (marked
unverified until a guide sees them) or an arrival the guide records at the desk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FieldError, FrontDeskError
from app.lang import LANGUAGES
from app.models import (
    ArrivalChannel,
    Department,
    Doctor,
    EventKind,
    Patient,
    Purpose,
    SourceChannel,
    Visit,
)
from app.services import tickets
from app.services.context import Actor
from app.services.masking import mask_name, mask_phone
from app.services.validation import DISTRICT_MAX, PURPOSE_TEXT_MAX, Checker, normalize_phone
from app.services.visits import get_visit, open_visit, read_priority, record

GENDERS = ("F", "M", "U")


@dataclass
class PatientForm:
    """The person, as the hospital records them on arrival."""

    name: str = ""
    gender: str = "U"
    age: int | str | None = None
    phone: str = ""
    district: str = ""
    source_channel: SourceChannel | str | None = None


@dataclass
class VisitForm:
    """Why they came and where they go."""

    purpose: Purpose | str | None = None
    purpose_text: str = ""
    department_id: str | None = None
    doctor_id: str | None = None
    designated_doctor: bool = False
    needs_escort: bool = False
    is_appointment: bool = False
    vip: bool = False
    priority: str = ""  # "emergency", "elderly", "disabled" or "" (set by a guide, in person)
    language: str = ""  # the kiosk's screen language as the patient used it ("" unknown)


@dataclass(frozen=True)
class RegistrationResult:
    visit_id: str
    patient_id: str | None
    ticket: str | None
    returning: bool
    verified: bool


@dataclass(frozen=True)
class PatientMatch:
    patient_id: str
    name: str
    masked_name: str
    masked_phone: str
    phone: str | None
    age: int | None
    gender: str
    visits: int


@dataclass(frozen=True)
class _PatientData:
    name: str
    phone: str | None
    age: int | None
    gender: str
    district: str
    source_channel: SourceChannel | None

    def fields(self) -> dict[str, object]:
        return dict(self.__dict__)


def _check_patient(check: Checker, form: PatientForm, *, kiosk: bool) -> _PatientData:
    name = check.name("name", form.name)
    phone = check.phone("phone", form.phone, required=True)
    age = check.age("age", form.age, required=kiosk)
    gender = check.choice("gender", form.gender or "U", GENDERS, "gender")
    district = check.text("district", form.district, DISTRICT_MAX, "district")
    source = None
    if form.source_channel not in (None, ""):
        source = check.choice(
            "source_channel",
            str(form.source_channel),
            [c.value for c in SourceChannel],
            "source_channel",
        )
    return _PatientData(
        name=name,
        phone=phone,
        age=age,
        gender=gender or "U",
        district=district,
        source_channel=SourceChannel(source) if source else None,
    )


def _check_visit(
    session: Session, check: Checker, form: VisitForm, *, department_required: bool
) -> tuple[Department | None, Doctor | None, Purpose | None, str]:
    purpose = None
    if form.purpose not in (None, ""):
        value = check.choice("purpose", str(form.purpose), [p.value for p in Purpose], "purpose")
        purpose = Purpose(value) if value else None
    elif department_required:
        check.required("purpose", None, "purpose")
    text = check.text("purpose_text", form.purpose_text, PURPOSE_TEXT_MAX, "purpose_text")
    dept = session.get(Department, form.department_id) if form.department_id else None
    if form.department_id and (dept is None or not dept.active):
        check.fail("department", "choice_invalid", label="department")
    elif dept is None and department_required:
        check.required("department", None, "department")
    doctor = session.get(Doctor, form.doctor_id) if form.doctor_id else None
    if form.doctor_id and (
        doctor is None or (dept is not None and doctor.department_id != dept.id)
    ):
        check.fail("doctor", "choice_invalid", label="doctor")
        doctor = None
    return dept, doctor, purpose, text


def page_errors(
    patient: PatientForm | None, visit: VisitForm | None, fields: Collection[str]
) -> list[FieldError]:
    """What the kiosk's walk-in would be refused for at the end, for ``fields`` only (those of
    the page being left): each page is checked as the patient leaves it, not three pages on.
    No database is read: the department, the last page, is checked when it is sent."""
    check = Checker()
    if patient is not None:
        _check_patient(check, patient, kiosk=True)
    if visit is not None:
        if visit.purpose in (None, ""):
            check.required("purpose", None, "purpose")
        else:
            check.choice("purpose", str(visit.purpose), [p.value for p in Purpose], "purpose")
        check.text("purpose_text", visit.purpose_text, PURPOSE_TEXT_MAX, "purpose_text")
    return [e for e in check.errors if e.field in fields]


def find_patients(
    session: Session, *, phone: str = "", name: str = "", limit: int = 10
) -> list[PatientMatch]:
    """Returning patients by phone (as much as typed so far) or by the start of the name."""
    query = select(Patient)
    conditions = []
    digits = normalize_phone(phone)
    if len(digits) >= 4 and digits.isdigit():
        conditions.append(Patient.phone.startswith(digits, autoescape=True))
    name = name.strip()
    if name:
        conditions.append(Patient.name.startswith(name, autoescape=True))
    if not conditions:
        return []
    patients = session.scalars(query.where(or_(*conditions)).limit(limit)).all()
    counts = dict(
        session.execute(
            select(Visit.patient_id, func.count())
            .where(Visit.patient_id.in_([p.id for p in patients]))
            .group_by(Visit.patient_id)
        ).all()
    )
    return [
        PatientMatch(
            patient_id=p.id,
            name=p.name,
            masked_name=mask_name(p.name),
            masked_phone=mask_phone(p.phone or ""),
            phone=p.phone,
            age=p.age,
            gender=p.gender,
            visits=int(counts.get(p.id, 0)),
        )
        for p in patients
    ]


def _patient_by_phone(session: Session, phone: str | None) -> Patient | None:
    if not phone:
        return None
    return session.scalars(
        select(Patient).where(Patient.phone == phone).order_by(Patient.created_at).limit(1)
    ).first()


def _new_visit(
    session: Session,
    *,
    actor: Actor,
    clock: Clock,
    patient: Patient | None,
    returning: bool,
    dept: Department | None,
    doctor: Doctor | None,
    purpose: Purpose | None,
    purpose_text: str,
    form: VisitForm,
    channel: ArrivalChannel,
    source: SourceChannel | None,
    verified: bool,
    standalone: bool,
) -> Visit:
    now = clock.now()
    day = clock.today()
    seq = (
        tickets.next_ticket(session, actor.device_id, dept, day, standalone=standalone)
        if dept is not None
        else None
    )
    return open_visit(
        session,
        actor,
        now,
        channel=channel,
        day=day,
        patient_id=patient.id if patient else None,
        department_id=dept.id if dept else None,
        doctor_id=doctor.id if doctor else None,
        designated_doctor=bool(doctor and form.designated_doctor),
        purpose=purpose,
        purpose_text=purpose_text,
        needs_escort=form.needs_escort,
        # a guide gives priority in person; a kiosk never does (the server refuses it too)
        priority=read_priority(form.priority) if channel == ArrivalChannel.DESK else None,
        language=form.language if form.language in LANGUAGES else None,
        source_channel=source,
        is_appointment=form.is_appointment,
        is_returning=returning,
        verified=verified,
        ticket_prefix=dept.ticket_prefix if dept else None,
        ticket_seq=seq,
    )


def register_walk_in(
    session: Session,
    patient_form: PatientForm | None,
    visit_form: VisitForm,
    actor: Actor,
    clock: Clock,
    *,
    standalone: bool = True,
) -> RegistrationResult:
    """A first visit registered at the kiosk.

    ``patient_form`` is None when the patient declined the privacy notice: nothing personal
    is stored, yet they still get a ticket and a guide is asked to come (needs escort)."""
    check = Checker()
    data = _check_patient(check, patient_form, kiosk=True) if patient_form else None
    dept, doctor, purpose, text = _check_visit(session, check, visit_form, department_required=True)
    check.done()
    patient, returning = None, False
    if data is not None:
        patient = _patient_by_phone(session, data.phone)
        returning = patient is not None
        if patient is None:
            patient = Patient(**data.fields(), verified=False, created_at=clock.now())
            session.add(patient)
            session.flush()
    else:
        visit_form.needs_escort = True
        text = ""  # a declined notice stores no free text either
    visit = _new_visit(
        session,
        actor=actor,
        clock=clock,
        patient=patient,
        returning=returning,
        dept=dept,
        doctor=doctor,
        purpose=purpose,
        purpose_text=text,
        form=visit_form,
        channel=ArrivalChannel.KIOSK,
        source=SourceChannel.RETURNING if returning else (data.source_channel if data else None),
        verified=False,
        standalone=standalone,
    )
    return RegistrationResult(visit.id, visit.patient_id, visit.ticket, returning, False)


def register_arrival(
    session: Session,
    patient_form: PatientForm,
    visit_form: VisitForm,
    actor: Actor,
    clock: Clock,
    *,
    patient_id: str | None = None,
    standalone: bool = True,
) -> RegistrationResult:
    """A patient registered by a guide at the desk (identity seen, so verified).

    Pass ``patient_id`` when the guide picked a returning patient from the look-up; their
    record is brought up to date with what was typed."""
    check = Checker()
    data = _check_patient(check, patient_form, kiosk=False)
    dept, doctor, purpose, text = _check_visit(
        session, check, visit_form, department_required=False
    )
    patient = session.get(Patient, patient_id) if patient_id else None
    if patient_id and patient is None:
        check.fail("patient", "not_found", label="visit")
    check.done()
    returning = patient is not None
    now = clock.now()
    patient = _seen_in_person(session, data, patient, now)
    patient.vip = patient.vip or visit_form.vip
    source = data.source_channel or (SourceChannel.RETURNING if returning else None)
    visit = _new_visit(
        session,
        actor=actor,
        clock=clock,
        patient=patient,
        returning=returning,
        dept=dept,
        doctor=doctor,
        purpose=purpose,
        purpose_text=text,
        form=visit_form,
        channel=ArrivalChannel.DESK,
        source=source,
        verified=True,
        standalone=standalone,
    )
    if doctor is not None and visit_form.designated_doctor:
        record(
            session,
            visit,
            EventKind.TRIAGED,
            actor,
            now,
            data={
                "department_id": dept.id if dept else None,
                "doctor_id": doctor.id,
                "designated": True,
            },
        )
    return RegistrationResult(visit.id, patient.id, visit.ticket, returning, True)


def _seen_in_person(
    session: Session, data: _PatientData, patient: Patient | None, now: dt.datetime
) -> Patient:
    """The patient a guide has in front of them: a new record, or the known one brought up to
    date with what was typed — verified either way."""
    if patient is None:
        patient = Patient(**data.fields(), verified=True, created_at=now)
        session.add(patient)
        session.flush()
        return patient
    changed = False
    for key, value in data.fields().items():
        if value not in (None, "") and getattr(patient, key) != value:
            setattr(patient, key, value)
            changed = True
    if changed or not patient.verified:
        patient.verified = True
        patient.version += 1
    return patient


def complete_details(
    session: Session, visit_id: str, patient_form: PatientForm, actor: Actor, clock: Clock
) -> RegistrationResult:
    """A kiosk walk-in who declined the privacy notice there agrees to it in person at the
    desk: their details are added to the visit (a returning patient is recognised by phone),
    the visit is received, and the timeline says the consent was given in person."""
    visit = get_visit(session, visit_id)
    if visit.patient_id is not None:
        raise FrontDeskError("details_known")
    check = Checker()
    data = _check_patient(check, patient_form, kiosk=False)
    check.done()
    now = clock.now()
    known = _patient_by_phone(session, data.phone)
    patient = _seen_in_person(session, data, known, now)
    visit.patient_id = patient.id
    visit.is_returning = known is not None
    if visit.source_channel is None:
        visit.source_channel = data.source_channel or (
            SourceChannel.RETURNING if known is not None else None
        )
    visit.verified = True
    visit.version += 1
    record(
        session,
        visit,
        EventKind.VERIFIED,
        actor,
        now,
        data={"consent": "in_person", "details": "completed"},
    )
    return RegistrationResult(visit.id, patient.id, visit.ticket, known is not None, True)


def verify(session: Session, visit_id: str, actor: Actor, clock: Clock) -> None:
    """A guide confirms, at the desk, the identity of a patient registered at the kiosk."""
    visit = get_visit(session, visit_id)
    if visit.verified:
        return
    visit.verified = True
    visit.version += 1
    if visit.patient_id:
        patient = session.get(Patient, visit.patient_id)
        if patient is not None and not patient.verified:
            patient.verified = True
            patient.version += 1
    record(session, visit, EventKind.VERIFIED, actor, clock.now())
