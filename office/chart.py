"""The KPI chart: on-time rate per unit for a period, a horizontal bar chart as PNG.

Built with matplotlib's object API and the Agg canvas (no pyplot, no global state),
so handlers may draw in worker threads at the same time."""
from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from locales import Translator
from presentation.render import shorten

from .summary import UnitSummary

# Beyond this many units the chart shows the lowest and the highest half each.
MAX_UNITS = 40
_RED, _ORANGE, _GREEN = "#c0392b", "#e67e22", "#27ae60"


def _color(rate: float) -> str:
    return _RED if rate < 0.5 else _ORANGE if rate < 0.8 else _GREEN


def chart_rows(rows: list[UnitSummary], max_units: int = MAX_UNITS) -> tuple[list[UnitSummary], int]:
    """Units with a KPI (something came due), lowest rate first; when there are too
    many, the lowest and the highest `max_units // 2` each. Returns (rows, how many
    had a KPI)."""
    rated = sorted((r for r in rows if r.kpi_base), key=lambda r: (r.kpi, -r.kpi_base, r.unit))
    if len(rated) <= max_units:
        return rated, len(rated)
    half = max_units // 2
    return rated[:half] + rated[-half:], len(rated)


def kpi_figure(rows: list[UnitSummary], period_label: str, t: Translator, *,
               max_units: int = MAX_UNITS) -> Figure:
    shown, rated = chart_rows(rows, max_units)
    height = max(3.0, 0.42 * len(shown) + 1.6)
    fig = Figure(figsize=(10, height), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    title = t("summary.chart_title", period=period_label)
    if not shown:
        ax.axis("off")
        ax.text(0.5, 0.5, t("summary.chart_empty", period=period_label), ha="center", va="center", fontsize=13,
                transform=ax.transAxes)
        fig.suptitle(title, fontsize=14)
        return fig
    if len(shown) < rated:
        title += "\n" + t("summary.chart_subset", half=len(shown) // 2, total=rated)
        # Where the lowest half ends and the highest begins (the middle units are left out).
        ax.axhline(len(shown) // 2 - 0.5, color="#666666", linewidth=1, linestyle=":")
    # barh draws the first row at the bottom: lowest rate at the bottom, best on top.
    positions = list(range(len(shown)))
    kpis = [r.kpi or 0.0 for r in shown]  # every row shown has a KPI (chart_rows)
    rates = [k * 100 for k in kpis]
    ax.barh(positions, rates, color=[_color(k) for k in kpis], height=0.65)
    ax.set_yticks(positions, labels=[shorten(r.unit, 42) for r in shown])
    for y, row, rate in zip(positions, shown, rates, strict=False):
        label = f"{round(rate)}% ({row.done_on_time}/{row.kpi_base})"
        if row.at_risk:  # the next ones to turn late (reminders.risk)
            label += " · " + t("summary.chart_at_risk", count=row.at_risk)
        ax.text(rate + 1.5, y, label, va="center", fontsize=9, color=_ORANGE if row.at_risk else "black")
    ax.set_xlim(0, 118)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    ax.set_xticks([0, 20, 40, 60, 80, 100], labels=["0%", "20%", "40%", "60%", "80%", "100%"])
    ax.axvline(100, color="#999999", linewidth=0.8, linestyle="--")
    ax.set_xlabel(t("summary.chart_axis"))
    ax.set_title(title, fontsize=13)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def kpi_png(rows: list[UnitSummary], period_label: str, t: Translator) -> bytes:
    return png(kpi_figure(rows, period_label, t))


def figure_texts(fig: Figure) -> list[str]:
    """Every text drawn on the figure (titles, tick labels, bar labels): what a reader sees."""
    return [x.get_text() for x in fig.findobj(Text) if x.get_text()]
