"""Serving the app with waitress, a production WSGI server (not Flask's development server), under a
small pre-fork supervisor.

Search is CPU-bound Python, so one process is capped by the GIL at one core. The parent binds the port
once (so a second `searchapp serve` on a busy port stops with one line, never silently sharing it) and
forks ``workers`` processes that inherit the listening socket, each running waitress with its own
threads and its own long-lived searcher. The parent supervises them: a worker that dies (killed, out of
memory) is replaced, and so is one that makes no progress for ``timeout`` seconds (stopped, or a
request stuck: each worker touches its heartbeat file while no request of its has stalled); SIGTERM or
Ctrl+C stops them, each finishing the requests it holds (``drain`` seconds at most) and accepting no
new ones; SIGHUP replaces them one at a time (a rolling restart, e.g. after a configuration change).
waitress reads requests asynchronously before a thread takes them, so slow or idle clients hold a
connection, not a thread; the connection limit and the idle timeout bound what they can hold.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from flask import Flask

from searchapp.errors import SearchappError

CONNECTION_LIMIT = 1000  # connections per worker process (waitress: 100)
IDLE_TIMEOUT = 30  # seconds before an idle connection is closed (waitress: 120)
RESPAWN_LIMIT = 10  # workers replaced within RESPAWN_WINDOW seconds before the server gives up
RESPAWN_WINDOW = 60
POLL_SECONDS = 0.2  # how often the supervisor looks for ended workers and signals it was sent
LOOP_SECONDS = 0.5  # how long a worker's event loop waits before it looks at its requests and signals


@dataclass(frozen=True)
class Limits:
    """How many processes and threads serve, and how long a worker may stall or take to stop."""

    threads: int = 8
    workers: int = 1
    timeout: int = 30
    drain: int = 30


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound once; SearchappError in one line when the port cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family, backlog=1024)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise SearchappError(f"port {port} is in use on {host}: stop the server using it, or choose "
                                 "another port with --port") from None
        raise SearchappError(f"cannot listen on {host}:{port} ({error.strerror or error})") from None


def serve(app: Flask, host: str, port: int, limits: Limits = Limits()) -> None:
    """Serve *app* until told to stop (Ctrl+C, SIGTERM)."""
    listener = listen(host, port)
    port = listener.getsockname()[1]
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    many = "es" if limits.workers > 1 else ""
    print(f"searchapp is serving on {url}  ({limits.workers} process{many} × {limits.threads} threads; "
          "Ctrl+C to stop)", file=sys.stderr, flush=True)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # no line per queued request under load
    Supervisor(app, listener, limits).run()


class Progress:
    """WSGI middleware noting when each request in flight last made progress: began, or handed over a
    piece of its body (a long export streams, a stuck search does not)."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.last: dict[int, float] = {}

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        key = id(environ)
        self.last[key] = time.monotonic()
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self.last.pop(key, None)
            raise
        return _Tracked(self.last, key, body)

    def stalled(self, seconds: float) -> bool:
        now = time.monotonic()
        return any(now - began > seconds for began in list(self.last.values()))


class _Tracked:
    """A response body that notes each piece it hands over and, closed (as every WSGI server closes
    what it was given), forgets its request."""

    def __init__(self, last: dict[int, float], key: int, body: Iterable[bytes]) -> None:
        self.last, self.key, self.body = last, key, body

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.body:
            self.last[self.key] = time.monotonic()
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


def _run_worker(app: Flask, listener: socket.socket, limits: Limits, heartbeat: int) -> None:
    """One worker: waitress's event loop, run here so that the worker can beat its heartbeat between
    turns and, told to stop, stop accepting and finish what it holds before it ends."""
    from waitress import create_server, wasyncore

    progress = Progress(app)
    server = create_server(progress, sockets=[listener], threads=limits.threads, ident="searchapp",
                           connection_limit=CONNECTION_LIMIT, channel_timeout=IDLE_TIMEOUT)
    server.channel_class = _json_error_channel()
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    signal.signal(signal.SIGHUP, signal.SIG_DFL)

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


class Supervisor:
    """Keeps ``limits.workers`` processes serving from one listening socket."""

    def __init__(self, app: Flask, listener: socket.socket, limits: Limits) -> None:
        self.app, self.listener, self.limits = app, listener, limits
        self.heartbeats: dict[int, int] = {}  # worker → its heartbeat file (unlinked: the descriptor is it)
        self.stopping = False
        self.reload = False
        self.respawns: list[float] = []

    def spawn(self) -> int:
        handle, path = tempfile.mkstemp(prefix="searchapp-heartbeat-")
        os.unlink(path)
        pid = os.fork()
        if pid == 0:  # a worker: serve until told to stop
            try:
                _run_worker(self.app, self.listener, self.limits, handle)
            finally:
                os._exit(0)
        self.heartbeats[pid] = handle
        return pid

    def stop(self, _signum=None, _frame=None) -> None:
        self.stopping = True
        for child in list(self.heartbeats):
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGTERM)

    def run(self) -> None:
        for _ in range(self.limits.workers):
            self.spawn()
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGHUP, lambda *_: setattr(self, "reload", True))
        stopped_at = None
        try:
            while self.heartbeats:
                if self.reload and not self.stopping:
                    self.reload = False
                    self.rolling_restart()
                if self.stopping:
                    stopped_at = stopped_at or time.monotonic()
                    if time.monotonic() - stopped_at > self.limits.drain + 5:
                        self.kill_all()  # a worker that neither finished nor stopped in time
                else:
                    self.kill_hung()
                if self.reap() is None:
                    time.sleep(POLL_SECONDS)
        finally:
            self.listener.close()

    def kill_hung(self) -> None:
        """Kill a worker whose heartbeat is older than the timeout (it is then replaced as any that died)."""
        now = time.time()
        for pid, handle in list(self.heartbeats.items()):
            silent = now - os.fstat(handle).st_mtime
            if silent > self.limits.timeout:
                print(f"searchapp: worker {pid} made no progress for {silent:.0f} s (timeout {self.limits.timeout} s): "
                      "killed", file=sys.stderr, flush=True)
                os.utime(handle)  # one message, one kill
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def kill_all(self) -> None:
        for pid in list(self.heartbeats):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def reap(self) -> int | None:
        """A worker that has ended, replaced unless the server is stopping; None when none has."""
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:  # none left at all
            for handle in self.heartbeats.values():
                os.close(handle)
            self.heartbeats.clear()
            return None
        if pid not in self.heartbeats:
            return None
        os.close(self.heartbeats.pop(pid))
        if not self.stopping:
            self.replace(pid, status)
        return pid

    def replace(self, pid: int, status: int) -> None:
        now = time.monotonic()
        self.respawns = [t for t in self.respawns if now - t < RESPAWN_WINDOW] + [now]
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"
        if len(self.respawns) > RESPAWN_LIMIT:
            print(f"searchapp: error: workers keep dying ({len(self.respawns)} in {RESPAWN_WINDOW} s, last: {how}); "
                  "stopping", file=sys.stderr, flush=True)
            self.stop()
            return
        new = self.spawn()
        print(f"searchapp: worker {pid} ended ({how}); worker {new} started", file=sys.stderr, flush=True)

    def rolling_restart(self) -> None:
        """Replace every worker, one at a time: its successor starts, then it finishes its requests and
        ends (SIGHUP)."""
        for old in list(self.heartbeats):
            self.spawn()
            handle = self.heartbeats.pop(old)
            with contextlib.suppress(ProcessLookupError):
                os.kill(old, signal.SIGTERM)
            deadline = time.monotonic() + self.limits.drain + 5
            while not _ended(old):
                if time.monotonic() > deadline:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(old, signal.SIGKILL)
                time.sleep(POLL_SECONDS)
            os.close(handle)
        print(f"searchapp: workers restarted ({', '.join(map(str, sorted(self.heartbeats)))})", file=sys.stderr,
              flush=True)


def _ended(pid: int) -> bool:
    try:
        return os.waitpid(pid, os.WNOHANG)[0] == pid
    except ChildProcessError:
        return True
