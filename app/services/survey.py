"""Satisfaction surveys: definitions as versioned data, the questions a patient is asked given
what they answered so far, checking an answer, and recording it once per visit.

A definition (``resources/surveys/*.json``, published centrally as a ``SurveyDefinition`` row
that every desk pulls) is::

    {"code": "satisfaction", "revision": 2, "title": {"zh_CN": …, "zh_TW": …, "en": …},
     "complaint_at_most": 1,           # a rating this low passes the answer on as a complaint
     "questions": [{"id": …, "type": "rating5" | "nps" | "single" | "multi" | "text",
                    "text": {three languages}, "required": true,
                    "style": "faces" | "stars",            # rating5
                    "options": [{"id": …, "text": {…}}],   # single, multi
                    "max_length": 300, "may_complain": true,  # text
                    "when": {"any_of": [question ids], "at_most": 2}}]}  # asked only then

A response keeps the id and revision of the definition it answered, so answers to revision 1
read with revision 1's questions after revision 2 is published."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import FrontDeskError
from app.lang import LANGUAGES
from app.models import SurveyDefinition, SurveyResponse, Visit
from app.services.context import Actor
from app.services.visits import events_and_flags, last_guide

TYPES = ("rating5", "nps", "single", "multi", "text")
STYLES = ("faces", "stars")
LOW_AT_MOST = 2  # a rating of 1 or 2 (of 5) is a low rating in the figures
TICKET_MAX = 8
MODES = ("kiosk", "phone")  # how an answer was asked

Texts = dict[str, str]  # language -> text
Answer = int | str | list[str]


class SurveyError(FrontDeskError):
    """A definition that cannot be used, or an answer that does not fit its question."""

    code = "survey_invalid"

    def __init__(self, detail: str) -> None:
        super().__init__(detail=detail)
        self.detail = detail


class TicketNumberInvalid(FrontDeskError):
    code = "survey_ticket"


class NoSurvey(FrontDeskError):
    code = "no_survey"


@dataclass(frozen=True)
class Option:
    id: str
    text: Texts


@dataclass(frozen=True)
class Condition:
    """Ask the question only when one of ``any_of`` was answered with at most ``at_most``."""

    any_of: tuple[str, ...]
    at_most: int

    def holds(self, answers: dict[str, Answer]) -> bool:
        return any(
            isinstance(value := answers.get(q), int) and value <= self.at_most for q in self.any_of
        )


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    text: Texts
    required: bool = True
    style: str = "faces"
    options: tuple[Option, ...] = ()
    max_length: int = 300
    may_complain: bool = False
    when: Condition | None = None
    label: Texts | None = None  # a short name for the figures ("医疗质量"); else the text

    def short(self, lang: str) -> str:
        return (self.label or self.text)[lang]

    def option_text(self, option_id: str, lang: str) -> str:
        for o in self.options:
            if o.id == option_id:
                return o.text[lang]
        return option_id


@dataclass(frozen=True)
class Definition:
    id: str  # the SurveyDefinition row
    code: str
    revision: int
    title: Texts
    questions: tuple[Question, ...]
    complaint_at_most: int = 1

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)


def _texts(data: Any, where: str) -> Texts:
    if not isinstance(data, dict):
        raise SurveyError(f"{where}: texts are an object of languages")
    missing = [lang for lang in LANGUAGES if not str(data.get(lang) or "").strip()]
    if missing:
        raise SurveyError(f"{where}: no text in {', '.join(missing)}")
    return {lang: str(data[lang]).strip() for lang in LANGUAGES}


def parse(data: dict[str, Any], definition_id: str = "") -> Definition:
    """A definition checked whole: known types, every text in the three kiosk languages,
    unique ids, options where needed, conditions only on earlier rating questions."""
    if not isinstance(data, dict):
        raise SurveyError("a survey definition is an object")
    code = str(data.get("code") or "").strip()
    revision = data.get("revision")
    if not code or not isinstance(revision, int) or revision < 1:
        raise SurveyError("a survey has a code and a revision (1, 2, …)")
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise SurveyError("a survey has questions")
    questions: list[Question] = []
    seen: dict[str, str] = {}
    for n, raw in enumerate(raw_questions, 1):
        if not isinstance(raw, dict):
            raise SurveyError(f"question {n} is an object")
        qid = str(raw.get("id") or "").strip()
        kind = raw.get("type")
        where = f"question {qid or n}"
        if not qid or qid in seen:
            raise SurveyError(f"{where}: each question has its own id")
        if kind not in TYPES:
            raise SurveyError(f"{where}: type is one of {', '.join(TYPES)}")
        style = raw.get("style", "faces")
        if style not in STYLES:
            raise SurveyError(f"{where}: style is faces or stars")
        options: tuple[Option, ...] = ()
        if kind in ("single", "multi"):
            raw_options = raw.get("options")
            if not isinstance(raw_options, list) or len(raw_options) < 2:
                raise SurveyError(f"{where}: a choice has at least two options")
            options = tuple(
                Option(str(o.get("id")), _texts(o.get("text"), f"{where} option {o.get('id')}"))
                for o in raw_options
                if isinstance(o, dict)
            )
            if len({o.id for o in options}) != len(raw_options):
                raise SurveyError(f"{where}: options have their own ids")
        when = None
        if raw.get("when") is not None:
            cond = raw["when"]
            any_of = cond.get("any_of") if isinstance(cond, dict) else None
            if isinstance(any_of, str):
                any_of = [any_of]
            if not isinstance(any_of, list) or not isinstance(cond.get("at_most"), int):
                raise SurveyError(f"{where}: a condition names questions and at_most")
            for dep in any_of:
                if seen.get(dep) not in ("rating5", "nps"):
                    raise SurveyError(f"{where}: a condition looks at an earlier rating")
            when = Condition(tuple(any_of), cond["at_most"])
        max_length = raw.get("max_length", 300)
        if not isinstance(max_length, int) or not 1 <= max_length <= 2000:
            raise SurveyError(f"{where}: max_length is 1 to 2000")
        questions.append(
            Question(
                id=qid,
                type=kind,
                text=_texts(raw.get("text"), where),
                required=bool(raw.get("required", True)),
                style=style,
                options=options,
                max_length=max_length,
                may_complain=bool(raw.get("may_complain", False)),
                when=when,
                label=_texts(raw["label"], f"{where} label") if raw.get("label") else None,
            )
        )
        seen[qid] = kind
    return Definition(
        id=definition_id,
        code=code,
        revision=revision,
        title=_texts(data.get("title"), "title"),
        questions=tuple(questions),
        complaint_at_most=int(data.get("complaint_at_most", 1)),
    )


# -- asking ------------------------------------------------------------------------------------


def asked(definition: Definition, answers: dict[str, Answer]) -> list[Question]:
    """The questions to put, in order, given the answers so far (a low rating brings in
    "what went wrong")."""
    return [q for q in definition.questions if q.when is None or q.when.holds(answers)]


def check_answer(question: Question, value: Any) -> Answer:
    """The answer as stored, or SurveyError when it does not fit the question."""
    where = f"question {question.id}"
    if question.type in ("rating5", "nps"):
        top = 5 if question.type == "rating5" else 10
        low = 1 if question.type == "rating5" else 0
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= top:
            raise SurveyError(f"{where}: a whole number {low} to {top}")
        return value
    if question.type == "single":
        if value not in {o.id for o in question.options}:
            raise SurveyError(f"{where}: one of its options")
        return str(value)
    if question.type == "multi":
        ids = {o.id for o in question.options}
        if not isinstance(value, list) or not value or not set(value) <= ids:
            raise SurveyError(f"{where}: some of its options")
        return [o.id for o in question.options if o.id in value]  # the definition's order
    text = str(value or "").strip()
    if not text:
        raise SurveyError(f"{where}: empty")
    if len(text) > question.max_length:
        raise SurveyError(f"{where}: at most {question.max_length} characters")
    return text


def clean(definition: Definition, answers: dict[str, Any]) -> dict[str, Answer]:
    """Every answer checked; answers to questions not asked (a condition no longer holds after
    the patient went back and changed a rating) dropped; every required question answered."""
    unknown = set(answers) - {q.id for q in definition.questions}
    if unknown:
        raise SurveyError(f"no question {sorted(unknown)[0]!r}")
    out: dict[str, Answer] = {}
    for q in definition.questions:
        if q.when is not None and not q.when.holds(out):
            continue
        value = answers.get(q.id)
        if value is None or value == "" or value == []:
            if q.required:
                raise SurveyError(f"question {q.id}: required")
            continue
        out[q.id] = check_answer(q, value)
    return out


def is_complaint(definition: Definition, answers: dict[str, Answer], marked: bool) -> bool:
    """Passed on to the staff at once: the patient said so, or a rating was very low."""
    if marked:
        return True
    return any(
        q.type == "rating5"
        and isinstance(value := answers.get(q.id), int)
        and value <= definition.complaint_at_most
        for q in definition.questions
    )


def free_text(definition: Definition, answers: dict[str, Answer]) -> str:
    return "\n".join(
        str(answers[q.id]) for q in definition.questions if q.type == "text" and q.id in answers
    )


# -- definitions in the database --------------------------------------------------------------


def current(session: Session, code: str = "satisfaction") -> Definition:
    """The newest active revision of a survey."""
    row = session.scalars(
        select(SurveyDefinition)
        .where(SurveyDefinition.code == code, SurveyDefinition.active)
        .order_by(SurveyDefinition.revision.desc())
        .limit(1)
    ).first()
    if row is None:
        raise NoSurvey()
    return parse(row.definition, row.id)


def of_response(session: Session, response: SurveyResponse) -> Definition:
    row = session.get(SurveyDefinition, response.survey_id)
    if row is None:
        raise NoSurvey()
    return parse(row.definition, row.id)


def publish(session: Session, data: dict[str, Any]) -> SurveyDefinition:
    """A new revision (checked whole) becomes the one asked; older ones stay, inactive, so
    their answers still read.  A revision number is never reused."""
    definition = parse(data)
    taken = session.scalar(
        select(SurveyDefinition.id).where(
            SurveyDefinition.code == definition.code,
            SurveyDefinition.revision >= definition.revision,
        )
    )
    if taken is not None:
        raise SurveyError(f"{definition.code} already has revision {definition.revision} or later")
    for older in session.scalars(
        select(SurveyDefinition).where(
            SurveyDefinition.code == definition.code, SurveyDefinition.active
        )
    ):
        older.active = False
    row = SurveyDefinition(
        code=definition.code,
        revision=definition.revision,
        title_zh=definition.title["zh_CN"],
        title_en=definition.title["en"],
        definition=data,
        active=True,
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class ReadAnswer:
    question: str
    answer: str


def read(session: Session, response: SurveyResponse, lang: str) -> list[ReadAnswer]:
    """A stored response in words, with the questions and options of the revision it answered."""
    definition = of_response(session, response)
    out = []
    for q in definition.questions:
        if q.id not in response.answers:
            continue
        value = response.answers[q.id]
        if q.type in ("single", "multi"):
            ids = value if isinstance(value, list) else [value]
            text = "、".join(q.option_text(i, lang) for i in ids)
        else:
            text = str(value)
        out.append(ReadAnswer(q.text[lang], text))
    return out


# -- recording ----------------------------------------------------------------------------------


def normalise_ticket(raw: str) -> str:
    """A ticket number as printed ("A001"), from what was typed (" a-001 ")."""
    text = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    if not text or len(text) > TICKET_MAX or not text[0].isalpha() or not text[1:].isdigit():
        raise TicketNumberInvalid()
    return text


def first_answer(
    session: Session, visit_id: str, *, besides: str | None = None, mode: str = "kiosk"
) -> str | None:
    """The counted answer for a visit (the first one given) asked this way (``mode``), if
    any — other than ``besides``.  A kiosk answer and a follow-up caller's are counted apart."""
    query = select(SurveyResponse.id).where(
        SurveyResponse.visit_id == visit_id,
        SurveyResponse.duplicate_of.is_(None),
        SurveyResponse.mode == mode,
    )
    if besides is not None:
        query = query.where(SurveyResponse.id != besides)
    return session.scalar(query.order_by(SurveyResponse.created_at, SurveyResponse.id).limit(1))


