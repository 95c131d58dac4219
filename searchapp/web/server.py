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
