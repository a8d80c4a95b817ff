"""Analyst commands of the ``cascade`` CLI: ``query`` and ``export`` (issue #5).

``register(app)`` is called by ``cascade.cli`` to attach the commands:

* ``cascade query --list``: every named query of ``cypher/`` with its purpose,
  parameters (with example values) and engines;
* ``cascade query NAME --param key=value ... [--format table|json|csv]``: run
  a named query read-only. Values are typed after the example in the query's
  header (a string stays a string, ``10`` becomes an int for an int example, a
  list is JSON or comma-separated). A declared parameter that is not given
  defaults to "" (strings: "no filter"), ``[]`` (lists), or the header's
  example (numbers, booleans); ``provinces`` defaults to the 63 pre-2025
  provinces from ``vietnamadminunits`` (``ingest.admin_units.province_names``).
* ``cascade export --format xlsx|csv|graphml|neo4j-admin --out DIR
  [--document ID] [--province NAME]`` (``cascade.export``).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

#: Parameters whose default, when not given on the command line, comes from data rather than "".
#: ``provinces``: the 63 provinces before the 2025 merger (Nghị quyết 202/2025/QH15), so
#: ``province_coverage`` answers "which provinces have no plan" against the full list.
LIST_DEFAULTS: dict[str, Callable[[], list[str]]] = {}

FORMATS = ("table", "json", "csv")


def _province_list() -> list[str]:
    """Return the 63 pre-2025 province short names (``ingest.admin_units``, from ``vietnamadminunits``)."""
    from ingest.admin_units import province_names

    return list(province_names())


LIST_DEFAULTS["provinces"] = _province_list


def parse_params_header(text: str) -> dict[str, Any]:
    """Return the example parameters of a header ``params:`` line as a dict of JSON values.

    ``'id = "85-kh-ubnd--2020--soc-trang--chau-thanh"; depth = 10'`` ->
    ``{"id": "85-kh-...", "depth": 10}``. Values are JSON (strings, numbers,
    booleans, null, lists); ``;`` inside a string value is allowed. Raises
    ``ValueError`` on anything else, so a malformed header fails its test.
    """
    out: dict[str, Any] = {}
    text = (text or "").strip()
    if not text or text.lower() in ("none", "-"):
        return out
    decoder = json.JSONDecoder()
    pos = 0
    while pos < len(text):
        eq = text.find("=", pos)
        name = text[pos:eq].strip() if eq >= 0 else ""
        if not name.isidentifier():
            raise ValueError(f"bad params header at {text[pos:]!r}")
        start = eq + 1
        while start < len(text) and text[start].isspace():
            start += 1
        try:
            value, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError as exc:
            raise ValueError(f"bad example value for {name!r}: {exc.msg} in {text[start:]!r}") from None
        out[name] = value
        rest = text[end:].lstrip()
        if rest.startswith(";"):
            rest = rest[1:]
        elif rest:
            raise ValueError(f"expected ';' after {name!r} in params header, got {rest!r}")
        pos = len(text) - len(rest)
    return out


def coerce(raw: str, example: Any) -> Any:
    """Return the command-line value ``raw`` typed like the header's ``example`` value.

    Strings stay strings (an id such as ``142`` is not turned into a number);
    ``true/false/yes/no/1/0`` for booleans; ints and floats parsed; lists as
    JSON (``["A", "B"]``) or comma-separated (``A,B``); no example: JSON if it
    parses, else the string.
    """
    if isinstance(example, bool):
        low = raw.strip().lower()
        if low in ("true", "1", "yes", "y", "on"):
            return True
        if low in ("false", "0", "no", "n", "off"):
            return False
        raise ValueError(f"expected true/false, got {raw!r}")
    if isinstance(example, int):
        return int(raw)
    if isinstance(example, float):
        return float(raw)
    if isinstance(example, list):
        s = raw.strip()
        if s.startswith("["):
            value = json.loads(s)
            if not isinstance(value, list):
                raise ValueError(f"expected a JSON list, got {raw!r}")
            return value
        return [x.strip() for x in s.split(",") if x.strip()]
    if isinstance(example, str):
        return raw
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def default_for(name: str, example: Any) -> Any:
    """Return the value a declared parameter takes when the command line omits it (see the module docstring)."""
    if name in LIST_DEFAULTS:
        return LIST_DEFAULTS[name]()
    if isinstance(example, str):
        return ""
    if isinstance(example, list):
        return []
    return example


def build_params(declared: dict[str, Any], given: list[str]) -> dict[str, Any]:
    """Return the parameters for a run: ``key=value`` items typed by ``declared`` examples, defaults for the rest.

    Raises ``ValueError`` for an item without ``=`` or a key the query does not declare.
    """
    params: dict[str, Any] = {}
    for item in given:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ValueError(f"--param expects key=value, got {item!r}")
        if key not in declared:
            names = ", ".join(declared) or "none"
            raise ValueError(f"unknown parameter {key!r} (this query takes: {names})")
        params[key] = coerce(raw, declared[key])
    for key, example in declared.items():
        if key not in params:
            params[key] = default_for(key, example)
    return params


def _cell(value: Any) -> str:
    """Return a table/CSV cell: lists joined with "; ", maps as JSON, null as empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def columns(rows: list[dict[str, Any]], returns: str = "") -> list[str]:
    """Return the column names: the first row's keys, else the header's ``returns`` list.

    Notes in parentheses are dropped: ``"edges (list of {source, target})"`` -> ``"edges"``.
    """
    if rows:
        return list(rows[0].keys())
    depth, plain = 0, []
    for ch in returns:  # "edges (list of {source, target})" -> "edges"
        depth += ch == "("
        if depth == 0:
            plain.append(ch)
        depth -= ch == ")" and depth > 0
    return [c.strip() for c in "".join(plain).split(",") if c.strip() and c.strip() != "nothing"]


