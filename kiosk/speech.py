"""Spoken directions where the platform has a voice (Qt TextToSpeech: SAPI/WinRT on Windows;
the ``mock`` engine in tests).  No voice for the language means silence, never an error."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale, QObject

log = logging.getLogger(__name__)

LOCALES = {"zh_CN": "zh_CN", "zh_TW": "zh_TW", "en": "en_US"}


class Speaker(QObject):
    def __init__(self, engine: str = "", *, enabled: bool = True, volume: float = 0.8) -> None:
        super().__init__()
        self.engine_name = engine
        self.enabled = enabled
        self.volume = volume
        self._tts: Any = None
        self._failed = False
        self.spoken: list[str] = []  # what was last said, for the screen's "say it again"

    def _engine(self) -> Any:
        if self._tts is None and not self._failed:
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech

                self._tts = (
                    QTextToSpeech(self.engine_name, self)
                    if self.engine_name
                    else QTextToSpeech(self)
                )
                self._tts.setVolume(self.volume)
            except Exception:  # no speech on this machine: the screen still says everything
                log.warning("text-to-speech unavailable", exc_info=True)
                self._failed = True
        return self._tts

    def available(self) -> bool:
        return self.enabled and self._engine() is not None

    def can_say(self, lang: str) -> bool:
        """Whether a voice for ``lang`` is installed (a "say it again" that would stay silent
        is not offered)."""
        if not self.enabled:
            return False
        tts = self._engine()
        if tts is None:
            return False
        wanted = QLocale(LOCALES.get(lang, "zh_CN"))
        return any(loc.language() == wanted.language() for loc in tts.availableLocales())

    def say(self, text: str, lang: str) -> bool:
        """Speak ``text`` in ``lang`` if a voice for it exists; True when it was spoken."""
        self.spoken = [text]
        if not self.enabled or not text:
            return False
        tts = self._engine()
        if tts is None:
            return False
        wanted = QLocale(LOCALES.get(lang, "zh_CN"))
        locales = tts.availableLocales()
        match = next((loc for loc in locales if loc.name() == wanted.name()), None)
        if match is None:
            match = next((loc for loc in locales if loc.language() == wanted.language()), None)
        if match is None:
            return False
        tts.setLocale(match)
        tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()
        self.spoken = []
