"""What a follow-up caller says (回访话术): the opening — who is calling and why, by the reason for
the call — then the department's own questions (kept with the department, edited centrally),
then the survey and the close.  Kept in Simplified Chinese and English like the rest of the
hospital's data (Traditional converted on screen); placeholders filled from the call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

Pair = tuple[str, str]  # (Simplified Chinese, English)

OPENINGS: dict[str, Pair] = {
    "visit": (
        "您好，请问是{person}吗？我是{hospital}客服中心的回访员。您{day}在我院{department}就诊，"
        "想了解一下您现在感觉怎么样，对我们的服务是否满意，大约占用您两分钟，可以吗？",
        "Hello, am I speaking with {person}? I am calling from the patient service centre of "
        "{hospital}. You visited our {department} on {day}; may I take two minutes to ask how "
        "you are feeling and how we looked after you?",
    ),
    "discharge": (
        "您好，请问是{person}吗？我是{hospital}客服中心的回访员。您在我院{department}住院治疗，"
        "想了解一下您出院后的恢复情况，有没有需要我们帮助的地方？",
        "Hello, am I speaking with {person}? I am calling from the patient service centre of "
        "{hospital}. You were treated on our {department} ward; how is your recovery at home, "
        "and is there anything we can help with?",
    ),
    "case": (
        "您好，请问是{person}吗？我是{hospital}客服中心的回访员。关于您{day}反映的问题，"
        "我们已经处理完毕，想了解一下您对处理结果是否满意，问题有没有再出现？",
        "Hello, am I speaking with {person}? I am calling from the patient service centre of "
        "{hospital} about the concern you raised on {day}. It has been dealt with: are you "
        "satisfied with the outcome, and has the problem come back?",
    ),
    "survey": (
        "您好，请问是{person}吗？我是{hospital}客服中心的回访员。您{day}在自助机上给我们的评价"
        "不太满意，非常抱歉，想具体了解一下哪里没有做好，我们好改进。",
        "Hello, am I speaking with {person}? I am calling from the patient service centre of "
        "{hospital}. On {day} you told us on our screen that something was not right; we are "
        "sorry, and we would like to hear what happened so that we can put it right.",
    ),
    "no_show": (
        "您好，请问是{person}吗？我是{hospital}客服中心的工作人员。您预约了{day}{department}"
        "的号但没有来就诊，想问一下是否需要帮您重新预约？",
        "Hello, am I speaking with {person}? I am calling from the patient service centre of "
        "{hospital}. You had an appointment with {department} on {day} but could not come; "
        "would you like us to help you book another?",
    ),
}
CLOSING: Pair = (
    "感谢您的配合，祝您早日康复！如有需要，请拨打我院服务热线。",
    "Thank you for your time, and we wish you a speedy recovery. Call our service line "
    "whenever you need us.",
)


@dataclass(frozen=True)
class Script:
    opening: Pair
    department: Pair  # the department's own questions; ("", "") when it has none
    closing: Pair = CLOSING


def script(
    source: str,
    *,
    person: str,
    hospital: Pair,
    department: Pair | None,
    day: dt.date,
    department_questions: Pair = ("", ""),
) -> Script:
    """The script for one call, filled in."""
    zh, en = OPENINGS.get(source, OPENINGS["visit"])
    dept_zh, dept_en = department or ("", "")
    filled = (
        zh.format(
            person=person or "患者本人",
            hospital=hospital[0],
            department=dept_zh or "门诊",
            day=f"{day.month}月{day.day}日",
        ),
        en.format(
            person=person or "the patient",
            hospital=hospital[1] or hospital[0],
            department=dept_en or "clinic",
            day=day.strftime("%d %B"),
        ),
    )
    return Script(filled, department_questions)
