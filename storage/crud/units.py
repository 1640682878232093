from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from sqlmodel import Session, select

from storage.models import Unit, nfc

from . import audit


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def name_key(name: str) -> str:
    """How names are compared: case, spacing and Unicode form do not matter."""
    return _key(name)


def unit_index(session: Session) -> dict[str, Unit]:
    """Every unit under its name and each alias, keyed case- and space-insensitively."""
    index: dict[str, Unit] = {}
    for unit in session.exec(select(Unit)):
        _index_unit(index, unit)
    return index


def _index_unit(index: dict[str, Unit], unit: Unit) -> None:
    for alias in unit.alias_list:
        index.setdefault(_key(alias), unit)
    index[_key(unit.name)] = unit  # a name wins over another unit's alias


def find_unit(session: Session, name: str, index: dict[str, Unit] | None = None) -> Unit | None:
    """Exact name first, then an alias; case and spacing do not matter."""
    name = nfc(name).strip()
    if index is not None:
        return index.get(_key(name))
    unit = session.exec(select(Unit).where(Unit.name == name)).first()
    return unit or unit_index(session).get(_key(name))


def create_unit(session: Session, name: str, aliases: Iterable[str] = (), parent: Unit | None = None,
                *, actor: str = "cli") -> Unit:
    unit = Unit(name=nfc(name).strip(), aliases=";".join(nfc(a).strip() for a in aliases if a.strip()),
                parent_id=parent.id if parent else None)
    session.add(unit)
    session.flush()
    audit.log(session, "unit.create", "unit", unit.id, actor=actor, name=unit.name)
    return unit


def add_alias(session: Session, unit: Unit, alias: str) -> None:
    """Another name the unit is known by (a directive's wording, mapped by the office)."""
    unit.aliases = ";".join(unit.alias_list + [nfc(alias).strip()])[:1000]
    session.add(unit)


def list_units(session: Session) -> list[Unit]:
    return list(session.exec(select(Unit).order_by(Unit.name)))


class UnitsFileError(ValueError):
    pass


def import_units_csv(session: Session, path: Path, *, actor: str = "cli") -> tuple[int, int]:
    """Columns: name, aliases (separated by ';'), parent. Returns (created, updated).

    Parents may appear after their children in the file: rows are created first
    and linked in a second pass."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnitsFileError("units.csv_encoding") from exc
    rows = list(csv.DictReader(text.splitlines()))
    if not rows or "name" not in (rows[0].keys() if rows else []):
        raise UnitsFileError("units.csv_columns")
    created = updated = 0
    index = unit_index(session)
    pending_parents: list[tuple[Unit, str]] = []
    for row in rows:
        name = nfc((row.get("name") or "").strip())
        if not name:
            continue
        aliases = [a.strip() for a in nfc(row.get("aliases") or "").split(";") if a.strip()]
        unit = find_unit(session, name, index)
        if unit is None:
            unit = create_unit(session, name, aliases, actor=actor)
            _index_unit(index, unit)
            created += 1
        else:
            merged = list(dict.fromkeys(unit.alias_list + aliases))
            if merged != unit.alias_list:
                unit.aliases = ";".join(merged)
                _index_unit(index, unit)
                audit.log(session, "unit.update", "unit", unit.id, actor=actor, aliases=unit.aliases)
                updated += 1
        parent = nfc((row.get("parent") or "").strip())
        if parent:
            pending_parents.append((unit, parent))
    session.flush()
    for unit, parent_name in pending_parents:
        parent_unit = find_unit(session, parent_name, index)
        if parent_unit is None:
            parent_unit = create_unit(session, parent_name, actor=actor)
            _index_unit(index, parent_unit)
            created += 1
        if unit.parent_id != parent_unit.id and parent_unit.id != unit.id:
            unit.parent_id = parent_unit.id
    session.flush()
    return created, updated
