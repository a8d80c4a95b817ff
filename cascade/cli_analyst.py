"""Analyst commands of the ``cascade`` CLI: ``query`` and ``export`` (issue #5).

``register(app)`` is called by ``cascade.cli`` to attach the commands.
"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the analyst commands to the main Typer app (filled in by issue #5)."""
    return None
