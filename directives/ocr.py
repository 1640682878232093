"""Scanned PDFs: pages rendered with pypdfium2 and read by Tesseract (Vietnamese data).

The text handed back carries two marks the rest of the pipeline understands:
SCAN_MARK alone on the first line says the text came from a scan, and LOW_MARK
before a line says Tesseract was unsure of it. `take_marks` removes both and
returns what they said, so the extractor reads clean text and the draft can
point the office at the lines to check against the paper.

Both the Python packages (pytesseract, pypdfium2) and the Debian packages
(tesseract-ocr, tesseract-ocr-vie) are optional: without them the reply says
what to install (OcrUnavailable), never a traceback.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from .errors import ExtractionError

SCAN_MARK = "\u2042"  # ⁂ on a line of its own: the text is the OCR of a scan
LOW_MARK = "\u2047 "  # ⁇ before a line: the words of that line were read with low confidence
LANG = "vie"
DPI = 200  # enough for 12-14 pt office type; 300 dpi costs a third more for no gain there
# A line is flagged when its words' mean confidence (0-100) is under MIN_MEAN, or when one real
# word (two letters or more; lone marks often score low when read right) is under MIN_WORD.
MIN_MEAN = 75.0
MIN_WORD = 55.0
MAX_PAGES = 30  # a scan longer than this is not a directive to read in a chat



class OcrUnavailable(ExtractionError):
    """OCR is not installed here; `missing` names what is absent (for the catalog text)."""

    def __init__(self, missing: str):
        super().__init__("document.no_ocr", missing=missing)
        self.missing = missing


@dataclass
class Marks:
    scanned: bool = False
    low_lines: list[str] = field(default_factory=list)


def _engine():
    """pytesseract and pypdfium2, or OcrUnavailable naming what is missing."""
    try:
        import pypdfium2
        import pytesseract
    except ImportError as exc:
        raise OcrUnavailable(exc.name or "pytesseract") from None
    try:
        pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, OSError):
        raise OcrUnavailable("tesseract-ocr") from None
    if LANG not in pytesseract.get_languages(config=""):
        raise OcrUnavailable("tesseract-ocr-vie")
    return pytesseract, pypdfium2


def available() -> bool:
    try:
        _engine()
    except OcrUnavailable:
        return False
    return True


def read_scanned_pdf(data: bytes) -> str:
    """The marked text of a PDF without a text layer (see the module doc)."""
    pytesseract, pdfium = _engine()
    # Tesseract's OpenMP threads fight over two cores: one thread per page is 4x faster here.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise ExtractionError("document.bad_pdf") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise ExtractionError("document.scan_too_long", pages=len(pdf), limit=MAX_PAGES)
        pages = []
        for index in range(len(pdf)):
            image = pdf[index].render(scale=DPI / 72, grayscale=True).to_pil()
            pages.append(page_text(pytesseract, image))
    finally:
        pdf.close()
    text = "\n\n".join(p for p in pages if p.strip())
    if len(re.sub(r"[\s\u2047]", "", text)) < 20:
        raise ExtractionError("document.ocr_failed")
    return f"{SCAN_MARK}\n{text}"


def page_text(pytesseract, image) -> str:
    """One page's lines, unsure lines marked.

    Lines are kept as printed, like a PDF's text layer: the normalizer rejoins them by their
    wording, which is steadier than Tesseract's block and paragraph guesses."""
    data = pytesseract.image_to_data(image, lang=LANG, output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for i, word in enumerate(data["text"]):
        if not word.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append((word.strip(), float(data["conf"][i])))
    out: list[str] = []
    for words in lines.values():
        text = " ".join(w for w, _ in words)
        out.append((LOW_MARK + text) if _doubtful(words) else text)
    return "\n".join(out)


def _doubtful(words: list[tuple[str, float]]) -> bool:
    mean = sum(c for _, c in words) / len(words)
    weakest = min((c for w, c in words if sum(map(str.isalpha, w)) >= 2), default=100.0)
    return mean < MIN_MEAN or weakest < MIN_WORD


_LOW_LINE = re.compile(r"^\u2047 ?(.*)$", re.MULTILINE)


def take_marks(text: str) -> tuple[str, Marks]:
    """The text without OCR marks, and what the marks said."""
    marks = Marks()
    if text.startswith(SCAN_MARK):
        marks.scanned = True
        text = text[len(SCAN_MARK):].lstrip("\n")
    if "\u2047" in text:
        marks.low_lines = [" ".join(m.group(1).split()) for m in _LOW_LINE.finditer(text)]
        text = _LOW_LINE.sub(r"\1", text)
    return text, marks


def uncertain(task_text: str, low_lines: list[str]) -> bool:
    """Whether a task's text came (in part) from a line Tesseract was unsure of."""
    if not low_lines:
        return False
    flat = " ".join(task_text.split())
    return any(len(line) >= 8 and (line in flat or (len(line) > 24 and line[:24] in flat)) for line in low_lines)
