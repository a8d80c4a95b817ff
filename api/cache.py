"""Answers cached by ingest generation: never older than the last ingest committed before a request arrived.

Every ingest write (CLI, API upload, any process) increments ``generation`` on
the one ``(:Meta {key: 'ingest'})`` node in the same transaction as the data
(``cascade.loader``). A cached answer is stored under the generation that was
read *before* it was computed, and served only to a request whose own
generation read returned the same number. So the guarantee is strict, across
processes and uvicorn workers, with no time window:

    a request that arrives after an ingest committed is answered from data
    that includes that ingest.

The price is one tiny query per request. ``GenerationWatch`` shares it between
concurrent requests without weakening the guarantee: a request waits for a
read that *started after it arrived* (single-flight in arrival order), so under
load one read answers every request that arrived while the previous read was in
flight, and an idle server pays one read per request (~0.3 ms on FalkorDB).

``ResponseCache`` holds the pre-serialised JSON bytes of the answers of one
generation per graph: the hot paths (lineage, duties) then skip the queries,
the response model's validation and the JSON encoding altogether.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from cascade.graph import Graph


def _reader() -> ThreadPoolExecutor:
    """Return a one-thread executor for generation reads (its thread starts on the first read)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="cascade-generation")


class GenerationWatch:
    """Per process and graph: the ingest generation as read by a query that started after the caller arrived.

    Used from one event loop (uvicorn runs one per worker process). ``current()`` takes a ticket
    on arrival; a read covers every ticket taken before it started. Concurrent callers share
    reads, so the number of generation queries is bounded by the time a read takes, not by the
    number of requests.
    """

    def __init__(self, read: Callable[[], int]) -> None:
        self._read = read
        # One dedicated thread: reads never overlap (each covers all earlier arrivals), and
        # loop.run_in_executor is a cheaper hop than anyio's general thread pool.
        self._executor = _reader()
        self._next_ticket = 0  # tickets handed out so far
        self._covered = 0  # every ticket below this is answered by ``_value``
        self._value = 0
        self._inflight: asyncio.Future[None] | None = None
        self.reads = 0  # generation queries run (tests and the benchmark report it)

    async def current(self) -> int:
        """Return the ingest generation read by a query that started after this call; share reads with others."""
        ticket = self._next_ticket
        self._next_ticket += 1
        loop = asyncio.get_running_loop()
        if self._inflight is not None and self._inflight.get_loop() is not loop:
            self._inflight = None  # left over from a loop that has ended (a test client closed mid-read)
        while self._covered <= ticket:
            if self._inflight is None:
                self._inflight = asyncio.ensure_future(self._refresh())
            await asyncio.shield(self._inflight)
        return self._value

    def close(self) -> None:
        """Stop the reading thread (the app's shutdown); a later read starts a new one."""
        old, self._executor = self._executor, _reader()
        old.shutdown(wait=False, cancel_futures=True)

    async def _refresh(self) -> None:
        """Run one generation read covering every ticket handed out before it started."""
        start = self._next_ticket
        try:
            value = await asyncio.get_running_loop().run_in_executor(self._executor, self._read)
            self.reads += 1
            self._value, self._covered = value, max(self._covered, start)
        finally:
            self._inflight = None


class ResponseCache:
    """Thread-safe LRU of pre-serialised answers of the current generation, one per graph scope.

    Entries of an older generation are never served: when a newer generation is seen the
    scope's entries are dropped. ``max_age_s`` also expires entries (housekeeping of memory
    only; correctness comes from the generation); 0 disables the cache.
    """

    def __init__(self, max_entries: int = 20_000, max_age_s: float = 600.0) -> None:
        self.max_entries = max_entries
        self.max_age_s = max_age_s
        self._lock = threading.Lock()
        self._scopes: dict[str, tuple[int, OrderedDict[Hashable, tuple[float, Any]]]] = {}
        self.hits = self.misses = 0

    @property
    def enabled(self) -> bool:
        """Return True unless the cache was turned off (``max_age_s`` 0)."""
        return self.max_age_s > 0 and self.max_entries > 0

    def get(self, scope: str, generation: int, key: Hashable) -> Any:
        """Return the value cached for ``key`` at exactly ``generation`` in ``scope``, or None."""
        if not self.enabled:
            return None
        with self._lock:
            gen, entries = self._scopes.get(scope, (None, None))
            hit = entries.get(key) if entries is not None and gen == generation else None
            if hit is None or hit[0] < time.monotonic():
                self.misses += 1
                return None
            entries.move_to_end(key)
            self.hits += 1
            return hit[1]

    def put(self, scope: str, generation: int, key: Hashable, value: Any) -> None:
        """Cache ``value`` for ``key`` at ``generation``; a newer generation drops the scope's older entries.

        A value computed under an older generation than the scope's current one is not stored.
        """
        if not self.enabled:
            return
        with self._lock:
            gen, entries = self._scopes.get(scope, (None, None))
            if entries is None or gen is None or generation > gen:
                entries = OrderedDict()
                self._scopes[scope] = (generation, entries)
            elif generation < gen:
                return
            entries[key] = (time.monotonic() + self.max_age_s, value)
            entries.move_to_end(key)
            while len(entries) > self.max_entries:
                entries.popitem(last=False)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._scopes.clear()