def answered(session: Session, visit_id: str) -> bool:
    return first_answer(session, visit_id) is not None


def ticket_key(ticket: str | None) -> tuple[str, int] | None:
    """A ticket number's prefix and number ("A001" and "A1" are both ("A", 1))."""
    prefix = (ticket or "").rstrip("0123456789")
    digits = (ticket or "")[len(prefix) :]
    if not prefix or not digits:
        return None
    return prefix, int(digits)


def visit_by_ticket(session: Session, day: dt.date, ticket: str) -> Visit | None:
    """The day's visit with this ticket number ("A001": prefix A, number 1)."""
    key = ticket_key(ticket)
    if key is None:
        return None
    return session.scalars(
        select(Visit).where(
            Visit.day == day,
            Visit.ticket_prefix == key[0],
            Visit.ticket_seq == key[1],
            Visit.duplicate_of.is_(None),
        )
    ).first()


def waiting_for(session: Session, visit: Visit) -> list[SurveyResponse]:
    """Answers given under this visit's typed ticket number before the visit itself reached
    this database (a kiosk's answer pushed ahead of the desk that registered the visit),
    oldest first: ``attach_visit`` each, so the first one given is the one that counts."""
    if visit.ticket_seq is None or visit.ticket_prefix is None or visit.duplicate_of:
        return []
    rows = session.scalars(
        select(SurveyResponse)
        .where(
            SurveyResponse.visit_id.is_(None),
            SurveyResponse.day == visit.day,
            SurveyResponse.ticket.like(f"{visit.ticket_prefix}%"),
        )
        .order_by(SurveyResponse.created_at, SurveyResponse.id)
    )
    key = (visit.ticket_prefix, visit.ticket_seq)
    return [r for r in rows if ticket_key(r.ticket) == key]


