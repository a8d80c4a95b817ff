"""Agency recognition and canonicalisation, scoped by the issuing document's jurisdiction."""

from __future__ import annotations

from ingest.model import Agency, Issuer


class AgencyRegistry:
    """Canonicalises agency mentions for one document and remembers what it saw."""

    def __init__(self, issuer: Issuer | None) -> None:
        self.issuer = issuer
        self._seen: dict[str, Agency] = {}

    def resolve(self, mention: str) -> Agency | None:
        """Return the canonical Agency (or group) for ``mention``, or None if it names no agency."""
        return None

    def agencies(self) -> list[Agency]:
        """Return every agency resolved so far, with the spellings seen as aliases."""
        return list(self._seen.values())
