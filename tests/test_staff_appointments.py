"""Today's appointments on the guide desk (F7), driven as a guide drives them: the list with a
count that adds up, a booking found by the phone's last four digits or its code, checked in
with Enter — outside the kiosk's window the guide writes down why — its ticket printed and
the patient on the board; each screen rendered in 简体, 繁體 and English (FRONTDESK_SHOTS=DIR
keeps the pictures)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete, select

from app.errors import FrontDeskError
from app.models import Appointment, AppointmentStatus, Department, RosterSlot, VisitEvent
from app.services.appointments import Arrival

from .staff_rig import StaffRig, close_staff, make_staff
from .test_staff import _closed
from .test_staff_design import _cut_off, _english_left, _texts

# name, minutes from now (09:00), status, phone, code
PLAN = [
    ("王小明", -120, AppointmentStatus.BOOKED, "13800001111", "AAA222"),  # a no-show by now
    ("李大华", -30, AppointmentStatus.BOOKED, "13800002222", "BBB333"),  # late
    ("赵一", 0, AppointmentStatus.BOOKED, "13800003333", "CCC444"),  # check-in open
    ("钱二", 120, AppointmentStatus.BOOKED, "13800004444", "DDD555"),  # expected at 11:00
    ("孙三", 10, AppointmentStatus.CANCELLED, "13800005555", "EEE666"),
]


def _book(rig: StaffRig) -> dict[str, str]:
    ids = {}
    with rig.backend.db.session() as s:
        s.execute(delete(Appointment))  # the demo's own, at random times
        slot = s.scalars(select(RosterSlot).where(RosterSlot.day == rig.clock.today())).first()
        dept = s.get(Department, slot.department_id)
        for name, minutes, status, phone, code in PLAN:
            appt = Appointment(
                checkin_code=code,
                day=rig.clock.today(),
                scheduled_at=rig.clock.now() + dt.timedelta(minutes=minutes),
                department_id=dept.id,
                doctor_id=slot.doctor_id,
                patient_name=name,
                patient_phone=phone,
                status=status,
            )
            s.add(appt)
            s.flush()
            ids[name] = appt.id
    return ids


@pytest.fixture
def pdfs(tmp_path: Path) -> Path:
    folder = tmp_path / "tickets"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_a_guide_checks_in_a_late_booking_with_the_reason_and_prints_its_ticket(
    qtbot, tmp_path: Path, pdfs: Path, language: str
) -> None:
    rig = make_staff(qtbot, tmp_path / "desk", language=language, extra=[f"printer=pdf:{pdfs}/"])
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    try:
        ids = _book(rig)
        rig.sign_in("guide.wang")
        w = rig.window
        page = w.appointments_page
        rig.key(w.board_page.table, Qt.Key.Key_F7)
        assert w.tabs.currentWidget() is page and page.search_box.hasFocus()
        # the count adds up: 4 booked = 0 arrived + 2 expected + 1 late + 1 no-show
        assert page.day.booked == 4 and page.day.counts[Arrival.CANCELLED] == 1
        assert page.table.rowCount() == 5
        assert [page.filters.button(i).text().split()[-1] for i in range(6)] == [
            "5", "2", "1", "1", "0", "1",
        ]  # fmt: skip
        names = [page.table.item(r, 3).text() for r in range(5)]
        assert "王*明" in names and "王小明" not in names  # masked in the list
        assert page.grab().save(str(shots / f"staff-appointments-{language}.png"))
        if language != "en":  # check-in codes are Latin letters and digits in every language
            codes = {code for *_, code in PLAN}
            assert _english_left([t for t in _texts(page) if t not in codes]) == []
        assert _cut_off(page) == []

        # the late patient says the last four digits of their phone
        rig.type(page.search_box, "2222")
        assert page.table.rowCount() == 1 and page.current().name == "李大华"
        assert "李大华" in page.who_line.text()  # in full, beside the list, to confirm
        qtbot.wait(150)  # a person's Enter comes well after the last digit
        rig.key(page.search_box, Qt.Key.Key_Return)
        dialog = rig.dialog(_reason_dialog())
        assert "08:30" in dialog.findChildren(type(page.who_line))[0].text()
        rig.click(dialog.ok_button())  # no reason: refused in words, nothing kept
        assert dialog.isVisible() and dialog.error.isVisible() and "08:30" in dialog.error.text()
        assert page.day.counts[Arrival.ARRIVED] == 0
        dialog.reason.setCurrentIndex(1)  # "arrived late (traffic, parking)"
        assert dialog.grab().save(str(shots / f"staff-appointment-reason-{language}.png"))
        if language != "en":
            assert _english_left(_texts(dialog)) == []
        reason = dialog.reason.currentText()
        rig.click(dialog.ok_button())
        assert _closed(dialog)
        rig.settle()
        line = next(ln for ln in page.day.lines if ln.appointment_id == ids["李大华"])
        assert line.arrival == Arrival.ARRIVED and line.ticket
        assert line.ticket in page.message.text()
        [pdf] = pdfs.glob(f"ticket-{line.ticket}-*.pdf")  # printed on the desk's printer
        assert str(pdf) in page.message.text()
        assert line.visit_id in rig.board_ids()  # on the board, for every desk
        with rig.backend.db.reading() as s:
            events = s.scalars(select(VisitEvent).where(VisitEvent.visit_id == line.visit_id))
            kept = [e.data for e in events if "appointment_id" in e.data]
        assert kept[0]["outside_window"] == "late" and kept[0]["reason"] == reason
        assert page.day.counts[Arrival.ARRIVED] == 1 and page.day.booked == 4
        # an arrived booking cannot be checked in twice; P prints its ticket again
        assert not page.check.isEnabled() and page.print_button.isEnabled()

        # the code on the booking message scanned (as fast as a scanner types, then Enter);
        # inside the window: no question asked
        page.search_box.clear()
        rig.type(page.search_box, "ccc-444")
        rig.key(page.search_box, Qt.Key.Key_Return)
        assert not [d for d in w.findChildren(_reason_dialog()) if d.isVisible()]
        assert page.day.counts[Arrival.ARRIVED] == 2
        assert page.search_box.text() == "ccc-444" and page.current().name == "赵一"
        assert page.grab().save(str(shots / f"staff-appointments-after-{language}.png"))

        # a cancelled booking: Enter does nothing but say so
        page.search_box.clear()
        rig.type(page.search_box, "EEE")
        assert page.current().name == "孙三" and not page.check.isEnabled()

        # an hour on, the clock moves the 11:00 booking nowhere, the rest are no-shows
        page.search_box.clear()
        rig.clock.at += dt.timedelta(hours=1)
        page.load()
        rig.settle()
        assert page.day.counts[Arrival.NO_SHOW] == 1 and page.day.counts[Arrival.EXPECTED] == 1
        assert page.day.booked == 4
    finally:
        close_staff(rig)


def _reason_dialog() -> type:
    from ui.appointments import ReasonDialog

    return ReasonDialog


def test_a_follow_up_caller_neither_sees_nor_checks_in_bookings(qtbot, tmp_path: Path) -> None:
    rig = make_staff(qtbot, tmp_path / "desk")
    try:
        ids = _book(rig)
        rig.sign_in("followup.huang")
        who = rig.window.who
        w = rig.window
        assert not w.tabs.isTabVisible(w.tabs.indexOf(w.appointments_page))
        rig.key(w.board_page.table, Qt.Key.Key_F7)
        assert w.tabs.currentWidget() is not w.appointments_page
        for call in (
            lambda: rig.backend.check_in_appointment(who, ids["赵一"]),
            lambda: rig.backend.appointments(who),
        ):
            with pytest.raises(FrontDeskError) as refused:
                call()
            assert refused.value.code == "not_allowed"
    finally:
        close_staff(rig)
