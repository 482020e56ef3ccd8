"""Bankruptcy projections: cases, claims (indexed for the claim table's filters and sorts),
and the published claim-table versions.

Revision ID: 0001_bankruptcy
Revises:
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_bankruptcy"
down_revision = None
branch_labels = ("bankruptcy",)
depends_on = "0001_ledger"


def upgrade() -> None:
    op.create_table(
        "bankruptcy_cases",
        sa.Column("case_id", sa.String(120), primary_key=True),
        sa.Column("case_number", sa.Text, nullable=False),
        sa.Column("court", sa.Text, nullable=False),
        sa.Column("debtor_name", sa.Text, nullable=False),
        sa.Column("judge", sa.String(200), nullable=False),
        sa.Column("administrator", sa.String(200), nullable=False),
        sa.Column("administrator_name", sa.Text, nullable=False),
        sa.Column("accepted_on", sa.String(10), nullable=False),
        sa.Column("filing_ends_on", sa.String(10), nullable=False),
        sa.Column("first_meeting_on", sa.String(10), nullable=False),
        sa.Column("claims", sa.Integer, nullable=False),
        sa.Column("table_version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(24), nullable=False),
    )
    op.create_table(
        "bankruptcy_claims",
        sa.Column("case_id", sa.String(120), primary_key=True),
        sa.Column("claim_id", sa.String(120), primary_key=True),
        sa.Column("creditor", sa.String(200), nullable=False),
        sa.Column("creditor_name", sa.Text, nullable=False),
        sa.Column("creditor_kind", sa.String(20), nullable=False),
        sa.Column("nature", sa.String(30), nullable=False),
        sa.Column("claim_group", sa.String(20), nullable=False),
        sa.Column("secured", sa.Boolean, nullable=False),
        sa.Column("declared_version", sa.Integer, nullable=False),
        sa.Column("declared_fen", sa.BigInteger, nullable=False),
        sa.Column("review_version", sa.Integer, nullable=False),
        sa.Column("confirmed_fen", sa.BigInteger, nullable=True),
        sa.Column("provisional_fen", sa.BigInteger, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("late", sa.Boolean, nullable=False),
        sa.Column("objections", sa.Integer, nullable=False),
        sa.Column("declared_at", sa.String(24), nullable=False),
    )
    for name, column in (
        ("status", "status"),
        ("group", "claim_group"),
        ("declared", "declared_fen"),
        ("confirmed", "confirmed_fen"),
        ("creditor", "creditor_name"),
    ):
        op.create_index(f"ix_bankruptcy_claims_{name}", "bankruptcy_claims", ["case_id", column])
    op.create_table(
        "bankruptcy_tables",
        sa.Column("case_id", sa.String(120), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("claims", sa.Integer, nullable=False),
        sa.Column("rows_hash", sa.String(64), nullable=False),
        sa.Column("declared_fen", sa.BigInteger, nullable=False),
        sa.Column("confirmed_fen", sa.BigInteger, nullable=False),
        sa.Column("published_at", sa.String(24), nullable=False),
    )


def downgrade() -> None:
    for table in ("bankruptcy_tables", "bankruptcy_claims", "bankruptcy_cases"):
        op.drop_table(table)
