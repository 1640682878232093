"""tasks given to named officials (taskassignment); monthly indicators: the indicator, its
monthly plan and every reported figure with its corrections

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('measure', sa.String(length=64), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('sector', sa.String(length=255), nullable=False),
    sa.Column('responsible_unit_id', sa.Integer(), nullable=False),
    sa.Column('aggregator_unit_id', sa.Integer(), nullable=True),
    sa.Column('target', sa.Float(), nullable=False),
    sa.Column('plan_mode', sa.String(length=16), nullable=False),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=500), nullable=False),
    sa.Column('report_day', sa.Integer(), nullable=False),
    sa.Column('duty_series_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['aggregator_unit_id'], ['unit.id'], ),
    sa.ForeignKeyConstraint(['duty_series_id'], ['task.id'], ),
    sa.ForeignKeyConstraint(['responsible_unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name', 'year', 'responsible_unit_id', name='uq_indicator_name_year_unit')
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_aggregator_unit_id'), ['aggregator_unit_id'], unique=False)
        batch_op.create_index('ix_indicator_year_unit', ['year', 'responsible_unit_id'], unique=False)

    op.create_table('taskassignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('assigned_by', sa.Integer(), nullable=True),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_reason', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['assigned_by'], ['person.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('taskassignment', schema=None) as batch_op:
        batch_op.create_index('ix_taskassignment_person_active', ['person_id', 'active'], unique=False)
        batch_op.create_index('ix_taskassignment_task_active', ['task_id', 'active', 'person_id', 'unit_id'],
                              unique=False)

    op.create_table('indicatorplan',
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], ),
    sa.PrimaryKeyConstraint('indicator_id', 'month')
    )
    op.create_table('indicatorvalue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('raw', sa.String(length=100), nullable=False),
    sa.Column('cause', sa.Text(), nullable=False),
    sa.Column('remedy', sa.Text(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('indicatorvalue', schema=None) as batch_op:
        batch_op.create_index('ix_indicatorvalue_indicator', ['indicator_id', 'year', 'month'], unique=False)
        batch_op.create_index('ix_indicatorvalue_month_current', ['year', 'month', 'current', 'indicator_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('indicatorvalue', schema=None) as batch_op:
        batch_op.drop_index('ix_indicatorvalue_month_current')
        batch_op.drop_index('ix_indicatorvalue_indicator')

    op.drop_table('indicatorvalue')
    op.drop_table('indicatorplan')
    with op.batch_alter_table('taskassignment', schema=None) as batch_op:
        batch_op.drop_index('ix_taskassignment_task_active')
        batch_op.drop_index('ix_taskassignment_person_active')

    op.drop_table('taskassignment')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index('ix_indicator_year_unit')
        batch_op.drop_index(batch_op.f('ix_indicator_aggregator_unit_id'))

    op.drop_table('indicator')
