"""The ``frontdesk`` command: one entry point with sub-commands.

frontdesk demo                 the demo hospital on this machine (see README)
frontdesk kiosk                the lobby kiosk (locked down; --windowed for development)
frontdesk staff                the guide workstation (sign in, board, registration, triage)
frontdesk db upgrade           bring the local database up to date (backs it up first)
frontdesk db current           show the database's schema revision
frontdesk config show|path|init
frontdesk self-test            check that this installation works (the installer runs it)
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app import __version__, config, logs

log = logging.getLogger("frontdesk.cli")


def _demo_args(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--reset", action="store_true", help="start again from fresh demo data")
    demo.add_argument("--lang", choices=config.LANGUAGES, help="output language")
    demo.add_argument("--seed", type=int, default=None, help="random seed for the demo data")
    demo.add_argument("--serve", action="store_true", help="keep the server running afterwards")
    demo.add_argument(
        "--no-windows", action="store_true", help="print the desks' state; open no window"
    )


def _kiosk_args(ksk: argparse.ArgumentParser) -> None:
    ksk.add_argument(
        "--windowed", action="store_true", help="a normal window, not locked down (development)"
    )
    ksk.add_argument("--demo", action="store_true", help="stand-alone with the demo hospital")
    ksk.add_argument(
        "--hash-pin", action="store_true", help="read a director PIN from stdin, print its hash"
    )


def _staff_args(stf: argparse.ArgumentParser) -> None:
    stf.add_argument("--demo", action="store_true", help="stand-alone with the demo hospital")
    stf.add_argument(
        "--server-url", default=None, help="talk to this server (not the enrolled one)"
    )


def _db_args(db: argparse.ArgumentParser) -> None:
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = db_sub.add_parser("upgrade", help="migrate the database to the current schema")
    up.add_argument("--database", type=Path, help="database file (default: the data folder's)")
    up.add_argument("--to", default="head", help="target revision (default: head)")
    cur = db_sub.add_parser("current", help="show the database's schema revision")
    cur.add_argument("--database", type=Path, help="database file (default: the data folder's)")


def _config_args(cfg: argparse.ArgumentParser) -> None:
    cfg.add_argument("action", choices=("show", "path", "init"))


def _server_args(srv: argparse.ArgumentParser) -> None:
    srv.add_argument("--database-url", default="", help="sqlite:///FILE or postgresql+psycopg://…")
    srv.add_argument("--host", default="127.0.0.1")
    srv.add_argument("--port", type=int, default=8470, help="0: any free port")
    srv.add_argument("--port-file", help="write the port actually bound to this file")
    srv.add_argument("--demo", action="store_true", help="load the demo hospital if empty")
    srv.add_argument("--seed", type=int, default=None)


def _server_admin_args(adm: argparse.ArgumentParser) -> None:
    adm.add_argument("--database-url", default="")
    adm_sub = adm.add_subparsers(dest="admin_command", required=True, metavar="ACTION")
    code = adm_sub.add_parser("enroll-code", help="a one-time code to enroll a desk")
    code.add_argument("--role", choices=("kiosk", "staff"), required=True)
    code.add_argument("--name", required=True, help="e.g. 门诊大厅 1号自助机")
    code.add_argument("--location", default="")
    adm_sub.add_parser("new-epoch", help="after restoring from a backup: desks re-send all")
    adm_sub.add_parser("upgrade", help="migrate the server database")
    unlock = adm_sub.add_parser(
        "unlock", help="let a person whom failed sign-ins locked out sign in again, on every desk"
    )
    unlock.add_argument("username", help="the user name, e.g. director.sun")
    srv_survey = adm_sub.add_parser(
        "survey", help="publish a new revision of a survey (JSON) to every kiosk"
    )
    srv_survey.add_argument("file", type=Path, help="the survey definition, e.g. satisfaction.json")
    cal = adm_sub.add_parser(
        "calendar-import",
        help="a new year's holidays and make-up working days (CSV: day,kind,name_zh,name_en; "
        "kind holiday or workday), for a year the bundled calendar does not know yet",
    )
    cal.add_argument("file", type=Path, help="the year's calendar, e.g. 2027.csv")
    cal.add_argument("--dry-run", action="store_true", help="check and show; change nothing")
    adm_sub.add_parser(
        "followup-tasks",
        help="run the follow-up calls' rules now (the server also does it every 10 minutes)",
    )
    setting = adm_sub.add_parser(
        "setting",
        help="the settings every desk shares (the cases' clocks): list them, or set one",
    )
    setting.add_argument("key", nargs="?", help="e.g. clocks.dispatch_min (none: list them all)")
    setting.add_argument(
        "value", nargs="?", help='JSON or plain text, e.g. 45, "08:30", [0, 60, 1440]'
    )
    setting.add_argument("--by", default="", help="who asked for the change (kept with it)")
    prune = adm_sub.add_parser(
        "prune",
        help="shrink the change log, refuse changes that waited a week in vain for a row "
        "(the server also does both every 6 hours)",
    )
    prune.add_argument(
        "--days", type=int, default=30, help="keep every change this many days (default 30)"
    )


def _self_test_args(st: argparse.ArgumentParser) -> None:
    st.add_argument(
        "--keep", type=Path, help="keep the test's files (pictures of every screen) here"
    )


def _enroll_args(enr: argparse.ArgumentParser) -> None:
    enr.add_argument("--server", required=True, help="the server's address, e.g. https://…")
    enr.add_argument("--code", required=True, help="the one-time code from the director")


# Each sub-command: its help line and what declares its arguments.
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "demo": ("run the demo hospital on this machine", _demo_args),
    "kiosk": ("start the lobby kiosk", _kiosk_args),
    "staff": ("start the guide workstation", _staff_args),
    "db": ("the local database", _db_args),
    "config": ("show or create the configuration", _config_args),
    "server": ("run the central server", _server_args),
    "server-admin": ("server housekeeping on this machine", _server_admin_args),
    "self-test": ("check that this installation works (exit 0: all well)", _self_test_args),
    "enroll": ("enroll this desk with the central server", _enroll_args),
}
_VALUE_OPTIONS = ("--config", "--data-dir", "--set")  # the global options that take a value


def _command_in(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` names, if it surely names one (the first word that is not a
    global option or its value); None when in doubt."""
    take_value = False
    for word in argv:
        if take_value:
            take_value = False
        elif word == "--":
            return None
        elif word.startswith("-"):
            # argparse also takes "--conf X" for "--config X": any prefix of a value option
            take_value = "=" not in word and any(o.startswith(word) for o in _VALUE_OPTIONS)
            if take_value and len(word) < 3:
                return None
        else:
            return word if word in COMMANDS else None
    return None


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``only``, just that sub-command's part of it (argparse takes
    a few milliseconds over each sub-command, and the kiosk's first screen waits for it)."""
    p = argparse.ArgumentParser(
        prog="frontdesk",
        description="FrontDesk — hospital customer-service centre: lobby kiosk, guide "
        "workstation and central server.",
    )
    p.add_argument("--version", action="version", version=f"frontdesk {__version__}")
    p.add_argument("--config", type=Path, help="config file (default: the platform's config dir)")
    p.add_argument("--data-dir", type=Path, help="data folder (database, logs)")
    p.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override one setting, e.g. --set language=en (repeatable)",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, declare) in COMMANDS.items():
        if only is None or name == only:
            declare(sub.add_parser(name, help=help_text))
    return p


