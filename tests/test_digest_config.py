"""SMTP settings from a TOML config file (issue 7): the file alone, the environment over it, and bad files.

The file-only case delivers the W47 digests of `test_digest`'s store to a real
aiosmtpd server on 127.0.0.1 with no `REGWATCH_SMTP_*` variable set.
"""

from __future__ import annotations

import email
import email.policy

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.config import SMTP_KEYS, ConfigFileError, config_path
from app.mailer import ConfigError, MailSettings

try:
    from tests.test_digest import WEEK, Recorder, _free_port, build_store
except ImportError:  # pragma: no cover - run from inside tests/
    from test_digest import WEEK, Recorder, _free_port, build_store  # type: ignore[no-redef]

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_mail_env(monkeypatch):
    """Whatever the developer's shell sets for SMTP must not leak into these tests."""
    for name in SMTP_KEYS.values():
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    handler = Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield handler, controller.port
    finally:
        controller.stop()


def _write(tmp_path, body: str, name: str = "regwatch.toml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def _subscribed(tmp_path) -> str:
    path = str(tmp_path / "regwatch.db")
    build_store(path)
    for address, option, value in (
        ("alice@example.com", "--entity", "Acme Corp"),
        ("bob@example.com", "--agency", "Treasury"),
    ):
        result = runner.invoke(cli, ["subscribers", "add", address, option, value, "--db", path])
        assert result.exit_code == 0, result.output
    return path


def _smtp_file(tmp_path, port: int, **extra: str):
    lines = [
        "[smtp]",
        'host = "127.0.0.1"',
        f"port = {port}",
        'security = "none"',
        "timeout = 5",
        'mail_from = "Digest desk <desk@file.example.org>"',
        'dashboard_url = "https://file.example.org/rw/"',
        *(f"{key} = {value}" for key, value in extra.items()),
    ]
    return _write(tmp_path, "\n".join(lines) + "\n")


@pytest.mark.parametrize("how", ["--config", "REGWATCH_CONFIG"])
def test_digests_go_out_with_settings_from_the_file_alone(tmp_path, smtp, monkeypatch, how):
    handler, port = smtp
    db = _subscribed(tmp_path)
    config = _smtp_file(tmp_path, port)
    args = ["digest", "--week", WEEK, "--send", "--db", db]
    if how == "--config":
        args += ["--config", str(config)]
    else:
        monkeypatch.setenv("REGWATCH_CONFIG", str(config))
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    received = {
        rcpt: email.message_from_bytes(raw, policy=email.policy.default)
        for rcpts, raw in handler.received
        for rcpt in rcpts
    }
    assert set(received) == {"alice@example.com", "bob@example.com"}
    msg = received["alice@example.com"]
    assert msg["From"] == "Digest desk <desk@file.example.org>"
    assert msg["List-Unsubscribe"] == "<mailto:desk@file.example.org?subject=unsubscribe>"
    html = msg.get_body(("html",)).get_content()
    assert 'href="https://file.example.org/rw/story?story=' in html


def test_without_a_file_or_variable_there_is_no_config_file(monkeypatch):
    assert config_path() is None
    monkeypatch.setenv("REGWATCH_CONFIG", "/etc/regwatch.toml")
    assert str(config_path()) == "/etc/regwatch.toml"
    assert str(config_path("mine.toml")) == "mine.toml"  # --config wins over the variable


def test_the_environment_overrides_the_file_key_by_key(tmp_path):
    config = _write(
        tmp_path,
        '[smtp]\nhost = "smtp.file.example"\nport = 2525\nsecurity = "starttls"\nuser = "file-user"\n'
        'password = "file-secret"\nmail_from = "desk@file.example.org"\n',
    )
    from_file = MailSettings.load(config, env={})
    assert (from_file.host, from_file.port, from_file.security) == ("smtp.file.example", 2525, "starttls")
    assert (from_file.user, from_file.password, from_file.mail_from) == (
        "file-user",
        "file-secret",
        "desk@file.example.org",
    )

    env = {"REGWATCH_SMTP_HOST": "smtp.env.example", "REGWATCH_SMTP_PASSWORD": "env-secret", "REGWATCH_SMTP_USER": ""}
    merged = MailSettings.load(config, env=env)
    assert (merged.host, merged.password) == ("smtp.env.example", "env-secret")
    assert (merged.port, merged.security, merged.user, merged.mail_from) == (
        2525,
        "starttls",
        "file-user",
        "desk@file.example.org",
    )

    # The default port follows the security mode wherever the mode came from.
    assert MailSettings.load(_write(tmp_path, '[smtp]\nsecurity = "ssl"\n', "ssl.toml"), env={}).port == 465
    assert MailSettings.load(config, env={"REGWATCH_SMTP_PORT": "465"}).port == 465


def test_an_empty_file_or_table_gives_the_defaults(tmp_path):
    assert MailSettings.load(_write(tmp_path, ""), env={}) == MailSettings.from_env({})
    assert MailSettings.load(_write(tmp_path, "[smtp]\n", "empty.toml"), env={}) == MailSettings.from_env({})


BAD_FILES = [
    ('[smtp]\n"ho\\nst" = "x"\n', "smtp.'ho\\nst' is not a setting", None),
    ("[smtp]\nhost = \n", "not valid TOML", None),
    ('[smtp]\nhots = "x"\n', "smtp.hots is not a setting", "hots"),
    ('[stmp]\nhost = "x"\n', "unknown table or key 'stmp'", "stmp"),
    ('smtp = "mail.example"\n', "smtp must be a table", "smtp"),
    ('[smtp]\nport = "twenty-five"\n', "smtp.port = 'twenty-five': is not a port number", "port"),
    ("[smtp]\nport = 70000\n", "smtp.port = 70000: is not a port number", "port"),
    ("[smtp]\nport = true\n", "smtp.port = True must be a number or a string", "port"),
    ('[smtp]\nhost = ["a", "b"]\n', "smtp.host = ['a', 'b'] must be a string", "host"),
    ('[smtp]\nsecurity = "tls-please"\n', "smtp.security = 'tls-please': use one of none, starttls, ssl", "security"),
    ('[smtp]\ntimeout = "soon"\n', "smtp.timeout = 'soon': is not a number of seconds", "timeout"),
    ('[smtp]\ndashboard_url = "javascript:alert(1)"\n', "smtp.dashboard_url = 'javascript:alert(1)'", "dashboard_url"),
    (
        '[smtp]\nmail_from = "not an address"\n',
        "smtp.mail_from = 'not an address': 'not' is not an email address",
        "mail_from",
    ),
    ('[smtp]\nhost = "smtp.example.org"\nuser = "u"\n', "smtp.user is set but REGWATCH_SMTP_SECURITY is none", "user"),
]


@pytest.mark.parametrize(("body", "expected", "key"), BAD_FILES)
def test_a_bad_file_is_one_line_naming_the_file_and_the_key(tmp_path, body, expected, key):
    config = _write(tmp_path, body)
    with pytest.raises(ConfigError) as raised:
        MailSettings.load(config, env={})
    message = str(raised.value)
    assert message.startswith(f"{config}: ") and expected in message
    assert "\n" not in message

    db = str(tmp_path / "regwatch.db")
    result = runner.invoke(
        cli, ["digest", "--week", WEEK, "--dry-run", str(tmp_path / "out"), "--config", str(config), "--db", db]
    )
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(config) in errors[0] and (key is None or key in errors[0])
    assert "Traceback" not in result.output


def test_a_missing_file_is_named(tmp_path):
    missing = tmp_path / "nowhere.toml"
    result = runner.invoke(cli, ["digest", "--week", WEEK, "--config", str(missing), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert f"{missing}: cannot read the config file" in result.output


def test_a_bad_password_value_is_named_but_never_echoed(tmp_path):
    config = _write(tmp_path, "[smtp]\npassword = 123456789\n")
    with pytest.raises(ConfigFileError, match="smtp.password must be a string") as raised:
        MailSettings.load(config, env={})
    assert "123456789" not in str(raised.value)


def test_a_bad_variable_still_names_the_variable_over_a_good_file(tmp_path):
    config = _write(tmp_path, "[smtp]\nport = 2525\n")
    with pytest.raises(ConfigError, match=r"^REGWATCH_SMTP_PORT='x': is not a port number$"):
        MailSettings.load(config, env={"REGWATCH_SMTP_PORT": "x"})
