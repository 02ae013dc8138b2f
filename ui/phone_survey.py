"""The satisfaction survey as a follow-up caller asks it on the phone: the kiosk's own questions
and scales on one panel, typed as the person answers — a digit per rating (1–5, the
recommendation 0–10), Tab to the next, the "what went wrong" choices and the free text — so the
call is done from the keyboard.  Left empty, the call is recorded without a survey."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.survey import Definition, Question


class PhoneSurvey(QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        self.definition: Definition | None = None
        self.lang = "zh_CN"
        self.ratings: dict[str, QLineEdit] = {}
        self.choices: dict[str, QComboBox] = {}
        self.picks: dict[str, dict[str, QCheckBox]] = {}
        self.texts: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.complaint = QCheckBox()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(8, 4, 8, 4)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Satisfaction survey on the phone (leave empty if not asked)"))
        self.complaint.setText(
            self.tr("The person makes a complaint, or agrees to a formal complaint")
        )
        self.hint.setText(
            self.tr(
                "Alt+S, then a digit per rating: 1 very unhappy … 5 very happy; recommend 0–10."
            )
        )
        if self.definition is not None:
            self._name_questions()

    # -- building from the definition ---------------------------------------------------------

    def show_definition(self, definition: Definition, lang: str) -> None:
        """Build the panel for ``definition`` (once per revision) in ``lang``."""
        same = self.definition is not None and self.definition.id == definition.id
        self.lang = lang
        if same:
            self._name_questions()
            return
        self.definition = definition
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for store in (self.ratings, self.choices, self.picks, self.texts, self.labels):
            store.clear()
        grid = QGridLayout()
        column = 0
        row = 0
        holder = QWidget()
        holder.setLayout(grid)
        self.body.addWidget(self.hint)
        self.body.addWidget(holder)
        for q in definition.questions:
            if q.type in ("rating5", "nps"):
                field = QLineEdit()
                top = 5 if q.type == "rating5" else 10
                field.setValidator(QIntValidator(0 if q.type == "nps" else 1, top, field))
                field.setMaxLength(1 if q.type == "rating5" else 2)
                field.setFixedWidth(48)
                field.setAlignment(Qt.AlignmentFlag.AlignCenter)
                if q.type == "rating5":
                    field.textEdited.connect(lambda _t, f=field: self._next(f))
                self.ratings[q.id] = field
                label = QLabel()
                label.setBuddy(field)
                self.labels[q.id] = label
                grid.addWidget(label, row, column * 2)
                grid.addWidget(field, row, column * 2 + 1)
                column = (column + 1) % 3
                row += 1 if column == 0 else 0
        if column:
            row += 1
        grid.setColumnStretch(6, 1)  # the fields sit beside their labels, the room left after
        for q in definition.questions:
            if q.type == "single":
                combo = QComboBox()
                self.choices[q.id] = combo
                label = QLabel()
                label.setBuddy(combo)
                self.labels[q.id] = label
                grid.addWidget(label, row, 0)
                grid.addWidget(combo, row, 1, 1, 5)
                row += 1
        for q in definition.questions:
            if q.type == "multi":
                label = QLabel()
                label.setWordWrap(True)
                self.labels[q.id] = label
                self.body.addWidget(label)
                options = QGridLayout()  # three to a row: fits beside the list
                boxes: dict[str, QCheckBox] = {}
                for i, option in enumerate(q.options):
                    boxes[option.id] = QCheckBox()
                    options.addWidget(boxes[option.id], i // 3, i % 3)
                options.setColumnStretch(3, 1)
                self.picks[q.id] = boxes
                self.body.addLayout(options)
        for q in definition.questions:
            if q.type == "text":
                field = QLineEdit()  # its question as the placeholder: one line each
                field.setMaxLength(q.max_length)
                self.texts[q.id] = field
                self.body.addWidget(field)
        self.body.addWidget(self.complaint)
        self._name_questions()

    def _text(self, q: Question) -> str:
        return q.short(self.lang) if q.type in ("rating5", "nps") else q.text[self.lang]

    def _name_questions(self) -> None:
        assert self.definition is not None
        for q in self.definition.questions:
            if q.id in self.labels:
                star = " *" if q.required else ""
                self.labels[q.id].setText(self._text(q) + star)
            if q.id in self.choices:
                combo = self.choices[q.id]
                chosen = combo.currentData()
                combo.clear()
                combo.addItem("—", None)
                for option in q.options:
                    combo.addItem(option.text[self.lang], option.id)
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
            for option_id, box in self.picks.get(q.id, {}).items():
                box.setText(q.option_text(option_id, self.lang))
            if q.id in self.texts:
                self.texts[q.id].setPlaceholderText(q.text[self.lang])

    def _next(self, field: QLineEdit) -> None:
        """A rating typed: on to the next field, as a caller keys in what they hear."""
        if field.hasAcceptableInput():
            field.focusNextChild()

    # -- reading and clearing -----------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        """What was typed, as the survey's answers; empty when nothing was."""
        out: dict[str, Any] = {}
        for qid, field in self.ratings.items():
            if field.text().strip():
                out[qid] = int(field.text())
        for qid, combo in self.choices.items():
            if combo.currentData():
                out[qid] = combo.currentData()
        for qid, boxes in self.picks.items():
            chosen = [option for option, box in boxes.items() if box.isChecked()]
            if chosen:
                out[qid] = chosen
        for qid, text in self.texts.items():
            if text.text().strip():
                out[qid] = text.text().strip()
        return out

    def missing(self) -> list[str]:
        """The required questions left empty, when anything at all was typed."""
        given = self.answers()
        if not given or self.definition is None:
            return []
        return [
            self._text(q)
            for q in self.definition.questions
            if q.required and q.when is None and q.id not in given
        ]

    def first_field(self) -> QWidget | None:
        return next(iter(self.ratings.values()), None)

    def clear(self) -> None:
        for field in (*self.ratings.values(), *self.texts.values()):
            field.clear()
        for combo in self.choices.values():
            combo.setCurrentIndex(0)
        for boxes in self.picks.values():
            for box in boxes.values():
                box.setChecked(False)
        self.complaint.setChecked(False)
