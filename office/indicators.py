"""Monthly indicators ("bảng theo dõi theo tháng"): the month's plan, met or not, the
shortfall and its gate, the month's table for the aggregating unit and the office, the
import template, the "Chỉ tiêu" sheet and the plan-against-actual chart.

Pure rules (table-tested):
  * month_plan — the plan an indicator's figure for month m is compared with:
      cumulative  the month's plan if set, else target × m / 12 (year to date);
      monthly     the month's plan if set, else target / 12;
      level       the month's plan if set, else the target itself (a rate: GRDP 8,49%).
  * assess — met when the figure reaches the plan (≥ when higher is better, ≤ when
    lower is); the shortfall is how far it falls short (0 when met), in the indicator's
    unit and as a share of the plan.
  * check_shortfall — a figure below plan is accepted only with its cause ("nguyên
    nhân") and a remedy ("phương án bù đắp") that says something concrete: at least
    MIN_CAUSE_WORDS words of cause, and at least MIN_REMEDY_WORDS words of remedy once
    the words that promise nothing ("cố gắng", "phấn đấu", "tiếp tục", "tăng cường"…)
    are set aside. The same gate style as progress reports (handlers/quality.py).
"""
from __future__ import annotations

import csv
import io
import re
from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import and_, func
from sqlalchemy import select as sa_select
from sqlmodel import Session

from locales import Translator
from storage.models import PLAN_MODES, Indicator, IndicatorPlan, IndicatorValue, Person, Unit

from .numbers import Ambiguous, Number, fold, format_number, parse_number
from .period import Period

MIN_CAUSE_WORDS = 4  # syllables: Vietnamese writes words as syllables ("do thời tiết" is too little)
MIN_REMEDY_WORDS = 4
# Words that promise without saying what will be done.
VAGUE = ("cố gắng", "phấn đấu", "nỗ lực", "tiếp tục", "tích cực", "tăng cường", "đẩy mạnh", "tập trung",
         "quyết liệt", "khẩn trương", "theo dõi", "khắc phục", "sẽ", "đang", "triển khai", "phối hợp", "rà soát",
         "chỉ đạo", "thực hiện", "các giải pháp", "giải pháp", "biện pháp", "có hiệu quả", "hiệu quả", "tốt hơn",
         "hơn nữa", "trong thời gian tới", "thời gian tới", "để", "nhằm", "đạt", "chỉ tiêu", "kế hoạch")
_VAGUE_FOLDED = sorted((fold(v) for v in VAGUE), key=len, reverse=True)
_LABELS = re.compile(r"(nguyên nhân|phương án bù đắp|phương án khắc phục|phương án|giải pháp bù đắp|giải pháp)\s*[:：-]\s*",
                     re.IGNORECASE)


def month_plan(plan_mode: str, target: float, plans: dict[int, float], month: int) -> float:
    """The plan for `month` (see the module docstring)."""
    if month in plans:
        return plans[month]
    if plan_mode == "monthly":
        return target / 12
    if plan_mode == "level":
        return target
    return target * month / 12


@dataclass(frozen=True)
class Assessment:
    met: bool
    shortfall: float  # ≥ 0, in the indicator's unit
    share: float | None  # shortfall / |plan|; None when the plan is 0


def assess(value: float, plan: float, higher_is_better: bool = True) -> Assessment:
    gap = (plan - value) if higher_is_better else (value - plan)
    shortfall = max(0.0, round(gap, 9))
    share = shortfall / abs(plan) if plan else None
    return Assessment(met=shortfall == 0, shortfall=shortfall, share=share)


def _concrete_words(text: str) -> int:
    folded = f" {fold(text)} "
    for vague in _VAGUE_FOLDED:
        folded = folded.replace(f" {vague} ", " ")
    return len([w for w in re.split(r"[\s,.;:()]+", folded) if any(c.isalnum() for c in w)])


