"""The office's web desk: server-rendered pages (Jinja2) on the same Starlette app as
the webhooks (`nhacviec serve`), or on a local port (`run`, `demo --office`).

    desk = Desk(db, settings)            # bot.web.app
    routes = desk.routes()               # under /web
    app = Starlette(routes=routes, middleware=desk.middleware())
"""
from .app import Desk

__all__ = ["Desk"]
