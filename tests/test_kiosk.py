"""The lobby kiosk, driven by taps and keys like a patient would: check-in by code, by scanner
burst and by phone; walk-in with and without consent; the ticket; "call a guide"; every
error path; the idle reset; the lockdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from sqlalchemy import select

from app.models import AssistanceRequest, Patient, Staff, Visit
from app.services import Actor, assistance
from app.services.masking import mask_name
from app.services.tickets import qr_payload
from kiosk.window import EXIT_DIRECTOR

from .kiosk_rig import PIN, KioskRig, close_rig, make_rig
from .kiosk_rig import type_on_pad as _type_on_pad
from .kiosk_rig import walk_in as _walk_in


@pytest.fixture
def rig(qtbot, tmp_path: Path):
    r = make_rig(qtbot, tmp_path)
    yield r
    close_rig(r)


def _visits(rig: KioskRig) -> list[Visit]:
    with rig.db.reading() as s:
        return list(s.scalars(select(Visit).order_by(Visit.created_at)))


def _requests(rig: KioskRig) -> list[AssistanceRequest]:
    with rig.db.reading() as s:
        return list(s.scalars(select(AssistanceRequest).order_by(AssistanceRequest.created_at)))


# -- appointment check-in ---------------------------------------------------------------------


def test_check_in_by_typed_code_confirms_masked_then_prints_the_ticket(rig: KioskRig) -> None:
    appt = rig.due(0)
    rig.tap(rig.screen("welcome").checkin)
    checkin = rig.wait_for("checkin")
    _type_on_pad(rig, checkin.code_pad, appt.checkin_code.lower().upper())
    assert checkin.code.text() == appt.checkin_code
    rig.tap(checkin.code_pad.ok_key)
    confirm = rig.wait_for("confirm")
    shown = " ".join(rig.visible_texts())
    assert mask_name(appt.patient_name) in shown
    assert appt.patient_name not in shown  # never the full name on a public screen
    assert appt.patient_phone not in shown
    assert confirm.yes.isEnabled()
    rig.tap(confirm.yes)
    ticket = rig.wait_for("ticket")
    [visit] = _visits(rig)
    assert visit.appointment_id == appt.id and visit.arrival_channel == "kiosk"
    assert ticket.number.text() == visit.ticket
    rig.qtbot.waitUntil(lambda: ticket.print_state == "printed")
    assert rig.pdf.stat().st_size > 1000
    assert rig.window.speaker.spoken and visit.ticket[0] in rig.window.speaker.spoken[0]


def test_a_scanner_burst_on_any_screen_goes_straight_to_the_ticket(rig: KioskRig) -> None:
    appt = rig.due(1)
    rig.tap(rig.screen("welcome").walkin)  # the patient is somewhere else entirely
    rig.wait_for("walkin")
    rig.keys(appt.checkin_code + "\n")
    ticket = rig.wait_for("ticket")
    [visit] = _visits(rig)
    assert ticket.number.text() == visit.ticket
    assert rig.screen("walkin").full_name.text() == ""  # the burst's keys left nothing behind


def test_human_typing_speed_is_not_a_scan(rig: KioskRig) -> None:
    appt = rig.due(0)
    rig.tap(rig.screen("welcome").checkin)
    checkin = rig.wait_for("checkin")
    checkin.code.setFocus()
    rig.keys(appt.checkin_code, delay=80)
    assert rig.window.current == "checkin"
    assert checkin.code.text() == appt.checkin_code
    assert _visits(rig) == []


def test_check_in_by_phone_and_first_character(rig: KioskRig) -> None:
    appt = rig.due(2)
    rig.tap(rig.screen("welcome").checkin)
    checkin = rig.wait_for("checkin")
    rig.tap(checkin.by_phone)
    _type_on_pad(rig, checkin.phone_pad, appt.patient_phone)
    checkin.first_char.setText(appt.patient_name[0])  # typed on the on-screen Pinyin keyboard
    rig.tap(checkin.phone_pad.ok_key)
    confirm = rig.wait_for("confirm")
    assert len(confirm.cards) >= 1
    rig.tap(confirm.cards[0])
    rig.tap(confirm.yes)
    rig.wait_for("ticket")
    [visit] = _visits(rig)
    assert visit.appointment_id == appt.id


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("unknown", "没有找到这个签到码"),
        ("early", "您来早了"),
        ("late", "导医台"),
        ("twice", "您已经签到过了"),
    ],
)
def test_check_in_refusals_are_kind_and_offer_a_guide(rig: KioskRig, case, expected) -> None:
    appt = rig.due(0)
    code = appt.checkin_code
    if case == "unknown":
        code = "ZZZZZZ"
    elif case == "early":
        rig.clock.at = appt.scheduled_at - dt.timedelta(hours=2)
    elif case == "late":
        rig.clock.at = appt.scheduled_at + dt.timedelta(minutes=40)
    elif case == "twice":
        rig.runtime.backend.check_in(appt.id)
    rig.tap(rig.screen("welcome").checkin)
    checkin = rig.wait_for("checkin")
    checkin.code.setText(code)
    rig.tap(checkin.code_pad.ok_key)
    if case != "unknown":
        confirm = rig.wait_for("confirm")
        rig.tap(confirm.yes)
        assert confirm.message.isVisible()
        assert expected in confirm.message.text()
        assert rig.window.help.isVisible()  # the guide is one tap away
    else:
        assert rig.window.current == "checkin"
        assert expected in checkin.message.text()
        assert checkin.message_help.isVisible()
        rig.tap(checkin.message_help)
        rig.wait_for("help")
        assert len(_requests(rig)) == 1
    assert len(_visits(rig)) == (1 if case == "twice" else 0)


def test_phone_look_up_errors(rig: KioskRig) -> None:
    rig.due(0)
    rig.tap(rig.screen("welcome").checkin)
    checkin = rig.wait_for("checkin")
    rig.tap(checkin.by_phone)
    checkin.phone.setText("12345")
    checkin.first_char.setText("张")
    rig.tap(checkin.phone_pad.ok_key)
    assert "11位" in checkin.message.text()
    checkin.phone.setText("13900000000")
    rig.tap(checkin.phone_pad.ok_key)
    assert "没有找到这个手机号" in checkin.message.text()


def test_an_appointment_on_another_day_says_so(rig: KioskRig) -> None:
    appt = rig.due(0)
    rig.clock.at = appt.scheduled_at + dt.timedelta(days=1)
    rig.tap(rig.screen("welcome").checkin)
    checkin = rig.wait_for("checkin")
    checkin.code.setText(appt.checkin_code)
    rig.tap(checkin.code_pad.ok_key)
    assert appt.day.isoformat() in checkin.message.text()


# -- walk-in ----------------------------------------------------------------------------------


def test_each_walk_in_page_is_checked_as_it_is_left(rig: KioskRig) -> None:
    rig.tap(rig.screen("welcome").walkin)
    w = rig.wait_for("walkin")
    rig.tap(w.agree)
    rig.tap(w.next)  # nothing given: the patient stays, told what is missing on this page
    assert w.steps.currentIndex() == 1 and w.message.isVisible()
    assert "姓名" in w.message.text() and "手机" in w.message.text()
    w.full_name.setText("王小明")
    w.age.setFocus()
    _type_on_pad(rig, w.pad, "67")
    w.phone.setFocus()
    _type_on_pad(rig, w.pad, "13955556666")
    rig.tap(w.next)
    assert w.steps.currentIndex() == 2 and not w.message.isVisible()
    rig.tap(w.next)  # why they came: not chosen
    assert w.steps.currentIndex() == 2 and w.message.isVisible()
    rig.tap(w.purpose.buttons["consultation"])
    rig.tap(w.next)
    assert w.steps.currentIndex() == 3
    assert _visits(rig) == []


def test_walk_in_with_consent_registers_an_unverified_patient(rig: KioskRig) -> None:
    _walk_in(rig)
    ticket = rig.wait_for("ticket")
    [visit] = _visits(rig)
    assert ticket.number.text() == visit.ticket
    assert not visit.verified
    with rig.db.reading() as s:
        patient = s.get(Patient, visit.patient_id)
        assert (patient.name, patient.age, patient.phone) == ("王小明", 67, "13955556666")
        assert not patient.verified
    assert "王小明" not in " ".join(rig.visible_texts())
    rig.tap(ticket.done)
    assert rig.window.current == "welcome"
    _walk_in(rig)  # the same phone again: recognised as returning
    rig.wait_for("ticket")
    second = _visits(rig)[-1]
    assert second.is_returning and second.patient_id == visit.patient_id


def test_declining_the_privacy_notice_still_gets_a_ticket_and_a_guide(rig: KioskRig) -> None:
    rig.tap(rig.screen("welcome").walkin)
    w = rig.wait_for("walkin")
    assert w.agree.size() == w.decline.size()  # equal weight
    assert w.agree.property("role") == w.decline.property("role")
    rig.tap(w.decline)
    rig.qtbot.waitUntil(lambda: len(w.dept_cards) > 0)
    rig.tap(next(iter(w.dept_cards.values())))
    rig.tap(w.next)
    ticket = rig.wait_for("ticket")
    [visit] = _visits(rig)
    assert visit.patient_id is None and visit.needs_escort
    # this kiosk stands alone: it promises no guide was told, it says where to go
    assert "请凭此号票到导医台" in ticket.details.text()
    assert "已通知导医" not in " ".join(rig.visible_texts())
    [req] = _requests(rig)
    assert req.visit_id == visit.id and req.reason == "help"
    with rig.db.reading() as s:
        assert s.scalar(select(Patient.id)) is None


def test_a_wrong_phone_is_refused_on_its_own_page(rig: KioskRig) -> None:
    rig.tap(rig.screen("welcome").walkin)
    w = rig.wait_for("walkin")
    rig.tap(w.agree)
    w.full_name.setText("王小明")
    w.age.setFocus()
    _type_on_pad(rig, w.pad, "67")
    w.phone.setFocus()
    _type_on_pad(rig, w.pad, "1234")
    rig.tap(w.next)
    assert rig.window.current == "walkin"
    assert w.steps.currentIndex() == 1  # about you
    assert "11位" in w.message.text()
    assert _visits(rig) == []


# -- call a guide ------------------------------------------------------------------------------


def test_call_a_guide_from_every_screen_and_see_who_comes(rig: KioskRig) -> None:
    places = set()
    for name in ("welcome", "checkin", "walkin", "confirm", "ticket"):
        rig.window.go(name)
        rig.settle()
        assert rig.window.help.isVisible(), name
        places.add(rig.window.help.geometry().getRect())
    assert len(places) == 1  # the same place on every screen …
    rig.window.go("checkin")
    rig.settle()
    start_over = rig.window.home.mapTo(rig.window, rig.window.home.rect().center())
    rig.window.go("welcome")  # … and where "Start over" was, the welcome screen has nothing
    rig.settle()
    under = rig.window.childAt(start_over)
    assert not isinstance(under, QPushButton), under
    rig.window.go("checkin")
    rig.tap(rig.window.help)
    helper = rig.wait_for("help")
    [req] = _requests(rig)
    assert req.location == "门诊大厅 1号自助机" and req.acknowledged_at is None
    assert "等待" in helper.state.text()
    assert "正在为您呼叫导医" in helper.heading.text()  # no promise before anyone answered
    assert not rig.window.help.isVisible()  # a button that would do nothing is not shown
    with rig.db.session() as s:
        guide = s.scalars(select(Staff).where(Staff.username == "guide.li")).one()
        assistance.acknowledge(s, req.id, Actor("desk", guide.id), rig.clock)
        guide_name = guide.display_name
    helper.poll()
    rig.settle()
    assert guide_name in helper.state.text()  # by the name on their badge
    assert helper.heading.text() == "导医马上就来"
    rig.tap(helper.back)
    assert rig.window.current == "checkin"


def test_a_failed_printer_keeps_the_ticket_on_screen_and_tells_the_guides(
    qtbot, tmp_path: Path
) -> None:
    rig = make_rig(qtbot, tmp_path, printer="no-such-printer")
    try:
        appt = rig.due(0)
        rig.window.on_scanned(appt.checkin_code)
        ticket = rig.wait_for("ticket")
        rig.qtbot.waitUntil(lambda: ticket.print_state == "failed")
        rig.settle()
        assert ticket.number.text() == _visits(rig)[0].ticket
        assert ticket.reprint.isVisible()
        [req] = _requests(rig)
        assert req.reason == "printer" and req.visit_id == _visits(rig)[0].id
        assert rig.window.printer_state == "error"
        rig.tap(ticket.reprint)  # "Print again" fails too: still the one call, not a second
        rig.qtbot.waitUntil(lambda: ticket.print_state == "failed")
        rig.settle()
        assert [r.id for r in _requests(rig)] == [req.id]
    finally:
        close_rig(rig)


# -- idle -------------------------------------------------------------------------------------


def test_idle_prompt_then_reset_clears_every_field(qtbot, tmp_path: Path) -> None:
    rig = make_rig(qtbot, tmp_path, idle_timeout_s=0.3, idle_prompt_s=1)
    try:
        rig.tap(rig.screen("welcome").languages["en"])
        rig.tap(rig.screen("welcome").walkin)
        w = rig.wait_for("walkin")
        rig.tap(w.agree)
        w.full_name.setText("王小明")
        w.phone.setText("13955556666")
        rig.qtbot.waitUntil(rig.window.still_there.isVisible, timeout=3000)
        rig.tap(rig.window.still_there.keep)  # "still here": nothing is lost
        assert w.full_name.text() == "王小明" and rig.window.current == "walkin"
        rig.qtbot.waitUntil(rig.window.still_there.isVisible, timeout=3000)
        rig.qtbot.waitUntil(lambda: rig.window.current == "welcome", timeout=4000)
        assert rig.window.lang == "zh_CN"
        for field in rig.window.findChildren(QLineEdit):
            assert field.text() == "", field
        assert rig.window.speaker.spoken == []
    finally:
        close_rig(rig)


def test_a_touch_restarts_the_idle_timer(qtbot, tmp_path: Path) -> None:
    rig = make_rig(qtbot, tmp_path, idle_timeout_s=0.5)
    try:
        rig.tap(rig.screen("welcome").checkin)
        checkin = rig.wait_for("checkin")
        for _ in range(4):
            rig.qtbot.wait(250)
            rig.touch(checkin.code_pad.keys["A"])
        assert not rig.window.still_there.isVisible()
        rig.qtbot.waitUntil(rig.window.still_there.isVisible, timeout=3000)
    finally:
        close_rig(rig)


# -- lockdown ---------------------------------------------------------------------------------


def test_the_chosen_language_is_painted_as_chosen_from_the_first_frame(rig: KioskRig) -> None:
    """The welcome screen marks its language before it is ever shown (no repolish then, see
    gui/roles.set_role); the first frame and every switch after it must still show it."""
    from PySide6.QtGui import QColor

    from kiosk.theme import ROLES

    def fill(button) -> str:  # the colour just inside the button's rounded corner
        return QColor(button.grab().toImage().pixel(20, button.height() // 2)).name().upper()

    welcome = rig.screen("welcome")
    chosen, plain = ROLES["chosen"].bg.upper(), ROLES["choice"].bg.upper()
    assert [fill(welcome.languages[c]) for c in ("zh_CN", "zh_TW", "en")] == [chosen, plain, plain]
    rig.tap(welcome.languages["en"])
    assert [fill(welcome.languages[c]) for c in ("zh_CN", "zh_TW", "en")] == [plain, plain, chosen]


def test_lockdown_flags_close_shortcuts_menus_cursor(rig: KioskRig) -> None:
    w = rig.window
    flags = w.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert not w.close()
    assert w.isVisible()
    for key, mods in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ):
        rig.qtbot.keyClick(w, key, mods)
        assert w.isVisible()
    rig.tap(rig.screen("welcome").checkin)
    field = rig.screen("checkin").code
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), field.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(field, event)
    assert QApplication.activePopupWidget() is None
    # even a widget that would show a menu never gets one: a long press (the right button)
    # and the menu key are eaten at the window
    menus: list[QContextMenuEvent] = []
    probe = QLabel("probe", rig.window.stack)
    probe.setGeometry(0, 0, 200, 200)
    probe.contextMenuEvent = menus.append
    probe.show()
    rig.touch(probe, Qt.MouseButton.RightButton)
    probe.setFocus()
    QTest.keyClick(rig.window.windowHandle(), Qt.Key.Key_Menu)
    assert menus == []
    rig.window.remove_guards(QApplication.instance())  # (the probe does see them unguarded)
    rig.touch(probe, Qt.MouseButton.RightButton)
    assert len(menus) == 1
    rig.window.install_guards(QApplication.instance())
    probe.deleteLater()
    assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    second = QLockFile(str(rig.cfg.data_path() / "kiosk.lock"))
    first = QLockFile(str(rig.cfg.data_path() / "kiosk.lock"))
    assert first.tryLock(0)
    assert not second.tryLock(0)
    first.unlock()


def test_the_director_leaves_with_the_hidden_gesture_and_pin(rig: KioskRig, monkeypatch) -> None:
    codes: list[int] = []
    monkeypatch.setattr(QApplication.instance(), "exit", lambda code=0: codes.append(code))
    corner = rig.window.hot_corner
    for _ in range(4):
        rig.qtbot.mouseClick(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert not rig.window.pin_pad.isVisible()
    rig.qtbot.mouseClick(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    pad = rig.window.pin_pad
    assert pad.isVisible()
    _type_on_pad(rig, pad.pad, "1111")
    rig.tap(pad.pad.ok_key)
    assert "密码不对" in pad.message.text()
    assert rig.window.isVisible() and not rig.window.may_close
    _type_on_pad(rig, pad.pad, PIN)
    rig.tap(pad.pad.ok_key)
    assert rig.window.may_close and not rig.window.isVisible()
    assert codes == [EXIT_DIRECTOR]


def test_five_wrong_pins_lock_the_pad(rig: KioskRig) -> None:
    pad = rig.window.pin_pad
    pad.start()
    for _ in range(5):
        pad.pin.setText("0000")
        pad.submit()
    pad.pin.setText(PIN)
    pad.submit()
    assert not rig.window.may_close
    assert "几分钟" in pad.message.text()


def test_the_qr_code_names_the_visit_only(rig: KioskRig) -> None:
    appt = rig.due(0)
    ticket = rig.runtime.backend.check_in(appt.id)
    assert ticket.qr == qr_payload(ticket.visit_id)
    assert appt.patient_phone not in ticket.qr and appt.checkin_code not in ticket.qr


def test_no_key_event_is_counted_twice_by_the_scanner(rig: KioskRig) -> None:
    """A key the focus widget ignores travels up to its parents; one key, one character."""
    got: list[str] = []
    rig.window.scanner.scanned.connect(got.append)
    rig.tap(rig.screen("welcome").checkin)
    rig.screen("checkin").code.setFocus()
    rig.keys("ABCD\n")
    assert got == ["ABCD"]


def test_answers_never_wear_out_none(qtbot) -> None:
    """Answers cross from the back end's thread without signals or posted events: with those,
    PySide6 dropped a reference to None or True on each call until the kiosk crashed."""
    import gc
    import sys
    from types import SimpleNamespace

    from gui.bridge import Bridge

    bridge = Bridge(lambda: SimpleNamespace(backend=None, close=lambda: None))
    bridge.start()
    got: list[object] = []
    gc.collect()  # earlier tests' garbage must not count against this one
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(2000):
        bridge.call(lambda backend: backend, got.append)
    bridge.wait_idle()
    qtbot.waitUntil(lambda: len(got) == 2000)
    assert got == [None] * 2000
    got.clear()
    gc.collect()
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert all(a > b - 100 for a, b in zip(after, before, strict=True)), (before, after)
    bridge.close()


def test_calls_from_qt_into_python_keep_none_alive(qtbot) -> None:
    """PySide6 6.12.0 dropped a reference to None on every slot call (timer ticks, signals):
    a kiosk crashed after a few thousand.  The pinned version must not."""
    import gc
    import sys

    from PySide6.QtCore import QTimer

    ticks = [0]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    gc.collect()
    before = sys.getrefcount(None)
    timer.start(0)
    qtbot.waitUntil(lambda: ticks[0] >= 3000, timeout=20_000)
    timer.stop()
    gc.collect()
    assert sys.getrefcount(None) > before - 100


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_a_patient_already_checked_in_gets_the_same_ticket_again(
    qtbot, tmp_path: Path, language: str
) -> None:
    """Checked in earlier (the ticket lost, or the printer failed then): the kiosk says so
    and offers the same ticket — same number, same QR code — printed again."""
    rig = make_rig(qtbot, tmp_path, language=language)
    try:
        _same_ticket_again(rig, language)
    finally:
        close_rig(rig)


def _same_ticket_again(rig: KioskRig, language: str) -> None:
    import os

    shots = Path(os.environ.get("FRONTDESK_SHOTS") or rig.pdf.parent / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    appt = rig.due(0)
    for attempt in range(2):
        rig.tap(rig.screen("welcome").checkin)
        checkin = rig.wait_for("checkin")
        _type_on_pad(rig, checkin.code_pad, appt.checkin_code)
        rig.tap(checkin.code_pad.ok_key)
        confirm = rig.wait_for("confirm")
        rig.tap(confirm.yes)
        if attempt == 0:
            first = rig.wait_for("ticket")
            rig.qtbot.waitUntil(lambda t=first: t.print_state == "printed")
            number = first.number.text()
            rig.window.finish()  # the patient walks away; the ticket gets lost
            rig.settle()
    assert confirm.message.isVisible() and number in confirm.message.text()
    assert confirm.reprint.isVisible() and confirm.message.property("role") == "warn"
    assert rig.window.grab().save(str(shots / f"kiosk-reprint-{language}.png"))
    rig.pdf.unlink()
    rig.tap(confirm.reprint)
    again = rig.wait_for("ticket")
    assert again.number.text() == number and len(_visits(rig)) == 1  # no second visit
    assert again.ticket.qr == qr_payload(_visits(rig)[0].id)
    rig.qtbot.waitUntil(lambda: again.print_state == "printed")
    assert rig.pdf.stat().st_size > 1000


def test_declining_with_a_failed_printer_makes_one_call_not_two(qtbot, tmp_path: Path) -> None:
    rig = make_rig(qtbot, tmp_path, printer="no-such-printer")
    try:
        rig.tap(rig.screen("welcome").walkin)
        w = rig.wait_for("walkin")
        rig.tap(w.decline)
        rig.qtbot.waitUntil(lambda: len(w.dept_cards) > 0)
        rig.tap(next(iter(w.dept_cards.values())))
        rig.tap(w.next)
        ticket = rig.wait_for("ticket")
        rig.qtbot.waitUntil(lambda: ticket.print_state == "failed")
        rig.settle()
        [visit] = _visits(rig)
        [req] = _requests(rig)  # the guide already coming brings the ticket too
        assert req.visit_id == visit.id and req.reason == "help"
    finally:
        close_rig(rig)


def test_start_over_keeps_the_patients_language_and_large_text(rig: KioskRig) -> None:
    welcome = rig.screen("welcome")
    rig.tap(welcome.languages["en"])
    rig.tap(welcome.larger)
    rig.tap(welcome.walkin)
    w = rig.wait_for("walkin")
    rig.tap(w.agree)  # a step in, then the patient takes a wrong turn and starts again
    rig.tap(rig.window.home)
    rig.wait_for("welcome")
    assert (rig.window.lang, rig.window.large_text) == ("en", True)
    assert rig.screen("walkin").full_name.text() == ""  # but nothing they typed stays
    rig.window.reset()  # idle: the next patient gets the kiosk's own language, normal text
    assert (rig.window.lang, rig.window.large_text) == ("zh_CN", False)


@pytest.mark.parametrize(("language", "offered"), [("zh_CN", False), ("en", True)])
def test_say_it_again_only_where_a_voice_speaks(
    qtbot, tmp_path: Path, language: str, offered: bool
) -> None:
    """The test machine's voice (Qt's mock engine) speaks English only: a Chinese ticket does
    not offer a "say it again" that would stay silent."""
    rig = make_rig(qtbot, tmp_path, language=language)
    try:
        rig.window.on_scanned(rig.due(0).checkin_code)
        ticket = rig.wait_for("ticket")
        rig.settle()
        assert ticket.again.isVisible() is offered
    finally:
        close_rig(rig)


def test_a_walk_in_in_english_is_marked_so_on_every_board(qtbot, tmp_path: Path) -> None:
    from app.services import board

    rig = make_rig(qtbot, tmp_path, language="en")
    try:
        rig.tap(rig.screen("welcome").walkin)
        w = rig.wait_for("walkin")
        rig.tap(w.decline)
        rig.qtbot.waitUntil(lambda: len(w.dept_cards) > 0)
        rig.tap(next(iter(w.dept_cards.values())))
        rig.tap(w.next)
        rig.wait_for("ticket")
        [visit] = _visits(rig)
        assert visit.language == "en"
        with rig.db.reading() as s:
            [row] = board.open_visits(s, rig.clock.today())
        assert row.language == "en"
    finally:
        close_rig(rig)