def _load_config(args: argparse.Namespace) -> config.Config:
    overrides = list(args.overrides)
    if args.data_dir:
        overrides.append(f"data_dir={args.data_dir}")
    return config.load(args.config, overrides)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(_command_in(argv)).parse_args(argv)
    try:
        cfg = _load_config(args)
    except config.ConfigError as exc:
        print(f"frontdesk: {exc}", file=sys.stderr)
        return 2
    if args.command in ("kiosk", "staff", "demo", "server"):
        _announce_running()
    if args.command == "config":
        return _config(args, cfg)
    if args.command == "db":
        logs.setup(cfg.log_path(), cfg.log_level)
        return _db(args, cfg)
    if args.command in ("server", "server-admin"):
        logs.setup(cfg.log_path(), cfg.log_level)
        from frontdesk.server_cli import admin, serve

        return serve(args, cfg) if args.command == "server" else admin(args, cfg)
    if args.command == "self-test":
        from frontdesk.selftest import run as self_test

        code = self_test(args.keep)
        # leave at once: Qt's on-screen keyboard may crash while the interpreter tears down,
        # which would turn a pass into a failure for the installer
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if args.command == "enroll":
        logs.setup(cfg.log_path(), cfg.log_level)
        return _enroll(args, cfg)
    if args.command == "kiosk":
        from kiosk.main import hash_pin, run

        if args.hash_pin:
            return hash_pin()
        logs.hold(cfg.log_level)  # the kiosk opens the file once its first screen is up
        try:
            return run(cfg, windowed=args.windowed, demo=args.demo)
        except BaseException:
            log.exception("the kiosk stopped on an error")
            raise
        finally:
            if logs.holding():
                logs.setup(cfg.log_path(), cfg.log_level)
    if args.command == "staff":
        from ui.main import run as run_staff

        logs.setup(cfg.log_path(), cfg.log_level)
        return run_staff(cfg, demo=args.demo, server_url=args.server_url)
    if args.command == "demo":
        from frontdesk.demo_run import run_demo

        return run_demo(
            cfg,
            reset=args.reset,
            lang=args.lang or cfg.language,
            seed=args.seed,
            serve=args.serve,
            windows=not args.no_windows,
        )
    return 2  # pragma: no cover - argparse refuses unknown commands


