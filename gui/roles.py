"""Styling by role: a widget's ``role`` property, which the style sheets match."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` the style sheet's look for ``role`` (e.g. ``chosen``, ``danger``)."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return  # the style sheet reads the role when the widget is first polished
    # (the first call makes QStyle's Python type: some 700 enum members, 10 ms — so not at
    # start-up, where the welcome screen marks its language before it is ever shown)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def name_for_readers(pairs: Iterable[tuple[QWidget, str]]) -> None:
    """What a screen reader says for each widget (its accessible name), in the screen's
    language: called again whenever the language changes."""
    for widget, name in pairs:
        widget.setAccessibleName(name)
