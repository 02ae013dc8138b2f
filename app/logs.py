"""Rotating log files that never hold personal data.

The rule is that code logs ids (visit, device, staff), never names, phones or health details.
As a safety net every line passes through ``RedactingFormatter``, which blanks anything shaped
like a mainland mobile number or a resident ID number before it reaches a file.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

_PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")
_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def redact(text: str) -> str:
    text = _RESIDENT_ID.sub("[id]", text)
    return _PHONE.sub("[phone]", text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then blanks phone- and ID-shaped text anywhere in the line, the
    traceback of a logged exception included."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _Held(logging.Handler):
    """Records kept in memory until the log file is open."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def hold(level: str = "INFO") -> None:
    """Keep what is logged in memory until ``setup()`` opens the file.  For the kiosk's
    start-up: the file handler's module brings sockets and pickling along, and the first
    screen should not wait for them."""
    _install(_Held(), level)


def holding() -> bool:
    return any(isinstance(h, _Held) for h in logging.getLogger().handlers)


def setup(
    log_dir: Path, level: str = "INFO", *, max_bytes: int = 2_000_000, backups: int = 5
) -> Path:
    """Send the ``app``, ``ui``, ``kiosk`` and ``server`` loggers to ``log_dir/frontdesk.log``
    (what ``hold()`` kept first)."""
    import logging.handlers

    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "frontdesk.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    handler.setFormatter(RedactingFormatter(LOG_FORMAT))
    for held in _install(handler, level):
        if isinstance(held, _Held):
            for record in held.records:
                handler.handle(record)
    return path


def _install(handler: logging.Handler, level: str) -> list[logging.Handler]:
    """``handler`` in place of the one installed before; returns the old ones."""
    root = logging.getLogger()
    old = [h for h in root.handlers if getattr(h, "_frontdesk", False)]
    for h in old:
        root.removeHandler(h)
        h.close()
    handler._frontdesk = True  # type: ignore[attr-defined]  # our mark on a handler we made
    root.addHandler(handler)
    root.setLevel(level.upper())
    return old
