"""Small builders the service tests share."""

from __future__ import annotations

from app.services import registration
from app.services.registration import PatientForm, RegistrationResult, VisitForm

_counter = iter(range(10_000_000))


def arrival(hospital, clock, *, dept: str | None = "IM", actor=None, **visit) -> RegistrationResult:
    """A patient registered at the desk by the first guide."""
    n = next(_counter)
    with hospital.db.session() as s:
        return registration.register_arrival(
            s,
            PatientForm(f"测试{chr(0x4E00 + n % 500)}", "F", 50, f"1370000{n:04d}", "", "walk_in"),
            VisitForm(
                department_id=hospital.departments[dept].id if dept else None,
                **{"purpose": "consultation", **visit},
            ),
            actor or hospital.desk,
            clock,
        )
