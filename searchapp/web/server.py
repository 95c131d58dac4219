"""Serving the app with waitress, a production WSGI server (not Flask's development server), under a
small pre-fork supervisor.

Search is CPU-bound Python, so one process is capped by the GIL at one core. The parent binds the port
once (so a second `searchapp serve` on a busy port stops with one line, never silently sharing it) and
forks ``workers`` processes that inherit the listening socket, each running waitress with its own
threads and its own long-lived searcher. The parent supervises them: a worker that dies (killed, out of
memory) is replaced; SIGTERM or Ctrl+C stops them all; SIGHUP replaces them one at a time (a rolling
restart, e.g. after a configuration change). waitress reads requests asynchronously before a thread
takes them, so slow or idle clients hold a connection, not a thread; the connection limit and the idle
timeout bound what they can hold.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import signal
import socket
import sys
import time

from flask import Flask

from searchapp.errors import SearchappError

CONNECTION_LIMIT = 1000  # connections per worker process (waitress: 100)
IDLE_TIMEOUT = 30  # seconds before an idle connection is closed (waitress: 120)
RESPAWN_LIMIT = 10  # workers replaced within RESPAWN_WINDOW seconds before the server gives up
RESPAWN_WINDOW = 60
POLL_SECONDS = 0.2  # how often the supervisor looks for ended workers and signals it was sent


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


def serve(app: Flask, host: str, port: int, threads: int = 8, workers: int = 1) -> None:
    """Serve *app* until interrupted (Ctrl+C, SIGTERM)."""
    listener = listen(host, port)
    port = listener.getsockname()[1]
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    print(f"searchapp is serving on {url}  ({workers} process{'es' if workers > 1 else ''} × {threads} threads; "
          "Ctrl+C to stop)", file=sys.stderr, flush=True)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # no line per queued request under load
    if workers <= 1:
        signal.signal(signal.SIGTERM, _raise_interrupt)
        _run_worker(app, listener, threads)
        return
    Supervisor(app, listener, threads, workers).run()


def _run_worker(app: Flask, listener: socket.socket, threads: int) -> None:
    from waitress import create_server

    server = create_server(app, sockets=[listener], threads=threads, ident="searchapp",
                           connection_limit=CONNECTION_LIMIT, channel_timeout=IDLE_TIMEOUT)
    try:
        server.run()  # waitress ends its threads itself on KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


class Supervisor:
    """Keeps *workers* processes serving from one listening socket."""

    def __init__(self, app: Flask, listener: socket.socket, threads: int, workers: int) -> None:
        self.app, self.listener, self.threads, self.size = app, listener, threads, workers
        self.children: set[int] = set()
        self.stopping = False
        self.reload = False
        self.respawns: list[float] = []

    def spawn(self) -> int:
        pid = os.fork()
        if pid == 0:  # a worker: serve until told to stop
            signal.signal(signal.SIGTERM, _raise_interrupt)
            signal.signal(signal.SIGINT, _raise_interrupt)
            signal.signal(signal.SIGHUP, signal.SIG_DFL)
            try:
                _run_worker(self.app, self.listener, self.threads)
            finally:
                os._exit(0)
        self.children.add(pid)
        return pid

    def stop(self, _signum=None, _frame=None) -> None:
        self.stopping = True
        self.signal_all(signal.SIGTERM)

    def signal_all(self, signum: int) -> None:
        for child in list(self.children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signum)

    def run(self) -> None:
        for _ in range(self.size):
            self.spawn()
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGHUP, lambda *_: setattr(self, "reload", True))
        try:
            while self.children:
                if self.reload and not self.stopping:
                    self.reload = False
                    self.rolling_restart()
                if self.reap() is None:
                    time.sleep(POLL_SECONDS)
        finally:
            self.listener.close()

    def reap(self) -> int | None:
        """A worker that has ended, replaced unless the server is stopping; None when none has."""
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            self.children.clear()
            return None
        if pid == 0 or pid not in self.children:
            return None
        self.children.discard(pid)
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
        """Replace every worker, one at a time, each only once its successor runs (SIGHUP)."""
        for old in list(self.children):
            self.spawn()
            with contextlib.suppress(ProcessLookupError):
                os.kill(old, signal.SIGTERM)
            self.children.discard(old)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(old, 0)
        print(f"searchapp: workers restarted ({', '.join(map(str, sorted(self.children)))})", file=sys.stderr,
              flush=True)


def _raise_interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt
