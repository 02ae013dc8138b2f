"""Settings, declared once: read from a TOML file in the platform's config folder, then
overridden by the command line (``--set key=value``)."""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

APP = "FrontDesk"
LANGUAGES = ("zh_CN", "zh_TW", "en")
MODES = ("staff", "kiosk")
# Where a desk stands when neither the setting ``location`` nor its enrolment names a place:
# what the kiosk tells a patient to wait at and what the guides see on the call are one text.
PLACES = {"kiosk": "门诊大厅自助机", "staff": "导医台"}

DEFAULT_IN_VISIT = ("waiting", "consultation", "payment", "exam", "treatment", "pharmacy")
# minutes in a stage before the board turns amber, then red
DEFAULT_THRESHOLDS: dict[str, tuple[int, int]] = {
    "arrived": (5, 10),
    "registered": (10, 20),
    "waiting": (20, 40),
    "consultation": (20, 40),
    "payment": (10, 20),
    "exam": (30, 60),
    "treatment": (45, 90),
    "pharmacy": (15, 30),
    "admission": (30, 60),
}


class ConfigError(ValueError):
    """The config file or an override is wrong; the message says where and how."""


@dataclass(frozen=True)
class StageSettings:
    in_visit: tuple[str, ...] = DEFAULT_IN_VISIT
    thresholds: dict[str, tuple[int, int]] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))


def _opt(default: Any, help_text: str) -> Any:
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True)
class Config:
    """Every setting with its default and the help shown above it in the written file."""

    server_url: str = _opt(
        "",
        "Central server, e.g. https://frontdesk.example:8443 (empty: this desk stands alone)",
    )
    mode: str = _opt("staff", 'What this PC is: "staff" (guide workstation) or "kiosk" (lobby)')
    language: str = _opt("zh_CN", "Screen language: zh_CN, zh_TW or en")
    location: str = _opt(
        "", 'Where this desk stands, shown to the guides, e.g. "门诊大厅 1号自助机"'
    )
    hospital_name_zh: str = _opt("示范综合医院", "Hospital name on the kiosk and tickets (Chinese)")
    hospital_name_en: str = _opt(
        "Demonstration General Hospital", "Hospital name on the kiosk and tickets (English)"
    )
    timezone: str = _opt("Asia/Shanghai", 'The hospital\'s time zone ("today" follows it)')
    idle_timeout_s: int = _opt(60, 'Kiosk: seconds without a touch before "still there?"')
    idle_prompt_s: int = _opt(20, 'Kiosk: seconds the "still there?" prompt waits (20 or more)')
    printer: str = _opt(
        "",
        'Kiosk and desk: ticket printer name (empty: the default printer; "pdf:FILE" writes a PDF)',
    )
    speech_engine: str = _opt("", "Kiosk: text-to-speech engine (empty: the platform's own)")
    speech: int = _opt(1, "Kiosk: speak each step aloud (1) or not (0)")
    touch_mode: int = _opt(1, "Kiosk: touch screen (1 hides the mouse pointer) or mouse (0)")
    exit_pin_hash: str = _opt(
        "", "Kiosk: the director's exit PIN, hashed (frontdesk kiosk --hash-pin prints one)"
    )
    lock_after_min: int = _opt(5, "Staff desk: minutes without input before the desk locks")
    checkin_early_min: int = _opt(30, "Check-in opens this many minutes before the appointment")
    checkin_late_min: int = _opt(15, "Check-in closes this many minutes after the appointment")
    escalate_after_s: int = _opt(
        60, 'Seconds before an unacknowledged "call a guide" goes to the duty lead'
    )
    escalate_open_after_s: int = _opt(
        900,
        'Seconds after it was raised before a "call a guide" still not resolved (even if a '
        "guide answered it) goes to the duty lead",
    )
    kiosk_lookup_memory_kib: int = _opt(
        32768,
        "Server: memory (KiB) of the slow hash guarding kiosks' look-up codes (argon2id); "
        "lower it only for tests",
    )
    log_level: str = _opt("INFO", "Log level: DEBUG, INFO, WARNING or ERROR")
    data_dir: str = _opt("", "Data folder (database, logs); empty: the platform's usual place")
    stages: StageSettings = field(default_factory=StageSettings)

    def data_path(self) -> Path:
        return Path(self.data_dir) if self.data_dir else default_data_dir()

    def place(self, role: str, enrolled_as: str = "") -> str:
        """Where this desk stands, as patients and guides read it: the ``location`` setting,
        else the name the desk was enrolled under, else the role's default (``PLACES``)."""
        return self.location or enrolled_as or PLACES[role]

    def database_path(self) -> Path:
        return self.data_path() / "frontdesk.db"

    def log_path(self) -> Path:
        return self.data_path() / "logs"


