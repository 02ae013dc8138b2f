"""The words of the case screens: kinds, channels, states, steps, clocks — and a clock's time
left in words, a colour and a symbol (never colour alone), the same on the list and the page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from app.services.clocks import Reading

translate = QCoreApplication.translate  # its context written out: lupdate finds it


def kinds() -> dict[str, str]:
    return {
        "complaint": translate("CaseWords", "Complaint"),
        "enquiry": translate("CaseWords", "Enquiry"),
        "suggestion": translate("CaseWords", "Suggestion"),
        "praise": translate("CaseWords", "Praise"),
        "service_recovery": translate("CaseWords", "Service recovery"),
    }


def channels() -> dict[str, str]:
    return {
        "on_site": translate("CaseWords", "On site"),
        "phone": translate("CaseWords", "Phone"),
        "hotline": translate("CaseWords", "24-hour line"),
        "letter": translate("CaseWords", "Letter"),
        "online": translate("CaseWords", "Online message"),
        "kiosk_survey": translate("CaseWords", "Kiosk survey"),
        "call_a_guide": translate("CaseWords", "Call for a guide"),
        "follow_up": translate("CaseWords", "Follow-up call"),
    }


def states() -> dict[str, str]:
    return {
        "new": translate("CaseWords", "New"),
        "acknowledged": translate("CaseWords", "Apologised, process explained"),
        "dispatched": translate("CaseWords", "Dispatched"),
        "investigating": translate("CaseWords", "Investigating"),
        "solution": translate("CaseWords", "Solution agreed"),
        "feedback": translate("CaseWords", "Person told: satisfied?"),
        "satisfied": translate("CaseWords", "Satisfied: follow up"),
        "followed_up": translate("CaseWords", "Followed up"),
        "not_accepted": translate("CaseWords", "Not accepted"),
        "answered": translate("CaseWords", "Answered"),
        "referred": translate("CaseWords", "Referred to a department"),
        "awaiting_callback": translate("CaseWords", "Call-back promised"),
        "closed": translate("CaseWords", "Closed"),
    }


def steps() -> dict[str, str]:
    """What a button that takes the step says."""
    return {
        "claimed": translate("CaseWords", "Take this case"),
        "released": translate("CaseWords", "Give it back to the pool"),
        "handed_off": translate("CaseWords", "Hand over to…"),
        "note": translate("CaseWords", "Add a note"),
        "corrected": translate("CaseWords", "Correct a step"),
        "paused": translate("CaseWords", "Pause a clock"),
        "resumed": translate("CaseWords", "Resume a clock"),
        "closed": translate("CaseWords", "Close the case"),
        "reopened": translate("CaseWords", "Reopen"),
        "apologised": translate("CaseWords", "Apologised and explained"),
        "track_set": translate("CaseWords", "Set the track"),
        "dispatched": translate("CaseWords", "Dispatch to a department"),
        "investigated": translate("CaseWords", "Record the investigation"),
        "solution": translate("CaseWords", "Record the solution"),
        "feedback": translate("CaseWords", "Person told the result"),
        "satisfied": translate("CaseWords", "Person is satisfied"),
        "not_satisfied": translate("CaseWords", "Person is not satisfied"),
        "extended": translate("CaseWords", "Extend the deadline"),
        "followed_up": translate("CaseWords", "Followed up"),
        "answered": translate("CaseWords", "Answer given"),
        "referred": translate("CaseWords", "Refer to a department"),
        "callback_promised": translate("CaseWords", "Promise a call-back"),
    }


def done() -> dict[str, str]:
    """What a step that was taken is called in the timeline."""
    return {
        "claimed": translate("CaseWords", "Took the case"),
        "released": translate("CaseWords", "Gave it back to the pool"),
        "handed_off": translate("CaseWords", "Handed over"),
        "note": translate("CaseWords", "Note"),
        "corrected": translate("CaseWords", "Corrected a step"),
        "paused": translate("CaseWords", "Clock paused"),
        "resumed": translate("CaseWords", "Clock resumed"),
        "closed": translate("CaseWords", "Closed"),
        "reopened": translate("CaseWords", "Reopened"),
        "apologised": translate("CaseWords", "Apologised and explained"),
        "track_set": translate("CaseWords", "Track set"),
        "dispatched": translate("CaseWords", "Dispatched"),
        "investigated": translate("CaseWords", "Investigated"),
        "solution": translate("CaseWords", "Solution agreed"),
        "feedback": translate("CaseWords", "Person told the result"),
        "satisfied": translate("CaseWords", "Person is satisfied"),
        "not_satisfied": translate("CaseWords", "Person is not satisfied"),
        "extended": translate("CaseWords", "Deadline extended"),
        "followed_up": translate("CaseWords", "Followed up"),
        "answered": translate("CaseWords", "Answered"),
        "referred": translate("CaseWords", "Referred to a department"),
        "callback_promised": translate("CaseWords", "Call-back promised"),
    }


def tracks() -> dict[str, str]:
    return {
        "on_the_spot": translate("CaseWords", "Settled on the spot"),
        "standard": translate("CaseWords", "Standard (5 working days)"),
        "several_departments": translate("CaseWords", "Several departments (10 working days)"),
        "not_accepted": translate("CaseWords", "Not accepted"),
        "dispute": translate("CaseWords", "Dispute"),
    }


def clock_names() -> dict[str, str]:
    return {
        "reply": translate("CaseWords", "Reply promise"),
        "dispatch": translate("CaseWords", "Dispatch"),
        "callback": translate("CaseWords", "Call-back"),
        "feedback": translate("CaseWords", "Feedback (statutory)"),
    }


# level -> (text colour, symbol); the same on the list and the case page
LOOK: dict[str, tuple[str, str]] = {
    "ok": ("#1A1F24", "○"),
    "warn": ("#5C3B00", "▲"),
    "urgent": ("#7A0F0A", "■"),
    "breached": ("#7A0F0A", "⚠"),
    "met": ("#1E6B34", "✓"),
    "met_late": ("#5C3B00", "✓"),
    "paused": ("#4A5560", "⏸"),
}


def span(minutes: int) -> str:
    """A duration in words: 25 min, 3 h 10 min, 2 d 4 h."""
    minutes = abs(minutes)
    if minutes < 60:
        return translate("CaseWords", "%1 min").replace("%1", str(minutes))
    hours, mins = divmod(minutes, 60)
    if hours < 24:
        return (
            translate("CaseWords", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(mins))
        )
    days, hours = divmod(hours, 24)
    return translate("CaseWords", "%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))


def moment(at: dt.datetime, local: dt.tzinfo) -> str:
    """A deadline's date and time; one at midnight is the day before's end, "11-30 24:00", as
    a working-day period ends (not "12-01 00:00", which reads as a day too late)."""
    shown = at.astimezone(local)
    if shown.time() == dt.time(0, 0):
        return (shown - dt.timedelta(days=1)).strftime("%m-%d 24:00")
    return shown.strftime("%m-%d %H:%M")


def left(reading: Reading, local: dt.tzinfo) -> str:
    """A clock as a person reads it: "12 min left (10:40)", "25 min late", "met"."""
    level = reading.level
    if level == "paused":
        return translate("CaseWords", "paused")
    if level in ("met", "met_late"):
        return (
            translate("CaseWords", "met in time")
            if level == "met"
            else translate("CaseWords", "met late")
        )
    due = moment(reading.due_at, local) if reading.due_at else ""
    minutes = reading.left_min or 0
    if minutes < 0:
        text = translate("CaseWords", "%1 late").replace("%1", span(minutes))
    else:
        text = translate("CaseWords", "%1 left").replace("%1", span(minutes))
    if reading.provisional:
        text += " " + translate("CaseWords", "(calendar not yet announced)")
    return f"{text} · {due}" if due else text


def due_words(due_at: dt.datetime | None, now: dt.datetime, local: dt.tzinfo) -> str:
    """The nearest deadline of a list row, in words."""
    if due_at is None:
        return "—"
    minutes = int((due_at - now).total_seconds() // 60)
    at = moment(due_at, local)
    if minutes < 0:
        return translate("CaseWords", "%1 late").replace("%1", span(minutes)) + f" · {at}"
    return translate("CaseWords", "due %1").replace("%1", at)
