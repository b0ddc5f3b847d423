"""The ``kabar`` command: thin click commands over the library.

* :mod:`kabar.cli.core`: the group and the corpus commands (analyze, ingest, search, show, stats,
  collect);
* :mod:`kabar.cli.knowledge`: actors, quotes, events, stories and timelines;
* :mod:`kabar.cli.ops`: serve, load, train and tag.
"""

from kabar.cli import knowledge, ops  # noqa: F401  (they register their commands on the group)
from kabar.cli.core import cli, main

__all__ = ["cli", "main"]
