"""Expected failures a person can act on, each with a stable code and a message in zh and en.

Bugs are ordinary exceptions; only these are shown to the user as messages.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

# code -> (Simplified Chinese, English); {placeholders} filled from params.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("请填写{label}。", "{label} is required."),
    "survey_invalid": ("问卷内容有误：{detail}", "The survey cannot be used: {detail}"),
    "no_survey": (
        "现在没有可以填写的问卷，请找导医帮忙。",
        "There is no survey to answer right now; please ask a guide.",
    ),
    "survey_ticket": (
        "请照小票上的样子输入号码，例如 A001。",
        "Type the number as printed on your ticket, for example A001.",
    ),
    "phone_invalid": (
        "手机号应为以1开头的11位数字，例如 13812345678。",
        "A mobile number has 11 digits and starts with 1, e.g. 13812345678.",
    ),
    "name_invalid": (
        "姓名只能包含汉字、字母、空格和“·”。",
        "A name may contain Chinese characters, letters, spaces and '·' only.",
    ),
    "too_long": ("{label}最多{max}个字。", "{label} may be at most {max} characters."),
    "age_invalid": ("年龄应为0到130之间的整数。", "Age must be a whole number from 0 to 130."),
    "choice_invalid": ("{label}的选项无效。", "That is not a valid choice for {label}."),
    "code_not_found": (
        "没有找到这个签到码。请核对预约短信，或呼叫导医帮您。",
        "We could not find this check-in code. Please check your booking message, "
        "or call a guide to help you.",
    ),
    "phone_not_found": (
        "没有找到这个手机号今天的预约。请呼叫导医帮您。",
        "We found no appointment today for this phone number. A guide can help you.",
    ),
    "appointment_other_day": (
        "您的预约在{date}，不是今天。",
        "Your appointment is on {date}, not today.",
    ),
    "appointment_cancelled": ("这个预约已取消。", "This appointment has been cancelled."),
    "already_checked_in": (
        "您已经签到过了，您的号码是 {ticket}。",
        "You have already checked in. Your number is {ticket}.",
    ),
    "too_early": (
        "您来早了：请在 {opens} 之后签到。",
        "You are early: check-in opens at {opens}.",
    ),
    "too_late": (
        "您的预约时间已过，请到导医台，导医会帮您安排。",
        "Your appointment time has passed. Please see a guide at the desk; they will help you.",
    ),
    "not_found": ("没有找到{label}。", "{label} was not found."),
    "kiosk_not_ready": (
        "自助机正在准备今天的预约，请稍候片刻，或呼叫导医帮您。",
        "This kiosk is still loading today's appointments. Please wait a moment, "
        "or call a guide to help you.",
    ),
    "stage_move_refused": (
        "不能从“{from_stage}”转到“{to_stage}”。",
        "A visit cannot move from {from_stage} to {to_stage}.",
    ),
    "stage_unknown": ("没有“{stage}”这个环节。", "There is no stage called {stage}."),
    "visit_departed": (
        "这位患者已离院；如需继续，请先重新开启就诊。",
        "This patient has departed; reopen the visit first to continue.",
    ),
    "claimed_by_other": (
        "{holder} 正在陪同这位患者。",
        "{holder} is already escorting this patient.",
    ),
    "not_escort_holder": (
        "只有正在陪同的导医才能这样做。",
        "Only the guide escorting this patient can do that.",
    ),
    "not_escorted": ("这位患者目前没有导医陪同。", "Nobody is escorting this patient now."),
    "doctor_not_on_roster": (
        "{doctor} 今天不在{department}出诊。",
        "{doctor} is not on duty in {department} today.",
    ),
    "no_ticket_numbers": (
        "{department}今天的号码已用完，请联系导医。",
        "No ticket numbers are left for {department} today; please ask a guide.",
    ),
    "not_allowed": (
        "您的岗位不能做这项操作。",
        "Your role does not allow this.",
    ),
    "signin_failed": ("用户名或密码不对。", "Wrong user name or password."),
    "signin_locked": (
        "登录失败次数过多，请在 {until} 之后再试。",
        "Too many failed sign-ins; try again after {until}.",
    ),
    "row_refused": (
        "没有保存：{field} 不符合记录规范（{rule}）。请把这条提示告诉系统管理员。",
        "Not saved: {field} breaks the record contract ({rule}). Please tell the system "
        "administrator.",
    ),
    "not_signed_in": (
        "没有保存：这项操作记在一位没有在本机登录的工作人员名下。请重新登录后再试。",
        "Not saved: this names a staff member who is not signed in on this desk. Please sign "
        "in again and retry.",
    ),
    "correction_invalid": (
        "只能更正这次就诊中尚未被更正的环节变更。",
        "Only a stage move of this visit that has not been corrected yet can be corrected.",
    ),
}


# field label key -> (Simplified Chinese, English), used for {label} in messages
LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "Name"),
    "gender": ("性别", "Gender"),
    "age": ("年龄", "Age"),
    "phone": ("手机号", "Mobile phone"),
    "district": ("居住区域", "Home district"),
    "source_channel": ("来源渠道", "Source channel"),
    "purpose": ("就诊目的", "Purpose of visit"),
    "purpose_text": ("咨询问题", "Question or visit goal"),
    "department": ("科室", "Department"),
    "doctor": ("医生", "Doctor"),
    "visit": ("就诊记录", "Visit"),
    "staff": ("工作人员", "Staff member"),
    "appointment": ("预约", "Appointment"),
    "first_char": ("姓名的第一个字", "First character of the name"),
    "ward": ("病区", "Ward"),
    "nurse": ("接收护士", "Receiving nurse"),
    "note": ("备注", "Note"),
    "reason": ("原因", "Reason"),
    "code": ("签到码", "Check-in code"),
    "request": ("求助", "Request for help"),
}


@dataclass
class FieldError:
    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)


def render(code: str, params: dict[str, Any], lang: str = "en") -> str:
    zh, en = MESSAGES.get(code, (code, code))
    english = lang.startswith("en")
    template = en if english else zh
    localized: dict[str, Any] = {}
    for key, value in params.items():
        if key == "label" and value in LABELS:
            value = LABELS[value]
        if isinstance(value, tuple) and len(value) == 2:  # a (zh, en) pair
            value = value[1] if english else value[0]
        localized[key] = value
    params = localized
    try:
        text = template.format(**params)
    except (KeyError, IndexError):
        text = template
    if lang == "zh_TW":
        from app.lang import traditional  # OpenCC only when 繁體 is shown

        return traditional(text)
    return text


class FrontDeskError(Exception):
    """An expected failure with a stable ``code``; ``message(lang)`` is what the user reads."""

    code = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)


class ValidationError(FrontDeskError):
    """One or more fields are wrong; ``errors`` lists each with its own code."""

    code = "validation"

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        self.params = {}
        super(FrontDeskError, self).__init__("; ".join(f"{e.field}: {e.message()}" for e in errors))

    def message(self, lang: str = "en") -> str:
        return " ".join(e.message(lang) for e in self.errors)

    def fields(self) -> list[str]:
        return [e.field for e in self.errors]


class NotFound(FrontDeskError):
    code = "not_found"


class CheckInRefused(FrontDeskError):
    """The appointment exists but cannot be checked in now (other day, early, late, done)."""


class StageError(FrontDeskError):
    code = "stage_move_refused"


class EscortConflict(FrontDeskError):
    """Somebody else holds the escort; ``params['holder']`` names them."""

    code = "claimed_by_other"


class RowRefused(FrontDeskError):
    """A change that breaks the declared row contract (app/contract): refused on the desk
    before it is saved, so nothing is half-written and nothing bad reaches the server."""

    code = "row_refused"


class TicketsExhausted(FrontDeskError):
    code = "no_ticket_numbers"


def safe_reason(exc: BaseException) -> str:
    """What went wrong, in words safe to store, show and log: the error's kind and, for a
    database error, the database's own first line — never a statement's parameters, which
    hold what was written (a patient's name)."""
    orig = getattr(exc, "orig", None)
    source = orig if orig is not None else exc
    text = str(orig).strip() if orig is not None else ""
    first = text.splitlines()[0] if text else ""
    name = type(source).__name__
    return f"{name}: {first}"[:200] if first else name
