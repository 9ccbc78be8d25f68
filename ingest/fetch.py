"""The one module in regwatch that touches the network.

:func:`fetch` does a single conditional GET and always returns a
:class:`FetchResult`; HTTP and transport failures become a named
:class:`ErrorKind` (the same idea as Miniflux's localized error keys) plus a
one-line message, never an exception. What it guarantees:

* **Policy on every hop.** The URL, and each redirect target before it is
  connected to, goes through :mod:`ingest.policy` (http/https only, no
  userinfo, every resolved address public, no https→http downgrade).
* **The checked address is the one connected to.** The client built by
  :func:`build_client` uses :class:`PinnedTransport`, whose connection layer
  resolves the host through ``policy.resolve``, validates every answer and
  then connects to exactly those validated addresses, while TLS SNI,
  certificate checks and the Host header keep the original host name (the
  Miniflux "check in the dialer" approach, FreshRSS's ``CURLOPT_RESOLVE``).
  A DNS answer that changes between the pre-check and the connection is thus
  checked again rather than trusted. A caller-supplied client without this
  transport gets only the pre-connection check (``check_url``), which leaves
  a DNS-rebinding window between our look-up and the client's own.
* **Bounded cost.** Connect and read timeouts, an overall deadline enforced on
  every socket operation and between body chunks, a cap on the *decoded* body
  (gzip/deflate decoded here with ``zlib`` and ``max_length``, so one small
  chunk cannot expand past the cap), and a cap on redirects.
* **Secrets stay home.** Authorization, API-key and cookie headers are dropped
  once a redirect leaves the original origin (scheme, host, port).
"""

from __future__ import annotations

import contextlib
import contextvars
import email.utils
import enum
import select
import socket
import ssl
import sys
import time
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

import httpcore
import httpx

from ingest import policy
from ingest.limits import DEFAULT_LIMITS, Limits
from ingest.policy import PolicyRefusal, ResolutionFailed

__all__ = [
    "ErrorKind",
    "FetchResult",
    "PinnedTransport",
    "build_client",
    "fetch",
    "is_challenge",
    "parse_max_age",
    "parse_retry_after",
]


class ErrorKind(str, enum.Enum):
    """Why a fetch failed. Values are stable strings safe to store."""

    NETWORK_TIMEOUT = "network_timeout"
    NETWORK_ERROR = "network_error"
    TLS_ERROR = "tls_error"
    CONNECTION_REFUSED = "connection_refused"
    DNS_ERROR = "dns_error"
    RESPONSE_TOO_LARGE = "response_too_large"
    BODY_READ = "body_read"
    EMPTY_RESPONSE_BODY = "empty_response_body"
    UNSUPPORTED_ENCODING = "unsupported_content_encoding"
    UNAUTHORIZED = "http_unauthorized"
    FORBIDDEN = "http_forbidden"
    NOT_FOUND = "http_not_found"
    GONE = "http_gone"
    TOO_MANY_REQUESTS = "http_too_many_requests"
    CLIENT_ERROR = "http_client_error"
    SERVER_ERROR = "http_server_error"
    UNEXPECTED_STATUS = "http_unexpected_status_code"
    BLOCKED_BY_CHALLENGE = "blocked_by_challenge"
    POLICY_REFUSED = "refused_by_policy"
    INVALID_URL = "invalid_url"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    REDIRECT_LOOP = "redirect_loop"
    # Set by the parse stage, never by fetch(): a 200 whose body is not a feed
    # (an HTML home page, say). Kept here so the pipeline shares one enum.
    FEED_FORMAT_NOT_DETECTED = "feed_format_not_detected"

    @property
    def suggests_disabling(self) -> bool:
        """True when the source is most likely gone for good (HTTP 410)."""
        return self is ErrorKind.GONE


@dataclass(frozen=True)
class FetchResult:
    """What one fetch produced.

    ``ok`` is true when there was no error: either a body to parse
    (``status`` 2xx, ``body`` not None) or ``not_modified`` (304, ``body``
    None). On an error ``body`` is None, so nothing partial is ever parsed.

    ``etag`` and ``last_modified`` are the validators to send next time: on a
    200 the response's own; on a 304 the response's if it sent new ones, else
    the ones we sent; on an error None (keep what you had).

    ``redirects`` lists the redirect targets that were followed, in order;
    ``permanent_redirect`` is the final URL when every hop was a 301/308 and
    the fetch succeeded, the only case in which a caller may consider updating
    a stored source URL (each hop already passed the policy).
    """

    url: str
    effective_url: str
    status: int | None
    body: bytes | None
    headers: dict[str, str]
    etag: str | None
    last_modified: str | None
    retry_after: float | None
    max_age: float | None
    error_kind: ErrorKind | None
    error: str | None
    elapsed: float
    redirects: list[str] = field(default_factory=list)
    permanent_redirect: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304 and self.error_kind is None

    @property
    def ok(self) -> bool:
        return self.error_kind is None


REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECT_STATUSES = frozenset({301, 308})
ALWAYS_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "x-api-key"})
DEFAULT_ACCEPT = (
    "application/atom+xml, application/rss+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, application/json;q=0.9, */*;q=0.8"
)
# Compressed bytes accepted beyond the decoded cap (gzip framing, incompressible data).
_RAW_SLACK = 64 * 1024
_CHALLENGE_STATUSES = frozenset({403, 429, 503})
_CHALLENGE_MARKERS = (
    b"challenge-platform",
    b"cf-browser-verification",
    b"cf_chl_",
    b"<title>just a moment...</title>",
    b"<title>attention required! | cloudflare</title>",
)
_REASONS = {
    401: "unauthorized",
    403: "forbidden",
    404: "not found",
    410: "gone; the feed was removed, consider disabling this source",
    429: "too many requests",
    500: "internal server error",
    502: "bad gateway",
    503: "service unavailable",
    504: "gateway timeout",
}


# --------------------------------------------------------------------------
# Pure header helpers
# --------------------------------------------------------------------------


def _as_utc(now: datetime | float | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if isinstance(now, datetime):
        return now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    return datetime.fromtimestamp(float(now), UTC)


def _parse_http_date(value: str) -> datetime | None:
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def parse_retry_after(value: str | None, now: datetime | float | None = None) -> float | None:
    """Seconds to wait according to a ``Retry-After`` value.

    Accepts delta-seconds (``"120"``) or an HTTP-date. A date in the past, an
    empty value or anything unparseable (``"soon"``, ``"-5"``, ``"1.5"``)
    gives None. ``now`` is an aware datetime or a POSIX timestamp (default:
    the current time).
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if _ascii_digits(text):
        try:
            return float(int(text))
        except OverflowError:
            return None
    when = _parse_http_date(text)
    if when is None:
        return None
    delay = (when - _as_utc(now)).total_seconds()
    return delay if delay > 0 else None


def _lower_keys(headers: Mapping[str, str] | httpx.Headers) -> dict[str, str]:
    return {str(key).lower(): str(value) for key, value in headers.items()}


def parse_max_age(headers: Mapping[str, str] | httpx.Headers, now: datetime | float | None = None) -> float | None:
    """Seconds the response stays fresh, from ``Cache-Control`` or ``Expires``.

    ``Cache-Control: max-age`` wins over ``Expires`` (RFC 9111). ``Expires``
    is measured from the response's ``Date`` header when there is one, else
    from ``now``; a past or invalid ``Expires`` (such as ``"0"``) means
    already stale, 0.0. The ``Age`` header is subtracted. Without either
    header the answer is None (no caching information).
    """
    lowered = _lower_keys(headers)
    age = 0.0
    age_text = lowered.get("age", "").strip()
    if _ascii_digits(age_text):
        age = float(int(age_text))

    for directive in lowered.get("cache-control", "").split(","):
        name, _, raw_value = directive.partition("=")
        if name.strip().lower() != "max-age":
            continue
        raw_value = raw_value.strip().strip('"')
        if _ascii_digits(raw_value):
            return max(0.0, float(int(raw_value)) - age)
        break  # a malformed max-age: fall back to Expires

    if "expires" not in lowered:
        return None
    expires = _parse_http_date(lowered["expires"])
    if expires is None:
        return 0.0
    date = _parse_http_date(lowered["date"]) if "date" in lowered else None
    if date is not None:
        remaining = (expires - date).total_seconds() - age
    else:
        remaining = (expires - _as_utc(now)).total_seconds()
    return max(0.0, remaining)


def is_challenge(status: int, headers: Mapping[str, str], body: bytes | None) -> bool:
    """True for a Cloudflare (or similar) bot challenge instead of content."""
    lowered = _lower_keys(headers)
    if lowered.get("cf-mitigated", "").strip().lower() == "challenge":
        return True
    if status not in _CHALLENGE_STATUSES or not body:
        return False
    if "cloudflare" not in lowered.get("server", "").lower():
        return False
    sample = body[: 64 * 1024].lower()
    return any(marker in sample for marker in _CHALLENGE_MARKERS)


def _display_url(url: str) -> str:
    """``url`` fit for a log line: userinfo masked, control characters gone."""
    try:
        parts = urlsplit(url)
        if "@" in parts.netloc:
            url = urlunsplit(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]))
    except ValueError:
        pass
    return _one_line(url, 300)


def _one_line(text: str, limit: int = 500) -> str:
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


# --------------------------------------------------------------------------
# Deadline shared with the connection layer
# --------------------------------------------------------------------------

# The monotonic time by which the current fetch must finish. fetch() sets it;
# the socket layer below reads it so that no single connect, TLS handshake,
# read or write may block past it, whatever the per-operation timeout says.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("regwatch_fetch_deadline", default=None)


def _bounded(timeout: float | None, timeout_exc: type[Exception]) -> float | None:
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise timeout_exc("overall fetch deadline exceeded")
    return remaining if timeout is None else min(timeout, remaining)


# --------------------------------------------------------------------------
# Connection layer: resolve, validate, connect to the validated address
# --------------------------------------------------------------------------


class _SocketStream(httpcore.NetworkStream):
    """A blocking socket for httpcore that honours the fetch deadline."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            self._sock.settimeout(_bounded(timeout, httpcore.ReadTimeout))
            return self._sock.recv(max_bytes)
        except TimeoutError as exc:
            raise httpcore.ReadTimeout(str(exc) or "read timed out") from exc
        except OSError as exc:
            raise httpcore.ReadError(str(exc)) from exc

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            self._sock.settimeout(_bounded(timeout, httpcore.WriteTimeout))
            self._sock.sendall(buffer)
        except TimeoutError as exc:
            raise httpcore.WriteTimeout(str(exc) or "write timed out") from exc
        except OSError as exc:
            raise httpcore.WriteError(str(exc)) from exc

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._sock.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        try:
            self._sock.settimeout(_bounded(timeout, httpcore.ConnectTimeout))
            wrapped = ssl_context.wrap_socket(self._sock, server_hostname=server_hostname)
        except TimeoutError as exc:
            self.close()
            raise httpcore.ConnectTimeout(str(exc) or "TLS handshake timed out") from exc
        except OSError as exc:  # ssl.SSLError and certificate errors are OSErrors
            self.close()
            raise httpcore.ConnectError(str(exc)) from exc
        except BaseException:
            self.close()
            raise
        return _SocketStream(wrapped)

    def get_extra_info(self, info: str) -> object:
        if info == "ssl_object":
            return self._sock if isinstance(self._sock, ssl.SSLSocket) else None
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "socket":
            return self._sock
        if info == "is_readable":
            return _socket_readable(self._sock)
        return None


def _socket_readable(sock: socket.socket) -> bool:
    """Whether a recv would return at once (data or EOF): an idle pooled
    connection that is readable has been closed by the server."""
    try:
        fd = sock.fileno()
    except OSError:
        return True
    if fd < 0:
        return True
    if sys.platform == "win32" or not hasattr(select, "poll"):
        readable, _, _ = select.select([fd], [], [], 0)
        return bool(readable)
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(0))


