"""The one place that runs a query: ``Graph`` and its two backends.

``Graph.read(query, params) -> list[dict]`` returns rows as dicts of plain
values; ``Graph.write([(query, params), ...])`` runs ONE transaction;
``apply_schema()``, ``ping()``, ``counts()``, ``generation()``, ``close()``.
Every write transaction of the loader that changes the graph ends with
``cypher/load_generation.cypher``, so ``generation()`` (the ingest generation,
0 on a graph never loaded) changes whenever ingest changed the graph: readers
key their caches on it. Errors are
``GraphUnavailable`` (server down, auth; the API answers 503) or
``QueryError`` (the query or its parameters are wrong).

Backends, picked by ``open_graph(settings)`` from ``settings.backend``:

* ``FalkorGraph``: the ``falkordb`` client over Redis, either on the embedded
  server (``cascade.embedded``) or an external ``redis://`` URL.

  FalkorDB has no multi-statement transactions. "One document = one
  transaction" is made true with Redis ``MULTI``/``EXEC``: all statements of a
  write are queued and EXEC applies them together, atomically with respect to
  other clients, and nothing at all is applied if the process dies (or the
  connection drops) before EXEC. Runtime errors inside EXEC cannot be rolled
  back by Redis, so every query text is first validated with ``GRAPH.EXPLAIN``
  (once per text and connection: the loader's texts are a dozen fixed files)
  and the loader writes its statements so that a rerun of the same document
  converges (it deletes the document's own tasks and edges first, and every
  write is a MERGE keyed by a deterministic id); when a group write fails,
  ``cascade.loader`` rewrites its documents one by one, each with its cleanup.
* ``Neo4jGraph``: the official ``neo4j`` driver (``bolt://``, ``neo4j://``,
  ``neo4j+s://``...). Reads are auto-commit ``session.run`` in READ access
  mode; writes are one ``session.execute_write`` transaction function holding
  all statements (the driver retries it on transient errors).

Parameters always travel as parameters (FalkorDB's ``CYPHER k=v`` header built
by the client, Neo4j's Bolt parameters), never formatted into query text.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from cascade.settings import Settings, get_settings
from graph_schema import schema as model

Statement = tuple[str, dict[str, Any]]


class GraphError(Exception):
    """Base of the graph layer's errors."""


class GraphUnavailable(GraphError):
    """The database cannot be reached (down, starting, refused credentials). The API maps it to 503."""


class QueryError(GraphError):
    """The database rejected a query (syntax, unknown function, bad parameter)."""


# --------------------------------------------------------------------------- value conversion


#: Exact types returned as they are (a set lookup: a lineage or cascade of ~800 rows has ~10k values).
_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """Return ``value`` as plain JSON-ready values: engine nodes/edges become property dicts, maps become dicts."""
    if type(value) in _SCALARS or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dict | OrderedDict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    props = getattr(value, "properties", None)
    if isinstance(props, dict):  # falkordb Node / Edge
        return {k: plain(v) for k, v in props.items()}
    if hasattr(value, "nodes") and callable(value.nodes):  # falkordb Path
        return {"nodes": [plain(n) for n in value.nodes()], "edges": [plain(e) for e in value.edges()]}
    if hasattr(value, "items") and callable(value.items):  # neo4j Node / Relationship
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):  # temporal values: ISO strings (house rule 8)
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------- FalkorDB compact replies


class _NotPlain(ValueError):
    """A compact reply holds a node, edge, path or other engine value: decode it with falkordb-py."""


#: Value type codes of FalkorDB's ``--compact`` result set (falkordb-py ``ResultSetScalarTypes``):
#: 1 null, 2 string, 3 integer, 4 boolean, 5 double, 6 array, 10 map; the others
#: (7 edge, 8 node, 9 path, 11 point, 12 vector, 13-16 temporal) are engine values.
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10


def decode_compact(value: list[Any]) -> Any:
    """Return the plain Python value of one ``[type, value]`` pair of a compact reply; raise _NotPlain otherwise."""
    t, x = value
    if t == _STRING:
        return _text(x)
    if t == _INTEGER:
        return x
    if t == _NULL:
        return None
    if t == _ARRAY:
        return [decode_compact(v) for v in x]
    if t == _MAP:
        return {_text(k): decode_compact(v) for k, v in zip(x[::2], x[1::2], strict=True)}
    if t == _BOOLEAN:
        return _text(x) == "true" if not isinstance(x, bool | int) else bool(x)
    if t == _DOUBLE:
        return float(x)
    raise _NotPlain(t)


