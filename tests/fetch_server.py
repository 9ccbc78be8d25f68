"""A small threaded raw-socket HTTP server on 127.0.0.1 that misbehaves on purpose.

pytest-httpserver covers well-formed responses; this server covers what a
well-behaved framework will not send: a server that accepts and never answers,
one that drips a byte a second, a Content-Length it does not honour, a reset
mid-body, broken chunked encoding, endless bodies and gzip bombs. The fault
menu follows scrapy's ``tests/mockserver/http_resources.py`` (Delay, Partial,
Drop, BrokenChunkedResource, Compress), re-created from scratch.

Usage::

    with FaultServer() as server:
        fetch(server.url("/hang"), ...)
        assert server.requests == []  # or inspect what arrived

Every route handler receives the connection, the parsed request and the
server; it must return promptly once ``server.stopping`` is set. ``stop()``
closes every connection and joins every thread, and raises if one is left.
"""

from __future__ import annotations

import contextlib
import functools
import os
import socket
import ssl
import struct
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Self

Handler = Callable[[socket.socket, "Received", "FaultServer"], None]

# A throwaway CA and a leaf certificate for localhost, feed.test and 127.0.0.1,
# valid 2020-2120, generated with openssl for these tests only. The key is not
# a secret: it protects nothing but the loopback test server.
TEST_CA_PEM = """-----BEGIN CERTIFICATE-----
MIIBaTCCARCgAwIBAgICEAEwCgYIKoZIzj0EAwIwGzEZMBcGA1UEAwwQcmVnd2F0
Y2ggdGVzdCBDQTAgFw0yMDAxMDEwMDAwMDBaGA8yMTIwMDEwMTAwMDAwMFowGzEZ
MBcGA1UEAwwQcmVnd2F0Y2ggdGVzdCBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEH
A0IABCoq+v3SH1vuQn5838ny8lLCN5SGm/ddAjR80NnDWIvc75GC8Wge5pHUARXp
MwYcmlvD+dfod10GapVB1KVeW6WjQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0P
AQH/BAQDAgEGMB0GA1UdDgQWBBTAgf94CyFmcsmEqrTg/Ls1aV63lDAKBggqhkjO
PQQDAgNHADBEAiBLtoMX/7jKlb9YWiUOrtU9c0fWufnRA9tDa2Gdhm4bJQIgdyXt
8IZTRuvDqrr6JePxa8U01KJWHAatl99eFmxRtAE=
-----END CERTIFICATE-----
"""
TEST_LEAF_PEM = """-----BEGIN CERTIFICATE-----
MIIBvzCCAWWgAwIBAgICEAIwCgYIKoZIzj0EAwIwGzEZMBcGA1UEAwwQcmVnd2F0
Y2ggdGVzdCBDQTAgFw0yMDAxMDEwMDAwMDBaGA8yMTIwMDEwMTAwMDAwMFowFDES
MBAGA1UEAwwJbG9jYWxob3N0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEyFW2
oF+RJbX8iAAWGeKDUJU3CoAIzHzVooxbW1r8z+O31pjbCaP8XGATOv9zqxwmPVxo
KD8abzGFPEts+C7O4aOBnTCBmjAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIH
gDATBgNVHSUEDDAKBggrBgEFBQcDATAlBgNVHREEHjAcgglsb2NhbGhvc3SCCWZl
ZWQudGVzdIcEfwAAATAdBgNVHQ4EFgQUyzDEKG0o8jZohOagRV1grOYkpZwwHwYD
VR0jBBgwFoAUwIH/eAshZnLJhKq04Py7NWlet5QwCgYIKoZIzj0EAwIDSAAwRQIg
QJtWLC05Ee+IozJy1d/rHB1zI2JcggdCbdL39Rb/I74CIQDtvpiuFgYTCrm9CZDa
4qhQLLwmK+aCgseEHgGxjqUBgw==
-----END CERTIFICATE-----
"""
TEST_LEAF_KEY_PEM = """-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgU18T5XLkKwAt+7sh
LzKR9ikMSzX+IPHcM0zvhn1w6JChRANCAATIVbagX5EltfyIABYZ4oNQlTcKgAjM
fNWijFtbWvzP47fWmNsJo/xcYBM6/3OrHCY9XGgoPxpvMYU8S2z4Ls7h
-----END PRIVATE KEY-----
"""

FEED = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<rss version="2.0"><channel><title>Test feed</title>'
    b"<item><title>EPA finalizes rule</title><link>https://example.gov/a</link></item>"
    b"</channel></rss>\n"
)


def client_ssl_context() -> ssl.SSLContext:
    """A client context that trusts only the test CA."""
    return ssl.create_default_context(cadata=TEST_CA_PEM)


