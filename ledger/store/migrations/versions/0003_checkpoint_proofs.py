"""Keep the consistency proof each verified checkpoint was accepted with, so that ``log verify``
can check the kept history again offline.

Revision ID: 0003_checkpoint_proofs
Revises: 0002_chain
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_checkpoint_proofs"
down_revision = "0002_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot add columns to a table with constraints in place otherwise
    with op.batch_alter_table("checkpoints") as batch:
        batch.add_column(sa.Column("prior_size", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("consistency_proof", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("checkpoints") as batch:
        batch.drop_column("consistency_proof")
        batch.drop_column("prior_size")
