"""Every kiosk screen, in every language, both orientations and both text sizes, measured
against the age-friendly numbers of kiosk/theme.py: target sizes, text sizes, contrast, nothing cut
off, nothing beyond the screen, nothing left in English on a Chinese screen — and rendered to
PNG (set FRONTDESK_SHOTS=DIR to keep the pictures)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontInfo, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from app.errors import NotFound
from app.paths import resources_dir
from kiosk.theme import (
    BODY_PX,
    GAP_PX,
    LARGE_TEXT,
    MIN_TARGET_PX,
    PRIMARY_TARGET_PX,
    ROLES,
    contrast,
)
from kiosk.widgets import TapCard

from .kiosk_rig import KioskRig, close_rig, make_rig

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
LANGS = ("zh_CN", "zh_TW", "en")
_TICKETS: dict[int, object] = {}


def test_every_role_has_text_contrast_of_at_least_7_to_1() -> None:
    for name, role in ROLES.items():
        assert contrast(role.fg, role.bg) >= 7, name
        if role.border:
            assert contrast(role.border, role.bg) >= 3, name  # borders and icons: 3:1
    assert contrast("#FFFFFF", "#4A5563") >= 7  # a disabled primary button stays readable


def test_the_numbers_are_those_of_the_design_rules() -> None:
    assert PRIMARY_TARGET_PX >= 80 and MIN_TARGET_PX >= 48 and GAP_PX >= 12
    assert BODY_PX >= 28 and LARGE_TEXT == 1.5
    assert min(r.font_px for r in ROLES.values()) >= BODY_PX


def _states(rig: KioskRig) -> Iterator[str]:
    """Put the kiosk in each state a patient can see; yield its name."""
    w = rig.window
    w.go("welcome")
    yield "welcome"
    w.go("checkin")
    yield "checkin-code"
    rig.screen("checkin").set_mode("phone")
    yield "checkin-phone"
    rig.screen("checkin").set_mode("code")
    rig.screen("checkin").show_message(rig.window.message(NotFound("code_not_found")))
    yield "checkin-error"
    appts = rig.appointments()
    w.confirm(_views(rig, appts[:1]))
    yield "confirm"
    w.confirm(_views(rig, appts[:3]))
    yield "confirm-several"
    if not _TICKETS.get(id(rig)):
        appt = rig.due(0)
        _TICKETS[id(rig)] = rig.runtime.backend.check_in(appt.id)
    ticket = _TICKETS[id(rig)]
    rig.screen("ticket").show_ticket(ticket)
    w.go("ticket")
    rig.screen("ticket").set_print_state("failed")
    yield "ticket"
    w.go("walkin")
    walkin = rig.screen("walkin")
    for step, name in enumerate(("consent", "person", "purpose", "department")):
        walkin.show_step(step)
        rig.settle()
        yield f"walkin-{name}"
    yield from _survey_states(rig)
    w.call_guide()
    rig.settle()
    yield "help"
    w.back_from_help()
    w.call_guide(reason="emergency")
    rig.settle()
    yield "help-emergency"
    w.back_from_help()
    w.still_there.start()
    yield "still-there"
    w.still_there.cancel()
    w.pin_pad.start()
    yield "pin"
    w.pin_pad.close_pad()


def _survey_states(rig: KioskRig) -> Iterator[str]:
    from app.services.survey import Submitted

    rig.window.go("survey")
    survey = rig.screen("survey")
    survey.clear()
    yield "survey-start"
    survey.type_number()
    rig.settle()
    yield "survey-ticket"
    survey.begin(None, None)
    rig.settle()
    survey.answers = {"medical_quality": 2}  # a low rating: "what went wrong" is asked
    for qid in ("medical_quality", "environment", "what_went_wrong", "what_went_wrong_text"):
        survey.index = [q.id for q in survey._asked()].index(qid)
        survey.retranslate()
        yield f"survey-{qid}"
    for qid in ("recommend", "respondent"):
        survey.index = [q.id for q in survey._asked()].index(qid)
        survey.retranslate()
        yield f"survey-{qid}"
    for name, result in (
        ("thanks", Submitted("r", True, False)),
        ("thanks-complaint", Submitted("r", True, True)),
        ("thanks-again", Submitted("r", False, False)),
    ):
        survey._sent(result)
        yield f"survey-{name}"
    survey.clear()


def _views(rig: KioskRig, appts) -> list:
    from app.services import checkin

    with rig.db.reading() as s:
        return [checkin.find_by_code(s, a.checkin_code, rig.clock) for a in appts]


def _visible(rig: KioskRig) -> list[QWidget]:
    return [w for w in rig.window.findChildren(QWidget) if w.isVisibleTo(rig.window)]


def _check_layout(rig: KioskRig, where: str, scale: float, width: int, height: int) -> list[str]:
    problems = []
    win = rig.window
    hint = win.minimumSizeHint()
    if hint.width() > width or hint.height() > height:
        problems.append(f"{where}: needs {hint.width()}×{hint.height()}, screen {width}×{height}")
    screen_rect = QRect(0, 0, width, height)
    for w in _visible(rig):
        rect = QRect(w.mapTo(win, w.rect().topLeft()), w.size())
        inside_scroll = any(type(p).__name__ == "QScrollArea" for p in _parents(w))
        if not inside_scroll and not screen_rect.contains(rect) and w is not rig.window.hot_corner:
            problems.append(f"{where}: {_name(w)} at {rect.getRect()} is off the screen")
        if isinstance(w, QAbstractButton | TapCard):
            role = w.property("role") or "choice"
            need = ROLES[role].target_px or MIN_TARGET_PX
            if w.height() < need or w.width() < MIN_TARGET_PX:
                problems.append(f"{where}: {_name(w)} is {w.width()}×{w.height()}, needs {need}")
        if isinstance(w, QLabel | QAbstractButton | QLineEdit) and _text(w):
            role = w.property("role")
            if role not in ROLES:
                problems.append(f"{where}: {_name(w)} has no design role")
                continue
            px = QFontInfo(w.font()).pixelSize()
            if px < round(BODY_PX * scale) - 1:
                problems.append(f"{where}: {_name(w)} text is {px}px")
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            if w.wordWrap():
                need_h = w.heightForWidth(w.width())
                if need_h > w.height() + 2:
                    problems.append(f"{where}: {_name(w)} is cut off ({w.height()} < {need_h})")
            elif w.sizeHint().width() > w.width() + 2:
                problems.append(f"{where}: {_name(w)} is cut off (width)")
    return problems


def _parents(w: QWidget) -> Iterator[QWidget]:
    p = w.parentWidget()
    while p is not None:
        yield p
        p = p.parentWidget()


def _text(w: QWidget) -> str:
    if isinstance(w, TapCard):
        return w.title.text()
    return w.text() if isinstance(w, QLabel | QAbstractButton | QLineEdit) else ""


def _name(w: QWidget) -> str:
    return f"{type(w).__name__}({_text(w)[:20]!r})"


def _english_sources() -> set[str]:
    tree = ET.parse(resources_dir() / "i18n" / "frontdesk_zh_CN.ts")
    return {m.findtext("source") or "" for m in tree.getroot().iter("message")} - {""}


def _settle_layout(rig: KioskRig) -> None:
    for _ in range(3):
        QApplication.processEvents()
        rig.window.layout().activate()


@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_fits_and_meets_the_design_rules(qtbot, tmp_path: Path, lang: str) -> None:
    rig = make_rig(qtbot, tmp_path, language=lang)
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    english = _english_sources()
    problems: list[str] = []
    rendered = 0
    try:
        for large in (False, True):
            if large != rig.window.large_text:
                rig.window.toggle_large_text()
            scale = LARGE_TEXT if large else 1.0
            for orientation, (width, height) in SIZES.items():
                rig.window.resize(width, height)
                for state in _states(rig):
                    _settle_layout(rig)
                    where = f"{lang}/{orientation}/{'large' if large else 'normal'}/{state}"
                    problems += _check_layout(rig, where, scale, width, height)
                    if lang != "en":
                        left = [t for t in rig.visible_texts() if t in english]
                        problems += [f"{where}: untranslated {t!r}" for t in left]
                    if not large or orientation == "landscape":
                        image = rig.window.grab().toImage()
                        path = (
                            shots
                            / f"kiosk-{lang}-{orientation}{'-large' if large else ''}-{state}.png"
                        )
                        assert image.save(str(path))
                        rendered += 1
                        assert _not_blank(image), path
                # the large-text toggle is reset by the welcome screen's button only
                if large != rig.window.large_text:
                    rig.window.toggle_large_text()
    finally:
        close_rig(rig)
    assert rendered >= 3 * 13
    assert not problems, "\n".join(problems[:40])


def _not_blank(image: QImage) -> bool:
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 41)
    }
    return len(colours) > 3


def test_translations_are_complete_and_compiled() -> None:
    import subprocess
    import sys

    from app.paths import resources_dir as res

    script = res().parent / "build" / "i18n.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_hospitals_name_stays_above_the_greeting_in_large_text(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QFontInfo

    rig = make_rig(qtbot, tmp_path)
    try:
        welcome = rig.screen("welcome")
        for large in (False, True):
            if large != rig.window.large_text:
                rig.window.toggle_large_text()
            rig.settle()
            name = QFontInfo(welcome.hospital.font()).pixelSize()
            greeting = QFontInfo(welcome.greeting.font()).pixelSize()
            assert name > greeting, (large, name, greeting)
    finally:
        close_rig(rig)


def test_choosing_a_department_moves_no_card(qtbot, tmp_path: Path) -> None:
    """English words are long: the chosen card changes colour, never its text's weight, so
    nothing re-wraps or moves under the patient's finger; the columns are of one width."""
    rig = make_rig(qtbot, tmp_path, language="en")
    try:
        rig.tap(rig.screen("welcome").walkin)
        w = rig.wait_for("walkin")
        rig.tap(w.decline)
        rig.qtbot.waitUntil(lambda: len(w.dept_cards) > 0)
        _settle_layout(rig)
        cards = [*w.dept_cards.values(), w.dont_know]
        before = [c.geometry() for c in cards]
        widths = {c.width() for c in cards}
        assert max(widths) - min(widths) <= 2, widths
        for card in list(w.dept_cards.values())[:4]:
            rig.tap(card)
            _settle_layout(rig)
            assert [c.geometry() for c in cards] == before
            assert card.title.property("role") == "chosen"
    finally:
        close_rig(rig)
