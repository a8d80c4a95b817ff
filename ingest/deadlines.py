"""Deadline normalisation: "quý II năm 2020" -> once, due 2020-06-30; "Hằng năm" -> recurring P1Y."""

from __future__ import annotations

from ingest.model import Deadline


def parse_deadline(text: str, default_year: int | None = None) -> Deadline | None:
    """Return the normalised Deadline written in ``text``, or None if it names none."""
    return None
