"""Network limits for regwatch, kept in one place.

Every number that bounds what a single fetch may cost (time, bytes, hops) lives
here, so the fetcher, the orchestrator and the tests agree on them. Tests build
their own :class:`Limits` with small values instead of patching constants.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata

MIB = 1024 * 1024

PROJECT_URL = "https://github.com/regwatch/regwatch"


def _package_version() -> str:
    try:
        return metadata.version("regwatch")
    except metadata.PackageNotFoundError:  # running from a bare checkout
        return "0+unknown"


def default_user_agent() -> str:
    """The User-Agent regwatch sends: ``regwatch/<version> (+<project url>)``."""
    return f"regwatch/{_package_version()} (+{PROJECT_URL})"


@dataclass(frozen=True)
class Limits:
    """Bounds applied to one call of :func:`ingest.fetch.fetch`.

    :param connect_timeout: seconds allowed to open a TCP (and TLS) connection.
    :param read_timeout: seconds allowed for any single read from the socket.
    :param deadline: seconds allowed for the whole fetch, redirects and body
        included. A server that drips one byte a second never trips
        ``read_timeout`` but does trip this.
    :param max_body_bytes: largest *decoded* body accepted, after gzip/deflate.
    :param max_redirects: redirects followed before giving up.
    :param user_agent: value of the User-Agent header.
    :param error_body_bytes: how much of an error response (403/429/503) is read
        to recognise a challenge page; the rest is discarded.
    """

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_body_bytes: int = 15 * MIB
    max_redirects: int = 5
    user_agent: str = field(default_factory=default_user_agent)
    error_body_bytes: int = 64 * 1024

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "deadline"):
            if not getattr(self, name) > 0:
                raise ValueError(f"Limits.{name} must be positive")
        if self.max_body_bytes < 1:
            raise ValueError("Limits.max_body_bytes must be at least 1")
        if self.max_redirects < 0:
            raise ValueError("Limits.max_redirects must not be negative")
        if self.error_body_bytes < 0:
            raise ValueError("Limits.error_body_bytes must not be negative")


DEFAULT_LIMITS = Limits()
