"""The core's own words go through the screens' reviewed Qt Linguist files (app/i18n.py): every
one translated in both Chinese scripts, with the placeholders its English has."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest

from app import i18n
from app.errors import LABELS, MESSAGES, FieldError, StageError
from app.services.stages import STAGE_NAMES, stage_name, stage_text
from app.sync.status import SyncStatus

CORE = [("Errors", m) for m in MESSAGES.values()]
CORE += [("Labels", m) for m in LABELS.values()]
CORE += [("Stages", m) for m in STAGE_NAMES.values()]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _sync_status_sources() -> list[tuple[str, str]]:
    from app.sync import status

    source = Path(status.__file__).read_text(encoding="utf-8")
    found = re.findall(r'QT_TRANSLATE_NOOP\(\s*"SyncStatus",\s*"([^"]+)"', source)
    assert len(found) >= 6
    return [("SyncStatus", s) for s in found]


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_every_core_text_is_translated_with_its_placeholders(lang: str) -> None:
    catalogue = i18n.catalogue(lang)
    missing, broken = [], []
    for context, source in CORE + _sync_status_sources():
        done = catalogue.get((context, source))
        if done is None:
            missing.append((context, source))
        elif _placeholders(done) != _placeholders(source):
            broken.append((source, done))
    assert missing == [] and broken == []


def test_the_three_languages_of_a_stage_and_of_a_message_about_stages() -> None:
    assert [stage_name("waiting", lang) for lang in ("zh_CN", "zh_TW", "en")] == [
        "候诊",
        "候診",
        "Waiting",
    ]
    assert stage_name("rehab", "zh_TW") == "rehab"  # a hospital's own stage: its own name
    refused = StageError(from_stage=stage_text("departed"), to_stage=stage_text("waiting"))
    assert refused.message("zh_TW") == "不能從“已離院”轉到“候診”。"
    assert refused.message("en") == "A visit cannot move from Departed to Waiting."
    assert FieldError("phone", "required", {"label": "phone"}).message("zh_TW") == "請填寫手機號。"


def test_the_sync_status_speaks_the_desk_s_language() -> None:
    now = dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.UTC)
    status = SyncStatus(offline_since=now - dt.timedelta(minutes=7), pending=3)
    said = {lang: status.describe(now, dt.UTC, lang) for lang in ("zh_CN", "zh_TW", "en")}
    assert said == {
        "zh_CN": "离线 7 分钟 · 3 条待同步",
        "zh_TW": "離線 7 分鐘 · 3 條待同步",
        "en": "Offline for 7 min · 3 changes waiting",
    }


def test_an_unknown_language_or_text_falls_back_to_the_english() -> None:
    assert i18n.translate("Stages", "Waiting", "fr") == "Waiting"
    assert i18n.translate("Stages", "Not a stage we have", "zh_CN") == "Not a stage we have"
