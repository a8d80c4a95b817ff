"""Pydantic response models: the JSON shapes of the API (Pydantic only at this edge, house rule 2).

Examples are taken from the sample corpus (``corpus/samples/``) so ``/docs``
shows what a real answer looks like.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Level = Literal["central", "ministry", "province", "district", "commune", "unknown"]
Direction = Literal["up", "down", "both"]
RoleName = Literal["lead", "support"]
DeadlineKindName = Literal["once", "recurring", "continuous", "unspecified"]
AgencyKindName = Literal["agency", "group"]

EX_85 = "85-kh-ubnd--2020--soc-trang--chau-thanh"
EX_371 = "371-kh-ubnd--2024--bac-ninh"
EX_NOI_VU = "so-noi-vu-tinh-bac-ninh"


class Model(BaseModel):
    """Base: unknown keys from the graph are ignored, so adding a property never breaks a response."""

    model_config = ConfigDict(extra="ignore")


class ErrorOut(Model):
    """Every error: one clear message."""

    detail: str = Field(examples=["document '85-kh-ubnd--2099' not found"])


class DocumentSummary(Model):
    """A document in a list or a lineage."""

    id: str = Field(examples=[EX_85])
    symbol: str | None = Field(None, examples=["85/KH-UBND"])
    doc_type: str | None = Field(None, examples=["Kế hoạch"])
    title: str | None = Field(None, examples=["Thực hiện Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng Chính phủ ..."])
    issuer: str | None = Field(None, examples=["Ủy ban nhân dân huyện Châu Thành"])
    level: str | None = Field(None, examples=["district"])
    province: str | None = Field(None, examples=["Sóc Trăng"])
    district: str | None = Field(None, examples=["Châu Thành"])
    issued_on: str | None = Field(None, examples=["2020-06-12"])
    year: int | None = Field(None, examples=[2020])
    status: str | None = Field(None, description="ingested | referenced (cited, not yet ingested)", examples=["ingested"])
    task_count: int | None = Field(None, examples=[9])


class Page(Model):
    """Pagination of a list: the order is stable, so offset+limit walks it without gaps."""

    limit: int = Field(examples=[50])
    offset: int = Field(examples=[0])
    next_offset: int | None = Field(None, description="offset of the next page, null on the last page", examples=[50])


class DocumentList(Page):
    """GET /documents."""

    items: list[DocumentSummary]


class DocumentLink(Model):
    """A reference between two documents."""

    relation: Literal["implements", "based_on", "cites"] = Field(examples=["implements"])
    target_id: str = Field(examples=["56-kh-ubnd--2020--soc-trang"])
    symbol: str | None = Field(None, examples=["56/KH-UBND"])
    doc_type: str | None = Field(None, examples=["Kế hoạch"])
    title: str | None = None
    issuer: str | None = Field(None, examples=["Ủy ban nhân dân tỉnh Sóc Trăng"])
    level: str | None = Field(None, examples=["province"])
    issued_on: str | None = Field(None, examples=["2020-05-15"])
    status: str | None = Field(None, examples=["referenced"])
    stated_by: str | None = Field(None, description="id of the document whose text states the edge", examples=[EX_85])


class TaskCounts(Model):
    """How many tasks a plan assigns, to how many agencies, by deadline kind."""

    total: int = Field(examples=[21])
    agencies: int = Field(examples=[14])
    by_deadline_kind: dict[str, int] = Field(examples=[{"continuous": 12, "once": 7, "recurring": 2}])


class DocumentDetail(DocumentSummary):
    """GET /documents/{id}."""

    place: str | None = Field(None, examples=["Châu Thành"])
    signer: str | None = None
    signer_title: str | None = Field(None, examples=["Phó Chủ tịch"])
    source_path: str | None = Field(None, examples=["85-KH-UBND_chau-thanh-soc-trang_2020.txt"])
    task_counts: TaskCounts
    references: list[DocumentLink] = Field(description="documents this one implements, is based on, or cites")
    referenced_by: list[DocumentLink] = Field(description="documents that implement, are based on, or cite this one")


class AgencyRef(Model):
    """An agency named on a task."""

    id: str = Field(examples=[EX_NOI_VU])
    name: str | None = Field(None, examples=["Sở Nội vụ tỉnh Bắc Ninh"])


class DeadlineOut(Model):
    """A normalised deadline (issue #3, "Deadlines")."""

    text: str | None = Field(None, examples=["Năm 2025"])
    kind: str | None = Field(None, examples=["once"])
    due: str | None = Field(None, examples=["2025-12-31"])
    period: str | None = Field(None, examples=[None])


class PlanTask(Model):
    """A task of a plan."""

    id: str = Field(examples=[f"{EX_371}--t001"])
    ordinal: int | None = Field(None, examples=[1])
    section: str | None = Field(None, examples=["III.6"])
    text: str | None = Field(None, examples=["Xây dựng hệ thống cơ sở dữ liệu về đội ngũ trí thức của tỉnh trên các lĩnh vực."])
    source: str | None = Field(None, examples=["appendix"])
    deadline_text: str | None = Field(None, examples=["Năm 2025"])
    deadline_kind: str | None = Field(None, examples=["once"])
    due: str | None = Field(None, examples=["2025-12-31"])
    period: str | None = None
    lead: list[AgencyRef]
    support: list[AgencyRef]


class TaskList(Page):
    """GET /documents/{id}/tasks."""

    document: DocumentSummary
    items: list[PlanTask]


class LineageNode(DocumentSummary):
    """A node of a lineage: its distance from the document and on which side."""

    depth: int = Field(description="hops from the document along the longest chain", examples=[1])
    side: Literal["self", "up", "down"] = Field(examples=["up"])


class LineageEdge(Model):
    """A typed lineage edge, in its stored direction (source carries out target)."""

    source: str = Field(examples=[EX_85])
    target: str = Field(examples=["56-kh-ubnd--2020--soc-trang"])
    type: Literal["IMPLEMENTS", "BASED_ON"] = Field(examples=["IMPLEMENTS"])


class LineageOut(Model):
    """GET /documents/{id}/lineage."""

    root: str = Field(examples=[EX_85])
    direction: Direction = Field(examples=["up"])
    depth: int = Field(examples=[10])
    nodes: list[LineageNode]
    edges: list[LineageEdge]


class AgencySummary(Model):
    """An agency or agency group."""

    id: str = Field(examples=[EX_NOI_VU])
    name: str | None = Field(None, examples=["Sở Nội vụ tỉnh Bắc Ninh"])
    kind: str | None = Field(None, examples=["agency"])
    level: str | None = Field(None, examples=["province"])
    province: str | None = Field(None, examples=["Bắc Ninh"])
    district: str | None = None
    aliases: list[str] | None = Field(None, examples=[["Sở Nội vụ"]])


class AgencyList(Page):
    """GET /agencies."""

    items: list[AgencySummary]


class AgencyDetail(AgencySummary):
    """GET /agencies/{id}."""

    lead: int = Field(examples=[4])
    support: int = Field(examples=[1])
    documents: int = Field(examples=[1])


class PlanRef(Model):
    """The plan a duty comes from."""

    id: str = Field(examples=[EX_371])
    symbol: str | None = Field(None, examples=["371/KH-UBND"])
    doc_type: str | None = Field(None, examples=["Kế hoạch"])
    title: str | None = None
    issuer: str | None = Field(None, examples=["Ủy ban nhân dân tỉnh Bắc Ninh"])
    level: str | None = Field(None, examples=["province"])
    issued_on: str | None = Field(None, examples=["2024-10-09"])


class ChainStep(Model):
    """A document the plan carries out, nearest first."""

    id: str = Field(examples=["72-ctr-tu--2024--bac-ninh"])
    symbol: str | None = Field(None, examples=["72-CTr/TU"])
    doc_type: str | None = None
    level: str | None = None
    issuer: str | None = None
    depth: int = Field(examples=[1])


class Duty(Model):
    """One task an agency leads or supports."""

    task_id: str = Field(examples=[f"{EX_371}--t004"])
    role: RoleName = Field(examples=["lead"])
    ordinal: int | None = None
    section: str | None = Field(None, examples=["II.1"])
    text: str | None = Field(None, examples=["Tiếp tục tham mưu triển khai thực hiện Quyết định số 899/QĐ-TTg ngày 31/7/2023 ..."])
    deadline: DeadlineOut
    plan: PlanRef
    chain: list[ChainStep] = Field(description="documents the plan implements, nearest first (its legal bases "
                                               "when it implements nothing)")


class DutyList(Page):
    """GET /agencies/{id}/duties."""

    agency: AgencySummary
    items: list[Duty]


class Partner(Model):
    """An agency another coordinates with."""

    id: str = Field(examples=["bao-bac-ninh"])
    name: str | None = Field(None, examples=["Báo Bắc Ninh"])
    kind: str | None = None
    level: str | None = None
    province: str | None = None
    shared_tasks: int = Field(examples=[2])
    as_lead: int = Field(description="tasks the agency leads with this partner supporting", examples=[2])
    as_support: int = Field(description="tasks the partner leads with the agency supporting", examples=[0])
    documents: list[str] = Field(examples=[[EX_371]])


class CoordinationOut(Page):
    """GET /agencies/{id}/coordination."""

    agency: AgencySummary
    items: list[Partner]


class TaskDocRef(Model):
    """The plan of a task in a search result."""

    id: str = Field(examples=[EX_371])
    symbol: str | None = Field(None, examples=["371/KH-UBND"])
    title: str | None = None


class TaskHit(Model):
    """A task in a search result."""

    id: str = Field(examples=[f"{EX_371}--t001"])
    ordinal: int | None = None
    section: str | None = Field(None, examples=["I.1"])
    text: str | None = None
    deadline: DeadlineOut
    document: TaskDocRef
    lead: list[AgencyRef]
    support: list[AgencyRef]
    role: RoleName | None = Field(None, description="the agency's role when filtered by agency")


class TaskSearch(Page):
    """GET /tasks."""

    items: list[TaskHit]


class SearchOut(Model):
    """GET /search: one box for documents, agencies and tasks."""

    q: str = Field(examples=["tri thuc"])
    documents: list[DocumentSummary]
    agencies: list[AgencySummary]
    tasks: list[TaskHit]


class HealthOut(Model):
    """GET /health."""

    status: Literal["ok", "unavailable"] = Field(examples=["ok"])
    backend: str = Field(examples=["falkordb"])
    reachable: bool = Field(examples=[True])
    schema_version: int | None = Field(None, examples=[1])
    counts: dict[str, int] = Field(examples=[{"Document": 14, "Task": 60, "Agency": 40, "nodes": 180, "edges": 400}])


class LiveOut(Model):
    """GET /health/live: the process answers (no database call)."""

    status: Literal["ok"] = "ok"


class UploadReference(Model):
    """A reference found in an uploaded document."""

    symbol: str | None = Field(None, examples=["142/QĐ-TTg"])
    relation: str = Field(examples=["implements"])
    id: str | None = Field(None, examples=["142-qd-ttg--2020"])


class UploadOut(Model):
    """POST /documents."""

    id: str = Field(examples=[EX_85])
    symbol: str | None = Field(None, examples=["85/KH-UBND"])
    doc_type: str | None = Field(None, examples=["Kế hoạch"])
    title: str | None = None
    issuer: str | None = Field(None, examples=["Ủy ban nhân dân huyện Châu Thành"])
    tasks: int = Field(examples=[9])
    agencies: int = Field(examples=[12])
    references: list[UploadReference]
    warnings: list[str]
