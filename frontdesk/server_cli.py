"""``frontdesk server`` and ``frontdesk server-admin``: thin wrappers over ``server``.

Kept out of ``frontdesk.cli`` so a desk never imports FastAPI unless it runs the server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app import config

if TYPE_CHECKING:  # the server's modules load only when a server command runs
    from sqlalchemy.orm import Session

    from app.db import Database
    from server.settings import ServerSettings


def _settings(args: argparse.Namespace, cfg: config.Config) -> ServerSettings:
    from server.settings import ServerSettings

    url = (
        args.database_url
        or f"sqlite+pysqlite:///{cfg.data_path() / 'server' / 'frontdesk-server.db'}"
    )
    return ServerSettings(
        database_url=url,
        host=getattr(args, "host", "127.0.0.1"),
        port=getattr(args, "port", 8470),
        timezone=cfg.timezone,
        kiosk_lookup_memory_kib=cfg.kiosk_lookup_memory_kib,
    )


def serve(args: argparse.Namespace, cfg: config.Config) -> int:
    try:
        from server import app as server_app
        from server import db as serverdb
    except ImportError:
        print(
            "frontdesk: the server needs the server extra: pip install 'frontdesk[server]'",
            file=sys.stderr,
        )
        return 2
    settings = _settings(args, cfg)
    try:
        settings.check()
    except ValueError as exc:
        print(f"frontdesk: {exc}", file=sys.stderr)
        return 2
    if args.demo:
        from app.clock import Clock
        from app.db import Database
        from server.reference import load_demo

        serverdb.upgrade(settings.resolved_url())
        database = Database(serverdb.open_engine(settings.resolved_url()))
        with database.session() as s:  # the kiosks' hashes made as this server makes them
            serverdb.set_lookup_cost(s, settings.lookup_cost())
            load_demo(s, Clock(tz=ZoneInfo(cfg.timezone)), seed=args.seed)
        database.close()
    server_app.run(settings, port_file=args.port_file)
    return 0


def admin(args: argparse.Namespace, cfg: config.Config) -> int:
    from app.db import Database
    from server import db as serverdb
    from server.enrollment import create_code

    settings = _settings(args, cfg)
    url = settings.resolved_url()
    serverdb.upgrade(url)
    if args.admin_command == "upgrade":
        print("server database is up to date")
        return 0
    database = Database(serverdb.open_engine(url))
    if args.admin_command == "prune":
        return _prune(database, args.days, cfg)
    try:
        with database.session() as s:
            if args.admin_command == "new-epoch":
                print(f"new epoch {serverdb.new_epoch(s)}: every desk will send its changes again")
                return 0
            if args.admin_command == "survey":
                return _publish_survey(s, args.file, cfg)
            if args.admin_command == "unlock":
                return _unlock(s, args.username)
            if args.admin_command == "calendar-import":
                return _import_calendar(s, args.file, args.dry_run, cfg)
            if args.admin_command == "followup-tasks":
                return _followup_tasks(s, cfg)
            if args.admin_command == "setting":
                return _setting(s, args.key, args.value, args.by, cfg)
            code = create_code(s, role=args.role, name=args.name, location=args.location)
    finally:
        database.close()
    print(f'enrollment code for {args.role} desk "{args.name}": {code} (valid 24 hours, once)')
    if sys.stdout.isatty():
        import qrcode

        qr = qrcode.QRCode(border=1)
        qr.add_data(code)
        qr.print_ascii(invert=True)
    return 0


def _prune(database: Database, days: int, cfg: config.Config) -> int:
    from app.clock import Clock
    from server.sync.retention import prune
    from server.sync.waiting import expire_waiting

    if days < 1:
        print("frontdesk: --days is at least 1", file=sys.stderr)
        return 2
    clock = Clock(tz=ZoneInfo(cfg.timezone))
    try:
        done = prune(database, now=clock.now(), today=clock.today(), days=days)
        refused, _ = expire_waiting(database, clock.today())
    finally:
        database.close()
    print(done.describe())
    if refused:
        print(f"{refused} changes waited in vain for a row another desk never sent: refused")
    return 0


def _unlock(session: Session, username: str) -> int:
    from sqlalchemy import delete

    from app.db import rowcount
    from server.models import SignInFailures

    desks = rowcount(
        session.execute(delete(SignInFailures).where(SignInFailures.username == username))
    )
    print(f"{username}: failed sign-ins cleared on {desks} desks; they may sign in now")
    return 0


def _import_calendar(session: Session, path: Path, dry_run: bool, cfg: config.Config) -> int:
    from app.clock import Clock
    from server.calendar import CalendarError, import_rows, parse

    try:
        rows = parse(path.read_text(encoding="utf-8"))
        done = import_rows(
            session, Clock(tz=ZoneInfo(cfg.timezone)), rows, path.name, dry_run=dry_run
        )
    except OSError as exc:
        print(f"frontdesk: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 1
    except (CalendarError, UnicodeDecodeError) as exc:
        session.rollback()
        print(f"frontdesk: calendar not imported:\n{exc}", file=sys.stderr)
        return 1
    years = ", ".join(map(str, done.years))
    if dry_run:
        print(f"calendar {years}: {done.days} days would be imported (dry run: nothing changed)")
        session.rollback()
    else:
        print(
            f"calendar {years}: {done.days} days imported; every desk has them from its next sync"
        )
    return 0


def _followup_tasks(session: Session, cfg: config.Config) -> int:
    from app.clock import Clock
    from server.followups import make_tasks

    done, _ = make_tasks(session, Clock(tz=ZoneInfo(cfg.timezone)))
    left = ", ".join(f"{reason} {n}" for reason, n in sorted(done.skipped.items()))
    print(f"follow-up calls: {done.made} made" + (f"; left out: {left}" if left else ""))
    return 0


def _setting(
    session: Session, key: str | None, value: str | None, by: str, cfg: config.Config
) -> int:
    import getpass
    import json

    from app.clock import Clock
    from app.services import shared_settings
    from server.reference import put_setting

    if key is None or value is None:
        for name, current, is_default, help_text in shared_settings.listing(session):
            if key is not None and name != key:
                continue
            shown = json.dumps(current, ensure_ascii=False)
            print(f"{name} = {shown}{'  (default)' if is_default else ''}\n    {help_text}")
        if key is not None and key not in shared_settings.DECLARED:
            print(f"frontdesk: no setting {key!r}; the list above names them", file=sys.stderr)
            return 1
        return 0
    try:
        raw = json.loads(value)
    except ValueError:
        raw = value  # plain text, e.g. 08:30
    who = by or f"server-admin ({getpass.getuser()})"
    try:
        row, _ = put_setting(session, Clock(tz=ZoneInfo(cfg.timezone)), key, raw, who)
    except shared_settings.SettingError as exc:
        session.rollback()
        print(f"frontdesk: setting not changed: {exc}", file=sys.stderr)
        return 1
    print(f"{row.key} = {row.value_json}: every desk counts with it from its next sync")
    return 0


def _publish_survey(session: Session, path: Path, cfg: config.Config) -> int:
    import json

    from app.clock import Clock
    from app.services.survey import SurveyError
    from server.reference import publish_survey

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"frontdesk: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"frontdesk: {path} is not valid JSON: {exc}", file=sys.stderr)
        return 1
    if not isinstance(data, dict):
        print(f"frontdesk: {path} does not hold a survey definition", file=sys.stderr)
        return 1
    try:
        row = publish_survey(session, Clock(tz=ZoneInfo(cfg.timezone)), data)
    except SurveyError as exc:
        session.rollback()
        print(f"frontdesk: survey not published: {exc}", file=sys.stderr)
        return 1
    print(
        f"survey {row.code} revision {row.revision} published: kiosks ask it from their next sync"
    )
    return 0
