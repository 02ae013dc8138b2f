"""Staff sign in on the desk itself, also while the server is away."""

from __future__ import annotations

from app.errors import FrontDeskError
from app.services import auth


def _try(hospital, clock, user: str, password: str):
    with hospital.db.session() as s:
        return auth.sign_in(s, user, password, clock)


def test_sign_in_with_the_hash_the_desk_holds(hospital, clock) -> None:
    who = _try(hospital, clock, "guide.zhang", "demo-1234")
    assert (who.display_name, who.role, who.duty_lead) == ("张丽", "guide", True)


def test_five_failures_lock_the_name_then_it_opens_again(hospital, clock) -> None:
    for _ in range(4):
        refused = _try(hospital, clock, "guide.wang", "wrong")
        assert isinstance(refused, FrontDeskError)
        assert refused.message("en") == "Wrong user name or password."
    assert _try(hospital, clock, "guide.wang", "demo-1234").display_name == "王芳"  # resets
    for _ in range(5):
        assert isinstance(_try(hospital, clock, "guide.wang", "wrong"), FrontDeskError)
    locked = _try(hospital, clock, "guide.wang", "demo-1234")  # right password, still locked
    assert isinstance(locked, FrontDeskError) and locked.code == "signin_locked"
    assert "09:15" in locked.message("en")
    clock.advance(minutes=16)
    assert _try(hospital, clock, "guide.wang", "demo-1234").display_name == "王芳"


def test_unknown_users_get_the_same_answer(hospital, clock) -> None:
    refused = _try(hospital, clock, "nobody", "demo-1234")
    assert isinstance(refused, FrontDeskError) and refused.code == "signin_failed"