def split_labelled(text: str) -> dict[str, str]:
    """"Nguyên nhân: … Phương án bù đắp: …" in one message → {"cause", "remedy"}."""
    parts = _LABELS.split(text)
    out: dict[str, str] = {}
    for label, body in zip(parts[1::2], parts[2::2], strict=False):
        key = "cause" if fold(label).startswith("nguyen nhan") else "remedy"
        out[key] = (out.get(key, "") + " " + body.strip()).strip()
    return out


@dataclass(frozen=True)
class ShortfallCheck:
    cause: str
    remedy: str
    missing: tuple[str, ...]  # ⊆ ("cause", "remedy")


def check_shortfall(cause: str, remedy: str) -> ShortfallCheck:
    """The gate for a figure below plan (see the module docstring)."""
    missing = []
    if len(cause.split()) < MIN_CAUSE_WORDS:
        missing.append("cause")
    if _concrete_words(remedy) < MIN_REMEDY_WORDS:
        missing.append("remedy")
    return ShortfallCheck(cause.strip(), remedy.strip(), tuple(missing))


# --------------------------------------------------------------------------- the month's table


@dataclass
class IndicatorRow:
    """One indicator in one month: its plan, the current figure and what it means."""
    id: int
    name: str
    measure: str
    sector: str
    unit_id: int
    unit: str
    aggregator: str
    target: float
    plan: float
    higher_is_better: bool
    source: str
    value: float | None = None
    cause: str = ""
    remedy: str = ""
    entered_by: str = ""
    entered_at: datetime | None = None
    corrections: int = 0

    @property
    def reported(self) -> bool:
        return self.value is not None

    @property
    def assessment(self) -> Assessment | None:
        return assess(self.value, self.plan, self.higher_is_better) if self.reported else None

    @property
    def state(self) -> str:
        """met | not_met | missing"""
        if not self.reported:
            return "missing"
        return "met" if self.assessment.met else "not_met"


def month_table(session: Session, year: int, month: int, *, unit_id: int | None = None,
                aggregator_id: int | None = None) -> list[IndicatorRow]:
    """Every active indicator of the year with the month's plan and current figure, in
    three queries (indicators with their plan and figure, correction counts, names),
    ordered by sector, unit, name."""
    ind, plan, val = Indicator.__table__.c, IndicatorPlan.__table__.c, IndicatorValue.__table__.c
    responsible, aggregator = Unit.__table__.alias("responsible"), Unit.__table__.alias("aggregator")
    person = Person.__table__.c
    query = (
        sa_select(ind.id, ind.name, ind.measure, ind.sector, ind.responsible_unit_id, responsible.c.name,
                  aggregator.c.name, ind.target, ind.plan_mode, plan.value, ind.higher_is_better, ind.source,
                  val.value, val.cause, val.remedy, person.full_name, val.entered_at)
        .select_from(Indicator.__table__)
        .join(responsible, responsible.c.id == ind.responsible_unit_id)
        .outerjoin(aggregator, aggregator.c.id == ind.aggregator_unit_id)
        .outerjoin(IndicatorPlan.__table__, and_(plan.indicator_id == ind.id, plan.month == month))
        .outerjoin(IndicatorValue.__table__, and_(val.indicator_id == ind.id, val.year == year, val.month == month,
                                                  val.current == True))  # noqa: E712
        .outerjoin(Person.__table__, person.id == val.person_id)
        .where(ind.year == year, ind.active == True)  # noqa: E712
    )
    corrections = (sa_select(val.indicator_id, func.count()).where(val.year == year, val.month == month,
                                                                    val.current == False)  # noqa: E712
                   .group_by(val.indicator_id))
    if unit_id is not None:
        query = query.where(ind.responsible_unit_id == unit_id)
    if aggregator_id is not None:
        query = query.where(ind.aggregator_unit_id == aggregator_id)
    rows = []
    for (iid, name, measure, sector, uid, unit, agg, target, mode, month_value, higher, source, value, cause,
         remedy, by, at) in session.execute(query):
        plans = {month: month_value} if month_value is not None else {}
        rows.append(IndicatorRow(iid, name, measure, sector, uid, unit, agg or "", target,
                                 month_plan(mode, target, plans, month), higher, source, value, cause or "",
                                 remedy or "", by or "", at))
    if rows:
        counts = dict(session.execute(corrections).all())
        for row in rows:
            row.corrections = counts.get(row.id, 0)
    rows.sort(key=lambda r: (r.sector, r.unit, r.name, r.id))
    return rows


