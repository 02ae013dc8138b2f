"""The guide workstation, driven by mouse and keyboard through pytest-qt on a real stand-alone
desk (SQLite file, demo hospital): sign-in and lock, registration with errors and returning
patients, triage with a designated doctor, escort and stage moves by click and by key,
admission hand-off, timeline and correction, roles."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItemIterator

from app.services.auth import SignedIn
from app.services.registration import PatientForm, VisitForm
from ui.board_model import ROW_ROLE
from ui.dialogs import AdmissionDialog, HandOffDialog, TimelineDialog

from .staff_rig import StaffRig, close_staff, make_staff


@pytest.fixture
def rig(qtbot, tmp_path: Path):
    r = make_staff(qtbot, tmp_path / "desk")
    yield r
    close_staff(r)


def _arrive(rig: StaffRig, name: str = "赵小明", phone: str = "13912345678", **visit) -> str:
    """A patient registered through the back end by the signed-in person."""
    result, update = rig.backend.register(
        rig.window.who,
        PatientForm(name, "M", 70, phone, "朝阳区", "phone"),
        VisitForm(purpose="consultation", **visit),
    )
    rig.window.model.apply(update.rows, update.gone)
    return result.visit_id


def _closed(dialog: object) -> bool:
    """Closed dialogs delete themselves."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _as(rig: StaffRig, username: str) -> SignedIn:
    return rig.backend.sign_in(username, "demo-1234")


def test_sign_in_refuses_wrong_password_then_locks_and_unlocks(rig: StaffRig) -> None:
    w = rig.window
    assert w.stack.currentWidget() is w.signin_page
    rig.sign_in("guide.wang", "nope")
    assert w.signin_page.error.isVisible()
    assert "密码" in w.signin_page.error.text() and w.who is None
    rig.sign_in("guide.wang")
    assert w.stack.currentWidget() is w.desk_page and w.who.display_name == "王芳"
    assert "王芳" in w.person.text()
    # no input for the configured time: locked, nothing of the board on screen
    w.idle.timer.setInterval(30)
    w.idle.restart()
    rig.qtbot.waitUntil(lambda: w.stack.currentWidget() is w.lock_page, timeout=2000)
    assert not w.board_page.table.isVisible()
    assert "王芳" in w.lock_page.title.text()
    w.lock_page.password.setText("demo-1234-not")
    rig.click(w.lock_page.unlock)
    assert w.stack.currentWidget() is w.lock_page and w.lock_page.error.isVisible()
    w.lock_page.password.setText("demo-1234")
    rig.click(w.lock_page.unlock)
    assert w.stack.currentWidget() is w.desk_page
    # switching user is one click and forgets the board
    rig.click(w.switch_button)
    assert w.stack.currentWidget() is w.signin_page and w.who is None
    assert w.model.rowCount() == 0
    rig.sign_in("guide.li")
    assert w.who.display_name == "李娜"


def _tab_shown(w, page) -> bool:
    return w.tabs.isTabVisible(w.tabs.indexOf(page))


def test_roles_decide_what_a_person_sees(rig: StaffRig) -> None:
    w = rig.window
    rig.sign_in("consult.liu")
    assert _tab_shown(w, w.register_page) and _tab_shown(w, w.appointments_page)
    assert not _tab_shown(w, w.shift_page)
    assert not _tab_shown(w, w.satisfaction_page)  # satisfaction figures
    assert not w.board_page.escort_buttons["claim"][0].isVisible()
    assert not w.board_page.escort_buttons["next"][0].isVisible()
    rig.click(w.switch_button)
    rig.sign_in("quality.zhou")
    assert not _tab_shown(w, w.register_page) and not _tab_shown(w, w.appointments_page)
    assert _tab_shown(w, w.shift_page) and _tab_shown(w, w.satisfaction_page)
    assert not w.board_page.escort_buttons["triage"][0].isVisible()
    rig.click(w.switch_button)
    rig.sign_in("guide.zhang")  # a guide who is duty lead also sees the shift
    assert _tab_shown(w, w.register_page) and _tab_shown(w, w.shift_page)


