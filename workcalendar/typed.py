"""A whole date as people type it in a field or an option: dd/mm/yyyy as dates are written
in Vietnam ("8/5/2026", "08-05-2026", "8.5.2026"), or ISO (links, scripts). The chat's free
text ("thứ Sáu tuần sau", "cuối tháng") is handlers/dates.py's business, not this."""
from __future__ import annotations

import re
from datetime import date

_DMY = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*")


def parse_typed_date(value: str) -> date:
    """The date in `value`; ValueError when it is not one (or not a real day: "31/02/2026")."""
    if m := _DMY.fullmatch(value):
        return date(int(m[3]), int(m[2]), int(m[1]))
    return date.fromisoformat(value.strip())
