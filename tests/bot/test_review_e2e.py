"""Done means a product, and the office judges it — over the fake Bot API with the real
python-telegram-bot Application and the outbox dispatcher: "Xong — đã có dự thảo" is
refused → a real product with its file → awaiting review → the office gets it (with the
file) and returns it with a reason → the unit sees the reason and the task open →
resubmitted → accepted."""
from __future__ import annotations

from sqlmodel import select

from conftest import TODAY, add_task
from helpers import data_of, dispatch, reply_to
from storage.models import AuditLog, CompletionReview, Task


async def test_draft_refused_product_returned_resubmitted_accepted(db, province, telegram, clock):
    from datetime import timedelta

    fake = telegram
    office, stc = 800, 801
    task_id = add_task(db, province["units"]["stc"], "Xây dựng Kế hoạch phòng chống dịch sốt xuất huyết",
                       TODAY + timedelta(days=5), expected_output="Kế hoạch")
    await reply_to(fake, office, lambda: fake.push_text(office, f"/start {province['codes']['office']}"))
    await reply_to(fake, stc, lambda: fake.push_text(stc, f"/start {province['codes']['stc_official']}"))

    page = await reply_to(fake, stc, lambda: fake.push_text(stc, "/nhiemvu"))
    await reply_to(fake, stc, lambda: fake.push_callback(stc, f"s:d:{task_id}", message_id=page.message_id))
    refused = await reply_to(fake, stc, lambda: fake.push_text(stc, "Xong — đã có dự thảo"))
    assert "Chưa ghi nhận hoàn thành" in refused.text
    assert "Không đánh giá hoàn thành nhiệm vụ chỉ bằng việc đã ban hành văn bản" in refused.text
    assert data_of(refused, "rp:") == f"rp:{task_id}"  # "Ghi nhận là tiến độ" is offered

    # another kind than the task expects: asked to confirm, then a real product with its file
    mismatch = await reply_to(fake, stc, lambda: fake.push_text(stc, "Báo cáo số 12/BC-STC"))
    assert "Kế hoạch" in mismatch.text and "Báo cáo" in mismatch.text and data_of(mismatch, "rk:")
    named = await reply_to(fake, stc, lambda: fake.push_document(
        stc, "ke-hoach-12.pdf", b"%PDF-1.4 plan", mime_type="application/pdf",
        caption="Đã ban hành Kế hoạch số 12/KH-UBND ngày 14/5/2026"))
    assert "chờ Văn phòng đánh giá" in named.text
    with db.session() as s:
        assert s.get(Task, task_id).status == "awaiting_review"

    # the office gets the product, its file, and the buttons
    await dispatch(db, fake, clock)
    pushed = fake.messages_to(office)
    assert any(m.document is not None and m.document.content == b"%PDF-1.4 plan" for m in pushed)
    notice = fake.last_to(office)
    assert "12/KH-UBND" in notice.text and "chờ đánh giá" in notice.text
    ask = await reply_to(fake, office, lambda: fake.push_callback(office, data_of(notice, "rr:"),
                                                                  message_id=notice.message_id))
    assert "lý do" in ask.text
    short = await reply_to(fake, office, lambda: fake.push_text(office, "thiếu"))
    assert "Lý do trả lại" in short.text
    returned = await reply_to(fake, office, lambda: fake.push_text(
        office, "Kế hoạch chưa phân công cụ thể từng xã và chưa có kinh phí"))
    assert "Đã trả lại nhiệm vụ" in returned.text

    # the unit hears the reason; the task is open again, with the reason in /nhiemvu
    await dispatch(db, fake, clock)
    told = fake.last_to(stc)
    assert "trả lại" in told.text and "chưa phân công cụ thể từng xã" in told.text
    detail = await reply_to(fake, stc, lambda: fake.push_text(stc, f"/nhiemvu {task_id}"))
    assert "Sản phẩm bị trả lại" in detail.text and "chưa phân công cụ thể từng xã" in detail.text
    assert "Trạng thái: Đang làm" in detail.text
    listed = await reply_to(fake, stc, lambda: fake.push_text(stc, "/nhiemvu"))
    assert f"#{task_id}" in listed.text and "Bị trả lại" in listed.text

    # resubmitted, accepted from /duyet
    await reply_to(fake, stc, lambda: fake.push_callback(stc, data_of(told, "s:d:"), message_id=told.message_id))
    again = await reply_to(fake, stc, lambda: fake.push_text(
        stc, "Đã ban hành Kế hoạch số 15/KH-UBND (thay thế Kế hoạch 12/KH-UBND), phân công từng xã, có kinh phí"))
    assert "chờ Văn phòng đánh giá" in again.text
    listing = await reply_to(fake, office, lambda: fake.push_text(office, "/duyet"))
    assert "15/KH-UBND" in listing.text
    accepted = await reply_to(fake, office, lambda: fake.push_callback(office, data_of(listing, "ra:"),
                                                                       message_id=listing.message_id))
    assert "Đã đánh giá đạt" in accepted.text
    await dispatch(db, fake, clock)
    assert "đánh giá đạt" in fake.last_to(stc).text and "đúng hạn" in fake.last_to(stc).text

    with db.session() as s:
        task = s.get(Task, task_id)
        assert task.status == "done" and task.completed_late is False and "15/KH-UBND" in task.completion_output
        assert [r.status for r in s.exec(select(CompletionReview).order_by(CompletionReview.id))] == [
            "returned", "accepted"]
        actions = [a.action for a in s.exec(select(AuditLog).where(AuditLog.entity_id == task_id)
                                            .order_by(AuditLog.id))]
        assert actions.count("task.submitted") == 2 and "task.review_return" in actions
        assert "task.review_accept" in actions
    assert not fake.internal_errors
