from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Column, Field, SQLModel

from .base import utcnow

# How an indicator's monthly plan reads (see office.indicators.month_plan):
# cumulative: the plan of month m is the year-to-date amount (sums toward the target);
# monthly: the plan of month m is that month's own amount;
# level: a rate or level (GRDP growth 8,49%): every month is compared with the target.
PLAN_MODES = ("cumulative", "monthly", "level")


class Indicator(SQLModel, table=True):
    """A figure a unit must report each month ("chỉ tiêu"): a year's target, optionally
    a plan per month, who answers for it and who aggregates it."""

    __table_args__ = (
        UniqueConstraint("name", "year", "responsible_unit_id", name="uq_indicator_name_year_unit"),
        Index("ix_indicator_year_unit", "year", "responsible_unit_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=255)
    measure: str = Field(default="", max_length=64)  # đơn vị tính: "%", "tỷ đồng", "tấn"
    year: int
    sector: str = Field(default="", max_length=255)  # ngành/lĩnh vực, for grouping the table
    responsible_unit_id: int = Field(foreign_key="unit.id")
    aggregator_unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    target: float
    plan_mode: str = Field(default="cumulative", max_length=16)
    higher_is_better: bool = True
    source: str = Field(default="", max_length=500)  # nguồn dữ liệu
    report_day: int = 23  # due each month before this day, as the monthly report duty
    # The responsible unit's recurring "report the figures" task (its first period's id):
    # reminders for missing figures come from the reminder sweep like any duty.
    duty_series_id: int | None = Field(default=None, foreign_key="task.id")
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class IndicatorPlan(SQLModel, table=True):
    """The plan of one month (1–12), in the indicator's plan mode."""

    indicator_id: int = Field(foreign_key="indicator.id", primary_key=True)
    month: int = Field(primary_key=True)
    value: float


class IndicatorValue(SQLModel, table=True):
    """A reported figure. Never overwritten: a correction adds a row and marks the one
    it replaces not current (with when), so every figure keeps who entered it and when."""

    __table_args__ = (
        Index("ix_indicatorvalue_month_current", "year", "month", "current", "indicator_id"),
        Index("ix_indicatorvalue_indicator", "indicator_id", "year", "month"),
    )

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id")
    year: int
    month: int
    value: float
    raw: str = Field(default="", max_length=100)  # as typed ("8,49%")
    cause: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # nguyên nhân
    remedy: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # phương án bù đắp
    person_id: int | None = Field(default=None, foreign_key="person.id")
    entered_at: datetime = Field(default_factory=utcnow)
    current: bool = True
    superseded_at: datetime | None = None
