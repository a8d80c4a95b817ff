"""JSON routes of the API (issue #4). Handlers are thin: validate, call ``api.service``, wrap.

Examples in the parameters come from the sample corpus, so ``/docs`` can be
tried as is against ``make demo``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool

from api import models, pages, service
from api.cache import answer
from api.deps import ApiKeyDep, GraphDep, ReadKeyDep, SettingsDep, wants_html
from cascade.loader import LoadError
from ingest import IngestError

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": models.ErrorOut, "description": "Unknown id"},
    422: {"model": models.ErrorOut, "description": "Invalid parameter"},
    503: {"model": models.ErrorOut, "description": "Graph database unavailable"},
}
HTML_TOO = {200: {"content": {"text/html": {}}, "description": "JSON, or the HTML page when the client prefers text/html"}}

DOC_ID = Annotated[str, Path(max_length=300, description="document id (see ingest.identity.document_id)",
                             openapi_examples={
                                 "district plan": {"summary": "85/KH-UBND, huyện Châu Thành, Sóc Trăng",
                                                   "value": "85-kh-ubnd--2020--soc-trang--chau-thanh"},
                                 "provincial plan": {"summary": "371/KH-UBND, tỉnh Bắc Ninh",
                                                     "value": "371-kh-ubnd--2024--bac-ninh"},
                                 "decision": {"summary": "142/QĐ-TTg (referenced)", "value": "142-qd-ttg--2020"}})]
AGENCY_ID = Annotated[str, Path(max_length=300, description="agency id (slug of the canonical name)",
                                openapi_examples={
                                    "department": {"summary": "Sở Nội vụ tỉnh Bắc Ninh", "value": "so-noi-vu-tinh-bac-ninh"},
                                    "union": {"summary": "Liên hiệp các Hội KH&KT tỉnh Bắc Ninh",
                                              "value": "lien-hiep-cac-hoi-khoa-hoc-va-ky-thuat-tinh-bac-ninh"}})]
LIMIT = Annotated[int, Query(ge=1, le=500, description="page size")]
OFFSET = Annotated[int, Query(ge=0, le=1_000_000, description="rows to skip (stable order)")]
SEARCH_OFFSET = Annotated[int, Query(ge=0, le=10_000, description="rows to skip (stable order; search pages go 10,000 deep)")]
LEVEL = Annotated[models.Level | None, Query(description="administrative level",
                                             openapi_examples={"province": {"value": "province"},
                                                               "district": {"value": "district"}})]
DUE_BEFORE = Annotated[dt.date | None, Query(description="only tasks due strictly before this ISO date",
                                             openapi_examples={"end of 2025": {"value": "2025-12-31"}})]
KIND = Annotated[models.DeadlineKindName | None, Query(description="deadline kind",
                                                       openapi_examples={"recurring": {"value": "recurring"},
                                                                         "continuous": {"value": "continuous"}})]
TEXT = Annotated[str | None, Query(max_length=300)]

router = APIRouter(dependencies=[ReadKeyDep], responses=ERRORS)


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """Return the page fields for ``items`` fetched with ``limit + 1`` (the extra row only says there is more)."""
    return {"items": items[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) > limit else None}


def _doc_or_404(graph: Any, doc_id: str) -> dict[str, Any]:
    doc = service.get_document(graph, doc_id)
    if doc is None:
        raise HTTPException(404, f"document {doc_id!r} not found; search with GET /documents?symbol=...")
    return doc


def _agency_or_404(graph: Any, agency_id: str, counts: bool = False) -> dict[str, Any]:
    agency = service.get_agency(graph, agency_id) if counts else service.agency_summary(graph, agency_id)
    if agency is None:
        raise HTTPException(404, f"agency {agency_id!r} not found; search with GET /agencies?q=...")
    return agency


# --------------------------------------------------------------------------- documents


@router.get("/documents", response_model=models.DocumentList, tags=["documents"])
def list_documents(
    graph: GraphDep,
    symbol: Annotated[str | None, Query(max_length=100, description="exact symbol; spaces, case and accents ignored",
                                        openapi_examples={"with a space": {"value": "85 /KH-UBND"},
                                                          "party": {"value": "83-KH/TU"}})] = None,
    issuer: Annotated[str | None, Query(max_length=200, description="issuer name, accents and abbreviations optional",
                                        openapi_examples={"accent-free": {"value": "uy ban nhan dan tinh bac ninh"},
                                                          "abbreviated": {"value": "UBND tỉnh Lào Cai"}})] = None,
    level: LEVEL = None,
    province: Annotated[str | None, Query(max_length=100, openapi_examples={"Sóc Trăng": {"value": "Sóc Trăng"}})] = None,
    q: Annotated[str | None, Query(max_length=300, description="words of symbol, type, title or issuer, accent-free",
                                   openapi_examples={"words": {"value": "doi ngu tri thuc"}})] = None,
    limit: LIMIT = 50,
    offset: OFFSET = 0,
) -> dict[str, Any]:
    """Search and list documents, ordered by id."""
    rows = service.list_documents(graph, symbol=symbol, issuer=issuer, level=level, province=province, q=q,
                                  limit=limit + 1, offset=offset)
    return _page(rows, limit, offset)


@router.get("/documents/{doc_id}", response_model=models.DocumentDetail, responses=HTML_TOO, tags=["documents"])
def get_document(request: Request, graph: GraphDep, doc_id: DOC_ID) -> Any:
    """Return one document with its references (relation, target id), what refers to it, and its task counts.

    A browser (Accept: text/html) gets the document page instead.
    """
    doc = _doc_or_404(graph, doc_id)
    if wants_html(request):
        return pages.document_page(request, graph, doc)
    return doc


@router.get("/documents/{doc_id}/lineage", response_model=models.LineageOut, tags=["documents"])
async def document_lineage(
    request: Request,
    graph: GraphDep,
    doc_id: DOC_ID,
    direction: Annotated[models.Direction, Query(description="up: what it carries out; down: what carries it out",
                                                 openapi_examples={"up": {"value": "up"}, "down": {"value": "down"},
                                                                   "both": {"value": "both"}})] = "up",
    depth: Annotated[int, Query(ge=1, le=12, description="maximum hops")] = 10,
) -> Any:
    """Return the chain(s) as ordered nodes (nearest first) and typed IMPLEMENTS/BASED_ON edges.

    Up from 85/KH-UBND: 85/KH-UBND → 56/KH-UBND → 142/QĐ-TTg → 52-KL/TW → 27-NQ/TW.
    """

    def compute() -> dict[str, Any]:
        lin = service.lineage(graph, doc_id, direction, depth)
        if lin is None:
            raise HTTPException(404, f"document {doc_id!r} not found; search with GET /documents?symbol=...")
        return {"root": lin.root, "direction": direction, "depth": depth, "nodes": lin.nodes, "edges": lin.edges}

    return await answer(request, graph, ("lineage", doc_id, direction, depth), compute, models.LineageOut)


@router.get("/documents/{doc_id}/tasks", response_model=models.TaskList, tags=["documents"])
def document_tasks(graph: GraphDep, doc_id: DOC_ID, limit: LIMIT = 500, offset: OFFSET = 0) -> dict[str, Any]:
    """Return the plan's tasks in document order with lead, support, deadline and section."""
    doc = _doc_or_404(graph, doc_id)
    rows = service.document_tasks(graph, doc_id, limit=limit + 1, offset=offset)
    return {"document": doc, **_page(rows, limit, offset)}


