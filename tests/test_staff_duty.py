"""The duty log page, as a shift uses it: a note written and kept with its kind and writer,
the hand-over at the end of the shift (what stands open filled in), the next guide signing in
to "Duty log (1)" and taking it over with one button.  Rendered in 简体, 繁體 and English
(FRONTDESK_SHOTS=DIR keeps the pictures)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui.duty import HandOverDialog

from .staff_rig import close_staff, make_staff
from .test_staff import _arrive, _closed
from .test_staff_design import _cut_off, _english_left, _texts


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_a_shift_writes_hands_over_and_the_next_takes_over(
    qtbot, tmp_path: Path, language: str
) -> None:
    rig = make_staff(qtbot, tmp_path / "desk", language=language)
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    try:
        rig.sign_in("guide.zhang")
        w = rig.window
        visit = _arrive(rig)
        rig.backend.claim(w.who, visit)
        page = w.duty_page
        w.tabs.setCurrentWidget(page)
        rig.settle()
        page.kind.setCurrentIndex(page.kind.findData("system"))
        rig.type(page.text, "kiosk 2 printer jammed")
        qtbot.wait(150)  # a person's Enter, not a scanner's
        rig.key(page.text, Qt.Key.Key_Return)
        assert page.table.rowCount() == 1 and page.text.text() == ""
        assert "kiosk 2 printer jammed" in page.table.item(0, 3).text()
        rig.click(page.hand_over_button)
        dialog = rig.dialog(HandOverDialog)
        assert "1" in dialog.findChildren(type(page.heading))[0].text()  # one in the building
        dialog.text.setPlainText("bed 12's family at the pharmacy")
        assert dialog.grab().save(str(shots / f"staff-handover-{language}.png"))
        rig.click(dialog.ok_button())
        assert _closed(dialog)
        assert page.table.rowCount() == 2 and not page.waiting.isVisible()  # not one's own
        rig.click(w.switch_button)

        rig.clock.at += dt.timedelta(hours=8)
        rig.sign_in("guide.wang")  # the next shift
        rig.settle()
        tab = w.tabs.tabText(w.tabs.indexOf(page))
        assert tab.endswith("(1)")
        w.tabs.setCurrentWidget(page)
        rig.settle()
        assert page.waiting.isVisible()
        assert w.grab().save(str(shots / f"staff-duty-{language}.png"))
        if language != "en":
            assert (
                _english_left([t for t in _texts(page) if "kiosk 2" not in t and "bed 12" not in t])
                == []
            )
        assert _cut_off(page) == []
        [take] = [b for b in page.waiting.findChildren(type(page.add_button)) if b.isVisible()]
        rig.click(take)
        assert not page.waiting.isVisible()
        assert not w.tabs.tabText(w.tabs.indexOf(page)).endswith(")")
        handover = page.table.item(1, 3).text()
        assert "bed 12" in handover and "王芳" in handover  # taken over by her, it says
    finally:
        close_staff(rig)
