from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app import config
from app.config import Config, ConfigError


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    cfg = config.load(tmp_path / "none.toml")
    assert cfg == Config()
    assert cfg.idle_timeout_s == 60
    assert cfg.checkin_early_min == 30 and cfg.checkin_late_min == 15


def test_written_default_file_reads_back_identically(tmp_path: Path) -> None:
    path = config.write_default(tmp_path / "sub" / "frontdesk.toml")
    text = path.read_text(encoding="utf-8")
    assert "# Kiosk: seconds without a touch" in text
    tomllib.loads(text)
    assert config.load(path) == Config()


def test_file_values_then_command_line_overrides(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_text(
        'mode = "kiosk"\nlanguage = "en"\nidle_timeout_s = 90\nserver_url = "https://fd.example:8443"\n'
        '[stages]\nin_visit = ["waiting", "consultation", "rehab"]\n'
        "[stages.thresholds]\nrehab = [30, 60]\n",
        encoding="utf-8",
    )
    cfg = config.load(path, ["idle_timeout_s=45", "language=zh_TW"])
    assert cfg.mode == "kiosk"
    assert cfg.server_url == "https://fd.example:8443"
    assert cfg.idle_timeout_s == 45
    assert cfg.language == "zh_TW"
    assert cfg.stages.in_visit == ("waiting", "consultation", "rehab")
    assert cfg.stages.thresholds["rehab"] == (30, 60)
    assert cfg.stages.thresholds["waiting"] == (20, 40)


@pytest.mark.parametrize(
    ("content", "overrides", "message"),
    [
        ('mode = "lobby"\n', [], "mode must be one of"),
        ('idle_timeout_s = "soon"\n', [], "idle_timeout_s must be a whole number"),
        ("colour = 1\n", [], "unknown setting 'colour'"),
        ("mode = \n", [], "not valid TOML"),
        ("", ["nonsense"], "expected key=value"),
        ("", ["idle_prompt_s=5"], "at least 20 seconds"),
        ("", ["timezone=Mars/Olympus"], "unknown time zone"),
        ("", ["server_url=fd.example"], "must start with http"),
        ("[stages.thresholds]\nwaiting = [40, 20]\n", [], "amber < red"),
        ('[stages]\nin_visit = "waiting"\n', [], "list of stage names"),
    ],
)
def test_bad_settings_say_what_is_wrong(
    tmp_path: Path, content: str, overrides: list[str], message: str
) -> None:
    path = tmp_path / "f.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        config.load(path, overrides)


def test_paths_follow_data_dir(tmp_path: Path) -> None:
    cfg = config.load(tmp_path / "none.toml", [f"data_dir={tmp_path}"])
    assert cfg.database_path() == tmp_path / "frontdesk.db"
    assert cfg.log_path() == tmp_path / "logs"


def test_environment_chooses_default_locations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_CONFIG", str(tmp_path / "c.toml"))
    assert config.default_data_dir() == tmp_path / "data"
    assert config.default_config_path() == tmp_path / "c.toml"


@pytest.mark.parametrize(
    ("argv", "found"),
    [
        (["kiosk", "--windowed"], "kiosk"),
        (["--set", "language=en", "kiosk"], "kiosk"),
        (["--set=language=en", "--data-dir", "/d", "staff"], "staff"),
        (["--conf", "kiosk", "demo"], "demo"),  # argparse's abbreviation of --config
        (["--version"], None),
        (["--help"], None),
        (["kios"], None),  # a typo: the whole parser says which commands there are
        (["-", "kiosk"], None),
        ([], None),
    ],
)
def test_the_command_line_names_its_command(argv: list[str], found: str | None) -> None:
    from frontdesk.cli import _command_in

    assert _command_in(argv) == found


def test_one_commands_parser_reads_as_the_whole_one() -> None:
    from frontdesk.cli import COMMANDS, _parser

    argvs = [
        ["--set", "language=en", "kiosk", "--windowed"],
        ["staff", "--server-url", "http://x"],
        ["db", "upgrade", "--to", "0003"],
        ["server-admin", "prune", "--days", "7"],
        ["demo", "--lang", "en", "--no-windows"],
    ]
    for argv in argvs:
        assert vars(_parser().parse_args(argv)) == vars(
            _parser(next(w for w in argv if w in COMMANDS)).parse_args(argv)
        )
    with pytest.raises(SystemExit):
        _parser("kiosk").parse_args(["kiosk", "--no-such-option"])


def test_a_desk_has_one_place_that_patients_and_guides_read(tmp_path: Path) -> None:
    """The kiosk's "please wait at …", the guides' call panel and the staff desk's name come
    from one rule: the ``location`` setting, else the enrolled name, else the role's default."""
    from app.clock import Clock
    from app.kiosk_runtime import open_kiosk
    from app.sync.identity import Identity
    from kiosk.main import kiosk_settings
    from ui.main import desk_settings

    cfg = Config(data_dir=str(tmp_path))
    assert cfg.place("kiosk") == config.PLACES["kiosk"] == "门诊大厅自助机"
    assert cfg.place("staff") == "导医台"
    assert cfg.place("kiosk", "1号自助机") == "1号自助机"
    assert Config(location="东门自助机").place("kiosk", "1号自助机") == "东门自助机"

    Identity("dev-1", "kiosk", "门诊大厅 2号自助机", "http://127.0.0.1:9", "t").save(tmp_path)
    assert kiosk_settings(cfg, windowed=True).location == "门诊大厅 2号自助机"
    assert desk_settings(cfg, Clock()).desk_name == "门诊大厅 2号自助机"
    (tmp_path / "device.json").unlink()
    assert kiosk_settings(cfg, windowed=True).location == "门诊大厅自助机"
    runtime = open_kiosk(cfg, Clock())  # a stand-alone kiosk: its calls say the same place
    try:
        assert runtime.backend.location == kiosk_settings(cfg, windowed=True).location
    finally:
        runtime.close()
