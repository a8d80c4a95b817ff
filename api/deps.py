"""FastAPI dependencies: the graph, the settings and the API key (``Annotated`` aliases).

The app holds a ``GraphProvider`` in ``app.state``. Given a ``Graph`` (tests),
it uses it; otherwise it opens one from the settings on first use and, if the
database was down, tries again on the next request, so the API recovers by
itself when the database is back (the ``Graph`` also reconnects on its own
after a restart, see ``cascade.graph.FalkorGraph._call``).
"""

from __future__ import annotations

import secrets
import threading
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from cascade.graph import Graph, GraphUnavailable, open_graph
from cascade.settings import Settings


class GraphProvider:
    """Hands out the app's one ``Graph``, opening it lazily (and retrying after a failure)."""

    def __init__(self, settings: Settings, graph: Graph | None = None) -> None:
        self.settings = settings
        self._graph = graph
        self.owned = graph is None  # close it on shutdown only if we opened it
        self._lock = threading.Lock()

    def get(self) -> Graph:
        """Return the graph, opening it now if needed; raise ``GraphUnavailable`` if the database is down."""
        if self._graph is not None:
            return self._graph
        with self._lock:
            if self._graph is None:
                try:
                    self._graph = open_graph(self.settings)
                except GraphUnavailable:
                    raise
                except Exception as exc:  # noqa: BLE001 - any failure to open means the database is unavailable
                    raise GraphUnavailable(f"cannot open the graph database: {' '.join(str(exc).split())}") from exc
            return self._graph

    def current(self) -> Graph | None:
        """Return the graph if it is open already (never blocks), else None."""
        return self._graph

    def close(self) -> None:
        """Close the graph if this provider opened it."""
        if self.owned and self._graph is not None:
            self._graph.close()
            self._graph = None


# The dependencies below are ``async``: FastAPI runs a sync dependency in the thread pool, a hop that
# costs more than these functions do. Only opening the graph (first request, or after the database
# was down) may block, so that alone goes to the thread pool.


async def get_settings_dep(request: Request) -> Settings:
    """Return the settings the app was created with."""
    return request.app.state.settings


async def get_graph_dep(request: Request) -> Graph:
    """Return the app's graph (503 through the app's handler if the database is unavailable)."""
    provider: GraphProvider = request.app.state.graph_provider
    graph = provider.current()
    if graph is not None:
        return graph
    return await run_in_threadpool(provider.get)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
GraphDep = Annotated[Graph, Depends(get_graph_dep)]


def _key_matches(given: str | None, expected: str) -> bool:
    return bool(given) and secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


async def require_write_key(settings: SettingsDep,
                      x_api_key: Annotated[str | None, Header(description="API key (CASCADE_API_KEY)")] = None) -> str:
    """Return the accepted key; 403 when writes are disabled (no key configured), 401 for a missing or wrong key."""
    expected = settings.api_key.get_secret_value()
    if not expected:
        raise HTTPException(403, "writes are disabled: no API key is configured on the server; "
                                 "set CASCADE_API_KEY and send it in the X-API-Key header")
    if not x_api_key:
        raise HTTPException(401, "missing X-API-Key header", headers={"WWW-Authenticate": "X-API-Key"})
    if not _key_matches(x_api_key, expected):
        raise HTTPException(401, "invalid API key in the X-API-Key header", headers={"WWW-Authenticate": "X-API-Key"})
    return x_api_key


async def require_read_key(request: Request, settings: SettingsDep) -> None:
    """Return None; when ``read_requires_key`` is set, 401 unless the X-API-Key header holds the key."""
    if not settings.read_requires_key:
        return None
    expected = settings.api_key.get_secret_value()
    if not expected:
        raise HTTPException(403, "reads require an API key but none is configured: set CASCADE_API_KEY")
    if not _key_matches(request.headers.get("x-api-key"), expected):
        raise HTTPException(401, "this server requires the API key for reads: send it in the X-API-Key header",
                            headers={"WWW-Authenticate": "X-API-Key"})
    return None


ApiKeyDep = Annotated[str, Depends(require_write_key)]
ReadKeyDep = Depends(require_read_key)


def wants_html(request: Request) -> bool:
    """Return True if the client prefers HTML over JSON (a browser), from the Accept header."""
    accept = request.headers.get("accept", "")
    if "text/html" not in accept:
        return False
    if "application/json" not in accept:
        return True
    return accept.index("text/html") < accept.index("application/json")
