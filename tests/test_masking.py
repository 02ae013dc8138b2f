from __future__ import annotations

import pytest

from app.services.masking import mask_id_number, mask_name, mask_phone


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张三明", "张*明"),
        ("张三", "张*"),
        ("欧阳娜娜", "欧**娜"),
        ("王", "*"),
        ("Li Ming", "L* M***"),
        ("Anna", "A***"),
        ("  张 三 明 ", "张*明"),
        ("", ""),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812341234", "138****1234"),
        ("+86 138-1234-1234", "138****1234"),
        ("1234", "**34"),
        ("", ""),
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


def test_mask_id_number_keeps_only_ends() -> None:
    assert mask_id_number("11010519491231002X") == "110***********002X"
    assert mask_id_number("12345") == "*****"