_running: list[object] = []  # the mutex handle, held until the process ends


def _announce_running() -> None:
    """On Windows, a named mutex that says FrontDesk is open: the installer looks for it
    before an upgrade and stops the program first (build/installer/frontdesk.nsi)."""
    if sys.platform != "win32":
        return
    import ctypes

    handle = ctypes.windll.kernel32.CreateMutexW(None, False, "Local\\FrontDesk.Running")
    if handle:
        _running.append(handle)


def _config(args: argparse.Namespace, cfg: config.Config) -> int:
    if args.action == "path":
        print(args.config or config.default_config_path())
    elif args.action == "init":
        path = config.write_default(args.config)
        print(path)
    else:
        print(config.render(cfg), end="")
    return 0


def _enroll(args: argparse.Namespace, cfg: config.Config) -> int:
    from app.sync.client import SyncError, enroll
    from app.sync.identity import Identity

    try:
        answer = enroll(args.server, args.code)
    except SyncError as exc:
        print(f"frontdesk: enrollment failed: {exc}", file=sys.stderr)
        return 1
    identity = Identity(
        device_id=answer["device_id"],
        role=answer["role"],
        name=answer["name"],
        server_url=args.server,
        token=answer["token"],
    )
    path = identity.save(cfg.data_path())
    print(
        f'enrolled as {identity.role} desk "{identity.name}" ({identity.device_id}); '
        f"credentials in {path}"
    )
    return 0


def _db(args: argparse.Namespace, cfg: config.Config) -> int:
    from app import db

    path = args.database or cfg.database_path()
    if args.db_command == "current":
        if not Path(path).exists():
            print(f"{path}: no database yet")
            return 1
        engine = db.make_engine(path)
        try:
            print(db.current_revision(engine) or "(empty)")
        finally:
            engine.dispose()
        return 0
    try:
        before, after = db.upgrade(path, args.to)
    except Exception as exc:
        log.exception("database upgrade failed")
        print(f"frontdesk: the database upgrade failed and was undone: {exc}", file=sys.stderr)
        return 1
    if before == after:
        print(f"{path}: already at {after}")
    else:
        print(f"{path}: upgraded from {before or 'empty'} to {after}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
