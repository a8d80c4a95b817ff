"""The ``cascade`` command line (Typer + rich).

Commands: ``ingest PATH...``, ``parse FILE [--json]``, ``lineage SYMBOL``,
``duties AGENCY``, ``serve``, ``demo``, ``db status|start|stop``, ``schema``,
plus the analyst commands of ``cascade.cli_analyst`` (``query``, ``export``).

Commands that need the graph open it with ``cascade.graph.open_graph``: on the
embedded default this reuses a server started by ``cascade db start`` on the
same data dir, or starts one for the duration of the command and stops it
afterwards. Configuration comes from ``CASCADE_*`` variables
(``cascade.settings``).

JSON outputs: ``parse --json`` is ``ParseResult.to_dict()``; ``ingest --json``
the summary ``{files, documents, references, tasks, agencies, errors}``;
``lineage --json`` is ``{"direction", "start", "nodes": [rows of
cypher/lineage_<direction>.cypher, in order, without "edges"], "edges":
[{source, target, type}]}``; ``duties --json`` is ``{"agency", "duties"}``.

Exit codes: 0 success; 1 a file failed or the database is unavailable; 2 usage
(unknown or ambiguous symbol/agency: the candidates are listed).
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cascade import ROOT, embedded, queries
from cascade.graph import Graph, GraphError, GraphUnavailable, open_graph
from cascade.settings import Settings, get_settings

app = typer.Typer(help="Cascade: the graph of Vietnam's directive cascade.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
db_app = typer.Typer(help="The embedded FalkorDB server: status, start, stop.", no_args_is_help=True)
app.add_typer(db_app, name="db")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

#: With at least this many files, parsing runs in worker processes.
PARALLEL_THRESHOLD = 16


def _settings() -> Settings:
    get_settings.cache_clear()  # the environment may have changed since import (tests)
    return get_settings()


def _open(settings: Settings) -> Graph:
    try:
        g = open_graph(settings)
        from graph_schema import SCHEMA_VERSION

        if g.schema_version() != SCHEMA_VERSION:  # new graph, or one made by an older model
            g.apply_schema()
        return g
    except GraphError as exc:
        err.print(f"error: graph unavailable: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from exc


def _error_line(message: str) -> None:
    """Print ONE line ``error: ...`` on stderr (newlines folded)."""
    err.print("error: " + " ".join(message.split()), markup=False, highlight=False, soft_wrap=True)


# --------------------------------------------------------------------------- ingest


def _parse_one(path: str) -> tuple[str, Any]:
    """Return ("ok", ParseResult) or ("error", one-line message) for one file (worker-safe)."""
    from ingest import IngestError, parse_file

    try:
        return "ok", parse_file(path)
    except IngestError as exc:
        return "error", str(exc)
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the other files
        return "error", f"{path}: {type(exc).__name__}: {' '.join(str(exc).split())}"


def _worker_init() -> None:
    """Pool initializer: die with the parent (Linux PR_SET_PDEATHSIG), so a killed ingest leaves no workers."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)


def _parsed(files: list[Path], fn: Any = _parse_one, workers: int | None = None):
    """Yield (path, status, value) in file order, ``fn(path)`` running in worker processes when there are many files.

    ``fn`` returns ``(status, value)`` and must be picklable (a module-level function):
    ``_parse_one`` (ParseResult) or ``cascade.loader.prepare`` (the document's rows, so
    planning runs in the workers too, not in the loading process).
    """
    names = [str(f) for f in files]
    workers = workers or min(os.cpu_count() or 1, 8)
    if len(files) >= PARALLEL_THRESHOLD and workers > 1:
        # A bounded window of in-flight files: Executor.map would submit every file up front
        # and hold every finished result in memory, so a national corpus would not stream.
        window = workers * 4
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
            pending: deque = deque()
            it = iter(names)
            for name in itertools.islice(it, window):
                pending.append((name, pool.submit(fn, name)))
            while pending:
                name, fut = pending.popleft()
                nxt = next(it, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(fn, nxt)))
                status, value = fut.result()
                yield name, status, value
    else:
        for name in names:
            status, value = fn(name)
            yield name, status, value


