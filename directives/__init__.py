"""Directive text (txt, md, docx, pdf) -> tasks: who leads, who coordinates, by when.

Public API:
    read_document(path_or_bytes, filename=None) -> str
    extract_text(text, issued=None, units=None) -> Extraction
    extract_file(path, issued=None, units=None) -> Extraction
    resolve_unit(name, directory) -> (matched_name | None, score)
    ExtractionError, Extraction, DocumentInfo, ExtractedTask
"""
from .errors import ExtractionError
from .extract import extract_file, extract_text
from .model import DocumentInfo, ExtractedTask, Extraction
from .reader import read_document
from .units import resolve_unit

__all__ = ["ExtractionError", "read_document", "extract_text", "extract_file", "resolve_unit",
           "Extraction", "DocumentInfo", "ExtractedTask"]