def attach_visit(session: Session, response: SurveyResponse) -> None:
    """Fill in what this database knows of the response's visit: the visit itself (from a
    typed ticket number), its department, doctor and escorting guide; and whether this visit
    was already answered (then this one is kept, marked, and not counted)."""
    if response.visit_id is None and response.ticket:
        day = response.day
        visit = visit_by_ticket(session, day, response.ticket) if day else None
        if visit is not None:
            response.visit_id = visit.id
    if response.visit_id is None:
        return
    visit = session.get(Visit, response.visit_id)
    if visit is not None:
        response.department_id = response.department_id or visit.department_id
        response.doctor_id = response.doctor_id or visit.doctor_id
    if response.guide_id is None:
        events, flagged = events_and_flags(session, [response.visit_id])
        response.guide_id = last_guide(events[response.visit_id], flagged[response.visit_id])
    first = first_answer(
        session, response.visit_id, besides=response.id, mode=response.mode or "kiosk"
    )
    if first is not None:
        response.duplicate_of = first


@dataclass(frozen=True)
class Submitted:
    response_id: str
    counted: bool  # False: this visit was answered before; thanked, not counted twice
    complaint: bool


def submit(
    session: Session,
    actor: Actor,
    clock: Clock,
    definition: Definition,
    answers: dict[str, Any],
    *,
    language: str,
    visit_id: str | None = None,
    ticket: str | None = None,
    complaint_marked: bool = False,
    mode: str = "kiosk",
    department_id: str | None = None,
) -> Submitted:
    """Record one answer.  Anonymous (no visit, no ticket) answers carry nothing about the
    person; tied ones name the visit, and at most one per visit and ``mode`` counts (kiosk:
    the patient on the lobby screen; phone: a follow-up caller asking)."""
    if language not in LANGUAGES:
        raise SurveyError(f"language {language!r}")
    if mode not in MODES:
        raise SurveyError(f"mode {mode!r}")
    cleaned = clean(definition, answers)
    complaint = is_complaint(definition, cleaned, complaint_marked)
    response = SurveyResponse(
        survey_id=definition.id,
        survey_code=definition.code,
        survey_revision=definition.revision,
        visit_id=visit_id,
        ticket=normalise_ticket(ticket) if ticket and not visit_id else None,
        day=clock.today(),
        answers=cleaned,
        language=language,
        complaint=complaint,
        comment=free_text(definition, cleaned),
        device_id=actor.device_id,
        created_at=clock.now(),
        mode=mode,
        department_id=department_id,
    )
    session.add(response)
    session.flush()
    attach_visit(session, response)
    session.flush()
    return Submitted(response.id, response.duplicate_of is None, complaint)
