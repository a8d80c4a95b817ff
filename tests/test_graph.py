"""Graph layer (FalkorDB backend): reads return plain values, writes are one transaction,
parameters are never formatted into the query, errors are typed, the connection recovers."""

from __future__ import annotations

import os
import signal
import time

import pytest

from cascade import queries
from cascade.embedded import EmbeddedServer, free_port
from cascade.graph import FalkorGraph, GraphUnavailable, QueryError, open_graph, plain
from cascade.settings import Settings
from graph_schema import schema as model


def test_read_returns_plain_values(graph):
    graph.write([("CREATE (:Document {id: 'a', year: 2020, tags: ['x', 'y'], ok: true})-[:CITES {count: 2}]->"
                  "(:Document {id: 'b'})", {})])
    rows = graph.read("MATCH (a:Document {id: 'a'})-[r]->(b) RETURN a, r, b.id AS b, {k: a.tags, n: null} AS m")
    assert rows == [{"a": {"id": "a", "year": 2020, "tags": ["x", "y"], "ok": True}, "r": {"count": 2}, "b": "b",
                     "m": {"k": ["x", "y"], "n": None}}]
    assert type(rows[0]["m"]) is dict


def test_plain_converts_nested_and_temporal():
    import datetime as dt
    from collections import OrderedDict

    assert plain(OrderedDict(a=[OrderedDict(b=dt.date(2020, 4, 8))])) == {"a": [{"b": "2020-04-08"}]}


def test_parameters_are_never_formatted_into_the_query(graph):
    evil = "x'}) DETACH DELETE n //\"; MATCH (m) DELETE m"
    graph.write([("CREATE (:Document {id: $id, title: $title})", {"id": "p", "title": evil})])
    assert graph.read("MATCH (d:Document {title: $t}) RETURN d.id AS id, d.title AS t", {"t": evil}) == [
        {"id": "p", "t": evil}]
    assert graph.read("RETURN $v AS v", {"v": "Nghị quyết Trung ương 7 khóa X"}) == [
        {"v": "Nghị quyết Trung ương 7 khóa X"}]


def test_write_is_all_or_nothing_when_a_statement_is_invalid(graph):
    with pytest.raises(QueryError):
        graph.write([("CREATE (:Document {id: $id})", {"id": "first"}),
                     ("MATCH (d:Document) RETURN d.id(", {})])
    assert graph.read("MATCH (d:Document) RETURN count(d) AS c") == [{"c": 0}]


def test_write_of_many_statements_applies_together(graph):
    stmts = [("MERGE (d:Document {id: $id})", {"id": f"d{i}"}) for i in range(50)]
    stmts.append(("MATCH (a:Document {id: 'd0'}), (b:Document {id: 'd49'}) MERGE (a)-[:CITES]->(b)", {}))
    graph.write(stmts)
    assert graph.counts()["Document"] == 50 and graph.counts()["CITES"] == 1


@pytest.mark.parametrize(
    "query",
    ["MATCH (n RETURN n", "RETURN nosuchfunction(1) AS x", "MATCH (n) RETURN m"],
)
def test_bad_queries_raise_query_error(graph, query):
    with pytest.raises(QueryError):
        graph.read(query)


def test_schema_applied_idempotently_with_version(graph):
    assert graph.schema_version() == model.SCHEMA_VERSION
    before = graph.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
    graph.apply_schema()
    after = graph.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
    assert sorted(map(repr, before)) == sorted(map(repr, after))
    indexed = {(r["label"], p) for r in after for p in r["properties"]}
    assert ("Document", "symbol_key") in indexed and ("Agency", "id") in indexed
    assert graph.read("MATCH (m:Meta) RETURN count(m) AS c") == [{"c": 1}]


def test_counts_cover_every_label_and_edge(graph):
    c = graph.counts()
    for n in model.NODES:
        assert n.label in c
    for e in model.EDGES:
        assert e.type in c
    assert c["Meta"] == 1 and c["nodes"] == 1 and c["edges"] == 0


def test_named_queries_parse_headers():
    q = queries.load("lineage_up")
    assert q.name == "lineage_up" and "id" in q.params and q.engines == ("falkordb", "neo4j")
    assert not q.text.startswith("//")
    for nq in queries.list_queries():
        if nq.name.startswith(("load_", "lineage_", "find_", "agency_duties")):
            assert nq.purpose and nq.returns, nq.name
            # a query's values come in as parameters; only one whose header says "params: none"
            # (the loader's prune of orphan agencies) has none
            assert ("$" in nq.text) != (nq.params == "none"), f"{nq.name}: parameters and header disagree"
    with pytest.raises(KeyError):
        queries.load("../etc/passwd")


def test_unavailable_then_recovers_when_server_is_back(tmp_path):
    port = free_port()
    server = EmbeddedServer(tmp_path / "db", port=port).start()
    g = FalkorGraph(f"redis://127.0.0.1:{port}", "recover")
    g.write([("CREATE (:Document {id: 'kept'})", {})])
    server.stop()
    with pytest.raises(GraphUnavailable):
        g.read("MATCH (d:Document) RETURN d.id AS id")
    assert g.ping() is False
    server = EmbeddedServer(tmp_path / "db", port=port).start()
    try:
        assert g.read("MATCH (d:Document) RETURN d.id AS id") == [{"id": "kept"}]
        assert g.ping() is True
    finally:
        g.close()
        server.stop()


def test_embedded_graph_restarts_its_own_server_after_a_crash(tmp_path):
    settings = Settings(graph_url="", data_dir=tmp_path / "db", graph_name="crash")
    g = open_graph(settings)
    try:
        g.write([("CREATE (:Document {id: 'durable'})", {})])
        time.sleep(1.2)  # appendfsync everysec
        os.kill(g.server.info.pid, signal.SIGKILL)
        g.server._proc.wait(5)
        assert g.read("MATCH (d:Document) RETURN d.id AS id") == [{"id": "durable"}]
    finally:
        g.close()
    assert not (tmp_path / "db" / "cascade-db.json").exists()


def test_open_graph_external_url_and_bad_scheme(falkordb_server):
    g = open_graph(Settings(graph_url=falkordb_server.url, graph_name="ext"))
    assert g.ping() and g.name == "ext"
    g.close()
    with pytest.raises(ValueError):
        open_graph(Settings(graph_url="http://nope"))


def test_sharing_a_data_dir_survives_the_first_owner_leaving(tmp_path):
    """Two commands on one data dir: the second reuses the first's server, and restarts it (same data)
    when the first exits and stops it."""
    settings = Settings(graph_url="", data_dir=tmp_path / "db", graph_name="shared")
    first = open_graph(settings)
    second = open_graph(settings)
    assert first.server.owned and not second.server.owned
    assert first.server.info.pid == second.server.info.pid
    first.write([("CREATE (:Document {id: 'x'})", {})])
    first.close()
    assert second.read("MATCH (d:Document) RETURN d.id AS id") == [{"id": "x"}]
    assert second.server.owned
    second.close()
    assert not (tmp_path / "db" / "cascade-db.json").exists()