class PolicyBackend(httpcore.NetworkBackend):
    """Opens TCP connections only to addresses that pass the policy.

    The host name is resolved here (through ``policy.resolve`` unless a
    ``resolver`` is given), every answer is validated, and the socket is
    connected to one of exactly those answers. httpcore still hands the
    original host name to TLS, so SNI and certificate verification are
    unchanged; the Host header comes from the URL as usual.
    """

    def __init__(self, *, allow_private: bool, resolver: policy.Resolver | None = None) -> None:
        self.allow_private = allow_private
        self.resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: object = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = policy.host_addresses(host, port, self.resolver)
            if not self.allow_private:
                policy.check_addresses(host, addresses)
        except (PolicyRefusal, ResolutionFailed) as exc:
            raise httpcore.ConnectError(str(exc)) from exc

        last_error: OSError | None = None
        for address in addresses:
            sock = self._open(address, port, timeout, local_address, socket_options)
            if isinstance(sock, OSError):
                last_error = sock
                continue
            return _SocketStream(sock)
        if isinstance(last_error, socket.timeout):
            raise httpcore.ConnectTimeout(f"timed out connecting to {host}") from last_error
        raise httpcore.ConnectError(f"cannot connect to {host}: {last_error}") from last_error

    @staticmethod
    def _open(
        address: str,
        port: int,
        timeout: float | None,
        local_address: str | None,
        socket_options: object,
    ) -> socket.socket | OSError:
        """Connect to one literal address; return the socket or the error."""
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        try:
            family, kind, proto, _canon, sockaddr = socket.getaddrinfo(
                address, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST
            )[0]
        except socket.gaierror as exc:
            return exc
        sock = socket.socket(family, kind, proto)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for option in socket_options or ():  # type: ignore[attr-defined]
                sock.setsockopt(*option)
            if local_address:
                sock.bind((local_address, 0))
            sock.settimeout(bounded)
            sock.connect(sockaddr)
        except OSError as exc:
            sock.close()
            return exc
        except BaseException:
            sock.close()
            raise
        return sock

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: object = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by regwatch")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


