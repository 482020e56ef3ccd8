"""The reference judicial chain node (PROTOCOL.md; docs/protocol.md has every wire detail).

Qt-free. Public entry points: ``chain_node.cli.main`` (``python main.py node ...`` /
``python -m chain_node ...``), ``chain_node.server.serve`` (in-process, asyncio) and
``chain_node.server.EmbeddedNode`` (a node on a background thread, for the desktop app).
"""

NODE_VERSION = "jcdesk-node/0.1"
