"""Neo4jGraph: the same Cypher files over a real Bolt server (FalkorDB's Bolt port), and unit tests
of the rest of the Neo4j backend with a fake driver.

Which graph does FalkorDB 4.16's Bolt port read? Found by experiment (GRAPH.LIST after a Bolt
query): it takes the FIRST KEY of the RUN message's ``extra`` map as the graph name. For an
auto-commit read in READ access mode without a database, the neo4j driver sends
``{"mode": "r", ...}``, so the graph is literally ``mode``; with a database the first key is
``db``. The test therefore loads its data into the graph named ``mode``. Asking for a database
by name hung the Bolt handshake, and explicit transactions crash the server (CONTRIBUTING.md),
so only auto-commit reads go over Bolt here.
"""

from __future__ import annotations

import pytest

from cascade import queries
from cascade.embedded import EmbeddedServer, free_bolt_port
from cascade.graph import FalkorGraph, GraphUnavailable, Neo4jGraph, QueryError, open_graph
from cascade.loader import load
from cascade.settings import Settings
from tests.test_loader import CASCADE

BOLT_GRAPH = "mode"  # see the module docstring


@pytest.fixture(scope="module")
def bolt(tmp_path_factory):
    """(FalkorGraph on graph 'mode', Neo4jGraph over Bolt) on one Bolt-enabled embedded server."""
    port = free_bolt_port()
    server = EmbeddedServer(tmp_path_factory.mktemp("bolt"), bolt_port=port).start()
    falkor = FalkorGraph(server.url, BOLT_GRAPH)
    falkor.clear()
    falkor.apply_schema()
    for r in CASCADE:
        load(falkor, r)
    neo = Neo4jGraph(f"bolt://127.0.0.1:{port}")
    try:
        yield falkor, neo
    finally:
        neo.close()
        falkor.close()
        server.stop()


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("lineage_up", {"id": "85-kh-ubnd--2020--soc-trang--chau-thanh", "depth": 10}),
        ("lineage_down", {"id": "27-nq-tw--2008", "depth": 10}),
        ("lineage_down", {"id": "27-nq-tw--2008", "depth": 2}),
        ("find_document", {"key": "56-kh-ubnd", "issuer": None, "issuer_slug": None, "province": None,
                           "province_slug": None}),
        ("find_agency", {"id": "", "text": "phong noi vu"}),
        ("agency_duties", {"id": "phong-noi-vu-huyen-chau-thanh--soc-trang"}),
    ],
)
def test_same_query_file_same_rows_on_both_backends(bolt, name, params):
    falkor, neo = bolt
    via_falkor = queries.run(falkor, name, **params)
    via_bolt = queries.run(neo, name, **params)
    assert via_falkor, f"{name} returned nothing: the test would prove nothing"
    assert via_bolt == via_falkor


def test_lineage_order_over_bolt(bolt):
    _, neo = bolt
    rows = queries.run(neo, "lineage_up", id="85-kh-ubnd--2020--soc-trang--chau-thanh", depth=10)
    assert [r["symbol"] for r in rows] == ["85/KH-UBND", "56/KH-UBND", "142/QĐ-TTg", "52-KL/TW", "27-NQ/TW"]


# --------------------------------------------------------------------------- fake driver


class FakeResult(list):
    def consume(self):
        return None


class FakeRecord(dict):
    pass


class FakeTx:
    def __init__(self, log, fail_on=None):
        self.log, self.fail_on = log, fail_on

    def run(self, query, params):
        if self.fail_on and self.fail_on in query:
            from neo4j.exceptions import CypherSyntaxError

            raise CypherSyntaxError("Invalid input")
        self.log.append((query, params))
        return FakeResult()


