"""Convergence as a property (docs/sync.md §9, scenario 34): random interleavings of three devices'
actions, partitions and pushes/pulls in any order; after healing, every device agrees with the
server — the same visits and events, the same derived stage and escort — and every outbox row
reached a final answer."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.errors import FrontDeskError
from app.models import Department, EventFlag, OutboxEntry, Visit, VisitEvent
from app.services import escort, registration, visits
from app.services.registration import VisitForm
from app.services.stages import StageMachine
from app.sync.client import SyncError

from .harness import Desk, ServerProcess

MACHINE = StageMachine()
DEAD = "http://127.0.0.1:9"  # nothing listens there: a partition
ROLES = ("kiosk", "staff", "staff")
ACTIONS = (
    "race",
    "walk_in",
    "walk_in",
    "claim",
    "claim",
    "claim",
    "advance",
    "push",
    "pull",
    "partition",
    "heal",
)


@pytest.fixture(scope="module")
def server():
    with tempfile.TemporaryDirectory() as tmp:
        srv = ServerProcess(Path(tmp) / "server").start()
        yield srv
        srv.stop()


def _act(desk: Desk, action: str, pick: int, made: list[str]) -> None:
    guide = None if desk.identity.role == "kiosk" else desk.guides()[pick % 6]
    actor = desk.actor if guide is None else desk.staff(guide.username)
    try:
        if action == "walk_in":
            with desk.db.session() as s:
                dept = s.scalars(select(Department.id).order_by(Department.code)).all()[pick % 12]
                form = VisitForm(purpose="consultation", department_id=dept)
                made.append(
                    registration.register_walk_in(
                        s, None, form, actor, desk.clock, standalone=False
                    ).visit_id
                )
        elif action in ("claim", "advance") and guide is not None:
            with desk.db.session() as s:
                held = s.scalars(select(Visit.id).order_by(Visit.created_at)).all()
                if not held:
                    return
                v = held[pick % len(held)]
                if action == "claim":
                    escort.claim(s, v, actor, desk.clock)
                else:
                    visits.advance(s, v, actor, desk.clock, MACHINE)
        elif action == "push":
            desk.engine.push_once()
        elif action == "pull":
            desk.engine.pull_once()
        elif action == "partition":
            desk.point_at(DEAD)
        elif action == "heal":
            desk.point_at(desk.identity.server_url)
    except (FrontDeskError, SyncError):
        pass  # refused locally (someone holds the patient…) or the network is down


def _race(guide_desks: list[Desk], pick: int) -> None:
    """Both guide desks catch up, then claim the same patient before hearing of each other,
    then both push: one claim wins on the server, the other is kept and flagged."""
    try:
        for d in guide_desks:
            d.engine.pull_once()
    except SyncError:
        return
    held = None
    for d in guide_desks:
        with d.db.reading() as s:
            mine = set(
                s.scalars(
                    select(Visit.id).where(
                        Visit.escort_staff_id.is_(None), Visit.stage != "departed"
                    )
                )
            )
        held = mine if held is None else held & mine
    if not held:
        return
    target = sorted(held)[pick % len(held)]
    for i, d in enumerate(guide_desks):
        try:
            with d.db.session() as s:
                escort.claim(s, target, d.staff(d.guides()[i].username), d.clock)
        except FrontDeskError:
            pass
    for d in guide_desks:
        with contextlib.suppress(SyncError):
            d.engine.push_once()


def _state(db, ids: list[str]) -> dict[str, tuple]:
    with db.reading() as s:
        out = {}
        for v in ids:
            evs = list(s.scalars(select(VisitEvent).where(VisitEvent.visit_id == v)))
            flags = set(s.scalars(select(EventFlag.event_id).where(EventFlag.visit_id == v)))
            if evs:
                st_ = visits.derive(evs, flags)
                out[v] = (len(evs), len(flags), st_.stage, st_.escort_staff_id)
        return out


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.integers(0, 2), st.integers(0, 1000)),
        min_size=5,
        max_size=30,
    )
)
def test_every_device_converges_with_the_server(server, steps) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        desks = [
            Desk.enroll(server, Path(tmp) / f"d{i}", role, f"d{i}") for i, role in enumerate(ROLES)
        ]
        try:
            for d in desks:
                d.sync()
                d.engine.ensure_leases()
            made: list[str] = []
            for action, who, pick in steps:
                if action == "race":
                    _race(desks[1:], pick)
                else:
                    _act(desks[who], action, pick, made)
            for d in desks:  # heal everything, then let it settle
                d.point_at(d.identity.server_url)
            for _ in range(2):
                for d in desks:
                    d.sync()
            for d in desks:
                with d.db.reading() as s:
                    states = set(s.scalars(select(OutboxEntry.state)))
                assert states <= {"applied", "duplicate", "conflict"}, states
            db = server.database()
            try:
                with db.reading() as s:
                    on_server = set(s.scalars(select(Visit.id).where(Visit.id.in_(made))))
                expected = _state(db, made)
            finally:
                db.close()
            assert on_server == set(made)
            for d in desks[1:]:  # the staff desks hold and derive exactly what the server does
                assert _state(d.db, made) == expected
        finally:
            for d in desks:
                d.close()