@dataclass(frozen=True)
class Tally:
    met: int
    not_met: int
    missing: int


def tally(rows: list[IndicatorRow]) -> Tally:
    states = [r.state for r in rows]
    return Tally(states.count("met"), states.count("not_met"), states.count("missing"))


def series(session: Session, indicator: Indicator) -> list[tuple[int, float, float | None]]:
    """(month, plan, current figure or None) for the indicator's 12 months."""
    plans = {m: v for m, v in session.execute(sa_select(IndicatorPlan.month, IndicatorPlan.value)
                                              .where(IndicatorPlan.indicator_id == indicator.id))}
    values = {m: v for m, v in session.execute(
        sa_select(IndicatorValue.month, IndicatorValue.value).where(
            IndicatorValue.indicator_id == indicator.id, IndicatorValue.year == indicator.year,
            IndicatorValue.current == True))}  # noqa: E712
    return [(m, month_plan(indicator.plan_mode, indicator.target, plans, m), values.get(m)) for m in range(1, 13)]


def visible_scope(session: Session, person, is_office: bool) -> dict:
    """Which indicators a person sees in the month's table: the office everything; a
    person of an aggregating unit what it aggregates; anyone else their unit's own."""
    if is_office:
        return {}
    aggregates = session.execute(sa_select(Indicator.id).where(Indicator.aggregator_unit_id == person.unit_id)
                                 .limit(1)).first()
    return {"aggregator_id": person.unit_id} if aggregates else {"unit_id": person.unit_id}


# --------------------------------------------------------------------------- display


def fmt(value: float | None, t: Translator, measure: str = "", digits: int = 2) -> str:
    if value is None:
        return "—"
    text = format_number(value, t.lang, digits)
    if not measure:
        return text
    return text + ("%" if measure == "%" else f" {measure}")


def gap(value: float, t: Translator, measure: str) -> str:
    """A shortfall: of a rate in percentage points ("0,29 điểm %"), else in the unit."""
    return fmt(value, t) + " " + t("ind.points") if measure == "%" else fmt(value, t, measure)


def share_text(share: float | None, t: Translator) -> str:
    return "" if share is None else format_number(round(share * 100, 1), t.lang) + "%"


def row_line(t: Translator, row: IndicatorRow, *, with_unit: bool = True) -> str:
    """One indicator of the month's table on one line (or two, with cause and remedy)."""
    head = f"{row.name} ({row.unit})" if with_unit else row.name
    plan = fmt(row.plan, t, row.measure)
    if not row.reported:
        return t("ind.line_missing", name=head, plan=plan)
    a = row.assessment
    value = fmt(row.value, t, row.measure)
    if a.met:
        line = t("ind.line_met", name=head, plan=plan, value=value)
    else:
        line = t("ind.line_not_met", name=head, plan=plan, value=value, shortfall=gap(a.shortfall, t, row.measure),
                 share=share_text(a.share, t))
        line += "\n   " + t("ind.line_cause", cause=row.cause or "—", remedy=row.remedy or "—")
    if row.corrections:
        line += " " + t("ind.corrected", count=row.corrections)
    return line