def default_data_dir() -> Path:
    """Per-machine on Windows (C:\\ProgramData\\FrontDesk: the kiosk account and the installer
    share it), per-user elsewhere."""
    env = os.environ.get("FRONTDESK_DATA_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        return Path(platformdirs.site_data_dir(APP, appauthor=False))
    return Path(platformdirs.user_data_dir(APP.lower(), appauthor=False))


def default_config_path() -> Path:
    env = os.environ.get("FRONTDESK_CONFIG")
    if env:
        return Path(env)
    if sys.platform == "win32":
        return Path(platformdirs.site_config_dir(APP, appauthor=False)) / "frontdesk.toml"
    return Path(platformdirs.user_config_dir(APP.lower(), appauthor=False)) / "frontdesk.toml"


_SCALARS = {f.name: f for f in fields(Config) if f.name != "stages"}


def _coerce(name: str, value: Any, where: str) -> Any:
    expected = type(getattr(Config(), name))
    if expected is int and isinstance(value, str):
        try:
            value = int(value)
        except ValueError:
            raise ConfigError(f"{where}: {name} must be a whole number, not {value!r}") from None
    if expected is int and (not isinstance(value, int) or isinstance(value, bool)):
        raise ConfigError(f"{where}: {name} must be a whole number, not {value!r}")
    if expected is str and not isinstance(value, str):
        raise ConfigError(f"{where}: {name} must be text, not {value!r}")
    if expected is int and value < 0:
        raise ConfigError(f"{where}: {name} cannot be negative")
    return value


def _stages(raw: Any, where: str) -> StageSettings:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: [stages] must be a table")
    unknown = set(raw) - {"in_visit", "thresholds"}
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) in [stages]: {', '.join(sorted(unknown))}")
    in_visit = raw.get("in_visit", list(DEFAULT_IN_VISIT))
    if (
        not isinstance(in_visit, list)
        or not in_visit
        or not all(isinstance(s, str) and s.isidentifier() for s in in_visit)
    ):
        raise ConfigError(f"{where}: stages.in_visit must be a list of stage names")
    thresholds = dict(DEFAULT_THRESHOLDS)
    for stage, pair in raw.get("thresholds", {}).items():
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(m, int) and m > 0 for m in pair)
            or pair[0] >= pair[1]
        ):
            raise ConfigError(
                f"{where}: stages.thresholds.{stage} must be [amber, red] minutes, amber < red"
            )
        thresholds[stage] = (pair[0], pair[1])
    return StageSettings(in_visit=tuple(in_visit), thresholds=thresholds)


def _validate(cfg: Config, where: str) -> Config:
    if cfg.mode not in MODES:
        raise ConfigError(f"{where}: mode must be one of {', '.join(MODES)}, not {cfg.mode!r}")
    if cfg.language not in LANGUAGES:
        raise ConfigError(
            f"{where}: language must be one of {', '.join(LANGUAGES)}, not {cfg.language!r}"
        )
    if cfg.log_level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"{where}: log_level must be DEBUG, INFO, WARNING or ERROR")
    if cfg.idle_prompt_s < 20:
        raise ConfigError(f"{where}: idle_prompt_s must be at least 20 seconds (WCAG 2.2.1)")
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(cfg.timezone)
    except Exception:
        raise ConfigError(f"{where}: unknown time zone {cfg.timezone!r}") from None
    if cfg.server_url and not cfg.server_url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: server_url must start with http:// or https://")
    if not 8 <= cfg.kiosk_lookup_memory_kib <= 4 * 1024 * 1024:
        raise ConfigError(f"{where}: kiosk_lookup_memory_kib must be 8 to 4194304 (4 GiB)")
    return cfg


def load(path: Path | None = None, overrides: list[str] | None = None) -> Config:
    """Read ``path`` (the default config file if None; a missing file means all defaults), then
    apply ``key=value`` overrides."""
    path = path or default_config_path()
    values: dict[str, Any] = {}
    stages = StageSettings()
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        for key, value in raw.items():
            if key == "stages":
                stages = _stages(value, str(path))
            elif key in _SCALARS:
                values[key] = _coerce(key, value, str(path))
            else:
                raise ConfigError(f"{path}: unknown setting {key!r}")
    for item in overrides or []:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in _SCALARS:
            known = ", ".join(sorted(_SCALARS))
            raise ConfigError(f"--set {item!r}: expected key=value with a key among: {known}")
        values[key] = _coerce(key, value.strip(), "--set")
    return _validate(replace(Config(), stages=stages, **values), str(path))


def render(cfg: Config) -> str:
    """The config as TOML text, every setting with its explanatory comment."""
    out: list[str] = []
    for name in _SCALARS:
        out.append(f"# {_SCALARS[name].metadata['help']}")
        out.append(f"{name} = {_toml_value(getattr(cfg, name))}")
    out.append("")
    out.append("[stages]")
    out.append("# Stages a visit may move between freely while in the hospital")
    out.append(f"in_visit = {_toml_value(list(cfg.stages.in_visit))}")
    out.append("")
    out.append("[stages.thresholds]")
    out.append("# minutes in a stage before the board shows it amber, then red")
    for stage, (amber, red) in cfg.stages.thresholds.items():
        out.append(f"{stage} = [{amber}, {red}]")
    return "\n".join(out) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def write_default(path: Path | None = None) -> Path:
    """Write a config file with every default if none exists yet; return its path."""
    path = path or default_config_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(Config()), encoding="utf-8")
    return path