def server_ssl_context() -> ssl.SSLContext:
    """A server context presenting the test leaf certificate."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as folder:
        cert_path = os.path.join(folder, "cert.pem")
        key_path = os.path.join(folder, "key.pem")
        with open(cert_path, "w") as handle:
            handle.write(TEST_LEAF_PEM + TEST_CA_PEM)
        with open(key_path, "w") as handle:
            handle.write(TEST_LEAF_KEY_PEM)
        context.load_cert_chain(cert_path, key_path)
    return context


@functools.cache
def gzip_of_zeros(megabytes: int) -> bytes:
    """``megabytes`` MiB of zero bytes, gzipped (about 1/1000 of the size)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    parts = [compressor.compress(block) for _ in range(megabytes)]
    parts.append(compressor.flush())
    return b"".join(parts)


def gzip_bytes(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@dataclass
class Received:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    sni: str | None = None
    raw: bytes = b""


@dataclass
class _Conn:
    sock: socket.socket
    thread: threading.Thread | None = None


@dataclass
class FaultServer:
    """See the module docstring."""

    host: str = "127.0.0.1"
    tls: ssl.SSLContext | None = None
    requests: list[Received] = field(default_factory=list)
    connections: int = 0

    def __post_init__(self) -> None:
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._routes: dict[str, Handler] = {}
        self._conns: list[_Conn] = []
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self._sni: dict[int, str] = {}
        if self.tls is not None:
            self.tls.sni_callback = self._remember_sni
        for path, handler in _BUILTIN_ROUTES.items():
            self._routes[path] = handler

    # -- lifecycle ---------------------------------------------------------

    def start(self) -> Self:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, 0))
        listener.listen(64)
        listener.settimeout(0.05)
        self._listener = listener
        self._acceptor = threading.Thread(target=self._accept_loop, name="fetch-fault-accept", daemon=True)
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._acceptor is not None:
            self._acceptor.join(5)
        if self._listener is not None:
            self._listener.close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                conn.sock.close()
        leftovers = []
        for conn in conns:
            if conn.thread is not None:
                conn.thread.join(5)
                if conn.thread.is_alive():
                    leftovers.append(conn.thread.name)
        if self._acceptor is not None and self._acceptor.is_alive():
            leftovers.append(self._acceptor.name)
        if leftovers:
            raise RuntimeError(f"fault server threads still running: {leftovers}")

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- addresses ---------------------------------------------------------

    @property
    def port(self) -> int:
        assert self._listener is not None, "server not started"
        return self._listener.getsockname()[1]

    def url(self, path: str = "/", host: str | None = None) -> str:
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://{host or self.host}:{self.port}{path}"

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True if the server is stopping."""
        return self.stopping.wait(seconds)

    # -- routes ------------------------------------------------------------

    def route(self, path: str, handler: Handler) -> None:
        self._routes[path] = handler

    def respond(
        self,
        path: str,
        status: int = 200,
        headers: Iterable[tuple[str, str]] = (),
        body: bytes = b"",
        *,
        content_length: bool = True,
    ) -> None:
        """Serve a fixed response at ``path``."""
        head = list(headers)

        def handler(conn: socket.socket, request: Received, server: FaultServer) -> None:
            names = {name.lower() for name, _ in head}
            extra = list(head)
            if content_length and "content-length" not in names:
                extra.append(("Content-Length", str(len(body))))
            send_head(conn, status, extra)
            conn.sendall(body)

        self._routes[path] = handler

    # -- internals ---------------------------------------------------------

    def _remember_sni(self, sock: object, server_name: str | None, _context: object) -> None:
        if server_name:
            self._sni[id(sock)] = server_name

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self.stopping.is_set():
            try:
                sock, _addr = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn = _Conn(sock)
            thread = threading.Thread(target=self._serve, args=(conn,), name="fetch-fault-conn", daemon=True)
            conn.thread = thread
            with self._lock:
                self._conns.append(conn)
                self.connections += 1
            thread.start()

    def _serve(self, conn: _Conn) -> None:
        sock = conn.sock
        try:
            sock.settimeout(5)
            sni = None
            if self.tls is not None:
                sock = self.tls.wrap_socket(sock, server_side=True)
                conn.sock = sock
                sni = self._sni.pop(id(sock), None)
            request = _read_request(sock)
            if request is None:
                return
            request.sni = sni
            with self._lock:
                self.requests.append(request)
            handler = self._routes.get(request.path.split("?", 1)[0], _not_found)
            sock.settimeout(10)
            handler(sock, request, self)
        except (OSError, ValueError):
            pass  # the client went away, or the test stopped us mid-write
        finally:
            with contextlib.suppress(OSError):
                sock.close()


def _read_request(sock: socket.socket) -> Received | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > 256 * 1024:
            return None
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    lines = head.split("\r\n")
    method, path, _version = (lines[0].split(" ", 2) + ["", ""])[:3]
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Received(method=method, path=path, headers=headers, raw=data)


def send_head(conn: socket.socket, status: int, headers: Iterable[tuple[str, str]]) -> None:
    lines = [f"HTTP/1.1 {status} Test"]
    lines += [f"{name}: {value}" for name, value in headers]
    conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


def reset(conn: socket.socket) -> None:
    """Close with a TCP RST instead of a FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