def test_registration_marks_wrong_fields_and_keeps_what_was_typed(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    w = rig.window
    page = w.register_page
    rig.key(w, Qt.Key.Key_F2)
    assert w.tabs.currentWidget() is page
    rig.type(page.name, "李秀兰")
    rig.type(page.phone, "1381234")  # too short
    rig.type(page.age, "200")
    rig.click(page.submit)
    assert page.errors.isVisible()
    assert "11位" in page.errors.text() and "0到130" in page.errors.text()
    assert page.phone.property("invalid") and page.age.property("invalid")
    assert not page.name.property("invalid")
    assert page.name.text() == "李秀兰" and page.phone.text() == "1381234"  # nothing lost
    assert w.model.rowCount() == 0
    page.phone.clear()
    rig.type(page.phone, "13812340000")
    page.age.clear()
    rig.type(page.age, "81")
    page.needs_escort.setChecked(True)
    rig.key(page.age, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not page.errors.isVisible()
    assert "李秀兰" in page.banner.text()
    assert page.name.text() == ""  # cleared for the next patient
    rows = w.model.rows()
    assert [r.name for r in rows] == ["李秀兰"] and rows[0].needs_escort
    assert w.board_page.current() is not None


def test_returning_patient_found_as_you_type_and_duplicates_warned(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    _arrive(rig, "钱学敏", "13700001111")
    w = rig.window
    page = w.register_page
    w.tabs.setCurrentWidget(page)
    rig.type(page.phone, "1370000")
    rig.qtbot.waitUntil(lambda: page.match_list.count() == 1, timeout=2000)
    rig.settle()
    assert "钱学敏" in page.match_list.item(0).text()
    # a new record with the same phone: warned first, not made
    page.phone.clear()
    rig.type(page.phone, "13700001111")
    rig.type(page.name, "钱小敏")
    rig.qtbot.waitUntil(lambda: page.match_list.count() == 1, timeout=2000)
    rig.click(page.submit)
    assert page.banner.isVisible() and "钱*敏" in page.banner.text()
    assert w.model.rowCount() == 1
    # picking them fills the form; registering makes a returning visit, not a new patient
    item = page.match_list.item(0)
    rig.qtbot.mouseClick(
        page.match_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.match_list.visualItemRect(item).center(),
    )
    rig.settle()
    assert page.name.text() == "钱学敏" and page.patient_id
    rig.click(page.submit)
    rows = w.model.rows()
    assert len(rows) == 2 and rows[-1].returning and rows[-1].name == "钱学敏"


def test_triage_honours_a_designated_doctor(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    visit = _arrive(rig)
    w = rig.window
    rig.choose(visit)
    rig.key(w.board_page.table, Qt.Key.Key_F4)
    page = w.triage_page
    assert w.tabs.currentWidget() is page and "赵小明" in page.target.text()
    it = QTreeWidgetItemIterator(page.tree)
    doctor_item = None
    while it.value():
        item = it.value()
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data[1] and item.parent().text(0) == "内科":
            doctor_item = item
            break
        it += 1
    assert doctor_item is not None
    doctor_text = doctor_item.text(0)
    page.tree.setCurrentItem(doctor_item)
    assert page.designated.isEnabled()
    page.designated.setChecked(True)
    rig.click(page.send)
    assert w.tabs.currentWidget() is w.board_page
    row = w.model.row_of(visit)
    assert row.designated_doctor and row.department[0] == "内科"
    assert row.doctor[0] in doctor_text and row.ticket.startswith("A")
    assert "指定" in w.model.flags_text(row) or "Designated" in w.model.flags_text(row)
    rig.settle()  # the roster now counts one more waiting for that doctor
    assert any(
        page.tree.topLevelItem(i).text(4) == "1" for i in range(page.tree.topLevelItemCount())
    )
    # the timeline says where the patient was sent, and to whom
    rig.choose(visit)
    rig.key(w.board_page.table, Qt.Key.Key_T)
    dialog = rig.dialog(TimelineDialog)
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(f"已分诊到 内科 · {row.doctor[0]}" in ln and "指定医生" in ln for ln in lines), lines
    dialog.reject()


def test_escort_moves_by_click_and_by_key_admission_and_departure(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    visit = _arrive(rig)
    w, page = rig.window, rig.window.board_page
    rig.choose(visit)
    rig.click(page.escort_buttons["claim"][0])
    assert w.model.row_of(visit).escort_name == "王芳"
    rig.key(page.table, Qt.Key.Key_N)  # one key: arrived -> registered
    assert w.model.row_of(visit).stage == "registered"
    rig.click(page.escort_buttons["next"][0])  # one click: -> waiting
    assert w.model.row_of(visit).stage == "waiting"
    # mine / unescorted filters
    page.unescorted.setChecked(True)
    assert page.proxy.rowCount() == 0
    page.unescorted.setChecked(False)
    page.mine.setChecked(True)
    assert page.proxy.rowCount() == 1
    page.mine.setChecked(False)
    # hand-off to another guide
    rig.choose(visit)
    rig.key(page.table, Qt.Key.Key_H)
    dialog = rig.dialog(HandOffDialog)
    names = [dialog.list.item(i).text().split("  ·  ")[0] for i in range(dialog.list.count())]
    assert "王芳" not in names and "李娜" in names
    assert all("空闲" in dialog.list.item(i).text() for i in range(dialog.list.count()))
    dialog.list.setCurrentRow(names.index("李娜"))
    rig.click(dialog.ok_button())
    assert w.model.row_of(visit).escort_name == "李娜"
    assert not page.escort_buttons["release"][0].isEnabled()  # not mine any more
    # the next hand-off lists the least busy first, each with what they walk with now
    rig.choose(visit)
    rig.key(page.table, Qt.Key.Key_H)
    dialog = rig.dialog(HandOffDialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert not any(t.startswith("李娜") for t in texts)  # she has the patient now
    assert "王芳  ·  空闲" in texts
    dialog.reject()
    # admission needs the ward and the receiving nurse; the dialog keeps what was typed
    rig.choose(visit)
    rig.key(page.table, Qt.Key.Key_A)
    dialog = rig.dialog(AdmissionDialog)
    dialog.ward.setText("5楼心内科病区")
    rig.click(dialog.ok_button())
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.ward.text() == "5楼心内科病区"
    dialog.nurse.setText("周护士")
    rig.click(dialog.ok_button())
    assert _closed(dialog)
    assert w.model.row_of(visit).stage == "admission"
    assert "周护士" in page.message.text()
    # departure takes the row off the board; undo brings it back, both steps kept
    rig.choose(visit)
    rig.key(page.table, Qt.Key.Key_D)
    assert w.model.row_of(visit) is None and page.undo.isVisible()
    rig.click(page.undo)
    assert w.model.row_of(visit).stage == "admission"
    kinds = [ln.kind for ln in rig.backend.timeline(rig.window.who, visit)]
    assert kinds[-2:] == ["departed", "corrected"]


def test_timeline_opens_with_enter_and_corrects_a_mistaken_move(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    visit = _arrive(rig)
    w, page = rig.window, rig.window.board_page
    rig.choose(visit)
    rig.key(page.table, Qt.Key.Key_C)
    rig.key(page.table, Qt.Key.Key_N)
    rig.key(page.table, Qt.Key.Key_N)  # -> waiting, by mistake
    rig.key(page.table, Qt.Key.Key_Return)
    dialog = rig.dialog(TimelineDialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(texts) == 4 and all("一楼导医台" in t for t in texts)
    assert any("王芳" in t for t in texts)
    rig.click(dialog.ok_button())  # no reason given
    assert dialog.error.isVisible() and dialog.isVisible()
    dialog.reason.setText("点错了")
    rig.click(dialog.ok_button())
    assert _closed(dialog)
    assert w.model.row_of(visit).stage == "registered"
    rig.choose(visit)
    rig.key(page.table, Qt.Key.Key_T)
    dialog = rig.dialog(TimelineDialog)
    struck = [dialog.list.item(i).font().strikeOut() for i in range(dialog.list.count())]
    assert struck == [False, False, False, True, False]
    dialog.reject()


def test_a_claim_refused_names_the_guide_who_has_the_patient(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    visit = _arrive(rig)
    li = _as(rig, "guide.li")
    update = rig.backend.claim(li, visit)
    # the board has not heard yet: the button is still offered
    rig.choose(visit)
    assert rig.window.board_page.escort_buttons["claim"][0].isEnabled()
    rig.click(rig.window.board_page.escort_buttons["claim"][0])
    assert "李娜" in rig.window.board_page.message.text()
    del update


def test_received_walk_in_and_scanned_ticket(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    from app.services import registration
    from app.services.context import Actor
    from app.services.tickets import qr_payload

    with rig.backend.db.session() as s:
        roster = rig.backend.roster()
        result = registration.register_walk_in(
            s,
            PatientForm("孙悦", "F", 40, "13600002222", "", "walk_in"),
            VisitForm(purpose="consultation", department_id=roster[0].department_id),
            Actor("kiosk-1", desk="门诊大厅 1号自助机"),
            rig.clock,
        )
    rig.window.reload_board()
    rig.settle()
    row = rig.window.model.row_of(result.visit_id)
    assert row is not None and not row.verified
    assert "待接待" in rig.window.model.flags_text(
        row
    ) or "To receive" in rig.window.model.flags_text(row)
    # the desk's scanner reads the ticket's QR code: that visit is chosen and opened
    rig.window.board_page.table.clearSelection()
    rig.window.scanned(qr_payload(result.visit_id))
    rig.settle()
    assert rig.window.board_page.current().visit_id == result.visit_id
    dialog = rig.dialog(TimelineDialog)
    assert "门诊大厅 1号自助机" in dialog.list.item(0).text()
    dialog.reject()
    rig.click(rig.window.board_page.escort_buttons["receive"][0])
    assert rig.window.model.row_of(result.visit_id).verified


def _painted(rig: StaffRig, i: int, col: int) -> str:
    """The colour the board paints behind a cell, read off the screen (its left padding)."""
    table = rig.window.board_page.table
    QApplication.processEvents()
    rect = table.visualRect(table.model().mapFromSource(rig.window.model.index(i, col)))
    image = table.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    x, y = int((rect.left() + 2) * ratio), int(rect.center().y() * ratio)
    return image.pixelColor(x, y).name().upper()


def test_board_ticks_and_warns_in_symbols_not_colour_alone(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    visit = _arrive(rig)
    model = rig.window.model
    from app.services.stages import Level
    from ui.board_model import IN_STAGE, WHERE
    from ui.theme import LEVELS, SELECTED

    i = [r.visit_id for r in model.rows()].index(visit)
    assert "▲" not in model.data(model.index(i, IN_STAGE))
    rig.clock.advance(minutes=6)  # arrived: amber after 5 minutes
    model.tick()
    text = model.data(model.index(i, IN_STAGE))
    assert text.startswith("▲") and "6:00" in text
    assert model.data(model.index(i, IN_STAGE), Qt.ItemDataRole.ToolTipRole)
    assert _painted(rig, i, IN_STAGE) == LEVELS[Level.AMBER][0]
    rig.clock.advance(minutes=5)
    model.tick()
    assert model.data(model.index(i, IN_STAGE)).startswith("■")
    assert _painted(rig, i, IN_STAGE) == LEVELS[Level.RED][0]
    table = rig.window.board_page.table
    table.selectRow(table.model().mapFromSource(model.index(i, 0)).row())
    assert _painted(rig, i, IN_STAGE) == SELECTED  # the chosen row stands out
    # text too long for its column is cut with an ellipsis, never drawn over the next cell
    table.horizontalHeader().resizeSection(WHERE, 40)
    _painted(rig, i, WHERE)
    assert any(
        shown.endswith("…") and len(shown) < len(text)
        for (text, _w), (shown, _a) in table.texts.items()
    )
    # masking for a desk the public can see
    rig.window.board_page.masked.setChecked(True)
    assert model.data(model.index(i, 1)) == "赵*明"
    QApplication.processEvents()


def test_a_note_on_a_visit_by_keyboard_lands_in_its_timeline(rig: StaffRig) -> None:
    from ui.dialogs import NoteDialog

    rig.sign_in("guide.wang")
    visit = _arrive(rig)
    page = rig.window.board_page
    rig.choose(visit)
    rig.key(page.table, Qt.Key.Key_W)
    dialog = rig.dialog(NoteDialog)
    rig.key(dialog.text, Qt.Key.Key_Return)  # empty: refused, nothing kept
    assert dialog.error.isVisible() and dialog.isVisible()
    rig.type(dialog.text, "电梯口需要轮椅，家属在药房等")
    rig.key(dialog.text, Qt.Key.Key_Return)
    assert _closed(dialog)
    assert "已为" in page.message.text()
    [line] = [ln for ln in rig.backend.timeline(rig.window.who, visit) if ln.kind == "note"]
    assert line.data["text"] == "电梯口需要轮椅，家属在药房等" and line.staff_name == "王芳"
    rig.choose(visit)
    rig.key(page.table, Qt.Key.Key_T)
    timeline = rig.dialog(TimelineDialog)
    texts = [timeline.list.item(i).text() for i in range(timeline.list.count())]
    assert any("备注：电梯口需要轮椅" in t and "王芳" in t for t in texts)
    timeline.reject()


def test_undo_names_the_patient_it_moves_back_whoever_is_chosen_now(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    first = _arrive(rig, "赵小明", "13912345678")
    second = _arrive(rig, "钱小红", "13912345679")
    page = rig.window.board_page
    rig.choose(first)
    rig.key(page.table, Qt.Key.Key_C)
    start = rig.window.model.row_of(first).stage
    rig.key(page.table, Qt.Key.Key_N)  # 赵小明 moves on
    assert rig.window.model.row_of(first).stage != start
    rig.choose(second)  # the guide turns to somebody else
    assert page.undo.isVisible() and "赵小明" in page.undo.text()
    before = rig.window.model.row_of(second).stage
    rig.click(page.undo)
    assert rig.window.model.row_of(first).stage == start
    assert rig.window.model.row_of(second).stage == before


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_a_walk_in_who_declined_at_the_kiosk_is_registered_when_they_agree_in_person(
    qtbot, tmp_path, language: str
) -> None:
    import os
    from pathlib import Path

    from app.services import registration
    from app.services.context import Actor
    from ui.dialogs import DetailsDialog

    from .staff_rig import close_staff, make_staff
    from .test_staff_design import _english_left, _texts

    rig = make_staff(qtbot, tmp_path / "desk", language=language)
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    try:
        rig.sign_in("guide.wang")
        roster = rig.backend.roster()
        with rig.backend.db.session() as s:  # declined the privacy notice: nothing personal
            walk_in = registration.register_walk_in(
                s,
                None,
                VisitForm(purpose="consultation", department_id=roster[0].department_id),
                Actor("kiosk-1", desk="门诊大厅 1号自助机"),
                rig.clock,
            ).visit_id
        rig.window.reload_board()
        rig.settle()
        row = rig.window.model.row_of(walk_in)
        assert row.anonymous and row.name == "" and not row.verified
        page = rig.window.board_page
        rig.choose(walk_in)
        rig.key(page.table, Qt.Key.Key_V)
        dialog = rig.dialog(DetailsDialog)
        dialog.name.setText("孙悦")
        dialog.phone.setText("1360000")
        rig.click(dialog.ok_button())  # not ticked: refused, nothing kept
        assert dialog.isVisible() and dialog.error.isVisible()
        dialog.consent.setChecked(True)
        rig.click(dialog.ok_button())  # a bad number: refused in words
        assert dialog.isVisible() and dialog.error.text()
        assert dialog.grab().save(str(shots / f"staff-details-{language}.png"))
        if language != "en":
            assert _english_left(_texts(dialog)) == []
        dialog.phone.setText("13600002222")
        rig.click(dialog.ok_button())
        assert _closed(dialog)
        row = rig.window.model.row_of(walk_in)
        assert (row.name, row.verified, row.anonymous) == ("孙悦", True, False)
        [line] = [
            ln for ln in rig.backend.timeline(rig.window.who, walk_in) if ln.kind == "verified"
        ]
        assert line.data == {"consent": "in_person", "details": "completed"}
    finally:
        close_staff(rig)


def test_the_desk_prints_a_ticket_the_same_as_the_kiosks(qtbot, tmp_path) -> None:
    """P on the board: the chosen patient's ticket on the desk's printer (a PDF here), with
    the ticket number and the QR code the kiosk would have printed; a printer that does not
    take it says so with the number to write down; a patient with no number yet is told why."""
    import subprocess

    from .staff_rig import close_staff, make_staff

    folder = tmp_path / "tickets"
    rig = make_staff(qtbot, tmp_path / "desk", extra=[f"printer=pdf:{folder}/"])
    try:
        rig.sign_in("guide.wang")
        roster = rig.backend.roster()
        dept = roster[0]
        visit = _arrive(rig, "孙悦", "13600002222", department_id=dept.department_id)
        untriaged = _arrive(rig, "钱小红", "13600003333")
        page = rig.window.board_page
        rig.choose(visit)
        rig.key(page.table, Qt.Key.Key_P)
        ticket = rig.window.model.row_of(visit).ticket
        [pdf] = folder.glob(f"ticket-{ticket}-*.pdf")  # each ticket a PDF of its own
        assert ticket in page.message.text() and str(pdf) in page.message.text()
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        # the number, the room and the masked name come out as text: a PDF that is searched,
        # read aloud, copied (a few characters Qt maps to their Kangxi radicals, as 门 → ⻔:
        # compare as Unicode's compatibility forms do)
        import unicodedata

        plain = unicodedata.normalize("NFKC", text)
        assert ticket in plain and unicodedata.normalize("NFKC", dept.name[0]) in plain
        assert "孙*" in plain and dept.room.split("-")[0] in plain
        png = tmp_path / "ticket"
        subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(png)], check=True)
        from PySide6.QtGui import QImage

        image = QImage(str(png) + "-1.png")
        assert not image.isNull() and image.width() > 300
        rig.choose(untriaged)
        rig.key(page.table, Qt.Key.Key_P)
        assert "请先分诊" in page.message.text()
    finally:
        close_staff(rig)
    broken = make_staff(qtbot, tmp_path / "desk2", extra=["printer=没有这台打印机"])
    try:
        broken.sign_in("guide.wang")
        roster = broken.backend.roster()
        visit = _arrive(broken, "孙悦", "13600002222", department_id=roster[0].department_id)
        broken.choose(visit)
        broken.key(broken.window.board_page.table, Qt.Key.Key_P)
        ticket = broken.window.model.row_of(visit).ticket
        said = broken.window.board_page.message.text()
        assert "打印机没有打出号票" in said and ticket in said
    finally:
        close_staff(broken)


def test_the_board_finds_a_patient_by_the_last_four_digits_of_their_phone(rig: StaffRig) -> None:
    rig.sign_in("guide.wang")
    first = _arrive(rig, "赵一", "13900004321")
    _arrive(rig, "钱二", "13900005678")
    page = rig.window.board_page
    rig.type(page.search, "4321")
    shown = [page.proxy.index(r, 0).data(ROW_ROLE).visit_id for r in range(page.proxy.rowCount())]
    assert shown == [first]
    page.search.setText("432")  # three digits are not a phone search: nobody's ticket or name
    assert page.proxy.rowCount() == 0
    assert "4321" not in " ".join(rig.window.model.text_at(0, c) for c in range(8))  # not shown


def test_triage_marks_who_is_in_session_and_warns_of_a_doctor_gone_home(
    qtbot, tmp_path: Path
) -> None:
    import datetime as dt

    from app.clock import FixedClock
    from app.services.triage import session_state

    from .staff_rig import TZ

    late = FixedClock(tz=TZ, at=dt.datetime(2026, 11, 23, 21, 25, tzinfo=TZ))
    rig = make_staff(qtbot, tmp_path / "desk", clock=late)
    try:
        rig.sign_in("guide.wang")
        visit = _arrive(rig)
        w = rig.window
        rig.choose(visit)
        rig.key(w.board_page.table, Qt.Key.Key_F4)
        page = w.triage_page
        states = {}
        it = QTreeWidgetItemIterator(page.tree)
        while it.value():
            item = it.value()
            if item.parent() is not None:
                states[item.text(0)] = (item.data(2, Qt.ItemDataRole.UserRole), item)
            it += 1
        assert "over" in {s for s, _ in states.values()}  # at 21:25 the day doctors have gone
        name, (_, gone) = next((n, v) for n, v in states.items() if v[0] == "over")
        assert "今日已停诊" in gone.text(2)
        page.tree.setCurrentItem(gone)
        assert page.warning.isVisible() and name.split(" · ")[0] in page.warning.text()
        assert page.send.text() == "仍然分诊到此"
        page.tree.setCurrentItem(gone.parent())  # the department only: no warning
        assert not page.warning.isVisible() and page.send.text() == "分诊到这里"
    finally:
        close_staff(rig)
    morning = dt.datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
    assert session_state(("am",), morning) == "in"
    assert session_state(("pm",), morning) == "later"
    assert session_state(("am",), morning.replace(hour=13)) == "over"


def test_the_hand_off_list_puts_the_least_busy_first(rig: StaffRig) -> None:
    from app.staff_backend import StaffMember

    rig.sign_in("guide.wang")
    row = rig.window.model.row_of(_arrive(rig))
    guides = [
        StaffMember("a", "甲", "guide", False),
        StaffMember("b", "乙", "guide", False),
        StaffMember("c", "丙", "guide", False),
    ]
    dialog = HandOffDialog(rig.window, row, guides, {"a": 3, "c": 1})
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts == ["乙  ·  空闲", "丙  ·  正陪同 1 人", "甲  ·  正陪同 3 人"]
    assert dialog.answer() == "b"  # the first, the free one, is chosen
    dialog.deleteLater()