# httpcore exception -> httpx exception, most specific first.
_EXCEPTION_MAP: tuple[tuple[type[Exception], type[Exception]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProxyError, httpx.ProxyError),
)


@contextlib.contextmanager
def _httpx_errors() -> Iterator[None]:
    """Re-raise httpcore exceptions as their httpx counterparts (cause kept)."""
    try:
        yield
    except Exception as exc:
        for source, target in _EXCEPTION_MAP:
            if isinstance(exc, source):
                raise target(str(exc)) from exc
        raise


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream: object) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors():
            yield from self._stream  # type: ignore[misc]

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            with _httpx_errors():
                close()


class PinnedTransport(httpx.BaseTransport):
    """An httpx transport whose connections go only to policy-checked addresses.

    HTTP/1.1 only, no proxy support (a proxy would make the address check
    meaningless). ``verify`` is passed to :func:`httpx.create_ssl_context`, or
    may be a ready :class:`ssl.SSLContext`.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        verify: ssl.SSLContext | str | bool = True,
        resolver: policy.Resolver | None = None,
        max_connections: int = 10,
        keepalive_expiry: float = 5.0,
    ) -> None:
        if isinstance(verify, ssl.SSLContext):
            ssl_context = verify
        else:
            ssl_context = httpx.create_ssl_context(verify=verify, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=max_connections,
            keepalive_expiry=keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=PolicyBackend(allow_private=allow_private, resolver=resolver),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]
            extensions=request.extensions,
        )
        with _httpx_errors():
            core_response = self._pool.handle_request(core_request)
        return httpx.Response(
            status_code=core_response.status,
            headers=core_response.headers,
            stream=_ResponseStream(core_response.stream),
            extensions=core_response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


def _timeout(limits: Limits, remaining: float | None = None) -> httpx.Timeout:
    def cap(value: float) -> float:
        return value if remaining is None else max(0.001, min(value, remaining))

    return httpx.Timeout(
        connect=cap(limits.connect_timeout),
        read=cap(limits.read_timeout),
        write=cap(limits.read_timeout),
        pool=cap(limits.connect_timeout),
    )


def build_client(
    *,
    limits: Limits = DEFAULT_LIMITS,
    allow_private: bool | None = None,
    verify: ssl.SSLContext | str | bool = True,
    resolver: policy.Resolver | None = None,
) -> httpx.Client:
    """An ``httpx.Client`` set up the way :func:`fetch` expects.

    Redirects are not followed by the client (fetch follows them itself),
    environment proxies are ignored, and connections go through
    :class:`PinnedTransport`. Reuse one across many fetches to pool
    connections; close it when done. Its ``allow_private`` is fixed here: a
    fetch() given ``allow_private=True`` with a client built without it is
    still refused private addresses at connect time.
    """
    transport = PinnedTransport(
        allow_private=policy.private_networks_allowed(allow_private),
        verify=verify,
        resolver=resolver,
    )
    return httpx.Client(
        transport=transport,
        follow_redirects=False,
        trust_env=False,
        timeout=_timeout(limits),
        headers={"User-Agent": limits.user_agent},
    )


# --------------------------------------------------------------------------
# Body decoding
# --------------------------------------------------------------------------


class _TooLarge(Exception):
    pass


class _Corrupt(Exception):
    pass


class _Unsupported(Exception):
    pass


class _BoundedDecoder:
    """Decode a gzip/deflate/identity body without ever exceeding ``limit``.

    Every ``decompress`` call passes ``max_length`` = room left + 1, so a
    single compressed chunk can produce at most one byte past the cap before
    we stop, however far it would expand.
    """

    def __init__(self, content_encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip().lower() not in ("", "identity")]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise _Unsupported(content_encoding.strip())
        self.coding = codings[0] if codings else "identity"
        self.limit = limit
        self.size = 0
        self._parts: list[bytes] = []
        self._pending = b""  # deflate: bytes held until the header is seen
        self._wbits = 16 + zlib.MAX_WBITS if self.coding in ("gzip", "x-gzip") else None
        self._inflater: zlib._Decompress | None = None  # type: ignore[name-defined]
        self._seen_input = False

    @property
    def compressed(self) -> bool:
        return self.coding != "identity"

    def _keep(self, data: bytes) -> None:
        if not data:
            return
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge()
        self._parts.append(data)

    def feed(self, data: bytes) -> None:
        if not data:
            return
        self._seen_input = True
        if not self.compressed:
            self._keep(data)
            return
        if self._wbits is None:  # deflate: zlib-wrapped or raw? Look at the header.
            self._pending += data
            if len(self._pending) < 2:
                return
            first, second = self._pending[0], self._pending[1]
            wrapped = (first & 0x0F) == 8 and ((first << 8) | second) % 31 == 0
            self._wbits = zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS
            data, self._pending = self._pending, b""
        if self._inflater is None:
            self._inflater = zlib.decompressobj(self._wbits)
        try:
            self._inflate(data)
        except zlib.error as exc:
            raise _Corrupt(f"invalid {self.coding} data: {exc}") from exc

    def _inflate(self, data: bytes) -> None:
        inflater = self._inflater
        while data and inflater is not None:
            if inflater.eof:
                # Bytes after the end of the stream: a further gzip member, or
                # trailing junk that browsers also ignore.
                if self.coding != "deflate" and data[:2] == b"\x1f\x8b":
                    inflater = self._inflater = zlib.decompressobj(self._wbits)
                else:
                    return
            room = self.limit - self.size
            out = inflater.decompress(data, room + 1)
            self._keep(out)
            data = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
            if data and not out and not inflater.eof:  # cannot happen with zlib; never spin
                raise _Corrupt("decompressor made no progress")

    def finish(self) -> bytes:
        unfinished = self._inflater is None or not self._inflater.eof
        if self.compressed and self._seen_input and unfinished:
            raise _Corrupt(f"{self.coding} body ended before the end of the compressed stream")
        return b"".join(self._parts)

    def partial(self) -> bytes:
        return b"".join(self._parts)[: self.limit]


# --------------------------------------------------------------------------
# fetch()
# --------------------------------------------------------------------------


class _Failure(Exception):
    """Internal: stop the fetch with this error kind and message."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def _exception_chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 12:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