def rows_from_compact(reply: list[Any]) -> list[dict[str, Any]]:
    """Return the rows of a ``GRAPH.RO_QUERY ... --compact`` reply as dicts of plain values.

    A reply is ``[header, rows, stats]`` (or ``[stats]`` for a query that returns
    nothing); a runtime error arrives as an exception object in the last place.
    """
    if reply and isinstance(reply[-1], Exception):
        raise QueryError(f"FalkorDB rejected the query: {_one_line(reply[-1])}")
    if len(reply) < 3:
        return []
    cols = [_text(h[1]) if isinstance(h, list | tuple) else _text(h) for h in reply[0]]
    width = len(cols)
    out = []
    for row in reply[1]:
        if len(row) != width:
            raise QueryError(f"FalkorDB sent a row of {len(row)} values for {width} columns")
        # Strings (already text: the connection decodes replies) and integers, nearly every
        # value of a library query, are taken as they are; the rest goes through decode_compact.
        # A cascade of ~800 rows x 13 columns decoded in a third of the time (issue #6).
        values = []
        for t, x in row:
            values.append(x if (t == _STRING and type(x) is str) or t == _INTEGER else decode_compact([t, x]))
        out.append(dict(zip(cols, values)))
    return out


# --------------------------------------------------------------------------- FalkorDB parameter header


def cypher_literal(value: Any) -> str:
    """Return ``value`` as a Cypher literal for FalkorDB's ``CYPHER k=v`` parameter header.

    The same text as the ``falkordb`` client's ``stringify_param_value`` (strings in double
    quotes with backslash and quote escaped, ``null``, backticked map keys, ``str()`` of numbers
    and booleans), with the type tests ordered for the loader's rows: the client's generic
    version took 4 ms of the ~25 ms a document's load cost in the feeding process (issue #6
    profile). tests/test_graph.py compares both on a table of values.
    """
    kind = type(value)
    if kind is str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if value is None:
        return "null"
    if kind is dict:
        parts = []
        for k, v in value.items():
            key = str(k)
            if not key or "`" in key:
                raise ValueError(f"Cypher map key cannot be empty or contain a backtick: {key!r}")
            parts.append(f"`{key}`:{cypher_literal(v)}")
        return "{" + ",".join(parts) + "}"
    if kind is list or kind is tuple:
        return "[" + ",".join([cypher_literal(v) for v in value]) + "]"
    if isinstance(value, bytes):
        return cypher_literal(value.decode())
    if isinstance(value, str | dict | list | tuple):  # subclasses
        return cypher_literal(str(value) if isinstance(value, str) else
                              dict(value) if isinstance(value, dict) else list(value))
    return str(value)


def params_header(params: dict[str, Any]) -> str:
    """Return FalkorDB's ``CYPHER name=value ...`` prefix for ``params`` ("" when there are none)."""
    if not params:
        return ""
    for k in params:
        if not str(k) or "`" in str(k):
            raise ValueError(f"Cypher parameter name cannot be empty or contain a backtick: {k!r}")
    return "CYPHER " + "".join(f"`{k}`={cypher_literal(v)} " for k, v in params.items())


# --------------------------------------------------------------------------- interface


