"""The ledger's first schema: local log, outbox, receipts, checkpoints, generic projections.

Revision ID: 0001_ledger
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_ledger"
down_revision = None
branch_labels = ("ledger",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "log_entries",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("leaf_hash", sa.LargeBinary(32), nullable=False, unique=True),
        sa.Column("entry", sa.Text, nullable=False),
        sa.Column("type", sa.String(120), nullable=False),
        sa.Column("case_id", sa.String(120), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("statement_time", sa.String(24), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("added_at", sa.String(24), nullable=False),
    )
    op.create_index("ix_log_entries_case_id", "log_entries", ["case_id"])
    op.create_table(
        "outbox",
        sa.Column(
            "leaf_hash",
            sa.LargeBinary(32),
            sa.ForeignKey("log_entries.leaf_hash"),
            primary_key=True,
        ),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("attempts", sa.BigInteger, nullable=False),
        sa.Column("chain_index", sa.BigInteger, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("updated_at", sa.String(24), nullable=False),
    )
    op.create_index("ix_outbox_state", "outbox", ["state"])
    op.create_table(
        "receipts",
        sa.Column(
            "leaf_hash",
            sa.LargeBinary(32),
            sa.ForeignKey("log_entries.leaf_hash"),
            primary_key=True,
        ),
        sa.Column("chain_index", sa.BigInteger, nullable=False),
        sa.Column("checkpoint_size", sa.BigInteger, nullable=False),
        sa.Column("on_chain_time", sa.String(24), nullable=False),
        sa.Column("receipt", sa.Text, nullable=False),
    )
    op.create_table(
        "checkpoints",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.String(200), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("root_hash", sa.LargeBinary(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("verified_at", sa.String(24), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
    )
    op.create_table(
        "identities",
        sa.Column("actor", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("leaf_hash", sa.LargeBinary(32), nullable=False),
    )
    op.create_table(
        "deposited_documents",
        sa.Column("leaf_hash", sa.LargeBinary(32), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("case_id", sa.String(120), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("statement_time", sa.String(24), nullable=False),
    )
    op.create_index("ix_deposited_documents_sha256", "deposited_documents", ["sha256"])


def downgrade() -> None:
    for table in (
        "deposited_documents",
        "identities",
        "checkpoints",
        "receipts",
        "outbox",
        "log_entries",
    ):
        op.drop_table(table)