def render_table(t: Translator, rows: list[IndicatorRow], year: int, month: int, limit: int = 3800) -> str:
    """The month's table as one chat message: the tally, then per sector the indicators
    not met first (with shortfall, cause and remedy), then those not reported, then those
    met; cut to `limit` characters with a pointer to the workbook."""
    label = f"{month:02d}/{year}"
    if not rows:
        return t("ind.summary_empty", month=label)
    tally_ = tally(rows)
    lines = [t("ind.summary_title", month=label),
             t("ind.summary_tally", met=tally_.met, not_met=tally_.not_met, missing=tally_.missing, total=len(rows))]
    size = sum(len(x) for x in lines)
    cut = 0
    for sector, items in group_by_sector(sorted(rows, key=_order)).items():
        block = ["", "▸ " + (sector or t("ind.no_sector"))] + ["• " + row_line(t, r) for r in items]
        for index, line in enumerate(block):
            if size + len(line) > limit:
                cut += sum(1 for x in block[index:] if x.startswith("• "))
                block = block[:index]
                break
            size += len(line) + 1
        lines += block
    if cut:
        lines.append(t("ind.summary_cut", count=cut))
    return "\n".join(lines)


def _order(row: IndicatorRow):
    """Within a sector: not met first, then missing, then met."""
    return (row.sector, {"not_met": 0, "missing": 1, "met": 2}[row.state], row.unit, row.name)


# --------------------------------------------------------------------------- import


TEMPLATE_COLUMNS = ("Tên chỉ tiêu", "Đơn vị tính", "Năm", "Chỉ tiêu năm", "Kiểu kế hoạch", "Chiều đánh giá",
                    "Cơ quan chịu trách nhiệm", "Cơ quan tổng hợp", "Ngành/lĩnh vực", "Nguồn dữ liệu",
                    "Ngày báo cáo") + tuple(f"T{m}" for m in range(1, 13))
PLAN_MODE_WORDS = {"luy ke": "cumulative", "cumulative": "cumulative", "thang": "monthly",
                   "tung thang": "monthly", "monthly": "monthly", "muc": "level", "ty le": "level",
                   "level": "level", "": "cumulative"}
DIRECTION_WORDS = {"cao hon tot": True, "cang cao cang tot": True, "tang": True, "higher": True, "": True,
                   "thap hon tot": False, "cang thap cang tot": False, "giam": False, "lower": False}
TEMPLATE_SAMPLE = (
    ("Tốc độ tăng trưởng GRDP", "%", 2026, "8,49", "mức", "cao hơn tốt", "Sở Tài chính", "Sở Tài chính",
     "Tổng hợp", "Cục Thống kê", 23, "", "", "", "", "", "", "", "", "", "", "", ""),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 2026, "2.450", "lũy kế", "cao hơn tốt", "Sở Tài chính",
     "Sở Tài chính", "Tài chính", "Thuế tỉnh, Kho bạc", 23, "150", "330", "520", "730", "940", "1.180", "1.400",
     "1.620", "1.840", "2.060", "2.260", "2.450"),
)


class ImportError_(ValueError):
    """A row that cannot be imported: `key` and `params` for the message, `line` its row."""

    def __init__(self, line: int, key: str, **params: object):
        super().__init__(key)
        self.line, self.key, self.params = line, key, params


