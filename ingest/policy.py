"""Which URLs regwatch may fetch: the URL and IP policy.

Source URLs come from our own config, but links inside feeds, redirect targets
and anything a feed points at are attacker-controlled. Every URL the fetcher
connects to, including each redirect hop, goes through this module first:

* the scheme must be ``http`` or ``https``;
* the URL must not carry userinfo (``user:pass@``);
* the host must resolve, and **every** address it resolves to must be a public
  (``is_global``, not multicast) address, after unwrapping IPv4 addresses
  embedded in IPv6 ones (IPv4-mapped, 6to4, Teredo, NAT64). This refuses
  loopback, RFC 1918, link-local (including the cloud metadata address
  169.254.169.254), carrier-grade NAT (100.64/10), ``0.0.0.0``, ULA and so on;
* a redirect must not go from ``https`` to ``http``.

``allow_private=True`` (or ``REGWATCH_ALLOW_PRIVATE_NETWORKS=1`` in the
environment when the caller passes ``None``) lifts the address rule only; the
scheme and userinfo rules always apply.

Name resolution goes through the module-level :func:`resolve`, looked up at
call time, so tests can replace it (``monkeypatch.setattr(policy, "resolve",
fake)``) to simulate hostnames that resolve to private addresses or DNS
answers that change between two look-ups. The fetcher's connection layer uses
the same function and connects only to addresses it has just validated; see
``ingest.fetch`` for how the checked address is the one connected to.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

ENV_ALLOW_PRIVATE = "REGWATCH_ALLOW_PRIVATE_NETWORKS"
ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated ::a.b.c.d form
_NAT64_WELL_KNOWN = ipaddress.ip_network("64:ff9b::/96")


class PolicyRefusal(Exception):
    """A URL or address the policy will not let regwatch connect to."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ResolutionFailed(Exception):
    """The host name did not resolve (DNS failure)."""


@dataclass(frozen=True)
class Target:
    """The parts of a URL that decide where a connection goes."""

    scheme: str
    host: str  # as httpx will connect to it: IDNA-encoded, no brackets
    port: int

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)


def private_networks_allowed(allow_private: bool | None = None) -> bool:
    """Resolve the ``allow_private`` argument: ``None`` reads the environment."""
    if allow_private is None:
        return os.environ.get(ENV_ALLOW_PRIVATE, "").strip() == "1"
    return bool(allow_private)


def resolve(host: str, port: int) -> list[str]:
    """Resolve ``host`` to IP address strings with ``getaddrinfo``.

    Tests replace this module attribute with a fake. Raises
    :class:`ResolutionFailed` when the name does not resolve.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ResolutionFailed(f"cannot resolve host {host!r}: {exc}") from exc
    addresses: list[str] = []
    for family, _type, _proto, _canon, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = str(sockaddr[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise ResolutionFailed(f"host {host!r} has no IPv4 or IPv6 address")
    return addresses


def parse_ip(text: str) -> IPAddress | None:
    """``text`` as an IP address (brackets and IPv6 zone ignored), else None."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    text = text.split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries and may be routed to."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    found: list[ipaddress.IPv4Address] = []
    if ip.ipv4_mapped is not None:
        found.append(ip.ipv4_mapped)
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)
    if ip in _NAT64_WELL_KNOWN:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def address_refusal(address: str) -> str | None:
    """Why ``address`` is not a public address, or None if it is."""
    ip = parse_ip(address)
    if ip is None:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is None and ip in _IPV4_COMPATIBLE:
        return f"{ip} is a reserved IPv6 address"
    for candidate in [ip, *embedded_ipv4(ip)]:
        if not candidate.is_global or candidate.is_multicast:
            if candidate is ip:
                return f"{ip} is not a public address"
            return f"{ip} embeds the non-public address {candidate}"
    return None