class FakeSession:
    def __init__(self, driver, **kwargs):
        self.driver, self.kwargs = driver, kwargs

    def __enter__(self):
        self.driver.sessions.append(self.kwargs)
        return self

    def __exit__(self, *exc):
        return False

    def run(self, query, params=None):
        if self.driver.error:
            raise self.driver.error
        self.driver.reads.append((getattr(query, "text", query), params, getattr(query, "timeout", None)))
        return [FakeRecord(r) for r in self.driver.rows]

    def execute_write(self, work):
        staged: list = []
        work(FakeTx(staged, self.driver.fail_on))  # raises before anything is committed
        self.driver.committed.append(staged)


class FakeDriver:
    def __init__(self, rows=(), error=None, fail_on=None):
        self.rows, self.error, self.fail_on = list(rows), error, fail_on
        self.sessions, self.reads, self.committed = [], [], []
        self.closed = False

    def session(self, **kwargs):
        return FakeSession(self, **kwargs)

    def close(self):
        self.closed = True


def test_read_uses_read_access_auto_commit_and_parameters():
    import neo4j

    drv = FakeDriver(rows=[{"id": "a", "m": {"x": [1, 2]}}])
    g = Neo4jGraph("bolt://h:7687", database="cascade", timeout_s=7, driver=drv)
    assert g.read("MATCH (d {id: $id}) RETURN d.id AS id", {"id": "a'; DROP"}) == [{"id": "a", "m": {"x": [1, 2]}}]
    assert drv.sessions == [{"database": "cascade", "default_access_mode": neo4j.READ_ACCESS}]
    text, params, timeout = drv.reads[0]
    assert params == {"id": "a'; DROP"} and "DROP" not in text and timeout == 7


def test_write_is_one_transaction_function():
    import neo4j

    drv = FakeDriver()
    g = Neo4jGraph("neo4j+s://x.databases.neo4j.io", driver=drv)
    g.write([("CREATE (:A {id: $id})", {"id": 1}), ("CREATE (:B)", {})])
    assert drv.committed == [[("CREATE (:A {id: $id})", {"id": 1}), ("CREATE (:B)", {})]]
    assert drv.sessions[-1] == {"database": None, "default_access_mode": neo4j.WRITE_ACCESS}
    bad = FakeDriver(fail_on="BROKEN")
    g = Neo4jGraph("bolt://h", driver=bad)
    with pytest.raises(QueryError):
        g.write([("CREATE (:A)", {}), ("BROKEN", {})])
    assert bad.committed == []  # all or nothing


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ("ServiceUnavailable", GraphUnavailable),
        ("SessionExpired", GraphUnavailable),
        ("AuthError", GraphUnavailable),
        ("CypherSyntaxError", QueryError),
        ("ClientError", QueryError),
    ],
)
def test_errors_are_mapped(error, expected):
    from neo4j import exceptions as nx

    g = Neo4jGraph("bolt://h", driver=FakeDriver(error=getattr(nx, error)("boom")))
    with pytest.raises(expected, match="boom"):
        g.read("RETURN 1")


def test_open_graph_picks_neo4j_with_credentials(monkeypatch):
    import neo4j

    seen = {}

    def fake_driver(url, auth=None, **kw):
        seen.update(url=url, auth=auth)
        return FakeDriver()

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", staticmethod(fake_driver))
    g = open_graph(Settings(graph_url="neo4j+s://abc.databases.neo4j.io", neo4j_user="u", neo4j_password="p",
                            neo4j_database="prod"))
    assert isinstance(g, Neo4jGraph) and g.database == "prod"
    assert seen == {"url": "neo4j+s://abc.databases.neo4j.io", "auth": ("u", "p")}
    g = open_graph(Settings(graph_url="bolt://127.0.0.1:7687"))
    assert seen["auth"] is None and g.database is None  # no password: no auth (FalkorDB's Bolt refuses any)
    g.close()


def test_unreachable_bolt_server_is_unavailable():
    from cascade.embedded import free_port

    g = Neo4jGraph(f"bolt://127.0.0.1:{free_port()}")
    with pytest.raises(GraphUnavailable):
        g.read("RETURN 1")
    assert g.ping() is False
    g.close()
