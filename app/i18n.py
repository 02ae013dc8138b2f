"""The core's words in the screens' language, from the same reviewed Qt Linguist files.

The core writes its user-visible text — error messages, stage names, the sync status — in
English, marked ``QT_TRANSLATE_NOOP(context, text)``.  ``pyside6-lupdate`` collects the marks
into ``resources/i18n/frontdesk_<lang>.ts`` beside the screens' ``tr()`` strings
(``python build/i18n.py``), where they are translated and reviewed like any other; the
core reads the finished translations back from those files, without Qt, so a message reads
the same on a screen, in a test or in an export.  English is the source language.

Data kept as (Simplified Chinese, English) pairs — department names, directions — is not
text of the program's own; ``app.lang.pick`` chooses from it.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from app.paths import resources_dir

SOURCE_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate reads)
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Text:
    """Words to be translated when they are shown (a message's parameter, a stage name)."""

    context: str
    source: str

    def __str__(self) -> str:
        return self.source

    def in_(self, lang: str) -> str:
        return translate(self.context, self.source, lang)


@functools.lru_cache(maxsize=4)
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, English) → finished translation, read from ``frontdesk_<lang>.ts``; empty
    for the source language or a language with no file."""
    path = resources_dir() / "i18n" / f"frontdesk_{lang}.ts"
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return {}
    out: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = tr.findall("numerusform")
            text = (forms[0].text if forms else tr.text) or ""
            if text:
                out[(name, msg.findtext("source") or "")] = text
    return out


def translate(context: str, text: str, lang: str) -> str:
    """``text`` in ``lang`` (zh_CN, zh_TW, en); the English when no translation is done."""
    if lang.startswith(SOURCE_LANGUAGE):
        return text
    return catalogue(lang).get((context, text), text)


def localise(value: Any, lang: str) -> Any:
    """A parameter as shown in ``lang``: ``Text`` translated, a (zh, en) pair picked."""
    if isinstance(value, Text):
        return value.in_(lang)
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        from app.lang import pick

        return pick(value, lang)
    return value