@router.post("/documents", response_model=models.UploadOut, status_code=201, tags=["documents"],
             responses={401: {"model": models.ErrorOut, "description": "Missing or wrong X-API-Key"},
                        403: {"model": models.ErrorOut, "description": "Writes disabled (no key configured)"},
                        413: {"model": models.ErrorOut, "description": "File larger than CASCADE_UPLOAD_MAX_BYTES"}})
async def upload_document(
    graph: GraphDep,
    settings: SettingsDep,
    _key: ApiKeyDep,
    file: Annotated[UploadFile, File(description="one .txt, .md, .docx, .doc, .pdf or .html document")],
) -> dict[str, Any]:
    """Parse and ingest one document (one transaction); return its id, references and warnings.

    A document that fails to parse is rejected with the parser's one-line message and nothing is written.
    """
    limit = settings.upload_max_bytes
    data = await file.read(limit + 1)
    await file.close()
    if len(data) > limit:
        raise HTTPException(413, f"{file.filename or 'upload'}: larger than the upload limit of {limit} bytes "
                                 "(CASCADE_UPLOAD_MAX_BYTES)")
    name = PurePath(file.filename or "upload.txt").name or "upload.txt"  # the name only, never a client path
    try:
        return await run_in_threadpool(service.ingest_upload, graph, data, name)
    except (IngestError, LoadError) as exc:  # both raised before anything is written
        message = str(exc) if isinstance(exc, IngestError) else f"{name}: {exc}"
        raise HTTPException(422, f"{message}; nothing was written") from exc


# --------------------------------------------------------------------------- agencies


@router.get("/agencies", response_model=models.AgencyList, tags=["agencies"])
def list_agencies(
    graph: GraphDep,
    q: Annotated[str | None, Query(max_length=300, description="name words; accents and abbreviations optional",
                                   openapi_examples={"accent-free": {"value": "so noi vu bac ninh"},
                                                     "abbreviation": {"value": "lien hiep cac hoi khkt"}})] = None,
    province: Annotated[str | None, Query(max_length=100, openapi_examples={"Bắc Ninh": {"value": "Bắc Ninh"}})] = None,
    level: LEVEL = None,
    kind: Annotated[models.AgencyKindName | None, Query(description="agency or collective group")] = None,
    limit: LIMIT = 50,
    offset: SEARCH_OFFSET = 0,
) -> dict[str, Any]:
    """Search agencies without diacritics and with abbreviations; shortest (most specific) names first."""
    rows = service.search_agencies(graph, q=q, province=province, level=level, kind=kind, limit=limit + 1,
                                   offset=offset)
    return _page(rows, limit, offset)


