"""The office loop over HTTP: the real python-telegram-bot Application polls the fake
Bot API; office staff upload a .docx, publish it with the button, the outbox
dispatcher delivers each unit's notice; an official asks for an extension, the
office approves it from the pushed message, the official learns the new date."""
from __future__ import annotations

from datetime import date

from sqlmodel import select

from helpers import DIRECTIVE, data_of, dispatch, docx_bytes, reply_to
from storage.models import Task


async def test_office_publishes_a_docx_and_decides_an_extension(db, province, telegram, clock):
    fake = telegram
    office, stc, syt = 700, 701, 702
    await reply_to(fake, office, lambda: fake.push_text(office, f"/start {province['codes']['office']}"))
    await reply_to(fake, stc, lambda: fake.push_text(stc, f"/start {province['codes']['stc_official']}"))
    await reply_to(fake, syt, lambda: fake.push_text(syt, f"/start {province['codes']['syt_official']}"))

    content = docx_bytes(DIRECTIVE)
    review = await reply_to(fake, office, lambda: fake.push_document(
        office, "TB-88.docx", content, caption="/banhanh",
        mime_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    assert "88/TB-UBND" in review.text and "Tìm thấy 5 nhiệm vụ" in review.text
    created = await reply_to(fake, office, lambda: fake.push_callback(office, data_of(review, "pc:"),
                                                                      message_id=review.message_id))
    assert "❓" not in created.text
    done = await reply_to(fake, office, lambda: fake.push_callback(office, data_of(created, "pp:"),
                                                                   message_id=created.message_id))
    assert "Đã ban hành văn bản 88/TB-UBND" in done.text
    assert len(fake.messages_to(stc)) == 1  # only the welcome: notices go through the outbox

    await dispatch(db, fake, clock)
    notice = fake.last_to(stc)
    assert "88/TB-UBND" in notice.text and "bố trí kinh phí" in notice.text
    assert "diệt lăng quăng" in fake.last_to(syt).text

    with db.session() as s:
        task_id = s.exec(select(Task.id).where(Task.action.contains("kinh phí"))).one()
    # the official asks for an extension from /nhiemvu; the office decides from the push
    await reply_to(fake, stc, lambda: fake.push_callback(stc, f"s:e:{task_id}", message_id=notice.message_id))
    saved = await reply_to(fake, stc, lambda: fake.push_text(stc, "30/6/2026 vì chờ Bộ Tài chính phân bổ kinh phí"))
    assert "30/06/2026" in saved.text
    await dispatch(db, fake, clock)
    request = fake.last_to(office)
    assert "Đề nghị gia hạn nhiệm vụ" in request.text and "chờ Bộ Tài chính" in request.text
    approved = await reply_to(fake, office, lambda: fake.push_callback(office, data_of(request, "ea:"),
                                                                       message_id=request.message_id))
    assert "20/05/2026 → 30/06/2026" in approved.text
    await dispatch(db, fake, clock)
    assert "đã được chấp thuận" in fake.last_to(stc).text and "30/06/2026" in fake.last_to(stc).text
    with db.session() as s:
        assert s.get(Task, task_id).deadline == date(2026, 6, 30)
