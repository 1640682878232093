"""Helpers shared by the web desk's tests: the desk served by a real uvicorn on a free
port (bot.web.local), people of the test province signed up in the chat, and sign-in
links taken from the real /web command's reply."""
from __future__ import annotations

import re

import httpx

from bot.settings import Settings
from bot.web import Desk
from bot.web.local import LocalDesk
from conftest import TODAY, add_task
from storage.crud import people
from storage.models import Unit

LINK = re.compile(r"https?://\S+/web/vao\?t=[A-Za-z0-9_-]+")


class DeskServer:
    def __init__(self, db, clock, assistant, **settings):
        self.settings = Settings(database_url=db.url, **settings)
        self.desk = Desk(db, self.settings, clock=clock)
        self.local = LocalDesk(self.desk).start()
        self.url = self.local.url
        assistant.web_url = settings.get("web_base_url") or self.url

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, follow_redirects=False, timeout=30)

    def stop(self) -> None:
        self.local.stop()


def invite(db, unit_id: int, role: str) -> str:
    with db.session() as s:
        return people.create_invitation(s, s.get(Unit, unit_id), role).code


def link_of(chat) -> str:
    """The sign-in link in the reply to /web."""
    chat.say("/web")
    found = LINK.search(chat.text)
    assert found, chat.text
    return found.group(0)


def sign_in(client: httpx.Client, link: str) -> httpx.Response:
    """Open the link, press the button: the response to the POST (303 on success)."""
    page = client.get(link.split("://", 1)[1].split("/", 1)[1].join(["/", ""]))
    assert page.status_code == 200, page.text
    secret = link.rsplit("t=", 1)[1]
    return client.post("/web/vao", data={"t": secret})


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def sample_tasks(db, province) -> dict[str, int]:
    u = province["units"]
    return {
        "stc_late": add_task(db, u["stc"], "Rà soát giải ngân vốn đầu tư công", TODAY.replace(day=4),
                             coordinators=[u["sxd"]], coordinator_deadline=TODAY.replace(day=2)),
        "stc_open": add_task(db, u["stc"], "Báo cáo tình hình thu ngân sách", TODAY.replace(day=28)),
        "sxd_task": add_task(db, u["sxd"], "Kiểm tra an toàn công trình xây dựng", TODAY.replace(day=20)),
        "syt_task": add_task(db, u["syt"], "Phòng chống dịch sốt xuất huyết", TODAY.replace(day=25)),
    }