_DNS_TEXT = (
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name resolution",
    "getaddrinfo failed",
    "no address associated",
    "name resolution",
)


def _classify(exc: BaseException, *, reading_body: bool) -> tuple[ErrorKind, str]:
    """Map a transport exception to an error kind and a short description."""
    chain = _exception_chain(exc)
    for item in chain:
        if isinstance(item, PolicyRefusal):
            return ErrorKind.POLICY_REFUSED, f"refused by policy: {item.reason}"
        if isinstance(item, (ResolutionFailed, socket.gaierror)):
            return ErrorKind.DNS_ERROR, f"DNS lookup failed: {item}"
    if any(isinstance(item, (httpx.TimeoutException, TimeoutError, httpcore.TimeoutException)) for item in chain):
        what = "reading the response" if reading_body else "waiting for the server"
        if isinstance(exc, httpx.ConnectTimeout):
            what = "connecting"
        return ErrorKind.NETWORK_TIMEOUT, f"timed out {what}"
    for item in chain:
        if isinstance(item, (ssl.SSLError, ssl.CertificateError)):
            return ErrorKind.TLS_ERROR, f"TLS error: {item}"
        if isinstance(item, ConnectionRefusedError):
            return ErrorKind.CONNECTION_REFUSED, "connection refused"
    text = " ".join(str(item) for item in chain).lower()
    if "certificate" in text or "[ssl" in text or "ssl:" in text:
        return ErrorKind.TLS_ERROR, f"TLS error: {exc}"
    if "connection refused" in text:
        return ErrorKind.CONNECTION_REFUSED, "connection refused"
    if any(marker in text for marker in _DNS_TEXT):
        return ErrorKind.DNS_ERROR, f"DNS lookup failed: {exc}"
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return ErrorKind.INVALID_URL, f"invalid URL: {exc}"
    if reading_body:
        return (
            ErrorKind.BODY_READ,
            f"could not read the response body: {exc or type(exc).__name__}",
        )
    if isinstance(exc, httpx.RemoteProtocolError):
        return (
            ErrorKind.NETWORK_ERROR,
            f"the server broke the HTTP exchange: {exc or 'no response'}",
        )
    return ErrorKind.NETWORK_ERROR, f"network error: {exc or type(exc).__name__}"


