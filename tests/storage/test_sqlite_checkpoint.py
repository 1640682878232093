"""SQLite: commits leave the write-ahead log to the Checkpointer thread (storage/db.py)."""
from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from storage.db import Checkpointer, Database
from storage.models import Unit


def test_commits_leave_the_log_to_the_checkpointer_thread(tmp_path):
    path = tmp_path / "nhacviec.db"
    db = Database(f"sqlite:///{path}")
    try:
        db.upgrade()
        db._checkpointer.stop()  # as if it had fallen behind
        before = path.stat().st_size
        now = datetime.now(UTC)
        with db.engine.begin() as conn:  # about 2,000 pages: over SQLite's default threshold
            conn.execute(insert(Unit), [{"name": f"Đơn vị thử nghiệm số {i} " + "x" * 3000, "aliases": "",
                                         "created_at": now} for i in range(2500)])
        assert path.stat().st_size == before  # the commit did not checkpoint
        assert Path(f"{path}-wal").stat().st_size > 2000 * 4096

        checkpointer = Checkpointer(str(path), every=0.05)
        try:
            for _ in range(100):
                if path.stat().st_size > 2000 * 4096:
                    break
                time.sleep(0.05)
            assert path.stat().st_size > 2000 * 4096  # copied into the database file
        finally:
            checkpointer.stop()
        with db.session() as s:
            assert s.query(Unit).count() == 2500
    finally:
        db.dispose()