def read_table(name: str, data: bytes) -> list[list]:
    """The rows of an .xlsx or .csv file (the header row included): text cells, and the
    numbers of a spreadsheet as numbers."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = wb.worksheets[0]
        # Numbers stay numbers: a spreadsheet's 1.234 is not text to read two ways.
        rows = [["" if c is None else c if isinstance(c, (int, float)) else str(c) for c in row]
                for row in ws.iter_rows(values_only=True)]
        wb.close()
        return rows
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _figure(cell, line: int, column: str) -> float | None:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell)
    cell = (cell or "").strip()
    if not cell:
        return None
    parsed = parse_number(cell)
    if isinstance(parsed, Ambiguous):
        # A spreadsheet number comes as "2450.0"; a typed "2.450" means thousands in a
        # Vietnamese template, as does "1,234" in an English one: grouping wins here.
        if "." in cell and "," not in cell and len(cell.split(".")[1]) == 3:
            return parsed.readings[0].bare
        raise ImportError_(line, "ind.import_ambiguous", column=column, value=cell)
    if not isinstance(parsed, Number):
        raise ImportError_(line, "ind.import_bad_number", column=column, value=cell)
    return parsed.bare


class _Cells:
    """One template row read by column name (folded), wherever the column is."""

    def __init__(self, row: list, where: dict[str, int]):
        self.row, self.where = row, where

    def value(self, col: str):
        i = self.where.get(fold(col))
        value = self.row[i] if i is not None and i < len(self.row) else ""
        return value.strip() if isinstance(value, str) else value

    def text(self, col: str) -> str:
        value = self.value(col)
        return value if isinstance(value, str) else f"{value:g}"


def parse_rows(rows: list[list], find_unit) -> list[dict]:
    """Template rows → indicator fields (units resolved by `find_unit(name)`). Raises
    ImportError_ naming the first bad row."""
    if not rows:
        raise ImportError_(1, "ind.import_empty")
    header = [fold(str(h)) for h in rows[0]]
    for col in TEMPLATE_COLUMNS[:7]:
        if fold(col) not in header:
            raise ImportError_(1, "ind.import_missing_column", column=col)
    where = {fold(col): header.index(fold(col)) for col in TEMPLATE_COLUMNS if fold(col) in header}
    out = [_parse_row(line, _Cells(row, where), find_unit)
           for line, row in enumerate(rows[1:], start=2) if any(str(c).strip() for c in row)]
    if not out:
        raise ImportError_(2, "ind.import_empty")
    return out


def _parse_row(line: int, cells: _Cells, find_unit) -> dict:
    text = cells.text
    name = text("Tên chỉ tiêu")
    if not name:
        raise ImportError_(line, "ind.import_no_name")
    try:
        year = int(float(text("Năm")))
    except ValueError:
        raise ImportError_(line, "ind.import_bad_year", value=text("Năm")) from None
    target = _figure(cells.value("Chỉ tiêu năm"), line, "Chỉ tiêu năm")
    if target is None:
        raise ImportError_(line, "ind.import_no_target", name=name)
    mode = PLAN_MODE_WORDS.get(fold(text("Kiểu kế hoạch")))
    if mode not in PLAN_MODES:
        raise ImportError_(line, "ind.import_bad_mode", value=text("Kiểu kế hoạch"))
    direction = DIRECTION_WORDS.get(fold(text("Chiều đánh giá")))
    if direction is None:
        raise ImportError_(line, "ind.import_bad_direction", value=text("Chiều đánh giá"))
    responsible = find_unit(text("Cơ quan chịu trách nhiệm"))
    if responsible is None:
        raise ImportError_(line, "ind.import_unknown_unit", name=text("Cơ quan chịu trách nhiệm") or "—")
    aggregator = None
    if text("Cơ quan tổng hợp"):
        aggregator = find_unit(text("Cơ quan tổng hợp"))
        if aggregator is None:
            raise ImportError_(line, "ind.import_unknown_unit", name=text("Cơ quan tổng hợp"))
    day_text = text("Ngày báo cáo")
    try:
        day = int(float(day_text)) if day_text else 23
    except ValueError:
        day = 0
    if not 1 <= day <= 28:
        raise ImportError_(line, "ind.import_bad_day", value=day_text)
    plans = {m: v for m in range(1, 13) if (v := _figure(cells.value(f"T{m}"), line, f"T{m}")) is not None}
    return dict(name=name, measure=text("Đơn vị tính"), year=year, target=target, plan_mode=mode,
                higher_is_better=direction, responsible=responsible, aggregator=aggregator,
                sector=text("Ngành/lĩnh vực"), source=text("Nguồn dữ liệu"), report_day=day, plans=plans)


def template_bytes(kind: str = "xlsx") -> bytes:
    """The import template with its two sample rows (GRDP growth, budget revenue)."""
    if kind == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(TEMPLATE_COLUMNS)
        writer.writerows(TEMPLATE_SAMPLE)
        return text.getvalue().encode("utf-8-sig")
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(list(TEMPLATE_COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in TEMPLATE_SAMPLE:
        ws.append(list(row))
    ws.freeze_panes = "A2"
    for i, width in enumerate((34, 12, 8, 12, 14, 14, 26, 26, 16, 22, 12), start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = width
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- workbook sheet, chart


def months_of(period: Period) -> list[tuple[int, int]]:
    out, y, m = [], period.start.year, period.start.month
    while (y, m) <= (period.end.year, period.end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def indicators_sheet(wb, session: Session, period: Period, t: Translator, *, unit_id: int | None = None) -> None:
    """"Chỉ tiêu": the period's months, one row per indicator and month."""
    from .xlsx import DATE, PERCENT, _Sheet

    sheet = _Sheet(wb, t("ind.xlsx_sheet"), [
        (t("ind.xlsx_month"), 9), (t("ind.xlsx_sector"), 16), (t("ind.xlsx_name"), 36), (t("ind.xlsx_measure"), 10),
        (t("ind.xlsx_unit"), 26), (t("ind.xlsx_aggregator"), 22), (t("ind.xlsx_target"), 12),
        (t("ind.xlsx_plan"), 12), (t("ind.xlsx_value"), 12), (t("ind.xlsx_state"), 14),
        (t("ind.xlsx_shortfall"), 12), (t("ind.xlsx_share"), 10), (t("ind.xlsx_cause"), 40),
        (t("ind.xlsx_remedy"), 40), (t("ind.xlsx_source"), 20), (t("ind.xlsx_entered_by"), 20),
        (t("ind.xlsx_entered_at"), 13), (t("ind.xlsx_corrections"), 9)])
    for year, month in months_of(period):
        for row in month_table(session, year, month, unit_id=unit_id):
            a = row.assessment
            at = row.entered_at
            entered = (at if at.tzinfo else at.replace(tzinfo=UTC)).date() if at is not None else None
            sheet.append([f"{month:02d}/{year}", row.sector, sheet.wrap(row.name), row.measure, row.unit,
                          row.aggregator, row.target, round(row.plan, 4), row.value, t(f"ind.state_{row.state}"),
                          round(a.shortfall, 4) if a and not a.met else None,
                          sheet.cell(a.share if a and not a.met else None, PERCENT),
                          sheet.wrap(row.cause), sheet.wrap(row.remedy), row.source, row.entered_by,
                          sheet.cell(entered, DATE), row.corrections])
    sheet.close()


