"""The FastAPI application: ``create_app(graph=None, settings=None)``.

``cascade serve`` runs ``uvicorn api.app:create_app --factory``; tests build the
app around a graph they own. Errors are always ``{"detail": "<one clear
message>"}``: unknown ids 404, bad parameters 422, a database that is down 503
(the next request tries again, so the API recovers by itself), and browsers
asking for a page get the same message as an HTML page.
"""

from __future__ import annotations

import gc
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import pages, routes
from api.cache import FastAnswers, GenerationWatch, ResponseCache
from api.deps import GraphProvider, wants_html
from cascade.graph import Graph, GraphUnavailable, QueryError
from cascade.settings import Settings, get_settings

STATIC_DIR = Path(__file__).resolve().parent / "static"

#: Bytes of multipart framing (boundaries, part headers) tolerated above the file size limit before
#: the body is read; the exact file size is checked again after parsing.
MULTIPART_SLACK = 64 * 1024

DESCRIPTION = """
Cascade serves Vietnam's directive cascade as a graph: Party resolutions → State decisions →
provincial plans → district plans → tasks assigned to agencies (*chủ trì* = lead, *phối hợp* = support).

* **Lineage**: `GET /documents/{id}/lineage?direction=up` from 85/KH-UBND (huyện Châu Thành) gives
  85/KH-UBND → 56/KH-UBND → 142/QĐ-TTg → 52-KL/TW → 27-NQ/TW.
* **Duties**: `GET /agencies/so-noi-vu-tinh-bac-ninh/duties` lists what Sở Nội vụ tỉnh Bắc Ninh leads or supports.
* **Search** works without diacritics and with abbreviations (`so noi vu bac ninh`, `lien hiep cac hoi khkt`).

Reads are open unless `CASCADE_READ_REQUIRES_KEY` is set; writes (`POST /documents`) need the
`X-API-Key` header matching `CASCADE_API_KEY` (no key configured = writes disabled).
Browsers get HTML pages at `/`, `/lineage/{id}`, `/documents/{id}` and `/agencies/{id}`.
"""


def _message(exc: RequestValidationError) -> str:
    """Return one line naming each invalid parameter and why (FastAPI's list, flattened)."""
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body", "header")]
        where = ".".join(loc) or "request"
        kind = err.get("loc", ("",))[0]
        parts.append(f"{kind} parameter {where!r}: {err.get('msg', 'invalid')}" if kind in ("query", "path", "header")
                     else f"{where}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def _error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Any:
    if wants_html(request) and request.method == "GET":
        resp = pages.error_page(request, status, detail)
        if headers:
            resp.headers.update(headers)
        return resp
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


class RefuseOversizedUploads:
    """ASGI middleware: 413 before the body is read when a POST /documents declares more than ``limit`` bytes.

    A plain ASGI class rather than ``@app.middleware("http")``: Starlette's BaseHTTPMiddleware wraps
    every request and response in extra tasks and streams, which cost more than a cached lineage.
    """

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Answer 413 to an oversized upload; pass every other request through untouched."""
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == "/documents":
            declared = next((v for k, v in scope["headers"] if k == b"content-length"), b"").decode("latin-1")
            if declared.isdigit() and int(declared) > self.limit:
                allowed = self.limit - MULTIPART_SLACK
                response = JSONResponse({"detail": f"upload of {declared} bytes is larger than the limit of {allowed} "
                                                   "bytes (CASCADE_UPLOAD_MAX_BYTES)"}, status_code=413)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class RefuseNulCharacters:
    """ASGI middleware: 422 when the path or a query parameter holds a NUL character (``%00``).

    No document text holds U+0000, and FalkorDB cannot take one in a query parameter (its
    parser reads C strings: the query ends there and is rejected), so such a request is the
    client's error, answered before any handler runs (found by tests/test_schemathesis.py).
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Answer 422 to a request with a NUL in its path or query string; pass every other request through."""
        if scope["type"] == "http" and ("\x00" in scope["path"] or b"%00" in scope["query_string"]
                                        or b"\x00" in scope["query_string"]):
            response = JSONResponse({"detail": "the request's path or query parameters contain a NUL character "
                                               "(%00), which no document holds"}, status_code=422)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def create_app(graph: Graph | None = None, settings: Settings | None = None) -> FastAPI:
    """Return the Cascade FastAPI app; with ``graph`` None the graph is opened from ``settings`` on first use."""
    settings = settings or get_settings()
    provider = GraphProvider(settings, graph)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202 - FastAPI's lifespan protocol
        """Yield while the app serves; close the graph afterwards if the app opened it."""
        # Objects made while starting (modules, routes, models) live as long as the process: freezing
        # them keeps the collector's full passes short, which shows in the latency tail under load.
        gc.collect()
        gc.freeze()
        yield
        app.state.generation.close()
        provider.close()

    # docs_url/redoc_url off: FastAPI's stock pages load Swagger UI from a CDN; /docs below serves the
    # vendored copy from /static (swagger-ui-dist 5, Apache-2.0, see static/swagger-ui.LICENSE).
    app = FastAPI(title="Cascade", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  openapi_tags=[{"name": "documents", "description": "Documents, their references, lineage and tasks"},
                                {"name": "agencies", "description": "Who owns which duty, by when"},
                                {"name": "tasks"}, {"name": "search"}, {"name": "health"}])
    app.state.settings = settings
    app.state.graph_provider = provider
    # Answers cached per ingest generation (api/cache.py): a request never gets data older than the
    # last ingest committed before it arrived, whichever process wrote it. CASCADE_API_CACHE_TTL_S
    # only bounds how long an unused entry stays in memory; 0 turns the cache off.
    app.state.responses = ResponseCache(max_age_s=max(0.0, float(settings.api_cache_ttl_s)))
    app.state.generation = GenerationWatch(lambda: provider.get().generation())

    @app.exception_handler(GraphUnavailable)
    async def graph_unavailable(request: Request, exc: GraphUnavailable) -> Any:
        """Return 503: the database is down; the next request tries again."""
        return _error(request, 503, f"graph database unavailable: {exc}; retry when it is back",
                      headers={"Retry-After": "5"})

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Any:
        """Return 500 naming the rejected query (a bug: parameters are validated before)."""
        return _error(request, 500, f"query failed: {exc}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        """Return the error as JSON, or as the HTML error page to a browser."""
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such page or endpoint: {request.url.path} (see /docs)"
        return _error(request, exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Any:
        """Return 422 with one line naming each invalid parameter."""
        return _error(request, 422, _message(exc))

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        """Return the interactive API documentation, served entirely by this app (works offline)."""
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="Cascade API",
                                   swagger_js_url="/static/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.png")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Any:
        """Return 500 as JSON with the error's type and message, never a bare traceback page."""
        return _error(request, 500, f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}")

    app.include_router(routes.health_router)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.add_middleware(RefuseOversizedUploads, limit=settings.upload_max_bytes + MULTIPART_SLACK)
    app.add_middleware(FastAnswers, state=app.state)  # a cached answer skips everything else
    app.add_middleware(RefuseNulCharacters)  # outermost: nothing else sees a NUL
    return app