class Graph:
    """The interface every backend implements; see the module docstring."""

    backend = "abstract"
    name = ""

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Return the rows of a read query as dicts of plain values."""
        raise NotImplementedError

    def write(self, statements: Sequence[Statement]) -> None:
        """Run all ``(query, params)`` statements as one transaction: all or nothing."""
        raise NotImplementedError

    def write_after_read(self, query: str, params: dict[str, Any],
                         build: Callable[[list[dict[str, Any]]], Sequence[Statement]]) -> list[dict[str, Any]]:
        """Read ``query``, write ``build(rows)`` as one transaction that no other write slipped in between; return the rows.

        The loader decides from the read what to write (skip unchanged documents, clean up
        only those ingested before, CREATE those with no node yet), so the write must not
        land on a graph another client changed since. Backends override this with a real
        guarantee; ``build`` may be called again (with fresh rows) and its last result is
        what was written; an empty list writes nothing.
        """
        rows = self.read(query, params)
        stmts = build(rows)
        if stmts:
            self.write(stmts)
        return rows

    def schema_statements(self) -> list[str]:
        """Return the index/constraint statements of the model for this engine."""
        raise NotImplementedError

    def apply_schema(self) -> int:
        """Create the model's indexes/constraints (idempotent), migrate older data, store the schema version; return it.

        A graph stored at version 1 (one parallel lineage edge per stating document) is
        migrated to one edge per pair; a graph stored before version 3 gets its lineage
        closure (UNDER edges) computed, in batches of documents. The version is recorded
        last, so an interrupted migration runs again (each step is idempotent).
        """
        from cascade import queries

        stored = self.schema_version()
        self._apply_indexes(self.schema_statements())
        if stored is not None and stored < 2:
            stated = {"types": list(model.STATED_EDGES)}
            self.write([(queries.text("load_migrate_lineage_edges"), stated),
                        (queries.text("load_migrate_states"), stated)])
        if stored is not None and stored < 3:
            self.rebuild_lineage_closure()
        if stored is not None and stored < 4:
            self.migrate_agency_ids()
        self.write([("MERGE (m:Meta {key: 'schema'}) SET m.version = $version", {"version": model.SCHEMA_VERSION})])
        return model.SCHEMA_VERSION

    def migrate_agency_ids(self, batch: int = 2000) -> int:
        """Give the district and commune agencies of a schema-3 graph their scoped ids (schema 4); return how many.

        Idempotent: ``scoped_agency_id`` leaves an id that already carries its scope as it is.
        """
        from cascade import queries
        from ingest.identity import scoped_agency_id

        moves = []
        for r in self.read(queries.text("load_migrate_agency_ids_find"), {"levels": ["district", "commune"]}):
            new = scoped_agency_id(r["id"], r["level"], r["province"], r["district"])
            if new != r["id"]:
                moves.append({"old": r["id"], "new": new})
        text = queries.text("load_migrate_agency_ids")
        for i in range(0, len(moves), batch):
            self.write([(text, {"rows": moves[i:i + batch]})])
        if moves:
            self._bump_generation(self.generation())  # cached API answers hold the old ids
        return len(moves)

    def rebuild_lineage_closure(self, batch: int = 200) -> int:
        """Recompute the UNDER edges of every document with a lineage edge, ``batch`` documents a write; return their number."""
        ids = [r["id"] for r in self.read(
            "MATCH (d:Document)-[:IMPLEMENTS|BASED_ON]->(:Document) RETURN DISTINCT d.id AS id ORDER BY id")]
        self.write_lineage_closure(ids, batch)
        return len(ids)

    def write_lineage_closure(self, ids: Sequence[str], batch: int = 200) -> None:
        """Recompute the UNDER edges of ``ids`` and of everything below them (``load_lineage_closure``), ``batch`` ids a write."""
        from cascade import queries

        text = queries.text("load_lineage_closure")
        for i in range(0, len(ids), batch):
            self.write([(text, {"ids": list(ids[i:i + batch])})])

    def _apply_indexes(self, statements: list[str]) -> None:
        raise NotImplementedError

    def generation(self) -> int:
        """Return the ingest generation: bumped by every loader write that changes the graph, 0 when never loaded."""
        rows = self.read("MATCH (m:Meta {key: 'ingest'}) RETURN m.generation AS generation")
        return int(rows[0]["generation"] or 0) if rows else 0

    def _bump_generation(self, at_least: int) -> None:
        """Set the generation to ``at_least`` + 1 (after a clear: never hand a reader a generation seen before)."""
        self.write([("MERGE (m:Meta {key: 'ingest'}) "
                     "SET m.generation = CASE WHEN coalesce(m.generation, 0) > $g THEN m.generation ELSE $g END + 1",
                     {"g": at_least})])

    def schema_version(self) -> int | None:
        """Return the schema version stored in the graph, or None if the schema was never applied."""
        rows = self.read("MATCH (m:Meta {key: 'schema'}) RETURN m.version AS version")
        return rows[0]["version"] if rows else None

    def ping(self) -> bool:
        """Return True if the database answers a trivial query."""
        try:
            return self.read("RETURN 1 AS one") == [{"one": 1}]
        except GraphError:
            return False

    def counts(self) -> dict[str, int]:
        """Return node counts per label and edge counts per type, plus ``nodes`` and ``edges`` totals."""
        out: dict[str, int] = {}

        def count(query: str) -> int:
            # A graph that does not exist yet answers with no row at all (FalkorDB).
            rows = self.read(query)
            return int(rows[0]["c"]) if rows else 0

        # Labels and types come from graph_schema constants, never from user input.
        labels = sorted({lab for n in model.NODES for lab in (n.label, *n.extra_labels)})
        for label in labels:
            out[label] = count(f"MATCH (n:{label}) RETURN count(n) AS c")
        for edge in model.EDGES:
            out[edge.type] = count(f"MATCH ()-[r:{edge.type}]->() RETURN count(r) AS c")
        out["nodes"] = count("MATCH (n) RETURN count(n) AS c")
        out["edges"] = count("MATCH ()-[r]->() RETURN count(r) AS c")
        return out

    def clear(self) -> None:
        """Delete every node and edge of this graph (tests, ``--replace`` style rebuilds); the generation moves on."""
        gen = self.generation()
        self.write([("MATCH (n) DETACH DELETE n", {})])
        if gen:
            self._bump_generation(gen)

    def close(self) -> None:
        """Release connections (and stop an embedded server this object started)."""

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- FalkorDB


class FalkorGraph(Graph):
    """FalkorDB over Redis (embedded or external). See the module docstring for the transaction model."""

    backend = "falkordb"

    def __init__(self, url: str, name: str = "cascade", *, timeout_s: float = 30.0, server: Any = None) -> None:
        import falkordb

        self.url = url.replace("falkordb://", "redis://", 1)
        self.name = name
        self.timeout_ms = max(1, int(timeout_s * 1000))
        self.server = server  # cascade.embedded.EmbeddedServer when embedded
        self._falkordb = falkordb
        self._lock = threading.Lock()
        self._validated: set[str] = set()
        self._connect()

    def _connect(self) -> None:
        if self.server is not None:
            from cascade import embedded

            info = embedded.status(self.server.data_dir)
            if info is None:
                # Nothing runs on the data dir any more: it crashed, or the process that started it
                # (another command we were sharing it with) has exited. Start it again, on the same data.
                self.server.info, self.server.owned = None, False
                self.server.start()
                info = self.server.info
            if info is not None:
                self.server.info = info
                self.url = info.url
        # The socket waits a little longer than the server-side query timeout (which answers with a
        # clear error): left unset, redis-py 8 reads with a 5 s socket timeout, so a legitimate
        # 6-second query (the busiest agencies of the L benchmark graph) looked like a dead server.
        self._db = self._falkordb.FalkorDB.from_url(self.url, socket_connect_timeout=2,
                                                    socket_timeout=self.timeout_ms / 1000 + 5)
        self._g = self._db.select_graph(self.name)

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run ``fn`` mapping driver errors; on a connection error reconnect once (server restarted) and retry."""
        import redis

        for attempt in (1, 2):
            try:
                return fn(*args, **kwargs)
            except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError, OSError) as exc:
                if attempt == 2:
                    raise GraphUnavailable(f"FalkorDB at {self.url} is unavailable: {_one_line(exc)}") from exc
                try:
                    self._connect()
                except Exception as cexc:  # noqa: BLE001 - any failure to reconnect means unavailable
                    raise GraphUnavailable(f"FalkorDB at {self.url} is unavailable: {_one_line(cexc)}") from exc
            except redis.AuthenticationError as exc:
                raise GraphUnavailable(f"FalkorDB at {self.url} refused the credentials: {_one_line(exc)}") from exc
            except redis.ResponseError as exc:
                raise QueryError(f"FalkorDB rejected the query: {_one_line(exc)}") from exc
        raise AssertionError("unreachable")

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Return the rows of a read-only query (``GRAPH.RO_QUERY``) as dicts of plain values.

        The reply is decoded here from FalkorDB's ``--compact`` format when it holds
        plain values only (every library query: house rule 8), which costs about 40%
        less client CPU on large answers than falkordb-py's result set + ``plain()``
        (issue #6, bench section 3b: a cascade of ~800 rows x 13 columns); replies with
        nodes, edges or paths go through falkordb-py.
        """
        text = params_header(params) + query if params else query
        try:
            reply = self._call(lambda: self._db.connection.execute_command(
                "GRAPH.RO_QUERY", self.name, text, "--compact", "timeout", self.timeout_ms))
        except QueryError as exc:
            if "empty key" in str(exc):
                return []  # the graph key does not exist yet: an empty graph has no rows
            raise
        try:
            return rows_from_compact(reply)
        except _NotPlain:
            return self._read_via_driver(query, params)

    def _read_via_driver(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Return the rows as falkordb-py's result set gives them, through ``plain()``.

        The path for replies holding nodes, edges or paths, and the reference the compact
        decoding is checked against (tests/test_lineage_shapes.py, bench section 3b).
        """
        res = self._call(lambda: self._g.ro_query(query, params or None, timeout=self.timeout_ms))
        cols = [h[1] if isinstance(h, list | tuple) else h for h in res.header]
        return [{c: plain(v) for c, v in zip(cols, row, strict=False)} for row in res.result_set]

    def _validate(self, query: str, params: dict[str, Any]) -> None:
        if query in self._validated:
            return
        try:
            self._call(lambda: self._g.explain(query, params or None))
        except QueryError as exc:
            if "empty key" not in str(exc):
                raise
            # EXPLAIN needs the graph key to exist; an empty graph is created by any GRAPH.QUERY.
            self._call(lambda: self._g.query("RETURN 1"))
            self._call(lambda: self._g.explain(query, params or None))
        self._validated.add(query)

    def write(self, statements: Sequence[Statement]) -> None:
        """Run the statements in one ``MULTI``/``EXEC`` block (validated first with ``GRAPH.EXPLAIN``)."""
        statements = [(q, p or {}) for q, p in statements]
        if not statements:
            return
        for q, p in statements:
            self._validate(q, p)

        def run() -> None:
            pipe = self._db.connection.pipeline(transaction=True)
            for q, p in statements:
                header = params_header(p)  # the client's encoding (_build_params_header), faster
                pipe.execute_command("GRAPH.QUERY", self.name, header + q, "--compact", "timeout", self.timeout_ms)
            results = pipe.execute(raise_on_error=False)
            _raise_first_error(statements, results)

        with self._lock:
            self._call(run)

    #: Attempts of an optimistic read-then-write before giving up (another client kept writing).
    WATCH_ATTEMPTS = 5

    def write_after_read(self, query: str, params: dict[str, Any],
                         build: Callable[[list[dict[str, Any]]], Sequence[Statement]]) -> list[dict[str, Any]]:
        """Read and write on one connection under Redis ``WATCH`` of the graph key: EXEC applies nothing if
        another client wrote the graph after the read (FalkorDB signals its writes to WATCH; verified on
        4.16), and the read is done again. Read values must be plain (strings, numbers, null, lists, maps)."""
        import redis

        def attempt() -> tuple[bool, list[dict[str, Any]]]:
            pipe = self._db.connection.pipeline(transaction=True)
            try:
                pipe.watch(self.name)
                try:
                    rows = rows_from_compact(pipe.execute_command(
                        "GRAPH.RO_QUERY", self.name, params_header(params) + query, "--compact",
                        "timeout", self.timeout_ms))
                except redis.ResponseError as exc:
                    if "empty key" not in str(exc):
                        raise
                    rows = []  # the graph does not exist yet
                stmts = [(q, p or {}) for q, p in build(rows)]
                if not stmts:
                    return True, rows
                for q, p in stmts:
                    self._validate(q, p)
                pipe.multi()
                for q, p in stmts:
                    pipe.execute_command("GRAPH.QUERY", self.name, params_header(p) + q, "--compact",
                                         "timeout", self.timeout_ms)
                try:
                    results = pipe.execute(raise_on_error=False)
                except redis.WatchError:
                    return False, rows
                _raise_first_error(stmts, results)
                return True, rows
            finally:
                pipe.reset()

        with self._lock:
            for _ in range(self.WATCH_ATTEMPTS):
                ok, rows = self._call(attempt)
                if ok:
                    return rows
        raise QueryError(f"FalkorDB graph {self.name!r} kept changing under the write "
                         f"({self.WATCH_ATTEMPTS} attempts): another client is writing it")

    def ping(self) -> bool:
        """Return True if the server answers PING (the graph key may not exist yet)."""
        try:
            return bool(self._call(self._db.connection.ping))
        except GraphError:
            return False

    def schema_statements(self) -> list[str]:
        """Return FalkorDB's index statements for the model."""
        return model.falkordb_statements()

    def _apply_indexes(self, statements: list[str]) -> None:
        existing = self._existing_indexes()
        for stmt in statements:
            label, prop = _index_target(stmt)
            if (label, prop) in existing:
                continue
            try:
                self._call(lambda s=stmt: self._g.query(s))
            except QueryError as exc:
                if "already indexed" not in str(exc):
                    raise

    def _existing_indexes(self) -> set[tuple[str, str]]:
        try:
            rows = self.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
        except QueryError:
            return set()
        return {(r["label"], p) for r in rows for p in (r["properties"] or [])}

    def clear(self) -> None:
        """Delete the whole graph key (faster than DETACH DELETE); the schema must be applied again.

        A graph that was loaded keeps counting: its ingest generation goes on from where it
        was, so a cache keyed on the generation never mistakes the new content for the old.
        """
        import redis

        gen = self.generation()
        try:
            self._call(self._g.delete)
        except QueryError:
            pass  # the key does not exist yet
        except redis.ResponseError:
            pass
        self._validated.clear()
        if gen:
            self._bump_generation(gen)

    def close(self) -> None:
        """Close the Redis connection pool and stop the embedded server if this graph started it."""
        try:
            self._db.connection.close()
        except Exception:  # noqa: BLE001 - closing must never raise
            pass
        if self.server is not None:
            self.server.stop()


def _text(value: Any) -> Any:
    """Return ``value`` with bytes decoded (raw ``GRAPH.RO_QUERY`` replies carry strings as bytes)."""
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _raise_first_error(statements: Sequence[Statement], results: Sequence[Any]) -> None:
    """Raise the first error among the EXEC ``results`` of ``statements`` (ConnectionError as is, else QueryError)."""
    import redis

    for (q, _), res in zip(statements, results, strict=False):
        err = res if isinstance(res, Exception) else None
        if err is None and isinstance(res, list) and res and isinstance(res[-1], Exception):
            err = res[-1]
        if err is not None:
            if isinstance(err, redis.ConnectionError):
                raise err
            raise QueryError(f"FalkorDB rejected a statement of the transaction: {_one_line(err)} in: {_one_line(q)[:200]}")


def _index_target(stmt: str) -> tuple[str, str]:
    """Return (label or edge type, property) of ``CREATE INDEX FOR (x:Label) ON (x.prop)`` / ``()-[x:TYPE]-()``."""
    if "[x:" in stmt:
        label = stmt.split("[x:", 1)[1].split("]", 1)[0]
    else:
        label = stmt.split("(x:", 1)[1].split(")", 1)[0]
    prop = stmt.rsplit("(x.", 1)[1].split(")", 1)[0]
    return label, prop


# --------------------------------------------------------------------------- Neo4j


class Neo4jGraph(Graph):
    """Neo4j 5 (or any Bolt server) through the official ``neo4j`` driver.

    ``auth`` is ``(user, password)`` when a password is set, else None (FalkorDB's
    experimental Bolt port refuses any credentials). Note on FalkorDB 4.16's Bolt
    port, found by experiment (tests/test_bolt.py): it names the graph after the
    first key of the RUN message's metadata, i.e. ``mode`` for READ-mode sessions;
    explicit transactions crash it, so over that port only ``read`` works.
    """

    backend = "neo4j"

    def __init__(self, url: str, *, user: str = "neo4j", password: str = "", database: str = "",
                 timeout_s: float = 30.0, driver: Any = None) -> None:
        self.url = url
        self.name = database
        self.database = database or None  # None = the server's default database
        self.timeout_s = timeout_s
        if driver is None:
            import neo4j

            auth = (user, password) if password else None
            try:
                driver = neo4j.GraphDatabase.driver(url, auth=auth, connection_timeout=5)
            except Exception as exc:  # noqa: BLE001 - bad URL etc.
                raise GraphUnavailable(f"Neo4j at {url}: {_one_line(exc)}") from exc
        self._driver = driver

    def _session(self, write: bool) -> Any:
        import neo4j

        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    def _map(self, exc: Exception) -> GraphError:
        from neo4j import exceptions as nx

        if isinstance(exc, nx.AuthError):
            return GraphUnavailable(f"Neo4j at {self.url} refused the credentials: {_one_line(exc)}")
        if isinstance(exc, nx.ServiceUnavailable | nx.SessionExpired | nx.TransientError | OSError):
            return GraphUnavailable(f"Neo4j at {self.url} is unavailable: {_one_line(exc)}")
        if isinstance(exc, nx.Neo4jError | nx.DriverError | ValueError | TypeError):
            return QueryError(f"Neo4j rejected the query: {_one_line(exc)}")
        return GraphUnavailable(f"Neo4j at {self.url}: {_one_line(exc)}")

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Return the rows of an auto-commit read (READ access mode) as dicts of plain values."""
        import neo4j

        try:
            with self._session(write=False) as session:
                result = session.run(neo4j.Query(query, timeout=self.timeout_s), params or {})
                return [{k: plain(v) for k, v in rec.items()} for rec in result]
        except Exception as exc:  # noqa: BLE001 - mapped to the two typed errors
            raise self._map(exc) from exc

    def write(self, statements: Sequence[Statement]) -> None:
        """Run all statements inside one ``execute_write`` transaction function."""
        statements = [(q, p or {}) for q, p in statements]
        if not statements:
            return

        def work(tx: Any) -> None:
            for q, p in statements:
                tx.run(q, p).consume()

        try:
            with self._session(write=True) as session:
                session.execute_write(work)
        except Exception as exc:  # noqa: BLE001
            raise self._map(exc) from exc

    def write_after_read(self, query: str, params: dict[str, Any],
                         build: Callable[[list[dict[str, Any]]], Sequence[Statement]]) -> list[dict[str, Any]]:
        """Run the read and the writes it decides in ONE ``execute_write`` transaction function (a retry reads again).

        A document created concurrently by another transaction makes a CREATE break the
        unique constraint on Document.id: the transaction fails whole (the loader then
        writes its documents one by one through MERGE).
        """
        out: list[dict[str, Any]] = []

        def work(tx: Any) -> None:
            rows = [{k: plain(v) for k, v in rec.items()} for rec in tx.run(query, params)]
            out[:] = rows
            for q, p in build(rows):
                tx.run(q, p or {}).consume()

        try:
            with self._session(write=True) as session:
                session.execute_write(work)
        except Exception as exc:  # noqa: BLE001
            raise self._map(exc) from exc
        return out

    def schema_statements(self) -> list[str]:
        """Return Neo4j's constraint and index statements for the model."""
        return model.neo4j_statements()

    def _apply_indexes(self, statements: list[str]) -> None:
        try:
            with self._session(write=True) as session:
                for stmt in statements:  # schema statements need their own auto-commit transactions
                    session.run(stmt).consume()
        except Exception as exc:  # noqa: BLE001
            raise self._map(exc) from exc

    def close(self) -> None:
        """Close the driver."""
        try:
            self._driver.close()
        except Exception:  # noqa: BLE001
            pass


# --------------------------------------------------------------------------- factory


def open_graph(settings: Settings | None = None, *, name: str | None = None) -> Graph:
    """Return a connected ``Graph`` for ``settings`` (embedded FalkorDB is started, or reused, as needed)."""
    settings = settings or get_settings()
    backend = settings.backend
    graph_name = name or settings.graph_name or "cascade"
    if backend == "neo4j":
        return Neo4jGraph(settings.graph_url, user=settings.neo4j_user,
                          password=settings.neo4j_password.get_secret_value(),
                          database=settings.neo4j_database or (name or ""), timeout_s=settings.query_timeout_s)
    if backend == "falkordb":
        return FalkorGraph(settings.graph_url, graph_name, timeout_s=settings.query_timeout_s)
    from cascade.embedded import EmbeddedError, EmbeddedServer

    server = EmbeddedServer(settings.data_dir)
    try:
        server.start()
    except EmbeddedError as exc:
        raise GraphUnavailable(f"embedded FalkorDB in {settings.data_dir}: {exc}") from exc
    return FalkorGraph(server.url, graph_name, timeout_s=settings.query_timeout_s, server=server)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def iter_batches(rows: Iterable[Any], size: int) -> Iterable[list[Any]]:
    """Return successive lists of at most ``size`` rows."""
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