def parse_target(url: str) -> Target:
    """Apply the scheme, userinfo and host rules; return where ``url`` points.

    Raises :class:`PolicyRefusal`.
    """
    if not isinstance(url, str):
        raise TypeError(f"url must be a str, not {type(url).__name__}")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise PolicyRefusal(f"invalid URL: {exc}") from exc
    scheme = parsed.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = scheme or "(none)"
        raise PolicyRefusal(f"scheme {shown!r} is not allowed; only http and https are")
    # Check the authority with a second parser too, so a URL the two parsers
    # read differently cannot smuggle credentials past one of them.
    try:
        netloc = urlsplit(url).netloc
    except ValueError as exc:
        raise PolicyRefusal(f"invalid URL: {exc}") from exc
    if parsed.userinfo or "@" in netloc:
        raise PolicyRefusal("URLs with a user name or password are not allowed")
    host = parsed.raw_host.decode("ascii", errors="replace")
    if not host:
        raise PolicyRefusal("URL has no host")
    port = parsed.port or DEFAULT_PORTS[scheme]
    if not 0 < port < 65536:
        raise PolicyRefusal(f"port {port} is out of range")
    return Target(scheme=scheme, host=host, port=port)


def host_addresses(host: str, port: int, resolver: Resolver | None = None) -> list[str]:
    """The addresses a connection to ``host`` may use: the literal, or DNS answers."""
    literal = parse_ip(host)
    if literal is not None:
        return [str(literal)]
    lookup = resolver if resolver is not None else resolve
    addresses = list(lookup(host, port))
    if not addresses:
        raise ResolutionFailed(f"host {host!r} did not resolve to any address")
    return addresses


def check_addresses(host: str, addresses: list[str]) -> None:
    """Raise :class:`PolicyRefusal` unless every address is public."""
    for address in addresses:
        reason = address_refusal(address)
        if reason is not None:
            if parse_ip(host) is not None:
                raise PolicyRefusal(f"address refused: {reason}")
            raise PolicyRefusal(f"host {host!r} resolves to a refused address: {reason}")


def validate_url(url: str, *, allow_private: bool | None = None, resolver: Resolver | None = None) -> Target:
    """Apply the whole policy to ``url``.

    Raises :class:`PolicyRefusal` for a refused URL and
    :class:`ResolutionFailed` when the host does not resolve. With private
    networks allowed, only the scheme and userinfo rules apply and nothing is
    resolved here (the connection layer still resolves).
    """
    target = parse_target(url)
    if not private_networks_allowed(allow_private):
        addresses = host_addresses(target.host, target.port, resolver)
        check_addresses(target.host, addresses)
    return target


def check_url(url: str, *, allow_private: bool | None = None, resolver: Resolver | None = None) -> str | None:
    """Return why ``url`` may not be fetched, or None when it may."""
    try:
        validate_url(url, allow_private=allow_private, resolver=resolver)
    except PolicyRefusal as exc:
        return exc.reason
    except ResolutionFailed as exc:
        return str(exc)
    return None


def redirect_refusal(from_url: str, to_url: str) -> str | None:
    """Why a redirect from ``from_url`` to ``to_url`` must not be followed.

    Only the rules specific to redirects live here (an https→http downgrade);
    the target is also checked with :func:`validate_url` like any other URL.
    """
    from_scheme = urlsplit(from_url).scheme.lower()
    to_scheme = urlsplit(to_url).scheme.lower()
    if from_scheme == "https" and to_scheme == "http":
        return "redirect from https to plain http (downgrade) refused"
    return None


def origin(url: str) -> tuple[str, str, int] | None:
    """``(scheme, host, port)`` of ``url``, with default ports filled in."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError):
        return None
    scheme = parsed.scheme.lower()
    port = parsed.port or DEFAULT_PORTS.get(scheme, 0)
    return (scheme, parsed.raw_host.decode("ascii", errors="replace").lower(), port)


def same_origin(a: str, b: str) -> bool:
    """True when both URLs have the same scheme, host and port."""
    first = origin(a)
    return first is not None and first == origin(b)
