"""at risk ("nguy cơ chậm") stored on the task; a coordinator's answer and how late it
came; undated tasks queued for the sweep (their monthly report reminders)

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-04
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_AT_RISK = sa.text("at_risk <> ''")


def upgrade() -> None:
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('at_risk', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('at_risk_since', sa.Date(), nullable=True))
        batch_op.create_index('ix_task_at_risk', ['at_risk'], unique=False,
                              postgresql_where=_AT_RISK, sqlite_where=_AT_RISK)
    with op.batch_alter_table('taskcoordinator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('late_days', sa.Integer(), nullable=True))
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.alter_column('at_risk', server_default=None)
    _backfill()


def _backfill() -> None:
    """Coordinators who answered already (their first accepted report, lateness by the
    calendar day in UTC+7), and open undated tasks queued for the sweep."""
    bind = op.get_bind()
    stamp = sa.DateTime(timezone=True)
    answers = bind.execute(sa.text(
        "SELECT c.task_id, c.unit_id, c.deadline, min(r.created_at) FROM taskcoordinator c "
        "JOIN progressreport r ON r.task_id = c.task_id AND r.unit_id = c.unit_id AND r.accepted "
        "GROUP BY c.task_id, c.unit_id, c.deadline").columns(
            sa.column('task_id'), sa.column('unit_id'), sa.column('deadline', sa.Date()),
            sa.column('answered', stamp))).all()
    update = sa.text("UPDATE taskcoordinator SET answered_at = :at, late_days = :late "
                     "WHERE task_id = :task AND unit_id = :unit").bindparams(sa.bindparam('at', type_=stamp))
    for task_id, unit_id, deadline, answered in answers:
        if answered.tzinfo is None:
            answered = answered.replace(tzinfo=UTC)
        local = (answered + (datetime(2000, 1, 1, 7) - datetime(2000, 1, 1))).date()
        late = max(0, (local - deadline).days) if deadline else 0
        bind.execute(update, {"at": answered, "late": late, "task": task_id, "unit": unit_id})
    now = datetime.now(UTC)
    ids = bind.execute(sa.text("SELECT id FROM task WHERE deadline IS NULL AND recurrence IS NULL "
                               "AND status IN ('open', 'in_progress', 'blocked')")).scalars().all()
    insert = sa.text("INSERT INTO reminderqueue (due_at, task_id) VALUES (:at, :task)").bindparams(
        sa.bindparam('at', type_=stamp))
    for task_id in ids:
        bind.execute(insert, {"at": now, "task": task_id})


def downgrade() -> None:
    with op.batch_alter_table('taskcoordinator', schema=None) as batch_op:
        batch_op.drop_column('late_days')
        batch_op.drop_column('answered_at')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index('ix_task_at_risk', postgresql_where=_AT_RISK, sqlite_where=_AT_RISK)
        batch_op.drop_column('at_risk_since')
        batch_op.drop_column('at_risk')
