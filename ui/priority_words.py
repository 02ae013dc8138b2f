"""The priorities a guide gives a visit, in the screen's language — on the board's flags, in
the priority dialog, in registration and in the timeline (Qt Linguist context ``Priority``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# in the order a guide chooses them (the number key of each in the dialog)
PRIORITIES = ("", "emergency", "elderly", "disabled")


def priority_word(priority: str) -> str:
    """What the priority is called ("" — none)."""
    if priority == "emergency":
        return QCoreApplication.translate("Priority", "Emergency")
    if priority == "elderly":
        return QCoreApplication.translate("Priority", "Priority: elderly")
    if priority == "disabled":
        return QCoreApplication.translate("Priority", "Priority: disabled")
    return QCoreApplication.translate("Priority", "No priority")
