"""What every domain shares, Qt-free: typed statements and their parsing helpers, participants
and their sealed personal details, prepared and checked statements, the PDF machinery, money.

A domain package (mediation, bankruptcy) is built on these; ``ui/`` adds the widgets.
"""