async def answer(request: Request, graph: Graph, key: Hashable, compute: Callable[[], Any],
                 model: type[BaseModel]) -> Response:
    """Return the JSON response of ``compute()`` shaped by ``model``, from the generation-keyed cache when possible.

    ``compute`` runs in the thread pool (it queries the graph) and may raise ``HTTPException``
    (404: not cached). The bytes are what FastAPI would send for ``response_model=model``: the
    model drops unknown fields; they are encoded once per generation.
    """
    state = request.app.state
    cache: ResponseCache = state.responses
    if not cache.enabled:
        return _json(await run_in_threadpool(_encode, compute, model))
    generation = await state.generation.current()
    scope = scope_of(graph)
    body = cache.get(scope, generation, key)
    if body is None:
        body = await run_in_threadpool(_encode, compute, model)
        cache.put(scope, generation, key, body)
    return _json(body)


# --------------------------------------------------------------------------- the fast path


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in allowed:
            raise ValueError(value)
        return value
    return parse


def _int_between(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        # Canonical decimal only ("10", not "010" or "+10"): anything else is left to FastAPI.
        if not (value.isascii() and value.isdigit()) or str(int(value)) != value or not low <= int(value) <= high:
            raise ValueError(value)
        return int(value)
    return parse


def _iso_date(value: str) -> str:
    if dt.date.fromisoformat(value).isoformat() != value:
        raise ValueError(value)
    return value


def _text(value: str) -> str:
    if len(value) > 300:
        raise ValueError(value)
    return value


#: The cached GET routes the fast path answers: (collection, leaf) -> (key name, {param: (parser, default)}).
#: The keys and defaults are exactly those of ``api.routes.document_lineage`` and ``agency_duties``.
FAST_ROUTES: dict[tuple[str, str], tuple[str, dict[str, tuple[Callable[[str], Any], Any]]]] = {
    ("documents", "lineage"): ("lineage", {"direction": (_choice("up", "down", "both"), "up"),
                                           "depth": (_int_between(1, 12), 10)}),
    ("agencies", "duties"): ("duties", {"role": (_choice("lead", "support"), None), "due_before": (_iso_date, None),
                                        "document": (_text, None), "limit": (_int_between(1, 500), 100),
                                        "offset": (_int_between(0, 1_000_000), 0)}),
}


def answer_key(path: str, query_string: bytes) -> tuple[Any, ...] | None:
    """Return the cache key the route would use for this GET, or None when only FastAPI should answer it.

    ``/documents/{id}/lineage?direction=up`` -> ``("lineage", id, "up", 10)``. Anything unusual
    (unknown, repeated or non-canonical parameters, an id over 300 characters) returns None, so the
    fast path never answers a request FastAPI would have rejected or read differently.
    """
    parts = path.split("/")
    if len(parts) != 4 or parts[0] or not parts[2] or len(parts[2]) > 300:
        return None
    route = FAST_ROUTES.get((parts[1], parts[3]))
    if route is None:
        return None
    name, spec = route
    given = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)  # as Starlette reads it
    names = [k for k, _ in given]
    if len(set(names)) != len(names) or not set(names) <= spec.keys():
        return None
    values = dict(given)
    try:
        parsed = [parse(values[k]) if k in values else default for k, (parse, default) in spec.items()]
    except ValueError:
        return None
    return (name, parts[2], *parsed)


class FastAnswers:
    """ASGI middleware: answer a GET whose answer is cached for the current generation without entering FastAPI.

    Routing and dependency solving cost more than a cached answer; a hit here costs the
    generation check and a dict lookup. A miss, an unusual request, reads behind the API key, or
    any failure falls through to FastAPI, which validates, computes and fills the cache.
    """

    def __init__(self, app: Any, state: Any) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Send the cached bytes on a hit; otherwise pass the request to the application."""
        if scope["type"] == "http" and scope["method"] == "GET":
            body = await self._cached(scope)
            if body is not None:
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode("ascii"))]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

    async def _cached(self, scope: dict[str, Any]) -> bytes | None:
        state = self.state
        cache: ResponseCache = state.responses
        if not cache.enabled or state.settings.read_requires_key:
            return None
        key = answer_key(scope["path"], scope["query_string"])
        graph = state.graph_provider.current() if key is not None else None
        if graph is None:
            return None
        try:
            generation = await state.generation.current()
        except Exception:  # noqa: BLE001 - the database is down: FastAPI answers 503 with its message
            return None
        return cache.get(scope_of(graph), generation, key)


def _encode(compute: Callable[[], Any], model: type[BaseModel]) -> bytes:
    """Return the JSON bytes of ``compute()`` validated by ``model``."""
    return model.model_validate(compute()).model_dump_json().encode("utf-8")


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def scope_of(graph: Graph) -> str:
    """Return the cache scope of a graph: one per database URL and graph name."""
    return f"{getattr(graph, 'url', '')}|{getattr(graph, 'name', '')}"
