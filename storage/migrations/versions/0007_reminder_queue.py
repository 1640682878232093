"""the reminder sweep's schedule moves out of the task table into a queue ordered by time;
the outbox's person and task references lose their foreign keys and indexes

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reminderqueue',
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('due_at', 'task_id'),
    sqlite_with_rowid=False
    )
    op.execute("INSERT INTO reminderqueue (due_at, task_id, checked_at) "
               "SELECT next_remind_at, id, remind_checked_at FROM task WHERE next_remind_at IS NOT NULL")
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_next_remind_at'))
        batch_op.drop_column('remind_checked_at')
        batch_op.drop_column('next_remind_at')
    # The outbox references without foreign keys (see storage.models.outbox). SQLite's
    # were created unnamed: batch mode names them by this convention to drop them.
    names = {fk["constrained_columns"][0]: fk["name"] for fk in sa.inspect(op.get_bind()).get_foreign_keys("outbox")}
    convention = {"fk": "fk_%(table_name)s_%(column_0_name)s"}
    with op.batch_alter_table('outbox', naming_convention=convention) as batch_op:
        for column in ("person_id", "task_id"):
            if column in names:
                batch_op.drop_constraint(names[column] or f"fk_outbox_{column}", type_='foreignkey')
    op.drop_index('ix_outbox_person_id', table_name='outbox')
    op.drop_index('ix_outbox_task_id', table_name='outbox')


def downgrade() -> None:
    op.create_index('ix_outbox_task_id', 'outbox', ['task_id'], unique=False)
    op.create_index('ix_outbox_person_id', 'outbox', ['person_id'], unique=False)
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_foreign_key('outbox_task_id_fkey', 'task', ['task_id'], ['id'])
        batch_op.create_foreign_key('outbox_person_id_fkey', 'person', ['person_id'], ['id'])
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_remind_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('remind_checked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_task_next_remind_at'), ['next_remind_at'], unique=False)
    # A task's earliest entry, and the latest look at it.
    op.execute("UPDATE task SET next_remind_at = (SELECT min(q.due_at) FROM reminderqueue q WHERE q.task_id = task.id), "
               "remind_checked_at = (SELECT max(q.checked_at) FROM reminderqueue q WHERE q.task_id = task.id)")
    op.drop_table('reminderqueue')
