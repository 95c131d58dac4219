"""Serving the app with waitress, a production WSGI server (not Flask's development server).

Search is CPU-bound Python, so one process is capped by the GIL at one core. With ``workers > 1`` the
listening socket is opened once and shared by that many forked processes, each running waitress with
its own threads and its own long-lived searcher; the kernel spreads connections among them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys

from flask import Flask


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def serve(app: Flask, host: str, port: int, threads: int = 8, workers: int = 1) -> None:
    """Serve *app* until interrupted (Ctrl+C, SIGTERM)."""
    from waitress import create_server

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.create_server((host, port), family=family, backlog=1024, reuse_port=False)
    url = f"http://{host if ':' not in host else f'[{host}]'}:{listener.getsockname()[1]}/"
    print(f"searchapp is serving on {url}  ({workers} process{'es' if workers > 1 else ''} × {threads} threads; "
          "Ctrl+C to stop)", file=sys.stderr, flush=True)

    def run_one() -> None:
        server = create_server(app, sockets=[listener], threads=threads, ident="searchapp")
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()

    if workers <= 1:
        signal.signal(signal.SIGTERM, _raise_interrupt)
        run_one()
        return

    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # a worker: serve until told to stop
            signal.signal(signal.SIGTERM, _raise_interrupt)
            signal.signal(signal.SIGINT, _raise_interrupt)
            try:
                run_one()
            finally:
                os._exit(0)
        children.append(pid)
    listener.close()

    def stop(_signum=None, _frame=None) -> None:
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGTERM)

    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    try:
        for child in children:
            os.waitpid(child, 0)
    except KeyboardInterrupt:
        stop()
        for child in children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(child, 0)


def _raise_interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt
