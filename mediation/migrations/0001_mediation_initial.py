"""Mediation projections: cases, parties, timeline; and the private party records.

Revision ID: 0001_mediation
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_mediation"
down_revision = None
branch_labels = ("mediation",)
depends_on = "0001_ledger"


def upgrade() -> None:
    op.create_table(
        "mediation_cases",
        sa.Column("case_id", sa.String(120), primary_key=True),
        sa.Column("dispute_type", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("organisation", sa.Text, nullable=False),
        sa.Column("mediator_name", sa.Text, nullable=False),
        sa.Column("mediator", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("opened_at", sa.String(24), nullable=False),
        sa.Column("updated_at", sa.String(24), nullable=False),
        sa.Column("agreement_version", sa.Integer, nullable=False),
        sa.Column("effective_at", sa.String(24), nullable=False),
    )
    op.create_table(
        "mediation_parties",
        sa.Column("case_id", sa.String(120), primary_key=True),
        sa.Column("party_id", sa.String(120), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("id_type", sa.Text, nullable=False),
        sa.Column("id_hash", sa.Text, nullable=False),
    )
    op.create_table(
        "mediation_timeline",
        sa.Column("leaf_hash", sa.LargeBinary(32), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("case_id", sa.String(120), nullable=False),
        sa.Column("type", sa.String(120), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("statement_time", sa.String(24), nullable=False),
    )
    op.create_index("ix_mediation_timeline_seq", "mediation_timeline", ["seq"])
    op.create_index("ix_mediation_timeline_case_id", "mediation_timeline", ["case_id"])
    op.create_table(
        "mediation_private_parties",
        sa.Column("case_id", sa.String(120), primary_key=True),
        sa.Column("party_id", sa.String(120), primary_key=True),
        sa.Column("id_number", sa.Text, nullable=False),
        sa.Column("salt", sa.LargeBinary(16), nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("phone", sa.Text, nullable=False),
        sa.Column("agent", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "mediation_private_parties",
        "mediation_timeline",
        "mediation_parties",
        "mediation_cases",
    ):
        op.drop_table(table)
