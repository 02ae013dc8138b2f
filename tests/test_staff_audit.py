"""The auditor at a real staff desk against the real server (issue 25, item 1): signed in, they
see the access log and no patient's file — no board, no calls, no duty log; a guide's search
and timeline at another desk appear as rows, newest first, patients masked; the chain checks
intact; the rows export to a CSV file whose export is itself logged.  A director is refused
the log (三权分立).  Rendered in 简体, 繁體 and English (FRONTDESK_SHOTS=DIR)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
import requests
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from app.clock import Clock
from app.models import AccessRecord
from app.services.registration import PatientForm, VisitForm
from app.sync.desk import SyncedDesk

from .harness import DEMO_PASSWORD, TZ, DeskMaker, ServerProcess
from .staff_rig import close_staff, make_staff


@pytest.fixture
def server(tmp_path: Path):
    srv = ServerProcess(tmp_path / "server", None).start()
    yield srv
    srv.stop()


def _guide_reads_a_file(server: ServerProcess, tmp_path: Path) -> str:
    """At another desk, a guide registers 赵小明, finds him by phone and opens his visit."""
    maker = DeskMaker(server, tmp_path)
    try:
        desk = maker("staff", "desk-a")
        backend = desk.backend()
        wang = backend.sign_in("guide.wang", DEMO_PASSWORD)
        result, _ = backend.register(
            wang, PatientForm("赵小明", "M", 67, "13912345678"), VisitForm()
        )
        backend.find_patients(wang, phone="13912345678")
        backend.timeline(wang, result.visit_id)
        backend.close()
        desk.sync()
        return str(result.patient_id)
    finally:
        maker.close()


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_the_auditor_sees_the_access_log_and_no_patient(
    qtbot, server, tmp_path: Path, language, monkeypatch
) -> None:
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    patient_id = _guide_reads_a_file(server, tmp_path)
    data = tmp_path / "audit-desk"
    clock = Clock(tz=TZ)
    SyncedDesk.enroll(data, server.url, server.code("staff", "audit"), clock, timeout=5).close()
    rig = make_staff(
        qtbot, data, language=language, clock=clock, server_url=server.url, location="审计室"
    )
    try:
        qtbot.waitUntil(lambda: bool(rig.backend.guides()), timeout=15_000)
        rig.sign_in("audit.qian")
        w, page = rig.window, rig.window.audit_page
        assert w.tabs.currentWidget() is page
        for hidden in (w.board_page, w.duty_page, w.register_page, w.cases_page):
            assert not w.tabs.isTabVisible(w.tabs.indexOf(hidden))
        assert not w.help_panel.isVisible() and w.model.rows() == []
        qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=15_000)
        qtbot.waitUntil(lambda: page.chain.property("role") == "ok", timeout=15_000)
        rig.settle()
        cells = [
            [page.table.item(r, c).text() for c in range(page.table.columnCount())]
            for r in range(page.table.rowCount())
        ]
        words = {
            "zh_CN": ("查看", "搜索", "修改", "王芳", "赵*明"),
            "zh_TW": ("查看", "搜索", "修改", "王芳", "赵*明"),
            "en": ("Opened", "Searched", "Changed", "王芳", "赵*明"),
        }[language]
        opened, searched, changed, guide, masked = words
        assert [row[3] for row in cells] == [opened, searched, changed]  # newest first
        assert {row[1] for row in cells} == {guide}
        assert all(row[5] == "赵*明" for row in cells)  # masked, as stored
        assert "赵小明" not in str(cells) and "13912345678" not in str(cells)
        assert "3" in page.chain.text()
        assert w.grab().save(str(shots / f"staff-audit-{language}.png"))
        del masked

        # by patient: a full phone number finds the patient's rows on the server
        page.patient.setText("13912345678")
        rig.click(page.search_button)
        qtbot.waitUntil(lambda: page.page is not None and page.page.total == 3, timeout=10_000)
        page.patient.setText("1391234")
        rig.click(page.search_button)
        assert page.error.isVisible()  # a part of a number finds nobody: said, not searched

        # export: every row to a CSV file, and the export logged
        out = tmp_path / "log.csv"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
        )
        page.patient.setText(patient_id)
        rig.click(page.export)
        qtbot.waitUntil(lambda: out.exists(), timeout=10_000)
        rig.settle()
        with out.open(encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == 3 and {r["patient_id"] for r in rows} == {patient_id}
        rig.backend.access.flush()
        with rig.backend.db.reading() as s:
            mine = s.scalars(select(AccessRecord)).all()
        assert [(r.action, r.what, r.data) for r in mine] == [("export", "access_log", {"rows": 3})]
    finally:
        close_staff(rig)


def test_the_director_may_not_read_the_access_log(server) -> None:
    """The director runs the centre; the auditor audits it: the server says so."""
    code = server.code("staff", "director-desk")
    enrolled = requests.post(
        server.url + "/api/v1/devices/enroll",
        json={"code": code, "name": "director-desk", "role": "staff"},
        timeout=10,
    )
    assert enrolled.ok, enrolled.text
    token = enrolled.json()["token"]
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"
    signed = http.post(
        server.url + "/api/v1/staff/sign-in",
        json={"username": "director.sun", "password": DEMO_PASSWORD},
        timeout=10,
    )
    assert signed.ok, signed.text
    http.headers["X-Staff-Token"] = signed.json()["staff_token"]
    for path in ("/api/v1/audit/chain", "/api/v1/audit/access"):
        answer = http.get(
            server.url + path,
            params={"first_day": "2026-11-01", "last_day": "2026-11-30"},
            timeout=10,
        )
        assert answer.status_code == 403 and "auditor" in answer.text
    assert http.get(server.url + "/api/v1/audit/chain", timeout=10).status_code == 403
    no_one = requests.get(
        server.url + "/api/v1/audit/chain", headers={"Authorization": f"Bearer {token}"}
    )
    assert no_one.status_code == 401  # signed in as nobody
