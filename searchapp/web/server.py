"""Serving the app with waitress, a production WSGI server (not Flask's development server).

Search is CPU-bound Python, so one process is capped by the GIL at one core. With ``workers > 1`` that
many processes are forked, each running waitress with its own threads and its own long-lived searcher,
each listening on the same port with SO_REUSEPORT: the kernel spreads new connections evenly among
them (a shared listening socket would let one process take every keep-alive connection).
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
    reuse_port = workers > 1
    listener = socket.create_server((host, port), family=family, backlog=1024, reuse_port=reuse_port)
    port = listener.getsockname()[1]
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    print(f"searchapp is serving on {url}  ({workers} process{'es' if workers > 1 else ''} × {threads} threads; "
          "Ctrl+C to stop)", file=sys.stderr, flush=True)

    def run_one(sock: socket.socket) -> None:
        server = create_server(app, sockets=[sock], threads=threads, ident="searchapp")
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()

    if workers <= 1:
        signal.signal(signal.SIGTERM, _raise_interrupt)
        run_one(listener)
        return

    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # a worker: serve until told to stop
            signal.signal(signal.SIGTERM, _raise_interrupt)
            signal.signal(signal.SIGINT, _raise_interrupt)
            try:
                listener.close()
                run_one(socket.create_server((host, port), family=family, backlog=1024, reuse_port=True))
            finally:
                os._exit(0)
        children.append(pid)
    listener.close()  # held until every worker listens, so the port could not be taken meanwhile

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
