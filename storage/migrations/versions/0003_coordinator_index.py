"""coordinator lookups by unit: a covering (unit_id, task_id) index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('taskcoordinator', schema=None) as batch_op:
        batch_op.create_index('ix_taskcoordinator_unit_task', ['unit_id', 'task_id'], unique=False)
        batch_op.drop_index('ix_taskcoordinator_unit_id')


def downgrade() -> None:
    with op.batch_alter_table('taskcoordinator', schema=None) as batch_op:
        batch_op.create_index('ix_taskcoordinator_unit_id', ['unit_id'], unique=False)
        batch_op.drop_index('ix_taskcoordinator_unit_task')
