"""Serving the app with waitress, a production WSGI server (not Flask's development server)."""

from __future__ import annotations

import sys

from flask import Flask


def serve(app: Flask, host: str, port: int, threads: int = 8) -> None:
    from waitress import create_server

    server = create_server(app, host=host, port=port, threads=threads, ident="searchapp")
    url = f"http://{host if ':' not in host else f'[{host}]'}:{server.effective_port}/"
    print(f"searchapp is serving on {url}  (Ctrl+C to stop)", file=sys.stderr, flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]
