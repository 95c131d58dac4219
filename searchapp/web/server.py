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
import logging
import os
import signal
import socket
import sys
import tempfile
import time

from flask import Flask

from searchapp.errors import SearchappError
from searchapp.web.worker import Limits, run_worker

RESPAWN_LIMIT = 10  # workers replaced within RESPAWN_WINDOW seconds before the server gives up
RESPAWN_WINDOW = 60
STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT, signal.SIGHUP}
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


def serve(app: Flask, host: str, port: int, limits: Limits | None = None) -> None:
    """Serve *app* until told to stop (Ctrl+C, SIGTERM)."""
    limits = limits or Limits()
    listener = listen(host, port)
    port = listener.getsockname()[1]
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    many = "es" if limits.workers > 1 else ""
    print(f"searchapp is serving on {url}  ({limits.workers} process{many} × {limits.threads} threads; "
          "Ctrl+C to stop)", file=sys.stderr, flush=True)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # no line per queued request under load
    Supervisor(app, listener, limits).run()


class Supervisor:
    """Keeps ``limits.workers`` processes serving from one listening socket."""

    def __init__(self, app: Flask, listener: socket.socket, limits: Limits) -> None:
        self.app, self.listener, self.limits = app, listener, limits
        self.heartbeats: dict[int, int] = {}  # worker → its heartbeat file (unlinked: the descriptor is it)
        self.stopping = False
        self.reload = False
        self.respawns: list[float] = []
        self.hung: set[int] = set()  # workers killed for making no progress (not counted as dying)

    def spawn(self) -> int:
        handle, path = tempfile.mkstemp(prefix="searchapp-heartbeat-")
        os.unlink(path)
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)  # none lands between fork and handlers
        pid = os.fork()
        if pid == 0:  # a worker: serve until told to stop
            try:
                for signum in STOP_SIGNALS:
                    signal.signal(signum, signal.SIG_DFL)  # not the supervisor's: run_worker sets its own
                for other in self.heartbeats.values():
                    os.close(other)
                run_worker(self.app, self.listener, self.limits, handle, blocked)
            finally:
                os._exit(0)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        self.heartbeats[pid] = handle
        return pid

    def stop(self, _signum=None, _frame=None) -> None:
        self.stopping = True
        for child in list(self.heartbeats):
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGTERM)

    def run(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGHUP, lambda *_: setattr(self, "reload", True))
        for _ in range(self.limits.workers):
            self.spawn()
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
                self.hung.add(pid)
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
        self.respawns = [t for t in self.respawns if now - t < RESPAWN_WINDOW]
        if pid not in self.hung:  # a crash, not a worker we stopped for hanging
            self.respawns.append(now)
        self.hung.discard(pid)
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
            if self.stopping:
                return
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
