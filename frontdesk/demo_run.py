"""``frontdesk demo``: the demo hospital on this machine.

Until the screens exist this runs the rest of the system for real: the central server on
embedded SQLite (its own process, loopback), a lobby kiosk and a guide desk, each with its own
database, enrolled with one-time codes and syncing through the server.  The last two hours
happen through the same services the screens will use (check-ins at the kiosk and the desk,
walk-ins, triage, escorts, stage moves), then it prints what the guide desk holds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import random
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app import config, demo, logs, security
from app.clock import Clock, FixedClock
from app.db import Database, open_database
from app.errors import FrontDeskError
from app.models import Appointment, ArrivalChannel, Department, Role, Staff, SyncState, Visit
from app.services import (
    Actor,
    board,
    checkin,
    escort,
    masking,
    registration,
    triage,
    visits,
    workdays,
)
from app.services.masking import mask_phone
from app.services.stages import StageMachine, stage_name
from app.sync.codec import encode_value
from app.sync.desk import SyncedDesk
from app.sync.status import SyncStatus

log = logging.getLogger(__name__)


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


def _simulate(
    kiosk: SyncedDesk, desk: SyncedDesk, real: Clock, machine: StageMachine, rng: random.Random
) -> None:
    """The last two hours at the front desk, on a clock that steps a few minutes between
    actions; the kiosk and the desk sync through the server after each one."""
    midnight = real.day_bounds(real.today())[0]  # the simulated hours stay within today
    clock = FixedClock(tz=real.tz, at=max(real.now() - dt.timedelta(minutes=120), midnight))

    def tick(low: float = 2, high: float = 5) -> None:
        clock.at = min(clock.at + dt.timedelta(minutes=rng.uniform(low, high)), real.now())

    def sync() -> None:
        kiosk.engine.sync_until_idle()
        desk.engine.sync_until_idle()

    with desk.db.reading() as s:
        guides = s.scalars(
            select(Staff).where(Staff.role == Role.GUIDE).order_by(Staff.username)
        ).all()
        appts = s.scalars(select(Appointment).order_by(Appointment.scheduled_at)).all()
        depts = s.scalars(select(Department).order_by(Department.sort_order)).all()
    key = kiosk.engine.refresh_kiosk_key() or _kiosk_key(kiosk)
    guide_actors = [Actor(desk.identity.device_id, g.id) for g in guides]
    password = demo.read_hospital()["demo_password"]
    for g in guides:  # the guides sign in at the desk (every demo user has this password)
        desk.db.proofs[g.id] = security.sign_in_proof(
            g.id, password, desk.identity.device_id, encode_value(real.now())
        )
    kiosk_actor = Actor(kiosk.identity.device_id)
    for i, appt in enumerate(appts[:10]):
        tick()
        if i % 2:  # the patient types the code from the booking message at the kiosk
            with kiosk.db.session() as s:
                view = checkin.find_by_code(s, appt.checkin_code, clock, key=key)
                result = checkin.check_in(
                    s,
                    view.appointment_id,
                    kiosk_actor,
                    clock,
                    channel=ArrivalChannel.KIOSK,
                    enforce_window=False,
                    standalone=False,
                )
        else:
            with desk.db.session() as s:
                result = checkin.check_in(
                    s,
                    appt.id,
                    guide_actors[i % len(guide_actors)],
                    clock,
                    channel=ArrivalChannel.DESK,
                    enforce_window=False,
                    standalone=False,
                )
        sync()
        if i < 7:
            guide = guide_actors[i % len(guide_actors)]
            with desk.db.session() as s:
                escort.claim(s, result.visit_id, guide, clock)
            for _ in range(rng.randint(0, 3)):
                tick(1, 5)
                with desk.db.session() as s:
                    visits.advance(s, result.visit_id, guide, clock, machine)
    walk_ins = [
        ("蒋小梅", "F", 71, "13912340001", depts[0], True),
        ("Tom Baker", "M", 40, "13912340002", depts[6], False),
        ("钱多多", "M", 5, "13912340003", depts[2], False),
    ]
    clock.at = max(real.now() - dt.timedelta(minutes=30), midnight)
    for name, gender, age, phone, dept, frail in walk_ins:
        tick()
        with kiosk.db.session() as s:
            reg = registration.register_walk_in(
                s,
                registration.PatientForm(name, gender, age, phone, "朝阳区", "walk_in"),
                registration.VisitForm(
                    purpose="consultation", department_id=dept.id, needs_escort=frail
                ),
                kiosk_actor,
                clock,
                standalone=False,
            )
        sync()
        with desk.db.session() as s:
            roster = triage.roster_for_day(s, clock.today())
            on_duty = next(r for r in roster if r.department_id == dept.id).doctors
            if on_duty:
                triage.triage(
                    s,
                    reg.visit_id,
                    dept.id,
                    guide_actors[0],
                    clock,
                    doctor_id=on_duty[0].doctor_id,
                    standalone=False,
                )
    sync()
    with desk.db.session() as s:
        first = s.scalars(select(Visit).where(Visit.escort_staff_id.is_not(None))).first()
        if first is not None and len(guide_actors) > 1:
            try:
                escort.claim(s, first.id, guide_actors[-1], clock)
            except FrontDeskError as exc:
                log.info("demo: refused claim as expected (%s)", exc.code)
    sync()


# the previous working day's outpatients, seen and gone home: today's follow-up calls
YESTERDAY = (
    ("周桂兰", "F", 68, "13912340011", "IM"),
    ("吴建军", "M", 52, "13912340012", "SUR"),
    ("郑小雨", "F", 6, "13912340013", "PED"),
    ("冯志刚", "M", 45, "13912340014", "IM"),
    ("陈美玲", "F", 33, "13912340015", "SUR"),
    ("褚卫东", "M", 71, "13912340016", "IM"),
)


def _yesterdays_patients(
    desk: SyncedDesk, real: Clock, machine: StageMachine, rng: random.Random
) -> dt.date:
    """Outpatients seen on the previous working day, registered at the desk and gone home:
    the server calls them the next working day (the follow-up page, F6); returns that day."""
    with desk.db.reading() as s:
        calendar = workdays.load(s)
        depts = {d.code: d.id for d in s.scalars(select(Department))}
        guide = s.scalars(select(Staff).where(Staff.username == "guide.zhang")).one()
    day = real.today() - dt.timedelta(days=1)
    while not calendar.is_working(day):
        day -= dt.timedelta(days=1)
    desk.engine.leases.ensure(day)
    actor = Actor(desk.identity.device_id, guide.id)
    clock = FixedClock(tz=real.tz, at=dt.datetime.combine(day, dt.time(8, 40), real.tz))
    for name, gender, age, phone, code in YESTERDAY:
        clock.at += dt.timedelta(minutes=rng.uniform(10, 30))
        with desk.db.session() as s:
            reg = registration.register_arrival(
                s,
                registration.PatientForm(name, gender, age, phone, "朝阳区", "walk_in"),
                registration.VisitForm(purpose="consultation", department_id=depts[code]),
                actor,
                clock,
                standalone=False,
            )
            visits.move(s, reg.visit_id, "waiting", actor, clock, machine)
        clock.at += dt.timedelta(minutes=rng.uniform(30, 90))
        with desk.db.session() as s:
            visits.move(s, reg.visit_id, "departed", actor, clock, machine)
    desk.engine.sync_until_idle()
    return day


def _kiosk_key(kiosk: SyncedDesk) -> str:
    with kiosk.db.reading() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.kiosk_key
        return state.kiosk_key


def run_demo(
    cfg: config.Config,
    *,
    reset: bool,
    lang: str,
    seed: int | None,
    serve: bool = False,
    windows: bool = True,
) -> int:
    from server.process import ServerProcess

    data_dir = cfg.data_path() / "demo"
    logs.setup(data_dir / "logs", cfg.log_level)
    clock = Clock(tz=ZoneInfo(cfg.timezone))
    fresh = reset or not (data_dir / "desk" / "device.json").exists()
    if not fresh:
        probe = open_database(data_dir / "desk" / "frontdesk.db")
        with probe.reading() as s:
            day = s.scalar(select(Appointment.day).limit(1))
        probe.close()
        fresh = day != clock.today()
    if fresh and data_dir.exists():
        for part in ("server", "kiosk", "desk"):
            shutil.rmtree(data_dir / part, ignore_errors=True)
    server = ServerProcess(data_dir / "server", seed=seed)
    print("FrontDesk demo: starting the central server…", flush=True)
    server.start()
    machine = StageMachine.from_settings(cfg.stages)
    rng = random.Random(seed)
    kiosk = desk = None
    try:
        if fresh:
            kiosk = SyncedDesk.enroll(
                data_dir / "kiosk", server.url, server.code("kiosk", "门诊大厅 1号自助机"), clock
            )
            desk = SyncedDesk.enroll(
                data_dir / "desk", server.url, server.code("staff", "一楼导医台"), clock
            )
        else:
            kiosk = SyncedDesk.open(data_dir / "kiosk", clock, server_url=server.url)
            desk = SyncedDesk.open(data_dir / "desk", clock, server_url=server.url)
        for d in (kiosk, desk):
            d.engine.sync_until_idle()
            d.engine.ensure_leases()
        if fresh:
            _simulate(kiosk, desk, clock, machine, rng)
            _yesterdays_patients(desk, clock, machine, rng)
            server.make_follow_ups(clock)  # now, rather than at its next 10-minute turn
            desk.engine.sync_until_idle()
        _print(desk.db, clock, machine, lang, cfg, data_dir, server.url, kiosk.engine.status)
        if windows:
            kiosk.close()
            desk.close()
            kiosk = desk = None
            staff = _staff_window(cfg, data_dir / "desk", server.url, lang)
            try:
                _kiosk_window(cfg, data_dir / "kiosk", server.url, lang)
            finally:
                if staff.poll() is None:
                    staff.terminate()
                    staff.wait(10)
        if serve:
            print(f"The server keeps running at {server.url} — Ctrl+C stops it.", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                while server.proc is not None and server.proc.poll() is None:
                    time.sleep(0.5)
    finally:
        for opened in (kiosk, desk):
            if opened is not None:
                opened.close()
        server.stop()
    return 0


def staff_command(data_dir: Path, server_url: str, lang: str) -> list[str]:
    """How the demo starts its guide desk: the ``frontdesk`` command (this Python's, or the
    frozen program) with the demo's data folder and server."""
    from server.process import frontdesk_command

    return [
        *frontdesk_command(),
        "--set",
        f"data_dir={data_dir}",
        "--set",
        f"language={lang}",
        "--set",
        "location=一楼导医台",
        "--set",
        f"printer=pdf:{data_dir.parent / 'tickets'}/",  # every ticket a PDF of its own
        "staff",
        "--server-url",
        server_url,
    ]


def _staff_window(
    cfg: config.Config, data_dir: Path, server_url: str, lang: str
) -> subprocess.Popen[bytes]:
    """The guide desk in its own process (its own window and event loop), syncing with the
    demo's server; sign in as guide.zhang / demo-1234."""
    print(
        "导医台窗口：用户名 guide.zhang，密码 demo-1234（回访员 followup.huang，主任 director.sun）"
        if lang != "en"
        else "The guide desk window: user guide.zhang, password demo-1234 (follow-up calls: "
        "followup.huang; the director: director.sun)",
        flush=True,
    )
    command = staff_command(data_dir, server_url, lang)
    env = dict(os.environ)
    if os.environ.get("FRONTDESK_STARTUP_PROBE") == "1":
        env.pop("FRONTDESK_STARTUP_PROBE")  # the test's probe is for the kiosk window
    return subprocess.Popen(command, env=env)


def _kiosk_window(cfg: config.Config, data_dir: Path, server_url: str, lang: str) -> None:
    """The lobby kiosk in a window (not locked down), syncing with the demo's server."""
    import dataclasses

    from kiosk.main import run as run_kiosk

    print(
        "自助机窗口已打开（关闭窗口即结束演示）。"
        if lang != "en"
        else "The kiosk window is open (close it to end the demo).",
        flush=True,
    )
    tickets = data_dir.parent / "tickets"
    print(
        f"号票打印为 PDF：{tickets}"
        if lang != "en"
        else f"Tickets are printed as PDFs in {tickets}",
        flush=True,
    )
    kiosk_cfg = dataclasses.replace(
        cfg,
        data_dir=str(data_dir),
        location="门诊大厅 1号自助机",
        language=lang,
        printer=cfg.printer or f"pdf:{tickets}/",  # no printer on a demo machine: PDFs
    )
    run_kiosk(kiosk_cfg, windowed=True, server_url=server_url)


def _print(
    db: Database,
    clock: Clock,
    machine: StageMachine,
    lang: str,
    cfg: config.Config,
    path: Path,
    server_url: str,
    kiosk_status: SyncStatus,
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
    print(t("中心服务器：", "Central server: ") + server_url)
    print(t("演示数据：", "Demo data: ") + str(path))
    print(t("自助机同步：", "Kiosk sync: ") + kiosk_status.describe(clock.now(), clock.tz, lang))
    print(
        t(
            "（以下为导医台本机数据库中同步来的内容）",
            "(what follows is what the guide desk's own database holds after syncing)",
        )
    )
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
                    masking.mask_name(a.patient_name),
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
            "接下来打开导医台窗口和自助机窗口（在自助机上用上面的签到码试试，"
            "在导医台上看它出现）。",
            "The guide desk and the kiosk windows open next (check in at the kiosk with a code "
            "from the list above, and watch it arrive on the desk).",
        )
    )
