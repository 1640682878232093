"""office workflow (directive drafts, extension decisions) and server mode
(processed updates, shared rate slots, push channel preference)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('processedupdate',
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('update_id', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('channel', 'update_id')
    )
    with op.batch_alter_table('processedupdate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processedupdate_received_at'), ['received_at'], unique=False)

    op.create_table('rateslot',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('next_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    with op.batch_alter_table('directive', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=False, server_default='published'))
        batch_op.add_column(sa.Column('draft', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('published_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('created_by', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_directive_created_by', 'person', ['created_by'], ['id'])

    with op.batch_alter_table('extensionrequest', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decided_deadline', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('decision_note', sa.String(length=1000), nullable=False, server_default=''))

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('push_channels', sa.String(length=8), nullable=False, server_default='last'))


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('push_channels')

    with op.batch_alter_table('extensionrequest', schema=None) as batch_op:
        batch_op.drop_column('decision_note')
        batch_op.drop_column('decided_deadline')

    with op.batch_alter_table('directive', schema=None) as batch_op:
        batch_op.drop_constraint('fk_directive_created_by', type_='foreignkey')
        batch_op.drop_column('created_by')
        batch_op.drop_column('published_at')
        batch_op.drop_column('draft')
        batch_op.drop_column('status')

    op.drop_table('rateslot')
    with op.batch_alter_table('processedupdate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processedupdate_received_at'))
    op.drop_table('processedupdate')
