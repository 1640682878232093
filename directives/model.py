"""Result types of an extraction and the JSON contract other parts rely on."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class DocumentInfo:
    number: str | None = None
    issuer: str | None = None
    issued: date | None = None
    title: str | None = None
    scanned: bool = False  # the text was read by OCR from a scan

    def to_contract(self) -> dict:
        return {"number": self.number, "issuer": self.issuer,
                "issued": self.issued.isoformat() if self.issued else None, "title": self.title,
                "scanned": self.scanned}


def contract_recurrence(recurrence: str | None) -> str | None:
    """The cadence as the contract (eval/GUIDELINES.md) names it: "weekly", "monthly", "monthly:23",
    "quarterly", "yearly" or null. A daily duty ("báo cáo trước 16 giờ hằng ngày") has no cadence there;
    the product still reminds it every day from ExtractedTask.recurrence."""
    if recurrence in ("weekly", "monthly", "quarterly", "yearly") or (recurrence or "").startswith("monthly:"):
        return recurrence
    return None


@dataclass
class ExtractedTask:
    lead: str
    coordinators: list[str] = field(default_factory=list)
    deadline: date | None = None
    recurrence: str | None = None
    text: str = ""
    summary: str = ""
    output: str | None = None
    section: str | None = None
    lead_unit: str | None = None
    unknown_units: list[str] = field(default_factory=list)
    uncertain: bool = False  # part of its text came from a scanned line OCR was unsure of

    def to_contract(self) -> dict:
        return {"lead": self.lead, "coordinators": list(self.coordinators),
                "deadline": self.deadline.isoformat() if self.deadline else None,
                "recurrence": contract_recurrence(self.recurrence), "text": self.text, "summary": self.summary,
                "output": self.output, "uncertain": self.uncertain}


@dataclass
class Extraction:
    document: DocumentInfo
    tasks: list[ExtractedTask] = field(default_factory=list)

    def to_contract(self) -> dict:
        return {"document": self.document.to_contract(), "tasks": [t.to_contract() for t in self.tasks]}
