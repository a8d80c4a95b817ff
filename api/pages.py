"""HTML pages (Vietnamese labels, no external URL): home, lineage, document, agency, search, errors.

``/documents/{id}``, ``/agencies/{id}`` and ``/search`` are shared with the
JSON API and answer HTML when the client prefers it (a browser); ``/`` and
``/lineage/{id}`` are pages only. The render functions here are called by the
route handlers in ``api.routes`` and by the handlers below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api import service, views
from api.deps import GraphDep, ReadKeyDep

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
TEMPLATES.env.globals.update(
    level_labels=views.LEVEL_LABELS,
    level_colors=views.LEVEL_COLORS,
    relation_labels=views.RELATION_LABELS,
    role_labels=views.ROLE_LABELS,
    status_labels=views.STATUS_LABELS,
)

#: Documents drawn per cascade tree on the home page (the lineage page draws the rest).
HOME_TREE_BUDGET = 200

#: Rows shown in the agency page's duties table (the API pages the rest).
AGENCY_PAGE_DUTIES = 500

router = APIRouter(include_in_schema=False, dependencies=[ReadKeyDep])


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Return the rendered template as an HTML response."""
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)


def error_page(request: Request, status_code: int, detail: str) -> HTMLResponse:
    """Return the HTML error page (404 "Không tìm thấy", 503, ...) with the API's message."""
    headings = {404: "Không tìm thấy", 401: "Cần khóa API", 403: "Không được phép", 422: "Tham số không hợp lệ",
                503: "Cơ sở dữ liệu tạm thời không truy cập được"}
    return render(request, "error.html", status_code=status_code, heading=headings.get(status_code, "Lỗi"),
                  detail=detail, status=status_code)


def document_page(request: Request, graph: Any, doc: dict[str, Any]) -> HTMLResponse:
    """Return the document page: header, references, tasks (or the "not yet ingested" notice)."""
    tasks = service.document_tasks(graph, doc["id"]) if doc.get("status") == "ingested" else []
    return render(request, "document.html", doc=doc, tasks=tasks)


def agency_page(request: Request, graph: Any, agency: dict[str, Any]) -> HTMLResponse:
    """Return the agency page: duties table (sortable, filterable) and coordination network."""
    duties = service.agency_duties(graph, agency["id"], limit=AGENCY_PAGE_DUTIES + 1)
    partners = service.agency_coordination(graph, agency["id"], limit=100)
    network = views.coordination_network(agency, partners)
    return render(request, "agency.html", agency=agency, duties=duties[:AGENCY_PAGE_DUTIES],
                  more_duties=len(duties) > AGENCY_PAGE_DUTIES, partners=partners,
                  network_json=views.script_json(network))


def search_page(request: Request, q: str, result: dict[str, Any]) -> HTMLResponse:
    """Return the search results page."""
    return render(request, "search.html", q=q, result=result)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, graph: GraphDep,
         offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
         limit: Annotated[int, Query(ge=1, le=100)] = 20) -> HTMLResponse:
    """Return the home page: root directives, each with its cascade as a collapsible tree and counts."""
    roots = service.directive_roots(graph, limit=limit + 1, offset=offset)
    next_offset = offset + limit if len(roots) > limit else None
    return render(request, "home.html", cascades=service.cascades(graph, roots[:limit], budget=HOME_TREE_BUDGET),
                  offset=offset, limit=limit,
                  next_offset=next_offset)


@router.get("/lineage/{doc_id}", response_class=HTMLResponse)
def lineage_page(request: Request, graph: GraphDep,
                 doc_id: Annotated[str, PathParam(max_length=300)],
                 depth: Annotated[int, Query(ge=1, le=12)] = 10) -> HTMLResponse:
    """Return the interactive lineage network of a document: ancestors above, descendants below."""
    doc = service.get_document(graph, doc_id)
    if doc is None:
        raise HTTPException(404, f"document {doc_id!r} not found")
    lin = service.lineage(graph, doc_id, "both", depth)
    if lin is None:
        raise HTTPException(404, f"document {doc_id!r} not found")
    network = views.lineage_network(lin.nodes, lin.edges, doc_id)
    return render(request, "lineage.html", doc=doc, nodes=lin.nodes,
                  ups=[n for n in lin.nodes if n["side"] == "up"], downs=[n for n in lin.nodes if n["side"] == "down"],
                  network_json=views.script_json(network))
