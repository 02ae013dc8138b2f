"""Masking for anything shown where the public can see it: 张*明, 138****1234."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def mask_name(name: str) -> str:
    """张三明 → 张*明, 张三 → 张*, 欧阳娜娜 → 欧**娜, Li Ming → L* M***, Anna → A***."""
    name = (name or "").strip()
    if not name:
        return ""
    if _CJK.search(name):
        chars = [c for c in name if not c.isspace()]
        if len(chars) == 1:
            return "*"
        if len(chars) == 2:
            return chars[0] + "*"
        return chars[0] + "*" * (len(chars) - 2) + chars[-1]
    return " ".join(word[0] + "*" * (len(word) - 1) for word in name.split())


def mask_phone(phone: str) -> str:
    """13812341234 → 138****1234; anything shorter keeps only its last two digits."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) >= 11:
        digits = digits[-11:]
        return f"{digits[:3]}****{digits[-4:]}"
    if not digits:
        return ""
    return "*" * max(len(digits) - 2, 0) + digits[-2:]


def mask_id_number(value: str) -> str:
    """A resident ID number keeps its first 3 and last 4 characters: 110***********123X."""
    value = (value or "").strip()
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