def plan_actual_png(indicator: Indicator, points: list[tuple[int, float, float | None]], t: Translator) -> bytes:
    """Plan against actual over the year's months: the plan as a line, the figures as
    bars (red where short of plan)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4.2), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    months = [m for m, _, _ in points]
    ax.plot(months, [p for _, p, _ in points], color="#1f4e78", marker="o", label=t("ind.chart_plan"))
    reported = [(m, p, v) for m, p, v in points if v is not None]
    colors = ["#27ae60" if assess(v, p, indicator.higher_is_better).met else "#c0392b" for _, p, v in reported]
    ax.bar([m for m, _, _ in reported], [v for _, _, v in reported], color=colors, alpha=0.8,
           label=t("ind.chart_actual"))
    ax.set_xticks(range(1, 13))
    ax.set_xticklabels([f"T{m}" for m in range(1, 13)])
    ax.set_title(f"{indicator.name} — {indicator.year}" + (f" ({indicator.measure})" if indicator.measure else ""),
                 fontsize=11)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def period_of(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, monthrange(year, month)[1]))


def group_by_sector(rows: list[IndicatorRow]) -> dict[str, list[IndicatorRow]]:
    out: dict[str, list[IndicatorRow]] = defaultdict(list)
    for row in rows:
        out[row.sector].append(row)
    return out