def ingest_files(graph: Graph, paths: list[str], *, batch_size: int, show_progress: bool = True,
                 group_docs: int | None = None, workers: int | None = None) -> dict[str, int]:
    """Parse and load every file under ``paths``; print one error line per bad file; return the summary counts.

    Worker processes parse and plan; this process writes the documents in groups of up to
    ``group_docs`` (one transaction per group, ``cascade.loader.load_stream``): each
    document is wholly written or absent, and a failed group is retried document by
    document so only the bad file is reported.
    """
    from cascade.loader import GROUP_DOCS, expand_paths, load_stream, prepare, prune_orphans

    files, missing = expand_paths(paths)
    summary = {"files": len(files) + len(missing), "documents": 0, "references": 0, "tasks": 0, "agencies": 0,
               "errors": 0, "pruned": 0}
    replaced = False
    for path, problem in missing:
        _error_line(f"{path}: {problem}")
        summary["errors"] += 1
    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=err, transient=True,
                        disable=not show_progress or len(files) < 2)
    with progress:
        task = progress.add_task("", total=len(files))
        outcomes = load_stream(graph, _parsed(files, prepare, workers), batch_size,
                               group_docs=group_docs or GROUP_DOCS)
        for o in outcomes:
            progress.update(task, description=Path(o.path).name)
            if o.error is not None or o.summary is None:
                _error_line(o.error or f"{o.path}: not written")
                summary["errors"] += 1
            else:
                summary["documents"] += 1
                summary["references"] += o.summary.references
                summary["tasks"] += o.summary.tasks
                summary["agencies"] += o.summary.agencies
                replaced = replaced or o.summary.replaced
            progress.advance(task)
    if replaced:
        # documents loaded again may no longer name a body they named before (a changed file, a
        # parser that now spells the body otherwise): drop the agencies nothing names any more
        summary["pruned"] = prune_orphans(graph)
    return summary


