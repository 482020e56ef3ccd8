"""``python -m chain_node ...`` is ``python main.py node ...``."""

import sys

from chain_node.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
