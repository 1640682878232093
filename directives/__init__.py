"""Directive text (txt, md, docx, pdf) -> tasks: who leads, who coordinates, by when.

Public API:
    read_document(path_or_bytes, filename=None) -> str
    extract_text(text, issued=None, units=None) -> Extraction
    extract_file(path, issued=None, units=None) -> Extraction
    resolve_unit(name, directory) -> (matched_name | None, score)
    ExtractionError, Extraction, DocumentInfo, ExtractedTask
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .errors import ExtractionError
    from .extract import extract_file, extract_text
    from .model import DocumentInfo, ExtractedTask, Extraction
    from .reader import read_document
    from .units import resolve_unit

__all__ = ["ExtractionError", "read_document", "extract_text", "extract_file", "resolve_unit",
           "Extraction", "DocumentInfo", "ExtractedTask"]

# Each name loads its module when first asked for (PEP 562): a process that only resolves
# unit names (the chat's summaries) does not carry the whole extraction engine.
_HOMES = {"ExtractionError": "errors", "extract_file": "extract", "extract_text": "extract",
          "DocumentInfo": "model", "ExtractedTask": "model", "Extraction": "model",
          "read_document": "reader", "resolve_unit": "units"}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value
