"""Index the local log by case and position: a case's state is checked against its last entry
that counts, with one indexed read, before every append (``ledger.store.cases``).

Revision ID: 0004_case_order
Revises: 0003_checkpoint_proofs
Create Date: 2026-12-02
"""

from alembic import op

revision = "0004_case_order"
down_revision = "0003_checkpoint_proofs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_log_entries_case_seq", "log_entries", ["case_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_log_entries_case_seq", table_name="log_entries")
