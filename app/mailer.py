"""SMTP settings, header hygiene and sending for the weekly digest.

Nothing here knows what a digest says: it turns rendered text, HTML and a
PNG into one `EmailMessage` and hands it to an SMTP server, reporting each
failure as a short reason the send log can keep.
"""

from __future__ import annotations

import email.policy
import os
import re
import secrets
import smtplib
import ssl
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage
from email.utils import formataddr, make_msgid, parseaddr
from pathlib import Path
from urllib.parse import urlsplit

from app.config import SMTP_KEYS, ConfigError, read_smtp_config

SECURITY_MODES = ("none", "starttls", "ssl")
_DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}
# Deliberately narrower than RFC 5322: an address reaches the To: header and
# the SMTP envelope, so quoting, comments and IP-literal domains are refused.
_ADDRESS_RE = re.compile(
    r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


class ConnectError(OSError):
    """The server could not be reached or refused the session: no subscriber can be mailed."""


def header_safe(value: str) -> str:
    """A value fit for a mail header, or ValueError.

    Control characters (CR, LF, NUL and the rest of Unicode's Cc/Zl/Zp) are
    removed, because a bare LF survives `EmailMessage` into the header block
    (CVE-2024-6923). An RFC 2047 encoded word is refused outright: the email
    package decodes `=?UTF-8?Q?=0A?=` back into a newline when it folds the
    header, which writes a real `Bcc:` line (CVE-2026-1299).
    """
    cleaned = "".join(
        " " if ch in "\t\r\n" else ch
        for ch in value
        if ch in "\t\r\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")
    )
    cleaned = " ".join(cleaned.split())
    if "=?" in cleaned:
        raise ValueError(f"refusing a header value with an encoded word: {cleaned!r}")
    return cleaned


def validate_address(raw: str) -> str:
    """The plain address `raw` names, or ValueError with a message for the user."""
    candidate = raw.strip()
    _, parsed = parseaddr(candidate)
    if not parsed or parsed != candidate or not _ADDRESS_RE.match(parsed) or ".." in parsed:
        raise ValueError(f"{raw!r} is not an email address (expected something like analyst@example.org)")
    return parsed


def safe_http_url(url: str | None) -> str | None:
    """`url` if it is an absolute http(s) URL without credentials, else None (not rendered as a link)."""
    if not url or any(unicodedata.category(ch) == "Cc" for ch in url):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        return None
    return url.strip()


@dataclass(frozen=True)
class MailSettings:
    host: str = "localhost"
    port: int = 25
    security: str = "none"
    user: str | None = None
    password: str | None = None
    mail_from: str = "regwatch@localhost"
    from_name: str = "regwatch"
    dashboard_url: str = "http://localhost:8501"
    timeout: float = 30.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> MailSettings:
        """Read the `REGWATCH_SMTP_*`, `REGWATCH_MAIL_FROM` and `REGWATCH_DASHBOARD_URL` variables."""
        return cls.load(None, env)

    @classmethod
    def load(cls, config_file: Path | None = None, env: Mapping[str, str] | None = None) -> MailSettings:
        """Settings from the config file's `[smtp]` table, each overridden by its variable when that is set.

        An empty variable counts as unset, so `REGWATCH_SMTP_USER=` does not
        blank a user the file gives. Errors name where the bad value came
        from: the variable, or the file and key.
        """
        env = os.environ if env is None else env
        values = read_smtp_config(config_file)
        for name in SMTP_KEYS.values():
            if env.get(name):
                values[name] = (env[name], name)
        return cls._from_values(values)

    @classmethod
    def _from_values(cls, values: Mapping[str, tuple[str, str]]) -> MailSettings:
        def get(name: str, default: str | None = None) -> str | None:
            return values[name][0] if name in values else default

        def bad(name: str, value: object, why: str) -> ConfigError:
            where = values[name][1] if name in values else name
            # A variable reads NAME='x'; a file key reads "file: smtp.key = 'x'".
            shown = f"{where}={value!r}" if where == name else f"{where} = {value!r}"
            return ConfigError(f"{shown}: {why}")

        security = (get("REGWATCH_SMTP_SECURITY") or "none").strip().lower()
        if security not in SECURITY_MODES:
            raise bad("REGWATCH_SMTP_SECURITY", security, f"use one of {', '.join(SECURITY_MODES)}")
        raw_port = (get("REGWATCH_SMTP_PORT") or str(_DEFAULT_PORTS[security])).strip()
        try:
            port = int(raw_port)
        except ValueError:
            raise bad("REGWATCH_SMTP_PORT", raw_port, "is not a port number") from None
        if not 0 < port < 65536:
            raise bad("REGWATCH_SMTP_PORT", port, "is not a port number (1-65535)")
        host = (get("REGWATCH_SMTP_HOST") or "localhost").strip()
        if not host or any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in host):
            raise bad("REGWATCH_SMTP_HOST", host, "is not a host name")
        user = get("REGWATCH_SMTP_USER") or None
        if user and security == "none" and host not in _LOOPBACK:
            user_where = values["REGWATCH_SMTP_USER"][1]
            security_where = values.get("REGWATCH_SMTP_SECURITY", ("", "REGWATCH_SMTP_SECURITY"))[1]
            raise ConfigError(f"{user_where} is set but {security_where} is none: the password would go in clear")
        raw_from = get("REGWATCH_MAIL_FROM") or "regwatch <regwatch@localhost>"
        from_name, from_addr = parseaddr(raw_from)
        try:
            from_addr = validate_address(from_addr) if from_addr != "regwatch@localhost" else from_addr
            from_name = header_safe(from_name or "regwatch")
        except ValueError as exc:
            raise bad("REGWATCH_MAIL_FROM", raw_from, str(exc)) from None
        dashboard = (get("REGWATCH_DASHBOARD_URL") or "http://localhost:8501").strip()
        if safe_http_url(dashboard) is None:
            raise bad("REGWATCH_DASHBOARD_URL", dashboard, "use an http(s) URL without credentials")
        raw_timeout = get("REGWATCH_SMTP_TIMEOUT") or "30"
        try:
            timeout = float(raw_timeout)
        except ValueError:
            raise bad("REGWATCH_SMTP_TIMEOUT", raw_timeout, "is not a number of seconds") from None
        if not timeout > 0:
            raise bad("REGWATCH_SMTP_TIMEOUT", raw_timeout, "is not a positive number of seconds")
        return cls(
            host=host,
            port=port,
            security=security,
            user=user,
            password=get("REGWATCH_SMTP_PASSWORD"),
            mail_from=from_addr,
            from_name=from_name,
            dashboard_url=dashboard.rstrip("/"),
            timeout=timeout,
        )


