"""Chain sync state: the pinned log, the ingest cursor, and checkpoint alarms.

Revision ID: 0002_chain
Revises: 0001_ledger
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_chain"
down_revision = "0001_ledger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chain_pins",
        sa.Column("origin", sa.String(200), primary_key=True),
        sa.Column("log_vkey", sa.Text, nullable=False),
        sa.Column("witness_vkeys", sa.Text, nullable=False),
        sa.Column("node_vkey", sa.Text, nullable=False),
        sa.Column("pinned_at", sa.String(24), nullable=False),
        sa.Column("pinned_how", sa.String(20), nullable=False),
        sa.Column("next_index", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "checkpoint_alarms",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("kept_note", sa.Text, nullable=False),
        sa.Column("offered_note", sa.Text, nullable=False),
        sa.Column("detected_at", sa.String(24), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("checkpoint_alarms")
    op.drop_table("chain_pins")