# -- the fault menu ------------------------------------------------------------


def _not_found(conn: socket.socket, request: Received, server: FaultServer) -> None:
    send_head(conn, 404, [("Content-Length", "0")])


def hang(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """Accept, read the request, never answer."""
    server.wait(60)


def drip(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """Headers at once, then the body one byte a second."""
    send_head(conn, 200, [("Content-Type", "application/rss+xml"), ("Content-Length", "600")])
    for index in range(600):
        conn.sendall(FEED[index % len(FEED) : index % len(FEED) + 1])
        if server.wait(1.0):
            return


def drip_head(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """The status line and headers, one byte every half second."""
    for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n":
        conn.sendall(bytes([byte]))
        if server.wait(0.5):
            return


def partial(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """Content-Length 1024, then 16 bytes and close."""
    send_head(conn, 200, [("Content-Type", "application/rss+xml"), ("Content-Length", "1024")])
    conn.sendall(FEED[:16])


def drop(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """Part of the body, then a connection reset."""
    send_head(
        conn,
        200,
        [("Content-Type", "application/rss+xml"), ("Content-Length", "100000")],
    )
    conn.sendall(FEED[:100])
    server.wait(0.3)  # let the client read the head first, so the reset lands mid-body
    reset(conn)


def broken_chunked(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """One good chunk, then a chunk header that is not hexadecimal."""
    send_head(
        conn,
        200,
        [("Content-Type", "application/rss+xml"), ("Transfer-Encoding", "chunked")],
    )
    conn.sendall(b"10\r\n" + FEED[:16] + b"\r\n" + b"zz-not-a-size\r\n" + FEED[16:40] + b"\r\n")


def unterminated_chunked(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """Chunks, then close without the terminating zero-length chunk."""
    send_head(
        conn,
        200,
        [("Content-Type", "application/rss+xml"), ("Transfer-Encoding", "chunked")],
    )
    conn.sendall(b"10\r\n" + FEED[:16] + b"\r\n")


def close_at_once(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """Read the request and close without a response."""


def endless(conn: socket.socket, request: Received, server: FaultServer, declare: bool = False) -> None:
    """A 100 MB body, generated lazily; stops when the client goes away."""
    size = 100 * 1000 * 1000
    head = [("Content-Type", "application/rss+xml"), ("Connection", "close")]
    if declare:
        head.append(("Content-Length", str(size)))
    send_head(conn, 200, head)
    block = b"x" * 65536
    sent = 0
    while sent < size and not server.stopping.is_set():
        conn.sendall(block)
        sent += len(block)


def endless_declared(conn: socket.socket, request: Received, server: FaultServer) -> None:
    endless(conn, request, server, declare=True)


def gzip_bomb(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """About 200 KB of gzip that expands to 200 MiB."""
    body = gzip_of_zeros(200)
    send_head(
        conn,
        200,
        [
            ("Content-Type", "application/rss+xml"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(len(body))),
        ],
    )
    conn.sendall(body)


def gzip_chunk_bomb(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """About 64 KiB of gzip, written at once, that expands to 64 MiB."""
    body = gzip_of_zeros(64)
    send_head(
        conn,
        200,
        [
            ("Content-Type", "application/rss+xml"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(len(body))),
        ],
    )
    conn.sendall(body)


def gzip_truncated(conn: socket.socket, request: Received, server: FaultServer) -> None:
    """A gzip body cut short, with a Content-Length that matches the cut."""
    body = gzip_bytes(FEED * 50)[:-20]
    send_head(
        conn,
        200,
        [
            ("Content-Type", "application/rss+xml"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(len(body))),
        ],
    )
    conn.sendall(body)


_BUILTIN_ROUTES: dict[str, Handler] = {
    "/hang": hang,
    "/drip": drip,
    "/drip-head": drip_head,
    "/partial": partial,
    "/reset": drop,
    "/broken-chunked": broken_chunked,
    "/unterminated-chunked": unterminated_chunked,
    "/close": close_at_once,
    "/big": endless,
    "/big-declared": endless_declared,
    "/gzip-bomb": gzip_bomb,
    "/gzip-chunk-bomb": gzip_chunk_bomb,
    "/gzip-truncated": gzip_truncated,
}


def free_port() -> int:
    """A loopback port with nothing listening (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(predicate: Callable[[], bool], timeout: float = 2.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()
