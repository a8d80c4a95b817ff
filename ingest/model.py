"""Domain types of the ingest pipeline: plain stdlib dataclasses.

Every stage (read -> clean -> find -> resolve -> assemble) takes and returns
these types; nothing here knows about a database or HTTP. ``ParseResult.to_dict``
is the JSON contract printed by ``cascade parse FILE --json`` and loaded by
``cascade ingest`` (field names are fixed by issue #3; fields may be added).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Level = Literal["central", "ministry", "province", "district", "commune", "unknown"]
Relation = Literal["implements", "based_on", "cites"]
Role = Literal["lead", "support"]
DeadlineKind = Literal["once", "recurring", "continuous", "unspecified"]
AgencyKind = Literal["agency", "group"]

#: Strength order used when one referenced document is mentioned several ways:
#: the strongest relation wins (issue #3, "References").
RELATION_STRENGTH: dict[str, int] = {"implements": 3, "based_on": 2, "cites": 1}


# --------------------------------------------------------------------------- read / clean


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Output of the *read* stage: decoded text of one file, before cleaning."""

    path: str  # file name as given by the user (for error messages)
    text: str  # decoded, NFC-normalised text
    fmt: str  # "txt" | "md" | "docx" | "pdf" | "html"
    encoding: str | None = None  # detected encoding for byte formats
    sha256: str = ""  # of the original bytes, used for idempotent re-ingest
    size: int = 0  # bytes


@dataclass(frozen=True, slots=True)
class Line:
    """One cleaned line and where it starts in ``CleanDocument.text``."""

    text: str
    offset: int


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """Output of the *clean* stage: normalised text split into lines.

    ``text`` is ``"\\n".join(l.text for l in lines)``; offsets index into it.
    Markdown residue, table pipes, OCR slips and portal boilerplate are gone.
    """

    path: str
    text: str
    lines: tuple[Line, ...]
    raw: RawDocument | None = None
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------- find


@dataclass(slots=True)
class Issuer:
    """The body that issues a document, with its administrative scope."""

    name: str  # canonical full name, e.g. "Ủy ban nhân dân tỉnh Lào Cai"
    level: Level = "unknown"
    province: str | None = None  # short province name, e.g. "Lào Cai"
    district: str | None = None  # short district name, e.g. "Châu Thành"
    kind: str | None = None  # "ubnd", "tinh_uy", "ttg", "bbt", ... (issuer code)


@dataclass(slots=True)
class Signer:
    """Who signed the document and in what capacity."""

    name: str | None = None
    title: str | None = None  # "Chủ tịch", "Phó Chủ tịch", "Bí thư", ...
    on_behalf_of: str | None = None  # "TM. Ủy ban nhân dân", "KT. Chủ tịch", ...


@dataclass(slots=True)
class DocumentHeader:
    """The document's own identity: symbol, type, title, issuer, date, signer."""

    symbol: str | None  # normalised, e.g. "124/KH-UBND", "83-KH/TU"
    doc_type: str | None  # "Kế hoạch", "Quyết định", ...
    title: str | None  # trích yếu
    issuer: Issuer | None
    place: str | None
    issued_on: str | None  # ISO date "2020-04-08"
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    id: str | None = None  # deterministic graph id (see ingest.identity)


@dataclass(slots=True)
class Mention:
    """One place in the text where a document is mentioned."""

    text: str
    offset: int


@dataclass(slots=True)
class Reference:
    """A document mentioned by the parsed document."""

    symbol: str | None  # None for aliases that resolve to nothing
    doc_type: str | None
    issuer: str | None  # canonical issuer name if the text (or suffix) gives it
    issued_on: str | None
    relation: Relation = "cites"
    mentions: list[Mention] = field(default_factory=list)
    title: str | None = None
    issuer_level: Level = "unknown"
    issuer_province: str | None = None
    issuer_district: str | None = None
    year: int | None = None
    id: str | None = None  # deterministic graph id of the referenced document


@dataclass(slots=True)
class StatedEdge:
    """An edge between two *other* documents that the text states.

    e.g. "Kế hoạch số 56/KH-UBND ... của UBND tỉnh Sóc Trăng về thực hiện
    Quyết định số 142/QĐ-TTg" gives child 56/KH-UBND -> parent 142/QĐ-TTg.
    """

    child: str
    parent: str
    relation: Relation = "implements"
    child_issuer: str | None = None
    parent_issuer: str | None = None
    child_id: str | None = None
    parent_id: str | None = None


@dataclass(slots=True)
class Deadline:
    """A normalised deadline (issue #3, "Deadlines")."""

    text: str
    kind: DeadlineKind = "unspecified"
    due: str | None = None  # ISO date: end of the named period for "once"; the first one, if written, for "recurring"
    period: str | None = None  # ISO 8601 duration for "recurring": "P1Y", "P6M"


@dataclass(slots=True)
class Task:
    """One assigned duty of a plan."""

    section: str  # section path, e.g. "III.6" or "II.2.a"
    text: str
    lead: list[str] = field(default_factory=list)  # canonical agency names
    support: list[str] = field(default_factory=list)
    deadline: Deadline | None = None
    offset: int = 0
    source: str = "body"  # "body" | "appendix"
    id: str | None = None


@dataclass(slots=True)
class Agency:
    """An agency (or a collective group of agencies) named by a plan."""

    name: str  # canonical, jurisdiction-scoped: "Sở Nội vụ tỉnh Bắc Ninh"
    kind: AgencyKind = "agency"
    level: Level = "unknown"
    province: str | None = None
    district: str | None = None
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None  # canonical name of the parent body, if known
    id: str | None = None


@dataclass(slots=True)
class ReportingLine:
    """'X reports to Y (through Z), every period' (issue #3 example)."""

    from_: str
    to: str
    via: str | None = None
    period: str | None = None  # ISO 8601 duration
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape, with ``from`` instead of the Python-safe ``from_``."""
        return {"from": self.from_, "to": self.to, "via": self.via, "period": self.period, "text": self.text}


@dataclass(slots=True)
class ParseResult:
    """Everything ingest reads out of one document (the issue #3 contract)."""

    document: DocumentHeader
    references: list[Reference] = field(default_factory=list)
    stated_edges: list[StatedEdge] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    reporting: list[ReportingLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)  # path, format, sha256, size

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict of the whole result (plain values only)."""
        d = {
            "document": asdict(self.document),
            "references": [asdict(r) for r in self.references],
            "stated_edges": [asdict(e) for e in self.stated_edges],
            "tasks": [asdict(t) for t in self.tasks],
            "agencies": [asdict(a) for a in self.agencies],
            "reporting": [r.to_dict() for r in self.reporting],
            "warnings": list(self.warnings),
            "source": dict(self.source),
        }
        return d
