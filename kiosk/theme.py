"""The kiosk's look, in age-friendly numbers (older eyes and hands): body text 28 px and
headings 40 px on a 21.5-inch 1080p screen (×1.5 in large-text mode), primary targets about
20 mm, none under 12 mm, text contrast 7:1.  Every widget says what it is with a ``role``
property; the colours and sizes of each role are declared once here and checked by the tests."""

from __future__ import annotations

from dataclasses import dataclass

from gui.start import font_family

PX_PER_MM = 4.0  # 21.5" at 1920×1080: 0.248 mm a pixel
PRIMARY_TARGET_PX = round(20 * PX_PER_MM)  # 80
MIN_TARGET_PX = round(12 * PX_PER_MM)  # 48
GAP_PX = round(3 * PX_PER_MM)  # 12
BODY_PX = 28
HEADING_PX = 40
LARGE_TEXT = 1.5

PAD_Y = 6  # a target's padding above and below its text

WHITE = "#FFFFFF"
INK = "#1A1A1A"
PAGE = "#F7F9FC"


@dataclass(frozen=True)
class Role:
    fg: str
    bg: str
    font_px: int
    bold: bool = False
    target_px: int = 0  # minimum height (and width) when it can be tapped; 0: not a target
    border: str = ""


ROLES: dict[str, Role] = {
    "page": Role(INK, PAGE, BODY_PX),
    "title": Role("#0B2540", PAGE, 56, bold=True),
    "heading": Role("#0B2540", PAGE, HEADING_PX, bold=True),
    "body": Role(INK, PAGE, BODY_PX),
    "hint": Role("#3B4350", PAGE, BODY_PX),
    "status": Role("#3B4350", PAGE, BODY_PX),
    "field": Role(INK, WHITE, HEADING_PX, target_px=PRIMARY_TARGET_PX, border="#2F4A66"),
    "primary": Role(WHITE, "#0B4F8A", HEADING_PX, bold=True, target_px=PRIMARY_TARGET_PX),
    "secondary": Role("#0B2540", "#DCE6F2", BODY_PX, bold=True, target_px=PRIMARY_TARGET_PX),
    "choice": Role("#0B2540", WHITE, BODY_PX, target_px=PRIMARY_TARGET_PX, border="#2F4A66"),
    "chosen": Role(WHITE, "#0B4F8A", BODY_PX, bold=True, target_px=PRIMARY_TARGET_PX),
    "key": Role(INK, WHITE, HEADING_PX, bold=True, target_px=PRIMARY_TARGET_PX, border="#2F4A66"),
    "help": Role(WHITE, "#8A2E00", HEADING_PX, bold=True, target_px=PRIMARY_TARGET_PX),
    # chest pain, bleeding, breathing: a guide comes now
    "urgent": Role(WHITE, "#9B1111", BODY_PX, bold=True, target_px=PRIMARY_TARGET_PX),
    "small": Role("#0B2540", "#DCE6F2", BODY_PX, target_px=MIN_TARGET_PX),
    "ok": Role("#0F3D17", "#E3F2E5", BODY_PX, border="#1B5E20"),
    "warn": Role("#3D2E00", "#FFF4CE", BODY_PX, border="#7A5C00"),
    "error": Role("#5C0A0A", "#FDE7E7", BODY_PX, border="#8A1C1C"),
    "ticket": Role("#0B2540", WHITE, 120, bold=True),
    "card": Role(INK, WHITE, BODY_PX, border="#2F4A66"),
}


def luminance(color: str) -> float:
    """Relative luminance (WCAG 2.2)."""
    color = color.lstrip("#")
    channels = [int(color[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


FIXED_SIZE = {"ticket", "title"}  # already large: the large-text mode leaves them as they are


def font_px(role: str, scale: float) -> int:
    if role == "title":  # the hospital's name stays above the greeting, in large text too
        return max(ROLES[role].font_px, round(font_px("heading", scale) * 1.15))
    return ROLES[role].font_px if role in FIXED_SIZE else round(ROLES[role].font_px * scale)


def stylesheet(scale: float = 1.0) -> str:
    """The whole kiosk's style sheet for a text scale (1.0 or ``LARGE_TEXT``)."""
    family = font_family()
    out = [
        f'QWidget {{ font-family: "{family}"; font-size: {font_px("body", scale)}px; '
        f"color: {INK}; }}",
        f"KioskWindow, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget "
        f"{{ background: {PAGE}; }}",
    ]
    for name, role in ROLES.items():
        rules = [
            f"color: {role.fg}",
            f"background: {role.bg}",
            f"font-size: {font_px(name, scale)}px",
            f"font-weight: {'bold' if role.bold else 'normal'}",
        ]
        if role.target_px:
            # min-height is the content's: padding and border come on top of it
            border = 3 if role.border else 0
            rules.append(f"min-height: {role.target_px - 2 * PAD_Y - 2 * border}px")
            rules.append("border-radius: 12px")
            rules.append(f"padding: {PAD_Y}px 16px")
        if role.border:
            rules.append(f"border: 3px solid {role.border}")
            if not role.target_px:
                rules.append("border-radius: 12px")
                rules.append("padding: 16px")
        elif role.target_px:
            rules.append("border: none")
        out.append(f'*[role="{name}"] {{ {"; ".join(rules)}; }}')
    out.append(f'*[role="key"] {{ padding: {PAD_Y}px 4px; }}')
    out.append('*[role="primary"]:disabled { background: #5A6B7D; color: #FFFFFF; }')
    out.append('*[role="field"]:focus { border: 4px solid #0B4F8A; }')
    return "\n".join(out)
