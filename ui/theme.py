"""The guide desk's look: a calm light theme for a screen read all day at arm's length, with
the board's warning levels in colour *and* in a symbol and words (never colour alone)."""

from __future__ import annotations

from app.services.stages import Level

BASE_PX = 16  # body text; tables use the same size
HEADING_PX = 20
ROW_PX = 34  # board row height: easy to hit with a mouse or a finger

INK = "#1A1F24"
MUTED = "#4A5560"
LINE = "#C9D1D9"
ACCENT = "#0B5CAD"
PAPER = "#FFFFFF"
PANEL = "#F3F5F7"
ERROR = "#B3261E"
SELECTED = "#CFE3F8"  # the chosen row on the board
ALTERNATE = "#FAFBFC"  # every other row
GRID = "#E3E8ED"
EMERGENCY = "#C62828"  # the bar down an emergency's row
PRIORITY = "#1565C0"  # the bar down a row of the elderly, the disabled, a VIP

# level -> (row background, text colour, symbol); the symbol is also explained in the legend.
LEVELS: dict[Level, tuple[str, str, str]] = {
    Level.OK: (PAPER, INK, ""),
    Level.AMBER: ("#FFF1C2", "#5C3B00", "▲"),
    Level.RED: ("#FAD4D1", "#7A0F0A", "■"),
}


def text_scale(system_pt: float, reference_pt: float) -> float:
    """How much larger than usual the system's own text is (Windows "make text bigger", a
    desktop's font size): the desk follows it, never smaller than its own sizes."""
    if system_pt <= 0 or reference_pt <= 0:
        return 1.0
    return min(max(system_pt / reference_pt, 1.0), 2.0)


def row_px(scale: float = 1.0) -> int:
    """The board's row height for the text size: the text always fits."""
    return max(ROW_PX, round(BASE_PX * scale * 2.1))


HIGH_CONTRAST = {  # the system asks for high contrast: black on white, strong lines
    "INK": "#000000",
    "MUTED": "#000000",
    "LINE": "#000000",
    "ACCENT": "#00306B",
    "PAPER": "#FFFFFF",
    "PANEL": "#FFFFFF",
    "ERROR": "#8B0000",
    "SELECTED": "#FFE600",
    "ALTERNATE": "#FFFFFF",
    "GRID": "#000000",
}


def stylesheet(scale: float = 1.0, *, high_contrast: bool = False) -> str:
    """The desk's style sheet at ``scale`` times its text sizes, in high contrast when the
    system asks for it."""
    colours = {
        "INK": INK,
        "MUTED": MUTED,
        "LINE": LINE,
        "ACCENT": ACCENT,
        "PAPER": PAPER,
        "PANEL": PANEL,
        "ERROR": ERROR,
        "SELECTED": SELECTED,
        "ALTERNATE": ALTERNATE,
        "GRID": GRID,
    }
    if high_contrast:
        colours.update(HIGH_CONTRAST)
    base_px, heading_px = round(BASE_PX * scale), round(HEADING_PX * scale)
    return _SHEET.format(BASE_PX=base_px, HEADING_PX=heading_px, **colours)


_SHEET = """
    QWidget {{ font-size: {BASE_PX}px; color: {INK}; }}
    QMainWindow, QDialog, QTabWidget::pane {{ background: {PAPER}; }}
    QLabel[role="heading"] {{ font-size: {HEADING_PX}px; font-weight: 600; }}
    QLabel[role="muted"] {{ color: {MUTED}; }}
    QLabel[role="error"] {{ color: {ERROR}; font-weight: 600; }}
    QLabel[role="status"] {{ color: {MUTED}; padding: 0 8px; }}
    QLabel[role="banner"] {{ background: #E8F1FB; border: 1px solid #9CC3EA; padding: 8px 12px;
        border-radius: 4px; }}
    QLabel[role="warn"] {{ background: #FFF1C2; color: #5C3B00; border: 1px solid #E0B84A;
        padding: 8px 12px; border-radius: 4px; }}
    QFrame[role="topbar"] {{ background: {PANEL}; border-bottom: 1px solid {LINE}; }}
    QFrame[role="help"] {{ background: #FFF6E0; border: 2px solid #E0A100; border-radius: 6px; }}
    QFrame[role="help-urgent"] {{ background: #FDE4E1; border: 2px solid {ERROR};
        border-radius: 6px; }}
    QPushButton {{ min-height: 32px; padding: 2px 14px; border: 1px solid {LINE};
        border-radius: 4px; background: {PANEL}; }}
    QPushButton:hover {{ border-color: {ACCENT}; }}
    QPushButton:focus {{ border: 2px solid {ACCENT}; }}
    QPushButton:disabled {{ color: #8A949E; background: #ECEFF2; }}
    QPushButton:checked {{ background: {SELECTED}; border: 2px solid {ACCENT}; }}
    QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border-color: {ACCENT};
        font-weight: 600; }}
    QPushButton[role="alarm"] {{ background: #FAD4D1; color: #7A0F0A; border: 2px solid {ERROR};
        font-weight: 600; }}
    QPushButton[role="primary"]:disabled {{ background: #9DB8D6; border-color: #9DB8D6; }}
    QLineEdit, QComboBox, QSpinBox, QPlainTextEdit {{ min-height: 30px; padding: 1px 6px;
        border: 1px solid {LINE}; border-radius: 4px; background: {PAPER}; }}
    QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QPlainTextEdit:focus {{
        border: 2px solid {ACCENT}; }}
    QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"] {{
        border: 2px solid {ERROR}; }}
    QTableView {{ gridline-color: {GRID}; selection-background-color: {SELECTED};
        selection-color: {INK}; alternate-background-color: {ALTERNATE}; }}
    QHeaderView::section {{ background: {PANEL}; padding: 4px 6px; border: none;
        border-bottom: 1px solid {LINE}; font-weight: 600; }}
    QTabBar::tab {{ padding: 8px 18px; }}
    QTabBar::tab:selected {{ font-weight: 600; border-bottom: 3px solid {ACCENT}; }}
    """
