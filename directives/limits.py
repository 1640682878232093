"""Limits on what an uploaded document may make the reader do: a .docx is a zip of XML
parts, and a small file can unpack to gigabytes (a zip bomb), hold thousands of parts,
or declare XML entities that expand exponentially; a PDF can hold thousands of pages.
These checks read only the zip's directory and the parts' first bytes, before any
parser runs. The reader then runs in a capped worker process (directives/sandbox.py).

A refusal is a FileLimitError: its catalog key and values tell the office plainly what
was wrong with the file, in their language (str() of it is the Vietnamese text, for the
CLI), as every ExtractionError does."""
from __future__ import annotations

import io
import re
import zipfile

from .errors import ExtractionError

# An upload itself: a directive's file is tens to hundreds of KB, a scan a few MB.
MAX_BYTES = 5 * 1024 * 1024
# A directive's .docx unpacks to a few MB (images included); 50 MB is far beyond any.
MAX_UNPACKED = 50 * 1024 * 1024
# Word writes a dozen to a few hundred parts (one per image, header, footer).
MAX_PARTS = 1000
# A directive runs to tens of pages; a scanned annex to a few hundred.
MAX_PDF_PAGES = 500
# A DOCTYPE (and so an entity declaration) is before the root element: in the head.
_HEAD = 64 * 1024
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class FileLimitError(ExtractionError):
    """The file is beyond a limit (catalog keys "upload.*")."""


def check_zip(data: bytes) -> None:
    """Refuse a .docx that unpacks too big, has too many parts, or declares XML entities.
    A file that is no zip at all is left to the reader (its own "cannot read" message)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise FileLimitError("upload.too_many_parts", count=len(parts), limit=MAX_PARTS)
        unpacked = sum(part.file_size for part in parts)
        if unpacked > MAX_UNPACKED:
            raise FileLimitError("upload.unpacks_too_big", size=_mb(unpacked), limit=MAX_UNPACKED // (1024 * 1024))
        for part in parts:
            if part.filename.endswith((".xml", ".rels")):
                try:
                    with archive.open(part) as stream:
                        head = stream.read(_HEAD)
                except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
                    return  # damaged: the reader says so
                if _DTD.search(head):
                    raise FileLimitError("upload.xml_entities")


def check_pdf_pages(count: int) -> None:
    if count > MAX_PDF_PAGES:
        raise FileLimitError("upload.too_many_pages", count=count, limit=MAX_PDF_PAGES)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f}"
