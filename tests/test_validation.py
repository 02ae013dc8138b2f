from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.validation import Checker, normalize_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("８６１３８１２３４５６７８", "13812345678"),  # full-width from a Chinese IME
    ],
)
def test_phone_forms_people_type_are_accepted(raw: str, expected: str) -> None:
    check = Checker()
    assert check.phone("phone", raw) == expected
    assert check.errors == []
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw", ["12812345678", "1381234567", "138123456789", "abc", "010-12345678"]
)
def test_bad_mobile_numbers_are_refused_with_a_clear_message(raw: str) -> None:
    check = Checker()
    assert check.phone("phone", raw) is None
    with pytest.raises(ValidationError) as info:
        check.done()
    assert info.value.fields() == ["phone"]
    assert "11 digits" in info.value.message("en")
    assert "11位" in info.value.message("zh_CN")


@pytest.mark.parametrize("name", ["张三", "欧阳娜娜", "Li Ming", "阿依古丽·买买提", "O'Neil"])
def test_good_names(name: str) -> None:
    check = Checker()
    assert check.name("name", name) == name
    check.done()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("张三3", "name_invalid"),
        ("<script>", "name_invalid"),
        ("张" * 31, "too_long"),
        ("  ", "required"),
    ],
)
def test_bad_names(name: str, code: str) -> None:
    check = Checker()
    check.name("name", name)
    assert [e.code for e in check.errors] == [code]


@pytest.mark.parametrize(
    ("raw", "ok"),
    [(0, True), (130, True), ("45", True), (131, False), (-1, False), ("4x", False), (True, False)],
)
def test_age_range(raw: object, ok: bool) -> None:
    check = Checker()
    check.age("age", raw)  # type: ignore[arg-type]
    assert (check.errors == []) is ok


def test_every_problem_is_reported_at_once_in_both_languages() -> None:
    check = Checker()
    check.name("name", "")
    check.phone("phone", "123")
    check.text("purpose_text", "x" * 201, 200, "purpose_text")
    with pytest.raises(ValidationError) as info:
        check.done()
    err = info.value
    assert err.fields() == ["name", "phone", "purpose_text"]
    assert "Name is required." in err.message("en")
    assert "请填写姓名。" in err.message("zh_CN")
    assert "at most 200 characters" in err.message("en")
    assert "咨询问题最多200个字" in err.message("zh_CN")
