"""The printed ticket: a receipt-width PDF with Chinese text embedded, whose QR code, read
back by a real decoder from the rendered page, names the visit it was printed for."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PySide6.QtGui import QImage

from app.services.tickets import visit_from_qr

from .kiosk_rig import close_rig, make_rig


def _decode(png: Path) -> list[str]:
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    pixels = raw.reshape(height, stride)[:, :width].copy()
    return [r.text for r in zxingcpp.read_barcodes(pixels)]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_printed_ticket_decodes_to_its_visit(qtbot, tmp_path: Path, lang: str) -> None:
    rig = make_rig(qtbot, tmp_path, language=lang)
    try:
        appt = rig.due(0)
        rig.window.on_scanned(appt.checkin_code)
        ticket = rig.wait_for("ticket")
        rig.qtbot.waitUntil(lambda: ticket.print_state == "printed")
        visit_id = ticket.ticket.visit_id
        number = ticket.ticket.ticket
    finally:
        close_rig(rig)
    fonts = subprocess.run(["pdffonts", str(rig.pdf)], capture_output=True, text=True).stdout
    assert "CJK" in fonts or lang == "en"  # Chinese glyphs are embedded, not boxes
    text = subprocess.run(["pdftotext", str(rig.pdf), "-"], capture_output=True, text=True).stdout
    assert ("Show this ticket" if lang == "en" else "号票") in text and number
    size = subprocess.run(["pdfinfo", str(rig.pdf)], capture_output=True, text=True).stdout
    assert "227 x 425 pts" in size  # 80 mm × 150 mm: a receipt roll
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", str(rig.pdf), str(tmp_path / "page")], check=True
    )
    [png] = sorted(tmp_path.glob("page*.png"))
    decoded = _decode(png)
    assert len(decoded) == 1
    assert visit_from_qr(decoded[0]) == visit_id