def _summary_table(summary: dict[str, int], graph: Graph | None = None) -> Table:
    table = Table(title="ingest summary")
    table.add_column("what")
    table.add_column("this run", justify="right")
    if graph is not None:
        table.add_column("in graph", justify="right")
        counts = graph.counts()
        totals = {"documents": counts["Document"], "references": counts["IMPLEMENTS"] + counts["BASED_ON"]
                  + counts["CITES"], "tasks": counts["Task"], "agencies": counts["Agency"] + counts["AgencyGroup"]}
    for key in ("files", "documents", "references", "tasks", "agencies", "pruned", "errors"):
        row = [key, str(summary[key])]
        if graph is not None:
            row.append(str(totals.get(key, "")))
        table.add_row(*row)
    return table


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files and folders (recursively) to ingest.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    group: Annotated[int | None, typer.Option(min=1, help="Documents per write transaction (default 64; each is "
                                                         "wholly written or absent; a failed group is retried one "
                                                         "by one).")] = None,
) -> None:
    """Parse and load documents, several per transaction, never half-written; exit 1 if any file failed."""
    settings = _settings()
    graph = _open(settings)
    try:
        summary = ingest_files(graph, paths, batch_size=settings.batch_size, show_progress=not as_json,
                               group_docs=group)
        if as_json:
            out.print_json(json.dumps(summary))
        else:
            out.print(_summary_table(summary, graph))
    except GraphUnavailable as exc:
        _error_line(f"graph unavailable: {exc}")
        raise typer.Exit(1) from exc
    finally:
        graph.close()
    if summary["errors"]:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- parse


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="The document to parse (no database needed).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print ParseResult.to_dict() as JSON.")] = False,
) -> None:
    """Parse one document and print what ingest reads out of it."""
    status, value = _parse_one(file)
    if status == "error":
        _error_line(value)
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(json.dumps(value.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    d = value.to_dict()
    h = d["document"]
    issuer = h.get("issuer") or {}
    table = Table(title=f"{file}", show_header=False)
    for key, val in [("symbol", h.get("symbol")), ("type", h.get("doc_type")), ("title", h.get("title")),
                     ("issuer", issuer.get("name")), ("level", issuer.get("level")),
                     ("province", issuer.get("province")), ("district", issuer.get("district")),
                     ("issued on", h.get("issued_on")), ("id", h.get("id")),
                     ("references", len(d["references"])), ("stated edges", len(d["stated_edges"])),
                     ("tasks", len(d["tasks"])), ("agencies", len(d["agencies"])),
                     ("warnings", len(d["warnings"]))]:
        table.add_row(key, "" if val is None else str(val))
    out.print(table)
    if d["references"]:
        refs = Table(title="references")
        for col in ("relation", "symbol", "type", "issuer", "date"):
            refs.add_column(col)
        for r in d["references"]:
            refs.add_row(r["relation"], r["symbol"] or "", r["doc_type"] or "", r["issuer"] or "", r["issued_on"] or "")
        out.print(refs)


# --------------------------------------------------------------------------- lineage / duties


def resolve_document(graph: Graph, symbol: str, issuer: str | None = None) -> list[dict[str, Any]]:
    """Return the documents whose symbol is ``symbol`` (optionally narrowed by issuer text), ingested first."""
    from ingest.identity import fold, slug, symbol_key

    return queries.run(graph, "find_document", key=symbol_key(symbol),
                       issuer=fold(issuer).strip() if issuer else None, issuer_slug=slug(issuer) if issuer else None,
                       province=None, province_slug=None)


def lineage_of(graph: Graph, doc_id: str, direction: str = "up", depth: int = 10) -> dict[str, Any]:
    """Return ``{"direction", "start", "nodes": [...ordered...], "edges": [...]}`` of a document's lineage."""
    rows = queries.run(graph, f"lineage_{direction}", id=doc_id, depth=depth)
    edges: list[dict[str, Any]] = []
    for row in rows:
        for e in row.pop("edges") or []:
            if e and e not in edges:
                edges.append(e)
        row.pop("basis_only", None)
    return {"direction": direction, "start": doc_id, "nodes": rows, "edges": edges}


def _candidates(rows: list[dict[str, Any]], what: str, hint: str) -> None:
    err.print(f"{what} is ambiguous; {hint}:", markup=False, highlight=False)
    for r in rows:
        err.print("  " + "  ".join(str(r.get(k) or "") for k in ("id", "symbol", "name", "issuer", "issued_on",
                                                                   "status") if k in r),
                  markup=False, highlight=False)


@app.command()
def lineage(
    symbol: Annotated[str, typer.Argument(help="Document symbol, e.g. 85/KH-UBND or 27-NQ/TW.")],
    issuer: Annotated[str | None, typer.Option(help="Issuer text to pick among same-numbered documents.")] = None,
    up: Annotated[bool, typer.Option("--up", help="Towards the root directives (default).")] = False,
    down: Annotated[bool, typer.Option("--down", help="Towards the plans that implement it.")] = False,
    depth: Annotated[int, typer.Option(min=1, max=10, help="Maximum number of links.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show what a document implements (--up) or what implements it (--down)."""
    if up and down:
        _error_line("choose one of --up or --down")
        raise typer.Exit(2)
    direction = "down" if down else "up"
    graph = _open(_settings())
    try:
        found = resolve_document(graph, symbol, issuer)
        ids = list(dict.fromkeys(r["id"] for r in found))
        ingested = [r["id"] for r in found if r["status"] == "ingested"]
        if len(ids) > 1 and len(ingested) == 1 and len({(r["issuer"], r["province"]) for r in found}) == 1:
            # same issuer: stubs from citations without a date (year "x") are the document we have read
            ids = ingested
        if not ids:
            _error_line(f"{symbol}: no such document in the graph" + (f" for issuer {issuer!r}" if issuer else ""))
            raise typer.Exit(2)
        if len(ids) > 1:
            _candidates(found, symbol, "give --issuer to choose one of")
            raise typer.Exit(2)
        result = lineage_of(graph, ids[0], direction, depth)
    except GraphError as exc:
        _error_line(str(exc))
        raise typer.Exit(1) from exc
    finally:
        graph.close()
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"lineage {direction} from {symbol}")
    for col in ("depth", "symbol", "type", "issuer", "issued on", "status"):
        table.add_column(col)
    for n in result["nodes"]:
        table.add_row(str(n["depth"]), n["symbol"] or "", n["doc_type"] or "", n["issuer"] or "",
                      n["issued_on"] or "", n["status"] or "")
    out.print(table)


@app.command()
def duties(
    agency: Annotated[str, typer.Argument(help="Agency id, or its name without diacritics (e.g. 'so noi vu').")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the tasks assigned to an agency: role, plan, deadline."""
    from ingest.identity import fold

    graph = _open(_settings())
    try:
        found = queries.run(graph, "find_agency", id=agency, text=" ".join(fold(agency).split()))
        exact = [r for r in found if r["id"] == agency]
        chosen = exact or found
        if not chosen:
            # The same word search as GET /agencies (cascade.search, core): every folded word must
            # match, abbreviations expanded ("so noi vu bac ninh", "lien hiep cac hoi khkt").
            from cascade.search import search_agencies

            chosen = search_agencies(graph, q=agency, limit=20, offset=0)
        if not chosen:
            _error_line(f"{agency}: no such agency in the graph")
            raise typer.Exit(2)
        if len(chosen) > 1:
            _candidates(chosen, agency, "give one of these ids")
            raise typer.Exit(2)
        rows = queries.run(graph, "agency_duties", id=chosen[0]["id"])
    except GraphError as exc:
        _error_line(str(exc))
        raise typer.Exit(1) from exc
    finally:
        graph.close()
    for r in rows:
        r.pop("role_order", None)
    if as_json:
        sys.stdout.write(json.dumps({"agency": chosen[0], "duties": rows}, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"duties of {chosen[0]['name']}")
    for col in ("role", "plan", "section", "task", "deadline", "due"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["role"], r["doc_symbol"] or "", r["section"] or "", r["text"] or "",
                      r["deadline_text"] or "", r["due"] or "")
    out.print(table)


# --------------------------------------------------------------------------- serve / demo


def _serve(graph: Graph, settings: Settings, host: str, port: int, workers: int = 1) -> None:
    try:
        from api.app import create_app
    except ImportError as exc:
        _error_line(f"the API is not available: {exc}")
        raise typer.Exit(1) from exc
    import uvicorn

    out.print(f"Cascade API on http://{host}:{port}/  (docs: http://{host}:{port}/docs)"
              + (f", {workers} worker processes" if workers > 1 else ""), highlight=False)
    try:
        if workers > 1:
            # Each uvicorn worker process builds the app from the factory and opens its own connection.
            # An embedded FalkorDB stays owned by this process: the workers get its redis:// URL. The
            # workers' answer caches agree through the ingest generation (api/cache.py).
            if graph.backend == "falkordb":
                os.environ["CASCADE_GRAPH_URL"] = getattr(graph, "url", settings.graph_url)
                os.environ["CASCADE_GRAPH_NAME"] = graph.name
            uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="info")
        else:
            uvicorn.run(create_app(graph=graph, settings=settings), host=host, port=port, log_level="info")
    except KeyboardInterrupt:  # Ctrl-C: uvicorn has shut down already; the caller closes the graph
        pass


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default from CASCADE_HOST: 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from CASCADE_PORT: 8000).")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="uvicorn worker processes (one per core for throughput).")] = 1,
) -> None:
    """Serve the HTTP API and the lineage pages."""
    settings = _settings()
    graph = _open(settings)
    try:
        _serve(graph, settings, host or settings.host, port or settings.port, workers)
    finally:
        graph.close()


@app.command()
def demo(
    host: Annotated[str | None, typer.Option(help="Bind address.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Ingest the samples only.")] = False,
) -> None:
    """Ingest corpus/samples into the embedded graph, then serve it."""
    settings = _settings()
    graph = _open(settings)
    try:
        summary = ingest_files(graph, [str(ROOT / "corpus" / "samples")], batch_size=settings.batch_size)
        out.print(_summary_table(summary, graph))
        if no_serve:
            return
        h, p = host or settings.host, port or settings.port
        out.print(f"Lineage: http://{h}:{p}/  API: http://{h}:{p}/docs", highlight=False)
        _serve(graph, settings, h, p)
    finally:
        graph.close()


# --------------------------------------------------------------------------- db


@db_app.command("status")
def db_status(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Say whether an embedded server runs on the data dir (exit 1 if not)."""
    settings = _settings()
    info = embedded.status(settings.data_dir)
    if as_json:
        sys.stdout.write(json.dumps({"running": info is not None, "data_dir": str(settings.data_dir),
                                     **({"pid": info.pid, "port": info.port, "url": info.url, "mode": info.mode}
                                        if info else {})}) + "\n")
    elif info is None:
        out.print(f"not running (data dir {settings.data_dir})", highlight=False)
    else:
        out.print(f"running: pid {info.pid}, {info.url}, mode {info.mode}, data dir {settings.data_dir}",
                  highlight=False)
    if info is None:
        raise typer.Exit(1)


@db_app.command("start")
def db_start(bolt_port: Annotated[int | None, typer.Option(help="Also open FalkorDB's Bolt port.")] = None) -> None:
    """Start the embedded server in the background (kept running until `cascade db stop`)."""
    settings = _settings()
    running = embedded.status(settings.data_dir)
    if running is not None:
        out.print(f"already running: pid {running.pid}, {running.url}", highlight=False)
        return
    try:
        # a national-size graph takes a minute or more to load: say what the wait is
        with out.status(f"starting FalkorDB on {settings.data_dir} (loading the graph)"):
            server = embedded.EmbeddedServer(settings.data_dir, bolt_port=bolt_port, daemon=True).start()
    except embedded.EmbeddedError as exc:
        _error_line(str(exc).splitlines()[0])
        raise typer.Exit(1) from exc
    out.print(f"started: pid {server.info.pid}, {server.url}, data dir {settings.data_dir}", highlight=False)


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded server of the data dir (saving its data)."""
    settings = _settings()
    info = embedded.stop_running(settings.data_dir)
    if info is None:
        out.print("not running", highlight=False)
    else:
        out.print(f"stopped: pid {info.pid}", highlight=False)


# --------------------------------------------------------------------------- schema

SCHEMA_FILE = ROOT / "cypher" / "schema.cypher"


def schema_file_text() -> str:
    """Return the text of ``cypher/schema.cypher``: the Neo4j constraints and indexes of ``graph_schema``."""
    from graph_schema import schema as model

    header = [
        "// name: schema",
        "// purpose: Neo4j 5 constraints and indexes of the model, generated from graph_schema/schema.py by"
        " `cascade schema --neo4j --write`; several statements, run one by one (cypher-shell -f).",
        "// params: none",
        "// returns: nothing",
        "// engines: neo4j",
        f"// schema_version: {model.SCHEMA_VERSION}",
    ]
    return "\n".join(header) + "\n" + "".join(f"{s};\n" for s in model.neo4j_statements())


@app.command()
def schema(
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Neo4j statements instead of FalkorDB's.")] = False,
    write: Annotated[bool, typer.Option("--write", help="(Re)write cypher/schema.cypher.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if cypher/schema.cypher is out of date.")] = False,
) -> None:
    """Print the schema statements of the model; write or check cypher/schema.cypher."""
    from graph_schema import schema as model

    for stmt in model.neo4j_statements() if neo4j else model.falkordb_statements():
        sys.stdout.write(stmt + ";\n")
    expected = schema_file_text()
    if write:
        SCHEMA_FILE.write_text(expected, encoding="utf-8")
    if check:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        if current != expected:
            _error_line(f"{SCHEMA_FILE}: out of date; run `cascade schema --neo4j --write`")
            raise typer.Exit(1)


def _register_analyst() -> None:
    from cascade import cli_analyst

    cli_analyst.register(app)


_register_analyst()


def main() -> None:
    """Entry point of the ``cascade`` console script."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