def render_csv(rows: list[dict[str, Any]], cols: list[str]) -> str:
    """Return the rows as CSV text (header line first)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return buf.getvalue()


def render_json(rows: list[dict[str, Any]]) -> str:
    """Return the rows as a JSON array (UTF-8 text, not escaped)."""
    return json.dumps(rows, ensure_ascii=False, indent=2)


def _fail(message: str) -> None:
    """Print a one-line error on stderr and exit non-zero (CONTRIBUTING rule 9)."""
    typer.echo(f"error: {' '.join(message.split())}", err=True)
    raise typer.Exit(code=1)


@contextmanager
def _graph() -> Iterator[Any]:
    """Yield the configured graph, closed on the way out; an unreachable graph is a one-line error, exit 1."""
    from cascade.graph import GraphError, open_graph
    from cascade.settings import get_settings

    try:
        graph = open_graph(get_settings())
    except GraphError as exc:
        _fail(str(exc))
    try:
        yield graph
    finally:
        graph.close()


def _print_list() -> None:
    """Print the table of named read queries (name, purpose, example parameters, engines)."""
    from rich.console import Console
    from rich.table import Table

    from cascade import queries

    table = Table(title="Named queries (cypher/*.cypher)", show_lines=False)
    for col in ("name", "purpose", "params (examples)", "engines"):
        table.add_column(col, overflow="fold")
    for q in queries.list_queries():
        if q.is_write:
            continue  # the loader's writes are not analyst queries
        table.add_row(q.name, q.purpose, q.params or "-", ", ".join(q.engines))
    Console(width=max(120, Console().width)).print(table)


def query_command(
    name: Annotated[str | None, typer.Argument(help="Query name (a file cypher/<name>.cypher); see --list.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
    list_: Annotated[bool, typer.Option("--list", "-l",
                                        help="List the named queries with their descriptions.")] = False,
) -> None:
    """Run a named Cypher query read-only (cascade query NAME --param key=value), or list them (--list)."""
    from cascade import queries
    from cascade.graph import GraphError

    if list_:
        _print_list()
        return
    if not name:
        _fail("give a query name, or --list to see them")
    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    try:
        q = queries.load(name)
    except KeyError:
        _fail(f"no named query {name!r} in cypher/ (cascade query --list shows them)")
    if q.is_write:
        _fail(f"{name} is a loader write; cascade query runs read-only queries only")
    try:
        declared = parse_params_header(q.params)
        params = build_params(declared, list(param or []))
    except (ValueError, json.JSONDecodeError) as exc:
        _fail(f"{name}: {exc}")
    with _graph() as graph:
        if graph.backend not in q.engines:
            _fail(f"{name} runs on {', '.join(q.engines)} only; this graph is {graph.backend}")
        try:
            rows = queries.run(graph, name, **params)
        except GraphError as exc:
            _fail(f"{name}: {exc}")
    cols = columns(rows, q.returns)
    if fmt == "json":
        typer.echo(render_json(rows))
    elif fmt == "csv":
        sys.stdout.write(render_csv(rows, cols))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{name} ({len(rows)} rows)")
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in cols))
        Console().print(table)


def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="xlsx | csv | graphml | neo4j-admin")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory (created if missing).")],
    document: Annotated[str | None, typer.Option("--document", help="Only this document (its id).")] = None,
    province: Annotated[str | None, typer.Option("--province", help="Only the plans of this province.")] = None,
) -> None:
    """Export the graph (or one document / province) for Excel, Gephi/yEd or neo4j-admin bulk import."""
    from cascade import export as exporter
    from cascade.graph import GraphError

    if fmt not in exporter.FORMATS:
        _fail(f"--format must be one of {', '.join(exporter.FORMATS)}, not {fmt!r}")
    with _graph() as graph:
        try:
            if document:
                from cascade import queries

                if not queries.run(graph, "documents_overview", id=document, province=""):
                    _fail(f"--document {document!r}: no such document id in the graph "
                          "(cascade query documents_overview)")
            result = exporter.export(graph, fmt, out, document=document, province=province)
        except (GraphError, OSError) as exc:
            _fail(f"export {fmt}: {exc}")
    counts = ", ".join(f"{k}: {v}" for k, v in result.counts.items())
    typer.echo(f"{fmt}: wrote {len(result.files)} file(s) to {out} ({counts})")
    if (document or province) and not any(result.counts.values()):
        given = " ".join(f"--{k} {v!r}" for k, v in (("document", document), ("province", province)) if v)
        typer.echo(f"warning: nothing in the graph matches {given}", err=True)
    shown = 20  # a national csv export writes thousands of agency files
    for f in result.files[:shown]:
        typer.echo(f"  {f}")
    if len(result.files) > shown:
        typer.echo(f"  ... and {len(result.files) - shown} more")
    if result.command:
        typer.echo("Import into a stopped Neo4j 5 (CSV files in its import folder):")
        typer.echo(result.command)


def register(app: typer.Typer) -> None:
    """Attach the ``query`` and ``export`` commands to the main Typer app; return nothing."""
    app.command("query")(query_command)
    app.command("export")(export_command)
