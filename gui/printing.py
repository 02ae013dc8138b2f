"""The paper ticket: painted with a QPainter on a receipt-width page (80 mm roll), so the same
drawing goes to a thermal printer, a PDF, or an image; and the QR code (``qrcode`` computes
the matrix, we paint its modules — no imaging library needed)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.lang import pick
from app.services.tickets import TicketInfo
from gui.start import font_family

RECEIPT_MM = QSizeF(80, 150)
translate = QCoreApplication.translate  # its context written out: lupdate finds it


def qr_matrix(text: str) -> list[list[bool]]:
    import qrcode  # loaded on first use (the back-end thread warms it up)
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    return [list(row) for row in qr.get_matrix()]


def qr_modules(matrix: list[list[bool]]) -> QImage:
    """The code as a tiny image, one pixel a module (few calls into Qt: drawing each module
    with ``fillRect`` cost hundreds of calls a ticket)."""
    n = len(matrix)
    data = bytes(0 if dark else 255 for row in matrix for dark in row)
    return QImage(data, n, n, n, QImage.Format.Format_Grayscale8).copy()


def paint_qr(painter: QPainter, rect: QRectF, matrix: list[list[bool]]) -> None:
    side = min(rect.width(), rect.height())
    if isinstance(painter.device(), QPrinter):
        # on paper (and in a PDF) each run of dark modules is a filled rectangle: sharp at any
        # resolution, where an image would be resampled (a PDF writer stores it as a JPEG)
        module = side / len(matrix)
        black = QColor("#000000")
        for r, row in enumerate(matrix):
            c = 0
            while c < len(row):
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < len(row) and row[c]:
                    c += 1
                painter.fillRect(
                    QRectF(
                        rect.left() + start * module,
                        rect.top() + r * module,
                        (c - start) * module,
                        module,
                    ),
                    black,
                )
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(QRectF(rect.left(), rect.top(), side, side), qr_modules(matrix))
    painter.restore()


def qr_image(text: str, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_qr(painter, QRectF(0, 0, size, size), qr_matrix(text))
    painter.end()
    return image


@dataclass(frozen=True)
class TicketText:
    """A ticket's lines, already in the patient's language."""

    hospital: str
    ticket: str
    department: str
    where: str  # floor and room
    directions: str
    doctor: str
    name: str
    time_line: str
    footer: str
    qr: str


def ticket_lines(t: TicketInfo, lang: str) -> dict[str, str]:
    """The ticket's texts in ``lang`` (the screen language: its translator is installed), the
    same on the kiosk's screen, its paper and a desk's reprint."""

    when = translate("TicketScreen", "Checked in at %1").replace("%1", t.issued_at)
    if t.appointment_time:
        when = (
            translate("TicketScreen", "Appointment %1").replace("%1", t.appointment_time)
            + " · "
            + when
        )
    doctor = (
        translate("TicketScreen", "Doctor: %1").replace("%1", pick(t.doctor, lang))
        if t.doctor
        else ""
    )
    return {
        "ticket": t.ticket,
        "department": pick(t.department, lang),
        "where": f"{t.floor} · {t.room}" if t.room else t.floor,
        "directions": pick(t.directions, lang),
        "doctor": doctor,
        "name": t.masked_name,
        "time": f"{t.day.isoformat()}  {when}",
        "guide": translate("TicketScreen", "A guide has been asked to come and walk with you.")
        if t.needs_guide
        else "",
        "footer": translate(
            "TicketScreen",
            "Show this ticket to any guide. After your visit, scan its code at a kiosk to rate it.",
        ),
    }


def ticket_text(t: TicketInfo, lang: str, hospital: str) -> TicketText:
    """The paper ticket's lines for ``t``."""
    lines = ticket_lines(t, lang)
    return TicketText(
        hospital=hospital,
        ticket=lines["ticket"],
        department=lines["department"],
        where=lines["where"],
        directions=lines["directions"],
        doctor=lines["doctor"],
        name=lines["name"],
        time_line=lines["time"],
        footer=lines["guide"] or lines["footer"],
        qr=t.qr,
    )


class PrintFailed(Exception):
    """The printer did not take the ticket (no printer, no paper, offline)."""


