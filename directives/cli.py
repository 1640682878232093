"""`nhacviec extract FILE [--issued YYYY-MM-DD] [--json]`: tasks of a directive, no database.

Errors are a Vietnamese message on stderr and exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys

from workcalendar.typed import parse_typed_date

from .errors import ExtractionError
from .extract import extract_file
from .model import Extraction

EXIT_ERROR = 2
TEXT_WIDTH = 90
MSG_BAD_DATE = "Ngày ban hành “{value}” không hợp lệ — dùng dạng dd/mm/yyyy hoặc YYYY-MM-DD, ví dụ 8/5/2026."
MSG_NO_TASKS = "Không tìm thấy nhiệm vụ nào trong văn bản."
MSG_SCANNED = "Nguồn: bản scan, đọc bằng OCR — đối chiếu với bản giấy; dòng có ⚠ là chữ nhận dạng chưa chắc chắn."
MSG_INTERNAL = "Không trích xuất được văn bản: {error}"


def run_extract(path: str, issued: str | None, as_json: bool, out=sys.stdout, err=sys.stderr) -> int:
    try:
        issued_on = parse_typed_date(issued) if issued else None
    except ValueError:
        print(MSG_BAD_DATE.format(value=issued), file=err)
        return EXIT_ERROR
    try:
        result = extract_file(path, issued=issued_on)
    except ExtractionError as exc:
        print(str(exc), file=err)
        return EXIT_ERROR
    except Exception as exc:  # the command line never shows a traceback
        print(MSG_INTERNAL.format(error=exc), file=err)
        return EXIT_ERROR
    if as_json:
        print(json.dumps(result.to_contract(), ensure_ascii=False, indent=2), file=out)
    else:
        print(render_table(result), file=out)
    return 0


def _shorten(text: str, width: int = TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _recurrence(recurrence: str | None) -> str:
    """"monthly:23" → "ngày 23 hằng tháng", as the chat shows it."""
    if not recurrence:
        return ""
    from locales import Translator

    t = Translator("vi")
    if recurrence.startswith("monthly:"):
        return t("recurrence.monthly_day", day=recurrence.split(":", 1)[1])
    return t(f"recurrence.{recurrence}")


def render_table(result: Extraction) -> str:
    doc = result.document
    head = [f"Văn bản: {doc.number or '—'}  {doc.title or ''}".rstrip(),
            f"Cơ quan ban hành: {doc.issuer or '—'}",
            f"Ngày ban hành: {doc.issued.strftime('%d/%m/%Y') if doc.issued else '—'}",
            f"Số nhiệm vụ: {len(result.tasks)}"]
    if doc.scanned:
        head.append(MSG_SCANNED)
    head.append("")
    if not result.tasks:
        return "\n".join(head + [MSG_NO_TASKS])
    rows = []
    for number, task in enumerate(result.tasks, 1):
        when = task.deadline.strftime("%d/%m/%Y") if task.deadline else (_recurrence(task.recurrence) or "—")
        mark = "⚠ " if task.uncertain else ""
        rows.append(f"{number:>3}. {mark}Chủ trì: {task.lead}")
        if task.coordinators:
            rows.append(f"     Phối hợp: {', '.join(task.coordinators)}")
        rows.append(f"     Thời hạn: {when}")
        rows.append(f"     Nội dung: {_shorten(task.summary or task.text)}")
        if task.output:
            rows.append(f"     Sản phẩm: {_shorten(task.output)}")
    return "\n".join(head + rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m directives.cli",
                                     description="Trích xuất nhiệm vụ từ văn bản chỉ đạo.")
    parser.add_argument("file")
    parser.add_argument("--issued", help="ngày ban hành, dạng dd/mm/yyyy hoặc YYYY-MM-DD")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    args = parser.parse_args(argv)
    return run_extract(args.file, args.issued, args.json)


if __name__ == "__main__":
    sys.exit(main())
