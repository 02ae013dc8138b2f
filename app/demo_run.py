"""``frontdesk demo``: the demo hospital on this machine.

Until the server and the screens exist this runs the core for real on a demo database: it
loads the demo hospital, lets a morning happen through the services (check-ins at the desk
and kiosk, walk-ins, triage, escorts, stage moves) and prints what a guide's board would show.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import unicodedata
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app import config, demo, logs
from app.clock import Clock, FixedClock
from app.db import Database, open_database
from app.errors import FrontDeskError
from app.models import Appointment, ArrivalChannel, Department, Role, Staff, Visit
from app.services import Actor, board, checkin, escort, registration, triage, visits
from app.services.masking import mask_phone
from app.services.stages import StageMachine, stage_name

log = logging.getLogger(__name__)

KIOSK_DEVICE = "demo-kiosk-1"
DESK_DEVICE = "demo-desk-1"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def _pick(pair: tuple[str, str] | None, en: bool) -> str:
    if pair is None:
        return "—"
    return pair[1] if en else pair[0]


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def _simulate(db: Database, real: Clock, machine: StageMachine, rng: random.Random) -> None:
    """The last hour and a half at the front desk, through the same services the screens use,
    on a clock that steps a few minutes between actions."""
    clock = FixedClock(tz=real.tz, at=real.now() - dt.timedelta(minutes=120))

    def tick() -> None:
        clock.at = min(clock.at + dt.timedelta(minutes=rng.uniform(1, 6)), real.now())

    with db.session() as s:
        guides = s.scalars(select(Staff).where(Staff.role == Role.GUIDE)).all()
        appts = s.scalars(select(Appointment).order_by(Appointment.scheduled_at)).all()
        depts = s.scalars(select(Department).order_by(Department.sort_order)).all()
    desk = [Actor(DESK_DEVICE, g.id) for g in guides]
    kiosk = Actor(KIOSK_DEVICE)
    for i, appt in enumerate(appts[:10]):
        tick()
        with db.session() as s:
            channel = ArrivalChannel.KIOSK if i % 2 else ArrivalChannel.DESK
            actor = kiosk if channel == ArrivalChannel.KIOSK else desk[i % len(desk)]
            result = checkin.check_in(
                s, appt.id, actor, clock, channel=channel, enforce_window=False
            )
            if i < 7:
                guide = desk[i % len(desk)]
                escort.claim(s, result.visit_id, guide, clock)
                for _ in range(rng.randint(0, 3)):
                    clock.at = min(clock.at + dt.timedelta(minutes=rng.uniform(1, 5)), real.now())
                    visits.advance(s, result.visit_id, guide, clock, machine)
    walk_ins = [
        ("蒋小梅", "F", 71, "13912340001", depts[0], True),
        ("Tom Baker", "M", 40, "13912340002", depts[6], False),
        ("钱多多", "M", 5, "13912340003", depts[2], False),
    ]
    clock.at = real.now() - dt.timedelta(minutes=30)
    for name, gender, age, phone, dept, frail in walk_ins:
        tick()
        with db.session() as s:
            reg = registration.register_walk_in(
                s,
                registration.PatientForm(name, gender, age, phone, "朝阳区", "walk_in"),
                registration.VisitForm(
                    purpose="consultation", department_id=dept.id, needs_escort=frail
                ),
                kiosk,
                clock,
            )
            roster = triage.roster_for_day(s, clock.today())
            on_duty = next(r for r in roster if r.department_id == dept.id).doctors
            if on_duty:
                triage.triage(
                    s, reg.visit_id, dept.id, desk[0], clock, doctor_id=on_duty[0].doctor_id
                )
    with db.session() as s:
        first = s.scalars(select(Visit).where(Visit.escort_staff_id.is_not(None))).first()
        if first is not None and len(desk) > 1:
            try:
                escort.claim(s, first.id, desk[-1], clock)
            except FrontDeskError as exc:
                log.info("demo: refused claim as expected (%s)", exc.code)


def run_demo(cfg: config.Config, *, reset: bool, lang: str, seed: int | None) -> int:
    data_dir = cfg.data_path() / "demo"
    logs.setup(data_dir / "logs", cfg.log_level)
    clock = Clock(tz=ZoneInfo(cfg.timezone))
    path = data_dir / "frontdesk-demo.db"
    fresh = reset or not path.exists()
    if not fresh:
        probe = open_database(path)
        with probe.session() as s:
            day = s.scalar(select(Appointment.day).limit(1))
        probe.close()
        fresh = day != clock.today()
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    db = open_database(path)
    machine = StageMachine.from_settings(cfg.stages)
    rng = random.Random(seed)
    try:
        if fresh:
            with db.session() as s:
                summary = demo.load(s, clock, seed=seed)
            log.info("demo data loaded: %s", summary)
            _simulate(db, clock, machine, rng)
        _print(db, clock, machine, lang, cfg, path)
    finally:
        db.close()
    return 0


def _print(
    db: Database, clock: Clock, machine: StageMachine, lang: str, cfg: config.Config, path
) -> None:
    en = lang == "en"
    now = clock.now()
    t = (lambda zh, e: e) if en else (lambda zh, e: zh)
    with db.session() as s:
        roster = triage.roster_for_day(s, clock.today())
        appts = s.scalars(select(Appointment).order_by(Appointment.scheduled_at)).all()
        checked = {v.appointment_id for v in s.scalars(select(Visit))}
        rows = board.open_visits(s, clock.today())
        depts = {d.id: d for d in s.scalars(select(Department))}
    hospital = cfg.hospital_name_en if en else cfg.hospital_name_zh
    print(f"FrontDesk demo — {hospital} — {clock.local(now):%Y-%m-%d %H:%M}")
    print(t("演示数据库：", "Demo database: ") + str(path))
    print()
    print(t("今日出诊", "On duty today"))
    print(
        _table(
            [
                t("科室", "Department"),
                t("楼层", "Floor"),
                t("出诊医生（候诊人数）", "Doctors (waiting)"),
            ],
            [
                [
                    _pick(r.name, en),
                    r.floor,
                    ", ".join(f"{_pick(d.name, en)} ({d.waiting})" for d in r.doctors) or "—",
                ]
                for r in roster
            ],
        )
    )
    print()
    print(
        t("今日预约（签到码可用于自助签到）", "Today's appointments (check-in codes for the kiosk)")
    )
    print(
        _table(
            [
                t("时间", "Time"),
                t("签到码", "Code"),
                t("患者", "Patient"),
                t("手机", "Phone"),
                t("科室", "Department"),
                t("状态", "Status"),
            ],
            [
                [
                    f"{clock.local(a.scheduled_at):%H:%M}",
                    a.checkin_code,
                    checkin.mask_name(a.patient_name),
                    mask_phone(a.patient_phone),
                    _pick((depts[a.department_id].name_zh, depts[a.department_id].name_en), en),
                    t("已签到", "checked in") if a.id in checked else t("未到", "expected"),
                ]
                for a in appts
            ],
        )
    )
    print()
    print(t("陪诊看板", "Escort board"))
    marks = {"ok": "", "amber": t(" ⚠超时", " ⚠ over"), "red": t(" ‼严重超时", " ‼ well over")}
    print(
        _table(
            [
                t("号码", "Ticket"),
                t("患者", "Patient"),
                t("科室 / 医生", "Department / doctor"),
                t("环节", "Stage"),
                t("本环节", "In stage"),
                t("陪诊导医", "Escort"),
                t("标记", "Flags"),
            ],
            [
                [
                    r.ticket or "—",
                    r.masked_name or t("（未留信息）", "(no details)"),
                    f"{_pick(r.department, en)} / {_pick(r.doctor, en)}"
                    + (t(" 〔指定〕", " [designated]") if r.designated_doctor else ""),
                    stage_name(r.stage, lang),
                    f"{int(r.minutes_in_stage(now))} min" + marks[r.level(machine, now)],
                    r.escort_name or t("无", "none"),
                    " ".join(
                        f
                        for f, on in (
                            (t("需全程陪同", "full escort"), r.needs_escort),
                            (t("复诊", "returning"), r.returning),
                            (t("待核实", "unverified"), not r.verified),
                        )
                        if on
                    ),
                ]
                for r in rows
            ],
        )
    )
    print()
    print(
        t(
            "服务器、自助机窗口和导医台窗口将在后续版本加入；目前演示在本机数据库上运行核心服务。",
            "The server, kiosk window and staff window arrive in later versions; this demo runs "
            "the core services on a local database.",
        )
    )
