"""The three screen languages.  Data (department names, directions, messages) is kept in
Simplified Chinese and English; Traditional Chinese is converted from the Simplified text with
OpenCC (``s2tw``: characters and Taiwan phrasing), the maintained converter for this."""

from __future__ import annotations

import functools
from typing import Any

LANGUAGES = ("zh_CN", "zh_TW", "en")


@functools.lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # loaded only when a screen first shows 繁體中文

    return opencc.OpenCC("s2tw")


@functools.lru_cache(maxsize=4096)
def traditional(text: str) -> str:
    return str(_converter().convert(text)) if text else text


def pick(pair: tuple[str, str] | None, lang: str, missing: str = "") -> str:
    """The right half of a (Simplified Chinese, English) pair for ``lang``."""
    if pair is None:
        return missing
    zh, en = pair
    if lang.startswith("en"):
        return en or zh
    if lang == "zh_TW":
        return traditional(zh or en)
    return zh or en