@router.get("/agencies/{agency_id}", response_model=models.AgencyDetail, responses=HTML_TOO, tags=["agencies"])
def get_agency(request: Request, graph: GraphDep, agency_id: AGENCY_ID) -> Any:
    """Return one agency with its numbers of lead and support duties (a browser gets the agency page)."""
    agency = _agency_or_404(graph, agency_id, counts=True)
    if wants_html(request):
        return pages.agency_page(request, graph, agency)
    return agency


@router.get("/agencies/{agency_id}/duties", response_model=models.DutyList, tags=["agencies"])
async def agency_duties(
    request: Request,
    graph: GraphDep,
    agency_id: AGENCY_ID,
    role: Annotated[models.RoleName | None, Query(description="lead (chủ trì) or support (phối hợp)",
                                                  openapi_examples={"lead": {"value": "lead"}})] = None,
    due_before: DUE_BEFORE = None,
    document: Annotated[str | None, Query(max_length=300, description="only duties of this plan id",
                                          openapi_examples={"371/KH-UBND": {"value": "371-kh-ubnd--2024--bac-ninh"}})] = None,
    limit: LIMIT = 100,
    offset: OFFSET = 0,
) -> Any:
    """Return every task the agency leads or supports, across all plans, with plan, section, deadline and chain.

    Paginated in a stable order (plan id, task order): follow ``next_offset``.
    """
    due = due_before.isoformat() if due_before else None

    def compute() -> dict[str, Any]:
        agency = _agency_or_404(graph, agency_id)
        rows = service.agency_duties(graph, agency_id, role=role, due_before=due, document=document,
                                     limit=limit + 1, offset=offset)
        return {"agency": agency, **_page(rows, limit, offset)}

    key = ("duties", agency_id, role, due, document, limit, offset)
    return await answer(request, graph, key, compute, models.DutyList)


@router.get("/agencies/{agency_id}/coordination", response_model=models.CoordinationOut, tags=["agencies"])
def agency_coordination(graph: GraphDep, agency_id: AGENCY_ID, limit: LIMIT = 100, offset: OFFSET = 0) -> dict[str, Any]:
    """Return the agencies it coordinates with, weighted by the number of shared tasks."""
    agency = _agency_or_404(graph, agency_id)
    rows = service.agency_coordination(graph, agency_id, limit=limit + 1, offset=offset)
    return {"agency": agency, **_page(rows, limit, offset)}


# --------------------------------------------------------------------------- tasks, search, health


@router.get("/tasks", response_model=models.TaskSearch, tags=["tasks"])
def search_tasks(
    graph: GraphDep,
    agency: Annotated[str | None, Query(max_length=300, description="agency id: only its duties",
                                        openapi_examples={"Sở Nội vụ tỉnh Bắc Ninh": {"value": "so-noi-vu-tinh-bac-ninh"}})] = None,
    due_before: DUE_BEFORE = None,
    kind: KIND = None,
    q: Annotated[str | None, Query(max_length=300, description="words of the task text, accent-free",
                                   openapi_examples={"words": {"value": "co so du lieu tri thuc"}})] = None,
    limit: LIMIT = 50,
    offset: OFFSET = 0,
) -> dict[str, Any]:
    """Search tasks by agency, due date, deadline kind and words; stable order."""
    name = _agency_or_404(graph, agency)["name"] if agency else None
    rows = service.search_tasks(graph, agency=agency, due_before=due_before.isoformat() if due_before else None,
                                kind=kind, q=q, limit=limit + 1, offset=offset, agency_name=name)
    return _page(rows, limit, offset)


@router.get("/search", response_model=models.SearchOut, responses=HTML_TOO, tags=["search"])
def search(
    request: Request,
    graph: GraphDep,
    q: Annotated[str, Query(min_length=1, max_length=300, description="one box: symbol or words, accent-free",
                            openapi_examples={"symbol": {"value": "56/KH-UBND"}, "words": {"value": "so noi vu"}})],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Any:
    """Return documents, agencies and tasks matching ``q`` (a browser gets the results page)."""
    result = service.search_all(graph, q, limit)
    if wants_html(request):
        return pages.search_page(request, q, result)
    return {"q": q, **result}


health_router = APIRouter(tags=["health"])


@health_router.get("/health", response_model=models.HealthOut, responses={503: {"model": models.ErrorOut}})
def health(graph: GraphDep) -> dict[str, Any]:
    """Return the backend, whether it is reachable, the stored schema version and node/edge counts."""
    info = service.health(graph)
    return {"status": "ok" if info["reachable"] else "unavailable", **info}


@health_router.get("/health/live", response_model=models.LiveOut)
async def live() -> dict[str, str]:
    """Return ok without touching the database (liveness; the benchmark's framework baseline)."""
    return {"status": "ok"}