class _HeaderClasses(HeaderRegistry):
    """The email package's header factory, keeping the classes it makes.

    `HeaderRegistry` builds a new class with `type()` on every header it
    parses, about twenty per digest; the classes never change, so one of
    each is enough.
    """

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[str, type] = {}

    def __getitem__(self, name: str) -> type:
        key = name.lower()
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = super().__getitem__(name)
        return made


# email.policy.default in every other respect: header checks and folding are unchanged.
POLICY = email.policy.default.clone(header_factory=_HeaderClasses())


def build_message(
    settings: MailSettings,
    *,
    to_address: str,
    to_name: str | None,
    subject: str,
    text: str,
    html: str,
    png: bytes,
    chart_cid: str,
) -> EmailMessage:
    """multipart/alternative (text, then HTML with the chart as a related inline part)."""
    address = header_safe(to_address)
    try:
        name = header_safe(to_name or "")
    except ValueError:
        name = ""  # an encoded word in a stored name: mail the bare address rather than not at all
    msg = EmailMessage(policy=POLICY)
    msg["Subject"] = header_safe(subject)
    msg["From"] = formataddr((settings.from_name, settings.mail_from))
    msg["To"] = formataddr((name, address)) if name else address
    domain = settings.mail_from.rpartition("@")[2] or "localhost"
    msg["Message-ID"] = make_msgid(domain=domain)
    msg["List-Unsubscribe"] = f"<mailto:{settings.mail_from}?subject=unsubscribe>"
    msg["Auto-Submitted"] = "auto-generated"
    # Named encodings: left to choose, the email package encodes long-lined parts both ways to
    # compare. The text stays readable as quoted-printable; the HTML goes as base64, which
    # binascii encodes in C, a third faster than quoted-printable for a whole digest.
    msg.set_content(text, cte="quoted-printable")
    msg.add_alternative(html, subtype="html", cte="base64")
    html_part = msg.get_payload()[1]
    html_part.add_related(
        png, maintype="image", subtype="png", cid=f"<{chart_cid}>", disposition="inline", filename="timeline.png"
    )
    # Boundaries chosen here spare the generator compiling a regex per part and searching every
    # body for a clash, a third of the cost of a digest's bytes. None can clash: every part is
    # quoted-printable (where "=" is always "=3D" or ends a line) or base64 (no "_"), so no body
    # line can hold "=_".
    msg.set_boundary(f"=_regwatch_{secrets.token_hex(12)}")
    html_part.set_boundary(f"=_regwatch_{secrets.token_hex(12)}")
    return msg


def describe_failure(exc: BaseException, address: str) -> str:
    """The SMTP code and text (or the OS error) in one line, for the send log."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = exc.recipients.get(address) or next(iter(exc.recipients.values()), (0, b""))
        return f"{code} {_text(text)}".strip()
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}".strip()
    if isinstance(exc, ConnectError):
        return str(exc)
    if isinstance(exc, TimeoutError):
        return "timed out waiting for the SMTP server"
    return f"{type(exc).__name__}: {exc}"


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


class SmtpSender:
    """One SMTP session reused across messages, reopened after any error that may have broken it."""

    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        try:
            if s.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=s.timeout, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
                if s.security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
            if s.user:
                smtp.login(s.user, s.password or "")
        except (OSError, smtplib.SMTPException) as exc:
            raise ConnectError(
                f"cannot open an SMTP session with {s.host}:{s.port}: {describe_failure(exc, '')}"
            ) from exc
        return smtp

    def send(self, msg: EmailMessage, to_address: str) -> None:
        if self._smtp is None:
            self._smtp = self._connect()
        try:
            self._smtp.send_message(msg, from_addr=self.settings.mail_from, to_addrs=[to_address])
        except smtplib.SMTPRecipientsRefused:
            raise  # smtplib has already sent RSET: the session is still good for the next subscriber
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None

    def __enter__(self) -> SmtpSender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
