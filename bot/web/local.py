"""The desk on a local port for single-machine modes (`nhacviec run`, `demo --office`):
uvicorn in a background thread, beside the chat loop."""
from __future__ import annotations

import socket
import threading
import time

from starlette.applications import Starlette

from .app import Desk


def desk_app(desk: Desk) -> Starlette:
    app = Starlette(routes=desk.routes(), middleware=desk.middleware())
    app.state.desk = desk
    return app


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class LocalDesk:
    """Serves the desk at http://host:port until stop() (or the process ends: daemon thread)."""

    def __init__(self, desk: Desk, host: str = "127.0.0.1", port: int = 0):
        import uvicorn

        self.host, self.port = host, port or free_port(host)
        self.url = f"http://{host}:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(desk_app(desk), host=host, port=self.port, log_config=None,
                                                    access_log=False, lifespan="off", server_header=False))
        self.thread = threading.Thread(target=self.server.run, name="web-desk", daemon=True)

    def start(self, timeout: float = 10.0) -> LocalDesk:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise OSError(f"the web desk could not listen on {self.host}:{self.port}")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
