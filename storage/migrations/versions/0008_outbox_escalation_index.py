"""the outbox's index for the digest holds escalations only: every other push paid for an
entry no query reads

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_ESCALATIONS = sa.text("kind = 'escalation'")


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_escalation_task', ['task_id'], unique=False,
                              postgresql_where=_ESCALATIONS, sqlite_where=_ESCALATIONS)
        batch_op.drop_index('ix_outbox_kind_task')


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_kind_task', ['kind', 'task_id'], unique=False)
        batch_op.drop_index('ix_outbox_escalation_task')
