"""The satisfaction page on a guide desk, as a quality officer uses it: figures from the
central server (every desk's answers) for a chosen run of days, overall and by department;
when the server does not answer, the desk's own records, and the page says so.  Who may see
the page, a range the wrong way round, and the figures copied as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.clock import Clock
from app.models import TicketRange
from app.services import survey
from app.services.registration import PatientForm, VisitForm
from app.sync.desk import SyncedDesk

from .harness import TZ, DeskMaker, ServerProcess
from .staff_rig import StaffRig, close_staff, make_staff

RATED = ("medical_quality", "service_attitude", "fees", "environment", "service_philosophy")


def answers(rating: int, recommend: int, **other: int) -> dict[str, Any]:
    return {**dict.fromkeys(RATED, rating), "recommend": recommend, **other}


def departed_visits(rig: StaffRig, names: list[tuple[str, int]]) -> list[str]:
    """Patients registered, walked by guide.wang and gone home: (name, department index)."""
    b = rig.backend
    roster = b.roster()
    wang = b.sign_in("guide.wang", "demo-1234")  # at this desk: her changes carry the proof
    assert wang.display_name == "王芳"
    ids = []
    for i, (name, dept) in enumerate(names):
        result, _ = b.register(
            wang,
            PatientForm(name, "F", 60, f"1390000{i:04d}", "", "walk_in"),
            VisitForm(purpose="consultation", department_id=roster[dept].department_id),
        )
        b.claim(wang, result.visit_id)
        b.move(wang, result.visit_id, "departed")
        ids.append(result.visit_id)
    return ids


def answer(db, actor, clock, visit_id: str | None, given: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        definition = survey.current(s)
        survey.submit(s, actor, clock, definition, given, language="zh_CN", visit_id=visit_id)


def leased(rig: StaffRig) -> set[str]:
    """Departments this desk holds ticket numbers for today."""
    with rig.backend.db.reading() as s:
        return set(
            s.scalars(select(TicketRange.department_id).where(TicketRange.day == rig.clock.today()))
        )


def cells(rig: StaffRig) -> list[list[str]]:
    t = rig.window.satisfaction_page.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


@pytest.fixture
def server(tmp_path: Path):
    srv = ServerProcess(tmp_path / "server", None).start()
    yield srv
    srv.stop()


def test_figures_from_the_server_and_from_the_desk_when_it_is_away(
    qtbot, server, tmp_path: Path
) -> None:
    clock = Clock(tz=TZ)
    maker = DeskMaker(server, tmp_path)
    data = tmp_path / "desk"
    SyncedDesk.enroll(data, server.url, server.code("staff", "desk"), clock, timeout=5).close()
    rig = make_staff(qtbot, data, clock=clock, server_url=server.url)
    try:
        qtbot.waitUntil(lambda: bool(rig.backend.guides()), timeout=15_000)
        roster = rig.backend.roster()
        wanted = {roster[0].department_id, roster[1].department_id}
        qtbot.waitUntil(lambda: wanted <= leased(rig), timeout=15_000)
        visits = departed_visits(rig, [("赵一", 0), ("钱二", 0), ("孙三", 1)])
        kiosk = maker("kiosk", "lobby")
        answer(kiosk.db, kiosk.actor, kiosk.clock, visits[0], answers(5, 10))
        answer(
            kiosk.db,
            kiosk.actor,
            kiosk.clock,
            visits[1],
            {**answers(4, 6, fees=2), "comment": "收费处排队太久"},
        )
        answer(kiosk.db, kiosk.actor, kiosk.clock, None, answers(3, 8))  # anonymous
        kiosk.sync()

        w = rig.window
        rig.sign_in("guide.wang")  # a guide who is not the duty lead: no figures
        assert not w.tabs.isTabVisible(w.tabs.indexOf(w.satisfaction_page))
        rig.click(w.switch_button)
        rig.sign_in("quality.zhou")
        assert w.tabs.isTabVisible(w.tabs.indexOf(w.satisfaction_page))
        page = w.satisfaction_page
        # the visits reach the server before the figures are asked for
        qtbot.waitUntil(lambda: rig.runtime.desk.engine.pending_count() == 0, timeout=15_000)
        w.tabs.setCurrentWidget(page)
        rig.settle()
        assert page.report is not None and page.report.source == "server"
        assert page.preset_buttons[1].isChecked()  # the last 7 days
        first, last = page.chosen_range()
        assert (last - first).days == 6 and last == clock.today()
        # overall: 3 answers (one anonymous) from 3 departed; NPS (1 promoter − 1 detractor)
        # / 3 = 0; one low rating of 15
        assert "3" in page.summary.text() and "100%" in page.summary.text()
        assert "中心服务器" in page.source.text()
        header = [
            page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())
        ]
        assert header[4:9] == ["医疗质量", "服务态度", "收费", "就医环境", "服务理念"]
        [overall] = cells(rig)
        assert overall[1:4] == ["3", "3", "100%"]
        assert overall[4] == "4" and overall[6] == "3.33"  # (5+4+3)/3, (5+2+3)/3
        assert overall[9:] == ["7%", "0", "0"]
        # what the patient wrote, with when and where — from the server, no name, no visit
        assert page.comments.rowCount() == 1
        said = page.comments.item(0, 2).text()
        assert "收费处排队太久" in said and "▼" in said  # a low rating (fees 2) in that answer
        assert page.comments.item(0, 1).text() == roster[0].name[0]

        page.group.setCurrentIndex(page.group.findData("department"))
        rig.settle()
        rows = {r[0]: r for r in cells(rig)}
        im, other = roster[0].name[0], roster[1].name[0]
        assert rows[im][1:4] == ["2", "2", "100%"] and rows[im][6] == "3.5"
        assert rows[other][1:4] == ["0", "1", "0%"] and rows[other][4] == "—"

        server.stop()  # the server goes away: the desk's own records, said plainly
        rig.click(page.refresh)
        qtbot.waitUntil(lambda: page.report.source == "desk", timeout=20_000)
        assert "本机" in page.source.text() and page.source.property("role") == "warn"
        assert {r[0]: r for r in cells(rig)}[im][1:4] == ["2", "2", "100%"]

        # a range the wrong way round is refused with a message, and nothing is lost
        page.first.setDate(QDate(2030, 1, 1))
        rig.settle()
        assert page.error.isVisible() and page.report.source == "desk"
        text = page.as_text()
        assert im in text and "收费" in text and "NPS" in text
        rig.click(page.copy)
        assert QApplication.clipboard().text() == text
    finally:
        close_staff(rig)
        maker.close()


def test_a_slow_call_to_the_server_holds_up_no_other_call(qtbot) -> None:
    """The figures wait on the central server (up to its time-out); a guide's next key goes
    through meanwhile, on the desk's own worker."""
    import threading
    import time
    from types import SimpleNamespace

    from gui.bridge import Bridge

    release = threading.Event()
    bridge = Bridge(lambda: SimpleNamespace(backend="desk", close=lambda: None), name="staff")
    bridge.start()
    qtbot.waitUntil(lambda: bridge.is_ready)
    got: list[str] = []
    bridge.call(lambda b: release.wait(10) and "figures", got.append, slow=True)
    started = time.monotonic()
    bridge.call(lambda b: f"{b}: claimed", got.append)
    qtbot.waitUntil(lambda: got == ["desk: claimed"], timeout=2000)
    assert time.monotonic() - started < 1  # not behind the figures
    release.set()
    qtbot.waitUntil(lambda: got == ["desk: claimed", "figures"], timeout=5000)
    bridge.close()
