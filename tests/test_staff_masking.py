"""The least each role needs (issue 25, item 2): the quality and follow-up officers see the
board's patients masked and with no phone — search included; one patient is shown in full
with S and a purpose, the reveal logged; signing out masks them again.  Guides, consultants
and the director see names.  Rendered in 简体, 繁體 and English (FRONTDESK_SHOTS=DIR)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import AccessRecord
from app.services.masking import mask_name
from ui.dialogs import RevealDialog

from .staff_rig import StaffRig, close_staff, make_staff
from .test_staff import _arrive, _closed


def _names(rig: StaffRig) -> dict[str, str]:
    return {r.visit_id: r.name for r in rig.window.model.rows()}


def _reveal_dialog() -> RevealDialog:
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, RevealDialog)]
    return dialog


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_quality_sees_patients_masked_and_reveals_one_with_a_purpose(
    qtbot, tmp_path: Path, language
) -> None:
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    rig = make_staff(qtbot, tmp_path / "desk", language=language)
    try:
        rig.sign_in("guide.wang")
        first = _arrive(rig, "赵小明", "13912345678")
        second = _arrive(rig, "钱多多", "13800001111")
        assert _names(rig) == {first: "赵小明", second: "钱多多"}  # a guide sees names
        rig.click(rig.window.switch_button)

        rig.sign_in("quality.zhou")
        rig.settle()
        w, page = rig.window, rig.window.board_page
        qtbot.waitUntil(lambda: len(_names(rig)) == 2)
        assert _names(rig) == {first: "赵*明", second: "钱*多"}
        assert all(r.phone == "" for r in w.model.rows())
        page.search.setText("5678")  # a phone's last four digits find nobody masked
        assert page.proxy.rowCount() == 0
        page.search.setText("赵小明")  # nor does the full name
        assert page.proxy.rowCount() == 0
        page.search.clear()
        reveal = page.escort_buttons["reveal"][0]
        assert reveal.isVisible() and not page.masked.isVisible()
        rig.choose(first)
        rig.key(page.table, Qt.Key.Key_S)
        dialog = _reveal_dialog()
        assert "赵*明" in " ".join(label.text() for label in dialog.findChildren(type(page.count)))
        assert dialog.grab().save(str(shots / f"staff-reveal-{language}.png"))
        rig.click(dialog.ok_button())  # no purpose: refused, said why
        assert dialog.error.isVisible() and dialog.isVisible()
        rig.type(dialog.text, "complaint call-back")
        rig.click(dialog.ok_button())
        assert _closed(dialog)
        assert _names(rig) == {first: "赵小明", second: "钱*多"}
        assert not reveal.isEnabled()  # shown already
        assert w.grab().save(str(shots / f"staff-board-masked-{language}.png"))
        rig.backend.access.flush()
        with rig.backend.db.reading() as s:
            [row] = s.scalars(select(AccessRecord).where(AccessRecord.action == "reveal")).all()
        assert (row.what, row.visit_id, row.purpose) == ("name", first, "complaint call-back")
        assert row.staff_id == w.who.staff_id

        rig.click(w.switch_button)  # signed out: masked again for whoever comes next
        rig.sign_in("quality.zhou")
        qtbot.waitUntil(lambda: len(_names(rig)) == 2)
        assert _names(rig)[first] == mask_name("赵小明")
    finally:
        close_staff(rig)
