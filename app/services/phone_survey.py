"""A follow-up call that reached the person, with the satisfaction survey asked on the phone.

The caller asks the same survey definition the kiosk shows, with the same scales, and types the
answers as the person gives them; the answer is kept tagged ``phone`` (never pooled with the
kiosk's).  What a low score leads to (BACKOFFICE.md §4):

* it joins an open complaint of the same person about the same department, as a note on it,
  instead of doubling it;
* otherwise a **formal complaint** (with the statutory clock) only when the person complains or
  agrees to one;
* otherwise a **service-recovery** case: put right with the department, the person told.

One transaction: the answer, the call's completion and the case stand or fall together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.models import Case, CaseKind, FollowUpSource, FollowUpTask
from app.services import cases, followups, survey
from app.services.context import Actor
from app.services.followup_rules import FollowUpRules
from app.services.survey import LOW_AT_MOST, Answer, Definition
from app.services.validation import NOTE_MAX


@dataclass(frozen=True)
class Reached:
    event_id: str
    response_id: str | None  # the phone survey's answer, when it was asked
    low: tuple[str, ...]  # the questions rated low (at most LOW_AT_MOST of 5)
    case_id: str | None  # the case it opened or joined
    case_kind: str | None  # "complaint" or "service_recovery"
    joined: bool  # added to an open complaint of the same person and department


def low_ratings(definition: Definition, answers: dict[str, Answer]) -> tuple[str, ...]:
    """The rating questions answered at most ``LOW_AT_MOST`` (of 5), in the survey's order."""
    return tuple(
        q.id
        for q in definition.questions
        if q.type == "rating5"
        and isinstance(value := answers.get(q.id), int)
        and value <= LOW_AT_MOST
    )


def _open_complaint(session: Session, task: FollowUpTask) -> Case | None:
    """An open complaint of the same person about the same department."""
    if task.patient_id is None or task.department_id is None:
        return None
    return session.scalars(
        select(Case)
        .where(
            Case.kind == CaseKind.COMPLAINT,
            Case.state != "closed",
            Case.patient_id == task.patient_id,
            Case.department_id == task.department_id,
        )
        .order_by(Case.received_at)
        .limit(1)
    ).first()


def _summary(definition: Definition, answers: dict[str, Answer], low: tuple[str, ...]) -> str:
    """What the case is about, in the centre's language: the low ratings, then what was said."""
    rated = "，".join(
        f"{definition.question(q).short('zh_CN')} {answers[q]}/5" for q in low if q in answers
    )
    said = survey.free_text(definition, answers).replace("\n", " ").strip()
    head = translate("Cases", QT_TRANSLATE_NOOP("Cases", "Low score on a follow-up call"), "zh_CN")
    return "：".join(part for part in (head, rated) if part) + (f"。{said}" if said else "")


def reached(
    session: Session,
    task_id: str,
    actor: Actor,
    clock: Clock,
    rules: FollowUpRules,
    *,
    number: str | None,
    note: str = "",
    answers: dict[str, Any] | None = None,
    language: str = "zh_CN",
    complaint: bool = False,
    decides: bool = True,
) -> Reached:
    """The call done (``completed``), with the survey's ``answers`` when it was asked and
    what a low score or a complaint (``complaint``: the person complains, or agrees to a
    formal complaint) leads to.  A wrong answer is refused and nothing is kept."""
    task = session.get(FollowUpTask, task_id)
    if task is None:
        raise NotFound(label="task")
    response_id: str | None = None
    low: tuple[str, ...] = ()
    definition: Definition | None = None
    cleaned: dict[str, Answer] = {}
    if answers:
        definition = survey.current(session)
        cleaned = survey.clean(definition, answers)
        response_id = survey.submit(
            session,
            actor,
            clock,
            definition,
            answers,
            language=language,
            # a next-day call is about the visit; a call after a complaint is about its handling
            visit_id=task.visit_id if task.source == FollowUpSource.VISIT else None,
            complaint_marked=complaint,
            mode="phone",
            department_id=task.department_id,
        ).response_id
        low = low_ratings(definition, cleaned)
    data = {"survey_response_id": response_id} if response_id else {}
    event = followups.record(
        session,
        task_id,
        "completed",
        actor,
        clock,
        rules,
        number=number,
        note=note,
        data=data,
        decides=decides,
    )
    if not (low or complaint):
        return Reached(event.id, response_id, low, None, None, False)
    summary = (
        _summary(definition, cleaned, low)
        if definition
        else translate(
            "Cases", QT_TRANSLATE_NOOP("Cases", "A complaint made on a follow-up call"), "zh_CN"
        )
    )
    if note:
        summary = f"{summary} {note}".strip()
    known = _open_complaint(session, task)
    if known is not None:
        cases.record(
            session,
            known.id,
            "note",
            actor,
            clock,
            {"text": summary[:NOTE_MAX]},
        )
        return Reached(event.id, response_id, low, known.id, str(known.kind), True)
    kind = CaseKind.COMPLAINT if complaint else CaseKind.SERVICE_RECOVERY
    case = cases.open_case(
        session,
        actor,
        clock,
        kind=kind.value,
        channel="follow_up",
        summary=summary[: cases.SUMMARY_MAX],
        content=summary,
        contact_name=task.person_name or None,
        contact_phone=event.number,
        patient_id=task.patient_id,
        visit_id=task.visit_id,
        survey_response_id=response_id,
        department_id=task.department_id,
        claim=False,  # the department's lead takes it on from the list
    )
    return Reached(event.id, response_id, low, case.id, kind.value, False)
