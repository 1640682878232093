"""The web desk inside `nhacviec serve`: the same ASGI app as the webhooks. /web typed
in Telegram (through the real webhook path and the fake Bot API) gives the link; the
browser side signs in on the same server; a report's attachment downloads through
Telegram's getFile; the webhook path is untouched by the desk's middleware."""
from __future__ import annotations

import re

import httpx

from conftest import TODAY, TZ, add_task
from handlers.router import Assistant
from storage.crud import tasks as crud
from storage.models import Person, Task
from test_server import fake, live, post, settings_for, text_update  # noqa: F401  (fake: a fixture)

LINK = re.compile(r"http://127\.0\.0\.1:\d+/web/vao\?t=[A-Za-z0-9_-]+")


async def test_web_link_from_telegram_signs_in_on_the_serve_app(db, database_url, fake, province):  # noqa: F811
    # The real clock on both sides: the serve app's desk keeps the time of day.
    assistant = Assistant(db, TZ)
    async with live(db, assistant, settings_for(database_url, fake)) as server, \
            httpx.AsyncClient(timeout=30) as client:
        assistant.web_url = server.url
        hook = f"{server.url}/telegram/webhook"
        await post(client, hook, text_update(1, 701, f"/start {province['codes']['office']}"), telegram=fake)
        await server.settle()
        answer = await post(client, hook, text_update(2, 701, "/web"), telegram=fake)
        await server.settle()
        # The webhook's answer is the bare JSON of the front, without the desk's headers.
        assert "content-security-policy" not in answer.headers
        link = LINK.search(fake.last_to(701).text).group(0)

        task_id = add_task(db, province["units"]["stc"], "Báo cáo giải ngân quý II", TODAY)
        upload = fake.push_document(702, "bao-cao-quy-2.pdf", b"%PDF-1.4 bao cao", mime_type="application/pdf")
        with db.session() as s:
            person = s.get(Person, 1)
            report = crud.add_report(s, s.get(Task, task_id), person, kind="done", text="Đã gửi báo cáo",
                                     attachment_ref=upload["message"]["document"]["file_id"],
                                     attachment_name="bao-cao-quy-2.pdf")
            report_id = report.id

        browser = httpx.AsyncClient(base_url=server.url, timeout=30)
        page = await browser.get(link.replace(server.url, ""))
        assert page.status_code == 200 and page.headers["x-frame-options"] == "DENY"
        signed = await browser.post("/web/vao", data={"t": link.rsplit("t=", 1)[1]})
        assert signed.status_code == 303
        task_page = await browser.get(f"/web/nhiemvu/{task_id}")
        assert "bao-cao-quy-2.pdf" in task_page.text
        download = await browser.get(f"/web/nhiemvu/{task_id}/tep/{report_id}")
        assert download.status_code == 200 and download.content == b"%PDF-1.4 bao cao"
        assert download.headers["content-type"] == "application/octet-stream"
        assert "attachment" in download.headers["content-disposition"]
        assert (await browser.get(f"/web/nhiemvu/{task_id}/tep/{report_id + 1}")).status_code == 404
        assert (await browser.get("/healthz")).json() == {"status": "ok"}
        await browser.aclose()
