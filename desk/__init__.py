"""The desktop's Qt-free services: the network thread, the embedded node, an open profile.

``ui/`` is one client of these; tests drive them without a window.
"""
