"""Reference data, edited centrally and pulled by every desk: departments, doctors, the roster,
staff, survey definitions, appointments, the working calendar and the settings every desk
shares."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncedRow, Versioned


class Role(enum.StrEnum):
    GUIDE = "guide"
    CONSULTANT = "consultant"
    FOLLOW_UP = "follow_up"
    QUALITY = "quality"
    DIRECTOR = "director"
    AUDITOR = "auditor"  # reads the access log; sees no patient's file (三权分立)


class ClinicSession(enum.StrEnum):
    """A clinic session of the day: morning, afternoon or evening."""

    MORNING = "am"
    AFTERNOON = "pm"
    EVENING = "eve"


class AppointmentStatus(enum.StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"


def _enum(cls: type[enum.Enum], name: str, length: int = 16) -> Enum:
    # Stored as the value string, checked by the ORM; no database enum type to migrate.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda e: [m.value for m in e],
    )


class Department(SyncedRow, Versioned, Base):
    __tablename__ = "departments"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    floor: Mapped[str] = mapped_column(String(8))
    room: Mapped[str] = mapped_column(String(16))
    directions_zh: Mapped[str] = mapped_column(Text, default="")
    directions_en: Mapped[str] = mapped_column(Text, default="")
    description_zh: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    ticket_prefix: Mapped[str] = mapped_column(String(4), unique=True)
    # the number a patient is given when an enquiry is referred to the department
    phone: Mapped[str] = mapped_column(String(32), default="", server_default="")
    # what a follow-up caller asks about this department's patients (回访话术), after the opening
    call_script_zh: Mapped[str] = mapped_column(Text, default="", server_default="")
    call_script_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    doctors: Mapped[list[Doctor]] = relationship(back_populates="department")


class Doctor(SyncedRow, Versioned, Base):
    __tablename__ = "doctors"

    department_id: Mapped[str] = mapped_column(ForeignKey("departments.id"), index=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    title_zh: Mapped[str] = mapped_column(String(40), default="")
    title_en: Mapped[str] = mapped_column(String(80), default="")
    specialties_zh: Mapped[str] = mapped_column(Text, default="")
    specialties_en: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    department: Mapped[Department] = relationship(back_populates="doctors")


class RosterSlot(SyncedRow, Versioned, Base):
    __tablename__ = "roster_slots"
    __table_args__ = (UniqueConstraint("doctor_id", "day", "session"),)

    doctor_id: Mapped[str] = mapped_column(ForeignKey("doctors.id"))
    department_id: Mapped[str] = mapped_column(ForeignKey("departments.id"))
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    session: Mapped[ClinicSession] = mapped_column(_enum(ClinicSession, "clinic_session"))
    room: Mapped[str] = mapped_column(String(16))
    capacity: Mapped[int] = mapped_column(Integer, default=30)

    doctor: Mapped[Doctor] = relationship()
    department: Mapped[Department] = relationship()


class Staff(SyncedRow, Versioned, Base):
    __tablename__ = "staff"

    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[Role] = mapped_column(_enum(Role, "staff_role"))
    duty_lead: Mapped[bool] = mapped_column(Boolean, default=False)
    password_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SurveyDefinition(SyncedRow, Base):
    """One published version of a survey; a response names the version it answered."""

    __tablename__ = "survey_definitions"
    __table_args__ = (UniqueConstraint("code", "revision"),)

    code: Mapped[str] = mapped_column(String(40))
    revision: Mapped[int] = mapped_column(Integer)
    title_zh: Mapped[str] = mapped_column(String(80))
    title_en: Mapped[str] = mapped_column(String(120))
    definition: Mapped[dict[str, Any]] = mapped_column()
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Appointment(SyncedRow, Versioned, Base):
    """A booking made elsewhere (phone, web, WeChat); patients check in with its short code."""

    __tablename__ = "appointments"
    __table_args__ = (Index("ix_appointments_phone_day", "patient_phone", "day"),)

    checkin_code: Mapped[str] = mapped_column(String(12), unique=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    scheduled_at: Mapped[dt.datetime] = mapped_column()
    department_id: Mapped[str] = mapped_column(ForeignKey("departments.id"))
    doctor_id: Mapped[str | None] = mapped_column(ForeignKey("doctors.id"), default=None)
    patient_name: Mapped[str] = mapped_column(String(40))
    patient_phone: Mapped[str] = mapped_column(String(11))
    patient_gender: Mapped[str] = mapped_column(String(1), default="U")
    patient_age: Mapped[int | None] = mapped_column(Integer, default=None)
    booking_channel: Mapped[str] = mapped_column(String(16), default="phone")
    status: Mapped[AppointmentStatus] = mapped_column(
        _enum(AppointmentStatus, "appointment_status"), default=AppointmentStatus.BOOKED
    )

    department: Mapped[Department] = relationship()
    doctor: Mapped[Doctor | None] = relationship()


class CalendarDay(SyncedRow, Versioned, Base):
    """A day that differs from Monday-to-Friday: a holiday, or a make-up working day on a
    weekend (app/services/workdays.py).  Kept on the server, pulled by every desk."""

    __tablename__ = "calendar_days"

    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # "holiday" or "workday"
    name_zh: Mapped[str] = mapped_column(String(40), default="")
    name_en: Mapped[str] = mapped_column(String(80), default="")


class CalendarYear(SyncedRow, Versioned, Base):
    """A year whose working calendar is announced, and where it came from; a year with no row
    is provisional (weekends only)."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, unique=True)
    source: Mapped[str] = mapped_column(String(80))  # "chinesecalendar 1.11.0", "import: …"
    imported_at: Mapped[dt.datetime]


class Setting(SyncedRow, Versioned, Base):
    """A setting the whole hospital shares (the cases' clocks, …): kept on the server, changed
    there by the director's console or ``server-admin setting``, pulled by every desk so that
    an offline desk counts the same deadlines.  Which keys exist and what values they take is
    declared in app/services/shared_settings.py; a key with no row has its default."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), unique=True)
    # the value as JSON text: a JSON column would not do, since SQLite's affinity for it turns
    # a stored number's text into a number the JSON reader then refuses
    value_json: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[dt.datetime]
    changed_by: Mapped[str] = mapped_column(String(80), default="")
