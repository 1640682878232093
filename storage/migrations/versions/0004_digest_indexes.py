"""indexes for the office digest: coordinator deadlines, escalations in the outbox

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('taskcoordinator', schema=None) as batch_op:
        batch_op.create_index('ix_taskcoordinator_deadline', ['deadline'], unique=False)
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_kind_task', ['kind', 'task_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_kind_task')
    with op.batch_alter_table('taskcoordinator', schema=None) as batch_op:
        batch_op.drop_index('ix_taskcoordinator_deadline')
