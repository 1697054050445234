"""``python -m frontwatch``: the same as the ``frontwatch`` command."""

from frontwatch.cli import run

run()
