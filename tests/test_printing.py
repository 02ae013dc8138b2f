"""The ticket's QR code on paper: painted as sharp modules (no image a PDF writer would turn into
a blurred JPEG), read back off the rasterised PDF module by module and compared with the code
``qrcode`` computed for the visit — what a scanner at the desk will read."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from app.services.tickets import qr_payload
from gui.printing import make_printer, paint_qr, qr_matrix


def test_a_printed_qr_code_reads_back_as_the_visits_code(qapp, tmp_path: Path) -> None:
    payload = qr_payload("01a23c2e-1779-7212-99ba-3ad09b7c3a30")
    matrix = qr_matrix(payload)
    pdf = tmp_path / "qr.pdf"
    printer = make_printer(f"pdf:{pdf}")
    painter = QPainter()
    assert painter.begin(printer)
    page = QRectF(printer.pageRect(printer.Unit.DevicePixel))
    side = page.width() * 0.5  # 40 mm of the 80 mm roll
    paint_qr(painter, QRectF(page.left(), page.top(), side, side), matrix)
    assert painter.end()
    listed = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert len(listed.strip().splitlines()) == 2  # the header only: no image in the PDF
    subprocess.run(["pdftoppm", "-png", "-r", "300", str(pdf), str(tmp_path / "qr")], check=True)
    image = QImage(str(tmp_path / "qr-1.png"))
    module = image.width() * 0.5 / len(matrix)
    read = [
        [
            image.pixelColor(int((c + 0.5) * module), int((r + 0.5) * module)).lightness() < 128
            for c in range(len(matrix))
        ]
        for r in range(len(matrix))
    ]
    assert read == matrix


def test_the_self_tests_read_back_catches_a_spoilt_code(qapp) -> None:
    """The self-test paints a ticket and reads its QR code back: a code that did not come out
    (a smudge over a corner) must read wrong."""
    from PySide6.QtGui import QColor

    from gui.printing import RECEIPT_MM, TicketText, paint_ticket, read_qr

    payload = qr_payload("01a23c2e-1779-7212-99ba-3ad09b7c3a30")
    paper = TicketText(
        hospital="医院", ticket="A001", department="内科", where="2F", directions="",
        doctor="", name="", time_line="", footer="", qr=payload,
    )  # fmt: skip
    image = QImage(
        int(RECEIPT_MM.width() * 12), int(RECEIPT_MM.height() * 12), QImage.Format.Format_RGB32
    )
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    where = paint_ticket(painter, QRectF(0, 0, image.width(), image.height()), paper)
    painter.end()
    matrix = qr_matrix(payload)
    assert read_qr(image, where, len(matrix)) == matrix
    smudge = QPainter(image)
    smudge.fillRect(
        QRectF(where.left(), where.top(), where.width() / 4, where.height() / 4), QColor("#000000")
    )
    smudge.end()
    assert read_qr(image, where, len(matrix)) != matrix
