"""completion review (a lead unit's "done" waits for the office's verdict), what the
quality gate asked for in a report it sent back, the channel of a report's file, and an
index of blocked tasks

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_BLOCKED = sa.text("status = 'blocked'")


def upgrade() -> None:
    op.create_table('completionreview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('output', sa.String(length=2000), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('auto', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], ),
    sa.ForeignKeyConstraint(['report_id'], ['progressreport.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['decided_by'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('completionreview', schema=None) as batch_op:
        batch_op.create_index('ix_completionreview_status_submitted', ['status', 'submitted_at'], unique=False)
        batch_op.create_index('ix_completionreview_task', ['task_id'], unique=False)
    with op.batch_alter_table('progressreport', schema=None) as batch_op:
        batch_op.add_column(sa.Column('channel', sa.String(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('missing', sa.String(length=100), nullable=False, server_default=''))
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index('ix_task_blocked', ['lead_unit_id'], unique=False,
                              postgresql_where=_BLOCKED, sqlite_where=_BLOCKED)


def downgrade() -> None:
    # Completions still awaiting review go back to the unit's open work: before this
    # revision a task was done or not.
    op.execute("UPDATE task SET status = 'in_progress' WHERE status = 'awaiting_review'")
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index('ix_task_blocked')
    with op.batch_alter_table('progressreport', schema=None) as batch_op:
        batch_op.drop_column('missing')
        batch_op.drop_column('channel')
    with op.batch_alter_table('completionreview', schema=None) as batch_op:
        batch_op.drop_index('ix_completionreview_task')
        batch_op.drop_index('ix_completionreview_status_submitted')
    op.drop_table('completionreview')