LATIN_FAMILIES = ("Segoe UI", "Arial", "DejaVu Sans")  # the first one the system has


def paint_ticket(painter: QPainter, page: QRectF, t: TicketText) -> QRectF:
    """Lay the ticket out top to bottom in ``page`` (device units); returns where its QR code
    was painted (the self-test reads it back from there)."""
    family = font_family()
    mm = page.width() / RECEIPT_MM.width()
    x, w = page.left() + 3 * mm, page.width() - 6 * mm
    y = page.top() + 2 * mm
    painter.setPen(QColor("#000000"))

    def text(value: str, size_mm: float, *, bold: bool = False, gap: float = 1.5) -> None:
        nonlocal y
        if not value:
            return
        font = QFont()
        # Latin letters and digits from a Latin font first: Qt writes the CJK font's own digits
        # into a PDF with no text mapping (a ticket's number could not be searched or read
        # aloud); Chinese falls through to the CJK font
        font.setFamilies([*LATIN_FAMILIES, family])
        font.setPixelSize(max(1, round(size_mm * mm)))
        font.setBold(bold)
        painter.setFont(font)
        flags = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap)
        bound = painter.boundingRect(QRectF(x, y, w, 1000 * mm), flags, value)
        painter.drawText(QRectF(x, y, w, bound.height()), flags, value)
        y += bound.height() + gap * mm

    text(t.hospital, 4.2, bold=True)
    text(t.department, 5.5, bold=True, gap=0.5)
    text(t.ticket, 16, bold=True, gap=0.5)
    text(t.where, 5, bold=True)
    text(t.directions, 3.6)
    text(t.doctor, 3.8)
    text(t.name, 3.8)
    text(t.time_line, 3.4)
    side = 32 * mm
    where = QRectF(page.left() + (page.width() - side) / 2, y, side, side)
    paint_qr(painter, where, qr_matrix(t.qr))
    y += side + 1.5 * mm
    text(t.footer, 3.2)
    return where


def read_qr(image: QImage, where: QRectF, size: int) -> list[list[bool]]:
    """The dark and light modules of a ``size``×``size`` QR code painted at ``where`` in
    ``image``, read at each module's centre — what a scanner sees of the paper."""
    module = where.width() / size
    return [
        [
            image.pixelColor(
                int(where.left() + (c + 0.5) * module), int(where.top() + (r + 0.5) * module)
            ).lightness()
            < 128
            for c in range(size)
        ]
        for r in range(size)
    ]


def make_printer(target: str) -> QPrinter:
    """``target``: "" the system's default printer, "pdf:PATH" a PDF file, else a printer's
    name.  The page is a receipt roll's width."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if target.startswith("pdf:"):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(target[4:])
    else:
        info = QPrinterInfo.printerInfo(target) if target else QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise PrintFailed(f"no printer {target!r}" if target else "no default printer")
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(RECEIPT_MM, QPageSize.Unit.Millimeter, "receipt"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    printer.setFullPage(True)
    printer.setDocName("FrontDesk ticket")
    return printer


def pdf_path(t: TicketText, target: str, now: dt.datetime | None = None) -> str:
    """Where a PDF ticket goes: ``pdf:FILE`` that file; ``pdf:FOLDER/`` a file of its own in
    that folder, named by the ticket and the time (the demo keeps every ticket it printed)."""
    path = target[4:]
    if not path.endswith(("/", os.sep)):
        return path
    Path(path).mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return str(Path(path) / f"ticket-{t.ticket}-{stamp}.pdf")


def print_ticket(t: TicketText, target: str) -> str:
    """Print one ticket; raise ``PrintFailed`` if the printer did not take it.  Returns where
    it went: the printer's name, or the PDF file."""
    if target.startswith("pdf:"):
        target = "pdf:" + pdf_path(t, target)
    printer = make_printer(target)
    if not printer.isValid():
        raise PrintFailed("printer not valid")
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("printer refused the job")
    try:
        paint_ticket(painter, QRectF(printer.pageRect(QPrinter.Unit.DevicePixel)), t)
    finally:
        ok = painter.end()
    if not ok or printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintFailed("printer reported an error")
    return target[4:] if target.startswith("pdf:") else (target or printer.printerName())
