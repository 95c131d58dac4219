"""One serving worker: waitress's event loop, run here so that the worker can show it makes progress
(its heartbeat, which the supervisor in `searchapp.web.server` watches) and, told to stop, finish the
requests it holds before it ends; waitress's own error answers in the API's shape. Every use of
waitress's internals is here."""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from flask import Flask

CONNECTION_LIMIT = 1000  # connections per worker process (waitress: 100)
IDLE_TIMEOUT = 30  # seconds before an idle connection is closed (waitress: 120)
LOOP_SECONDS = 0.5  # how long a worker's event loop waits before it looks at its requests and signals


@dataclass(frozen=True)
class Limits:
    """How many processes and threads serve, and how long a worker may stall or take to stop."""

    threads: int = 8
    workers: int = 1
    timeout: int = 60
    drain: int = 30


class Progress:
    """WSGI middleware noting when each request in flight last made progress: began, or handed over a
    piece of its body (a long export streams, a stuck search does not). Time the server spends sending a
    piece (a slow reader) is not the app's: it is not counted."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.last: dict[int, float | None] = {}  # None: a piece is with the server, being sent

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        key = id(environ)
        self.last[key] = time.monotonic()
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self.last.pop(key, None)
            raise
        self.last[key] = None
        return _Tracked(self.last, key, body)

    def stalled(self, seconds: float) -> bool:
        now = time.monotonic()
        return any(began is not None and now - began > seconds for began in list(self.last.values()))


class _Tracked:
    """A response body that times the making of each piece (not its sending) and, closed (as every WSGI
    server closes what it was given), forgets its request."""

    def __init__(self, last: dict[int, float | None], key: int, body: Iterable[bytes]) -> None:
        self.last, self.key, self.body = last, key, body

    def __iter__(self) -> Iterator[bytes]:
        pieces = iter(self.body)
        while True:
            self.last[self.key] = time.monotonic()  # making the next piece from now
            try:
                piece = next(pieces)
            except StopIteration:
                return
            self.last[self.key] = None  # handed over: the server sends it at the reader's pace
            yield piece

    def close(self) -> None:
        self.last.pop(self.key, None)
        close = getattr(self.body, "close", None)
        if close is not None:
            close()


def _json_error_channel():
    """waitress's connection class, its own error answers (a request line it cannot parse, headers over
    256 KB, a body too large) given in the API's JSON shape with the app's security headers, rather
    than as plain text."""
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    from searchapp.web.app import SECURITY_HEADERS

    class JsonErrorTask(ErrorTask):
        def execute(self) -> None:
            error = self.request.error
            code = "_".join(error.reason.lower().split())
            body = json.dumps({"error": {"code": code, "message": f"{error.reason}: {error.body}", "param": None}})
            self.status = f"{error.code} {error.reason}"
            self.response_headers.extend([("Content-Type", "application/json"), *SECURITY_HEADERS])
            self.set_close_on_finish()
            self.content_length = len(body.encode())
            self.write(body.encode())

    class Channel(HTTPChannel):
        error_task_class = JsonErrorTask

    return Channel


def run_worker(app: Flask, listener: socket.socket, limits: Limits, heartbeat: int,
               signal_mask: Iterable[int] = ()) -> None:
    """One worker: waitress's event loop, run here so that the worker can beat its heartbeat between
    turns and, told to stop, stop accepting and finish what it holds before it ends. *signal_mask*: the
    signals to block once its own handlers are in place (the supervisor forks with stop signals blocked)."""
    from waitress import create_server, wasyncore

    progress = Progress(app)
    server = create_server(progress, sockets=[listener], threads=limits.threads, ident="searchapp",
                           connection_limit=CONNECTION_LIMIT, channel_timeout=IDLE_TIMEOUT)
    server.channel_class = _json_error_channel()
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, signal_mask)

    def turn() -> None:
        wasyncore.loop(timeout=LOOP_SECONDS, map=server._map, use_poll=True, count=1)
        if not progress.stalled(limits.timeout):
            os.utime(heartbeat)

    try:
        while not stop.is_set():
            turn()
        _accept_waiting(server)  # requests already sent, still in the kernel's queue, are answered too
        server.accepting = False  # later ones go to the other workers, or to the next server
        deadline = time.monotonic() + limits.drain
        while _holds_requests(server) and time.monotonic() < deadline:
            turn()
    finally:
        server.task_dispatcher.shutdown()
        server.close()


def _accept_waiting(server) -> None:
    """Accept every connection waiting in the listening socket's queue (it does not block)."""
    while True:
        before = len(server._map)
        server.handle_accept()
        if len(server._map) == before:
            return


def _holds_requests(server) -> bool:
    """Whether a connection of *server* has a request in hand, a response not yet sent, or was active in
    the last second (a request on its way); the others, idle, are closed on the way."""
    from waitress.channel import HTTPChannel

    busy = False
    now = time.time()
    for channel in list(server._map.values()):
        if isinstance(channel, HTTPChannel):
            if channel.requests or channel.total_outbufs_len or now - channel.last_activity < 1:
                busy = True
            else:
                channel.will_close = True
    return busy
