"""A small streaming .xlsx writer for the office's exports: text, numbers, dates and a
handful of styles, a header row frozen with an autofilter, column widths, the title and
author. The workbook is SpreadsheetML (ECMA-376) written as text: openpyxl, even in
write-only mode, spent about 40 µs a cell building and styling cell objects — 12 s for
a month of 100,000 tasks, where this takes about one.

    book = Book(title="…", creator="Nhắc Việc")
    sheet = book.sheet("Nhiệm vụ", [("Số", 8), ("Nội dung", 60)])
    sheet.append([12, Styled("Rà soát…", WRAP)])
    data = book.save()
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime
from typing import NamedTuple
from xml.sax.saxutils import escape

# Style indexes (cellXfs in styles.xml below).
HEADER, WRAP, DATE, PERCENT, BOLD, BOLD_PERCENT, DATETIME = 1, 2, 3, 4, 5, 6, 7
MAX_CELL = 32000  # Excel's limit is 32,767 characters a cell
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = date(1899, 12, 30).toordinal()  # Excel's day 0 (with its 1900 leap-year quirk)
_MARKUP = re.compile(r"[&<>]")


class Styled(NamedTuple):
    value: object
    style: int


def _column(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    value = value[:MAX_CELL]
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
    return escape(value) if _MARKUP.search(value) else value


def _cell(value, style: int = 0) -> str:
    """One <c> element. No cell reference: cells follow each other in their row (every
    position gets an element, an empty one for no value)."""
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f"<c{s}/>"
    kind = type(value)
    if kind is str:
        return f'<c{s} t="inlineStr"><is><t xml:space="preserve">{_text(value)}</t></is></c>'
    if kind is bool:
        return f'<c{s} t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        return f"<c{s}><v>{value!r}</v></c>"
    if kind is date:
        return f"<c{s}><v>{value.toordinal() - _EPOCH}</v></c>"
    if kind is datetime:
        moment = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
        days = moment.toordinal() - _EPOCH + (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400
        return f"<c{s}><v>{days!r}</v></c>"
    return _cell(str(value), style)


class Sheet:
    def __init__(self, title: str, columns: list[tuple[str, float]]):
        self.title = title[:31]
        self.widths = [width for _, width in columns]
        self.rows: list[str] = []
        self.append([Styled(name, HEADER) for name, _ in columns])

    def append(self, values: list) -> None:
        cells = "".join(_cell(v.value, v.style) if type(v) is Styled else _cell(v) for v in values)
        self.rows.append(f'<row r="{len(self.rows) + 1}">{cells}</row>')

    def xml(self) -> str:
        last = f"{_column(len(self.widths))}{len(self.rows)}"
        cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(self.widths, 1))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '<sheetViews><sheetView workbookViewId="0">'
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
                f"<cols>{cols}</cols><sheetData>{''.join(self.rows)}</sheetData>"
                f'<autoFilter ref="A1:{last}"/></worksheet>')


class Book:
    def __init__(self, *, title: str = "", creator: str = ""):
        self.title, self.creator = title, creator
        self.sheets: list[Sheet] = []

    def sheet(self, title: str, columns: list[tuple[str, float]]) -> Sheet:
        sheet = Sheet(title, columns)
        self.sheets.append(sheet)
        return sheet

    def save(self) -> bytes:
        out = io.BytesIO()
        # Level 1: a few percent bigger than the default, a third of its time.
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr("[Content_Types].xml", self._content_types())
            archive.writestr("_rels/.rels", _ROOT_RELS)
            archive.writestr("docProps/core.xml", self._core())
            archive.writestr("xl/workbook.xml", self._workbook())
            archive.writestr("xl/_rels/workbook.xml.rels", self._workbook_rels())
            archive.writestr("xl/styles.xml", _STYLES)
            for i, sheet in enumerate(self.sheets, 1):
                archive.writestr(f"xl/worksheets/sheet{i}.xml", sheet.xml().encode("utf-8"))
        return out.getvalue()

    def _content_types(self) -> str:
        sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                         f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                         for i in range(1, len(self.sheets) + 1))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                '<Override PartName="/xl/styles.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                '<Override PartName="/docProps/core.xml" ContentType="application/'
                'vnd.openxmlformats-package.core-properties+xml"/>'
                f"{sheets}</Types>")

    def _core(self) -> str:
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:title>{escape(self.title)}</dc:title><dc:creator>{escape(self.creator)}</dc:creator>"
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>')

    def _workbook(self) -> str:
        sheets = "".join(f'<sheet name="{escape(s.title, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                         for i, s in enumerate(self.sheets, 1))
        names = "".join(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                        f"'{escape(s.title)}'!$A$1:${_column(len(s.widths))}${len(s.rows)}</definedName>"
                        for i, s in enumerate(self.sheets))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f"<sheets>{sheets}</sheets><definedNames>{names}</definedNames></workbook>")

    def _workbook_rels(self) -> str:
        rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, len(self.sheets) + 1))
        styles = len(self.sheets) + 1
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'{rels}<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/styles" Target="styles.xml"/></Relationships>')


_ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'officeDocument" Target="xl/workbook.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
              'core-properties" Target="docProps/core.xml"/></Relationships>')

# Fonts: 0 normal, 1 bold, 2 bold white (header). Fills: 0 none, 1 gray125 (both
# required), 2 the header's blue. Number formats: 164 dd/mm/yyyy, 165 dd/mm/yyyy hh:mm,
# 9 (built in) 0%.
_STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
           '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
           '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
           '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font></fonts>'
           '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
           '</fill><fill><patternFill patternType="solid"><fgColor rgb="FF1F4E78"/><bgColor indexed="64"/>'
           '</patternFill></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="8">'
           '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="2" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" '
           'applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
           '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
           '<alignment vertical="top" wrapText="1"/></xf>'
           '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
           'applyAlignment="1"><alignment vertical="top"/></xf>'
           '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           '<xf numFmtId="9" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>'
           '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
           'applyAlignment="1"><alignment vertical="top"/></xf>'
           '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           '</styleSheet>')
