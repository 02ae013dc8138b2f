"""Claiming, releasing and handing off an escort."""

from __future__ import annotations

import pytest

from app.errors import EscortConflict, FrontDeskError, NotFound
from app.models import EventKind
from app.services import Actor, escort, visits

from .helpers import arrival


def test_claim_then_other_guide_is_refused_with_the_holders_name(hospital, clock) -> None:
    v = arrival(hospital, clock).visit_id
    a, b = hospital.guide_actor(0), hospital.guide_actor(1)
    with hospital.db.session() as s:
        assert escort.claim(s, v, a, clock).escort_staff_id == a.staff_id
    with pytest.raises(EscortConflict) as info, hospital.db.session() as s:
        escort.claim(s, v, b, clock)
    name = hospital.guides[0].display_name
    assert info.value.params["holder_id"] == a.staff_id
    assert info.value.message("zh_CN") == f"{name} 正在陪同这位患者。"
    assert info.value.message("en") == f"{name} is already escorting this patient."


def test_claiming_twice_records_one_claim(hospital, clock) -> None:
    v = arrival(hospital, clock).visit_id
    a = hospital.guide_actor(0)
    with hospital.db.session() as s:
        escort.claim(s, v, a, clock)
        escort.claim(s, v, a, clock)
        kinds = [e.kind for e in visits.events_of(s, v)]
    assert kinds.count(EventKind.CLAIMED) == 1


def test_release_then_another_guide_may_claim(hospital, clock) -> None:
    v = arrival(hospital, clock).visit_id
    a, b = hospital.guide_actor(0), hospital.guide_actor(1)
    with hospital.db.session() as s:
        escort.claim(s, v, a, clock)
    with pytest.raises(FrontDeskError) as info, hospital.db.session() as s:
        escort.release(s, v, b, clock)
    assert info.value.code == "not_escort_holder"
    with hospital.db.session() as s:
        assert escort.release(s, v, a, clock).escort_staff_id is None
        with pytest.raises(FrontDeskError) as again:
            escort.release(s, v, a, clock)
        assert again.value.code == "not_escorted"
        assert escort.claim(s, v, b, clock).escort_staff_id == b.staff_id


def test_hand_off_moves_the_escort_and_names_both(hospital, clock) -> None:
    v = arrival(hospital, clock).visit_id
    a, b, c = (hospital.guide_actor(i) for i in range(3))
    with hospital.db.session() as s:
        with pytest.raises(FrontDeskError):  # nobody holds it yet
            escort.hand_off(s, v, b.staff_id, a, clock)
        escort.claim(s, v, a, clock)
        with pytest.raises(FrontDeskError):  # only the holder hands off
            escort.hand_off(s, v, c.staff_id, b, clock)
        state = escort.hand_off(s, v, b.staff_id, a, clock)
        last = visits.events_of(s, v)[-1]
    assert state.escort_staff_id == b.staff_id
    assert last.kind == EventKind.HANDED_OFF
    assert (last.staff_id, last.to_staff_id) == (a.staff_id, b.staff_id)
    assert last.data == {"from_staff_id": a.staff_id}


def test_director_may_release_anyones_escort(hospital, clock) -> None:
    v = arrival(hospital, clock).visit_id
    with hospital.db.session() as s:
        escort.claim(s, v, hospital.guide_actor(0), clock)
        state = escort.release(s, v, Actor("desk-2", hospital.director.id), clock)
    assert state.escort_staff_id is None


def test_unknown_staff_and_non_guides(hospital, clock) -> None:
    v = arrival(hospital, clock).visit_id
    with pytest.raises(NotFound), hospital.db.session() as s:
        escort.claim(s, v, Actor("desk-1", None), clock)
    with pytest.raises(NotFound), hospital.db.session() as s:
        escort.claim(s, v, Actor("desk-1", "ghost"), clock)
    with hospital.db.session() as s:
        from app.models import Role, Staff

        consultant = s.query(Staff).filter_by(role=Role.CONSULTANT).first()
        escort.claim(s, v, hospital.guide_actor(0), clock)
        with pytest.raises(FrontDeskError) as info:
            escort.hand_off(s, v, consultant.id, hospital.guide_actor(0), clock)
    assert info.value.code == "choice_invalid"
