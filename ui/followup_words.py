"""The words of the follow-up page: outcomes, states, the reasons for a call, why a call may
or may not close as unreachable, who holds it, and the call script as the caller reads it —
written once, for the page, its history and its tests."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication

from app.followup_desk import CallDetail
from app.lang import pick

translate = QCoreApplication.translate  # its context written out: lupdate finds it
CLOSED = {"completed", "unreachable", "refused", "excluded"}


def outcomes() -> dict[str, str]:
    return {
        "completed": translate("FollowUpWords", "Reached: call done"),
        "no_answer": translate("FollowUpWords", "No answer"),
        "busy": translate("FollowUpWords", "Busy"),
        "powered_off": translate("FollowUpWords", "Phone switched off"),
        "unreachable": translate("FollowUpWords", "Cannot be reached"),
        "invalid_number": translate("FollowUpWords", "Number not in service"),
        "wrong_person": translate("FollowUpWords", "Wrong person"),
        "callback_requested": translate("FollowUpWords", "Call back later"),
        "refused": translate("FollowUpWords", "Declined the call"),
        "excluded": translate("FollowUpWords", "Excluded"),
        "closed_unreachable": translate("FollowUpWords", "Closed as unreachable"),
        "number_added": translate("FollowUpWords", "Number added"),
        "note": translate("FollowUpWords", "Note"),
        "claimed": translate("FollowUpWords", "Took the call"),
        "released": translate("FollowUpWords", "Gave the call back"),
        "assigned": translate("FollowUpWords", "Gave the call to a caller"),
        "revealed": translate("FollowUpWords", "Numbers shown"),
    }


def states() -> dict[str, str]:
    return {
        "open": translate("FollowUpWords", "To call"),
        "callback": translate("FollowUpWords", "Call back"),
        "completed": translate("FollowUpWords", "Done"),
        "unreachable": translate("FollowUpWords", "Unreachable"),
        "refused": translate("FollowUpWords", "Declined"),
        "excluded": translate("FollowUpWords", "Excluded"),
        "missed": translate("FollowUpWords", "Missed: the deadline passed"),
        "waiting": translate("FollowUpWords", "Not yet callable"),
    }


def sources() -> dict[str, str]:
    return {
        "visit": translate("FollowUpWords", "Next day after a visit"),
        "discharge": translate("FollowUpWords", "After discharge"),
        "case": translate("FollowUpWords", "72 h after a complaint"),
        "survey": translate("FollowUpWords", "Low survey score"),
        "no_show": translate("FollowUpWords", "Missed appointment"),
    }


def why_not(call: CallDetail) -> str:
    """Why the call may, or may not yet, close as unreachable, in words."""
    if call.state in CLOSED:
        return ""
    if call.may_close_unreachable:
        return "✓ " + translate(
            "FollowUpWords", "The rule is met: this call may close as unreachable."
        )
    said = []
    for s in call.shortfalls:
        if s.what == "failures":
            said.append(
                translate("FollowUpWords", "%1 of %2 failed attempts")
                .replace("%1", str(s.have))
                .replace("%2", str(s.need))
            )
        elif s.what == "slots":
            said.append(
                translate("FollowUpWords", "tried in %1 of %2 times of day")
                .replace("%1", str(s.have))
                .replace("%2", str(s.need))
            )
        elif s.what == "numbers":
            said.append(
                translate("FollowUpWords", "not yet tried: %1").replace("%1", ", ".join(s.numbers))
            )
        else:
            said.append(translate("FollowUpWords", "the deadline has passed: missed"))
    return translate("FollowUpWords", "Not yet unreachable: %1").replace(
        "%1", translate("FollowUpWords", "; ").join(said)
    )


def script_words(call: CallDetail, lang: str) -> str:
    """The script as the caller reads it: the opening, the department's questions, the
    close — each on its own line, in the screen's language."""
    words = call.script
    if words is None:
        return ""
    parts = [
        ("", pick(words.opening, lang)),
        (translate("FollowUpWords", "Ask:"), pick(words.department, lang)),
        (
            translate("FollowUpWords", "Then the survey (Alt+S); to close:"),
            pick(words.closing, lang),
        ),
    ]
    return "<br>".join(
        f"<b>{html.escape(head)}</b> {html.escape(text)}" if head else html.escape(text)
        for head, text in parts
        if text
    )


def hold_words(call: CallDetail, tz: dt.tzinfo) -> str:
    """Who holds the call, and until when, as the caller sees it."""
    until = call.held_until.astimezone(tz).strftime("%H:%M") if call.held_until else None
    if call.mine:
        if until is None:
            return translate("FollowUpWords", "Given to you: the numbers are yours to call.")
        return translate(
            "FollowUpWords", "Yours until %1: the numbers are shown to you only."
        ).replace("%1", until)
    if call.claim_waiting:
        return translate(
            "FollowUpWords", "Taken here; waiting for the server to confirm it is yours…"
        )
    if call.holder is None:
        return translate(
            "FollowUpWords", "Nobody is calling this person: take the call to see the numbers."
        )
    if until is None:
        return translate("FollowUpWords", "Given to %1.").replace("%1", call.holder)
    return (
        translate("FollowUpWords", "%1 is calling this person (until %2).")
        .replace("%1", call.holder)
        .replace("%2", until)
    )
