"""Checks for what people type, collecting every problem at once with a clear code."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from app.errors import FieldError, ValidationError

NAME_MAX = 30
DISTRICT_MAX = 40
PURPOSE_TEXT_MAX = 200
NOTE_MAX = 500
AGE_MAX = 130

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_CONTACT = re.compile(r"^\+?\d[\d-]{5,18}\d$")  # a mobile, or a landline with its area code
_NAME = re.compile(r"^[\u3400-\u9fff\uf900-\ufaffA-Za-z·•.'\- ]+$")


def normalize_phone(raw: str) -> str:
    """Strip spaces, dashes, brackets and a +86/0086 prefix; full-width digits become ASCII."""
    text = unicodedata.normalize("NFKC", raw or "")
    digits = re.sub(r"[\s\-()]", "", text)
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix) :]
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits


def normalize_name(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw or "").strip()
    return re.sub(r"\s+", " ", text)


class Checker:
    """Collects field errors; ``done()`` raises one ValidationError listing all of them."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, field: str, code: str, **params: Any) -> None:
        self.errors.append(FieldError(field, code, params))

    def ok(self, field: str) -> bool:
        return all(e.field != field for e in self.errors)

    def required(self, field: str, value: Any, label: str) -> bool:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.fail(field, "required", label=label)
            return False
        return True

    def phone(self, field: str, raw: str | None, *, required: bool = True) -> str | None:
        if not raw or not raw.strip():
            if required:
                self.fail(field, "required", label="phone")
            return None
        phone = normalize_phone(raw)
        if not _MOBILE.match(phone):
            self.fail(field, "phone_invalid")
            return None
        return phone

    def contact_phone(self, field: str, raw: str | None) -> str | None:
        """A number to call back on — a mobile or a landline; None when none is given."""
        if not raw or not raw.strip():
            return None
        phone = normalize_phone(raw)
        if not _CONTACT.match(phone):
            self.fail(field, "contact_phone_invalid")
            return None
        return phone

    def name(self, field: str, raw: str | None, *, required: bool = True) -> str:
        name = normalize_name(raw or "")
        if not name:
            if required:
                self.fail(field, "required", label="name")
            return ""
        if len(name) > NAME_MAX:
            self.fail(field, "too_long", label="name", max=NAME_MAX)
        elif not _NAME.match(name):
            self.fail(field, "name_invalid")
        return name

    def age(self, field: str, raw: int | str | None, *, required: bool = True) -> int | None:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.fail(field, "required", label="age")
            return None
        try:
            if isinstance(raw, bool):
                raise ValueError
            value = int(str(raw).strip()) if not isinstance(raw, int) else raw
        except ValueError:
            self.fail(field, "age_invalid")
            return None
        if not 0 <= value <= AGE_MAX:
            self.fail(field, "age_invalid")
            return None
        return value

    def text(self, field: str, raw: str | None, max_len: int, label: str) -> str:
        text = (raw or "").strip()
        if len(text) > max_len:
            self.fail(field, "too_long", label=label, max=max_len)
        return text

    def required_text(self, field: str, raw: str | None, max_len: int, label: str) -> str:
        """Text that must be given and may not be too long."""
        if not self.required(field, raw, label):
            return ""
        return self.text(field, raw, max_len, label)

    def choice(self, field: str, value: Any, allowed: Iterable[Any], label: str) -> Any:
        allowed = list(allowed)
        if value not in allowed:
            self.fail(field, "choice_invalid", label=label)
            return None
        return value

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