def _status_kind(status: int) -> ErrorKind:
    specific = {
        401: ErrorKind.UNAUTHORIZED,
        403: ErrorKind.FORBIDDEN,
        404: ErrorKind.NOT_FOUND,
        410: ErrorKind.GONE,
        429: ErrorKind.TOO_MANY_REQUESTS,
    }
    if status in specific:
        return specific[status]
    if 400 <= status < 500:
        return ErrorKind.CLIENT_ERROR
    if 500 <= status < 600:
        return ErrorKind.SERVER_ERROR
    return ErrorKind.UNEXPECTED_STATUS


def _usable_validator(value: str | None) -> bool:
    """Whether a stored ETag/Last-Modified can be sent back as a header.

    Validators come from servers; one with control characters is dropped (a
    plain GET beats a failed one). httpx sends non-ASCII text as UTF-8.
    """
    return bool(value) and not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value or "")


def _strip_fragment(url: str) -> str:
    return url.split("#", 1)[0]


class _Fetch:
    """State of one fetch() call: the hop loop, body reading, result building."""

    def __init__(
        self,
        url: str,
        *,
        client: httpx.Client,
        limits: Limits,
        etag: str | None,
        last_modified: str | None,
        headers: Mapping[str, str] | None,
        secret_headers: frozenset[str],
        allow_private: bool,
        started: float,
        deadline: float,
    ) -> None:
        self.url = url
        self.client = client
        self.limits = limits
        self.sent_etag = etag
        self.sent_last_modified = last_modified
        self.allow_private = allow_private
        self.started = started
        self.deadline = deadline
        self.secret = ALWAYS_SECRET_HEADERS | {name.lower() for name in secret_headers}
        self.current = url
        self.redirects: list[str] = []
        self.all_permanent = True
        self.headers = httpx.Headers({"User-Agent": limits.user_agent, "Accept": DEFAULT_ACCEPT})
        if headers:
            self.headers.update(headers)
        # Only encodings we decode ourselves, whatever the caller passed.
        self.headers["Accept-Encoding"] = "gzip"
        for name, value in (
            ("If-None-Match", etag),
            ("If-Modified-Since", last_modified),
        ):
            if _usable_validator(value):
                self.headers[name] = value  # type: ignore[assignment]

    # -- results --------------------------------------------------------

    def _result(self, **values: object) -> FetchResult:
        base: dict[str, object] = {
            "url": self.url,
            "effective_url": self.current,
            "status": None,
            "body": None,
            "headers": {},
            "etag": None,
            "last_modified": None,
            "retry_after": None,
            "max_age": None,
            "error_kind": None,
            "error": None,
            "elapsed": time.monotonic() - self.started,
            "redirects": list(self.redirects),
        }
        base.update(values)
        return FetchResult(**base)  # type: ignore[arg-type]

    def _fail(self, kind: ErrorKind, message: str, **values: object) -> FetchResult:
        where = _display_url(self.current)
        if self.current != self.url:
            where += f" (redirected from {_display_url(self.url)})"
        return self._result(error_kind=kind, error=_one_line(f"{where}: {message}"), **values)

    def _remaining(self) -> float:
        return self.deadline - time.monotonic()

    def _deadline_message(self) -> str:
        return f"no complete response within the {self.limits.deadline:g} s deadline"

    # -- main loop -------------------------------------------------------

    def run(self) -> FetchResult:
        visited = {_strip_fragment(self.url)}
        stripped = False
        next_url = self.url
        while True:
            refusal = self._check(next_url)
            if refusal is not None:
                return refusal
            if next_url != self.current:  # a redirect target that passed the policy
                self.redirects.append(next_url)
                visited.add(_strip_fragment(next_url))
                self.current = next_url
            if self._remaining() <= 0:
                return self._fail(ErrorKind.NETWORK_TIMEOUT, self._deadline_message())
            try:
                request = self.client.build_request(
                    "GET",
                    self.current,
                    headers=self.headers,
                    timeout=_timeout(self.limits, self._remaining()),
                )
                if stripped:
                    for name in self.secret:
                        request.headers.pop(name, None)
                response = self.client.send(
                    request,
                    stream=True,
                    follow_redirects=False,
                    auth=None if stripped else httpx.USE_CLIENT_DEFAULT,
                )
            except (
                httpx.HTTPError,
                httpx.InvalidURL,
                httpx.StreamError,
                OSError,
            ) as exc:
                return self._transport_failure(exc, reading_body=False)

            try:
                if response.status_code in REDIRECT_STATUSES and response.headers.get("location"):
                    target = self._redirect_target(response, visited)
                    if isinstance(target, FetchResult):
                        return target
                    if not policy.same_origin(self.current, target):
                        stripped = True  # and stays so, even if a later hop comes back
                    if response.status_code not in PERMANENT_REDIRECT_STATUSES:
                        self.all_permanent = False
                    next_url = target
                    continue
                return self._complete(response)
            finally:
                response.close()

    def _check(self, url: str) -> FetchResult | None:
        """Apply the policy to ``url`` (the original URL or a redirect target)."""
        what = "" if url == self.current else f"redirect to {_display_url(url)} "
        try:
            policy.validate_url(url, allow_private=self.allow_private)
        except PolicyRefusal as exc:
            return self._fail(ErrorKind.POLICY_REFUSED, f"{what}refused by policy: {exc.reason}")
        except ResolutionFailed as exc:
            return self._fail(ErrorKind.DNS_ERROR, f"{what}DNS lookup failed: {exc}")
        return None

    def _redirect_target(self, response: httpx.Response, visited: set[str]) -> str | FetchResult:
        location = response.headers["location"].strip()
        status = response.status_code
        try:
            target = str(response.request.url.join(location))
        except (httpx.InvalidURL, ValueError) as exc:
            return self._fail(
                ErrorKind.INVALID_URL,
                f"HTTP {status} redirect to an invalid Location: {exc}",
                status=status,
            )
        shown = _display_url(target)
        if _strip_fragment(target) in visited:
            return self._fail(
                ErrorKind.REDIRECT_LOOP,
                f"redirect loop: HTTP {status} back to {shown}",
                status=status,
            )
        if len(self.redirects) >= self.limits.max_redirects:
            return self._fail(
                ErrorKind.TOO_MANY_REDIRECTS,
                f"more than {self.limits.max_redirects} redirects; next was to {shown}",
                status=status,
            )
        reason = policy.redirect_refusal(self.current, target)
        if reason is not None:
            return self._fail(ErrorKind.POLICY_REFUSED, f"{reason}: to {shown}", status=status)
        return target

    def _transport_failure(self, exc: BaseException, *, reading_body: bool, **values: object) -> FetchResult:
        kind, message = _classify(exc, reading_body=reading_body)
        if kind is ErrorKind.NETWORK_TIMEOUT and self._remaining() <= 0:
            message = self._deadline_message()
        return self._fail(kind, message, **values)

    # -- final response ------------------------------------------------------

    def _complete(self, response: httpx.Response) -> FetchResult:
        status = response.status_code
        headers = _lower_keys(response.headers)
        now = datetime.now(UTC)
        meta: dict[str, object] = {
            "status": status,
            "headers": headers,
            "retry_after": parse_retry_after(headers.get("retry-after"), now),
            "max_age": parse_max_age(headers, now),
        }

        if status == 304:
            return self._result(
                etag=headers.get("etag") or self.sent_etag,
                last_modified=headers.get("last-modified") or self.sent_last_modified,
                **meta,
            )

        if 200 <= status < 300:
            if status == 204:
                return self._fail(
                    ErrorKind.EMPTY_RESPONSE_BODY,
                    "HTTP 204: empty response body",
                    **meta,
                )
            try:
                body = self._read_body(response, self.limits.max_body_bytes)
            except _Failure as failure:
                return self._fail(failure.kind, failure.message, **meta)
            if not body:
                return self._fail(
                    ErrorKind.EMPTY_RESPONSE_BODY,
                    f"HTTP {status} with an empty body",
                    **meta,
                )
            permanent = None
            if self.redirects and self.all_permanent:
                permanent = self.current
            return self._result(
                body=body,
                etag=headers.get("etag"),
                last_modified=headers.get("last-modified"),
                permanent_redirect=permanent,
                **meta,
            )

        kind = _status_kind(status)
        if status in _CHALLENGE_STATUSES or "cf-mitigated" in headers:
            snippet = self._peek_body(response)
            if is_challenge(status, headers, snippet):
                return self._fail(
                    ErrorKind.BLOCKED_BY_CHALLENGE,
                    f"HTTP {status}: blocked by a bot challenge (Cloudflare) instead of serving the feed",
                    **meta,
                )
        if kind is ErrorKind.UNEXPECTED_STATUS:
            detail = "redirect without a Location header" if 300 <= status < 400 else "unexpected status"
            return self._fail(kind, f"HTTP {status}: {detail}", **meta)
        reason = _REASONS.get(status) or ("client error" if status < 500 else "server error")
        message = f"HTTP {status} {reason}"
        retry_after = meta["retry_after"]
        if retry_after is not None:
            message += f" (Retry-After: {retry_after:.0f} s)"
        return self._fail(kind, message, **meta)

    def _read_body(self, response: httpx.Response, limit: int) -> bytes:
        """Read and decode the body within ``limit`` decoded bytes.

        Raises :class:`_Failure` (too large, unreadable, timed out, unsupported).
        """
        try:
            decoder = _BoundedDecoder(response.headers.get("content-encoding", ""), limit)
        except _Unsupported as exc:
            raise _Failure(
                ErrorKind.UNSUPPORTED_ENCODING,
                f"unsupported Content-Encoding {str(exc)!r}",
            ) from None
        declared = response.headers.get("content-length", "").strip()
        if not decoder.compressed and _ascii_digits(declared) and int(declared) > limit:
            raise _Failure(
                ErrorKind.RESPONSE_TOO_LARGE,
                f"body of {int(declared)} bytes exceeds the {limit}-byte limit",
            )
        raw_limit = limit + _RAW_SLACK
        raw_seen = 0
        too_large = _Failure(
            ErrorKind.RESPONSE_TOO_LARGE,
            f"body exceeds the {limit}-byte limit (decoded)",
        )
        try:
            for chunk in response.iter_raw():
                if self._remaining() <= 0:
                    raise _Failure(ErrorKind.NETWORK_TIMEOUT, self._deadline_message())
                raw_seen += len(chunk)
                if raw_seen > raw_limit:
                    raise too_large
                decoder.feed(chunk)
            return decoder.finish()
        except _TooLarge:
            raise too_large from None
        except _Corrupt as exc:
            raise _Failure(ErrorKind.BODY_READ, str(exc)) from None
        except (httpx.HTTPError, httpx.StreamError, OSError) as exc:
            kind, message = _classify(exc, reading_body=True)
            if kind is ErrorKind.NETWORK_TIMEOUT and self._remaining() <= 0:
                message = self._deadline_message()
            raise _Failure(kind, message) from None

    def _peek_body(self, response: httpx.Response) -> bytes:
        """Up to ``error_body_bytes`` of an error page, best effort."""
        limit = self.limits.error_body_bytes
        if limit <= 0:
            return b""
        try:
            decoder = _BoundedDecoder(response.headers.get("content-encoding", ""), limit)
        except _Unsupported:
            return b""
        raw_seen = 0
        try:
            for chunk in response.iter_raw():
                raw_seen += len(chunk)
                if self._remaining() <= 0 or raw_seen > limit + _RAW_SLACK:
                    break
                decoder.feed(chunk)
        except (_TooLarge, _Corrupt, httpx.HTTPError, httpx.StreamError, OSError):
            pass
        return decoder.partial()


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
    limits: Limits = DEFAULT_LIMITS,
    headers: Mapping[str, str] | None = None,
    secret_headers: frozenset[str] = frozenset({"authorization", "x-api-key"}),
    allow_private: bool | None = None,
) -> FetchResult:
    """GET ``url`` under the URL policy and ``limits``; never raises on HTTP
    or transport errors.

    :param url: the http(s) URL to fetch.
    :param etag: ETag from the previous fetch, sent as ``If-None-Match``.
    :param last_modified: Last-Modified from the previous fetch, sent as
        ``If-Modified-Since``.
    :param client: an ``httpx.Client`` to use (see :func:`build_client`; it
        must not follow redirects itself). Without one, a pinned client is
        built for this call and closed afterwards. A client not built by
        :func:`build_client` is checked only before connecting, which leaves
        a DNS-rebinding window.
    :param limits: timeouts, deadline, body cap, redirect cap, user agent.
    :param headers: extra request headers (for example an API key).
    :param secret_headers: header names dropped when a redirect changes
        origin, on top of Authorization, Proxy-Authorization, Cookie and
        X-Api-Key.
    :param allow_private: allow private and loopback addresses; None reads
        ``REGWATCH_ALLOW_PRIVATE_NETWORKS`` ("1" allows). Never lifts the
        scheme or userinfo rules.
    """
    if not isinstance(url, str):
        raise TypeError(f"url must be a str, not {type(url).__name__}")
    started = time.monotonic()
    deadline = started + limits.deadline
    allowed = policy.private_networks_allowed(allow_private)
    token = _DEADLINE.set(deadline)
    active = client
    try:
        if active is None:
            active = build_client(limits=limits, allow_private=allowed)
        return _Fetch(
            url,
            client=active,
            limits=limits,
            etag=etag,
            last_modified=last_modified,
            headers=headers,
            secret_headers=secret_headers,
            allow_private=allowed,
            started=started,
            deadline=deadline,
        ).run()
    finally:
        if client is None and active is not None:
            active.close()
        _DEADLINE.reset(token)
