"""The desk's read API: what the UI shows, read from the profile's store as frozen values.

``ui/`` never writes SQL, never names a store table model and never folds the log: it calls the
typed functions here, each of which opens one short session and returns plain frozen
dataclasses (or a copy of a case's state, from ``mediation.services.load``). One module per
concern:

- ``entries``: log entries with their chain status (the one chain-status query), a case's
  entries in log order without those the node rejected, the pinned node key;
- ``chain``: the Chain page's outbox (every entry signed here, rejected ones with the node's
  reason), the verified checkpoints, the alarms;
- ``cases``: the cases a domain's statements name, for a module's placeholder page;
- ``directory``: whose key is whose (local enrolments and earlier parties; the node's list);
- ``mediation``: the mediation case list, one case as its pages show it, the private details
  of its parties and what its PDFs cite.

The Verify page has its own read module, ``desk.verify.records``. Reads of a case's entries can
be slow in a large case: the UI runs them off the GUI thread (``ui.ops.Op``).

Qt-free, like all of ``desk``.
"""
