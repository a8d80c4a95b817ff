"""The lineage queries' semantics on a hand-built cascade with shortcuts and diamonds (issue #6 reshaping).

``cascade_down``, ``lineage_down`` and ``lineage_up`` were reshaped so the
engine no longer builds a value per path (cascade: sort pairs, not paths;
lineage: keep the last relationship, not a map per path). These tables pin
what they must still answer where the shape matters: a legal-basis shortcut
(a provincial plan both "căn cứ" the resolution and implementing the decision
below it), a diamond (a district plan implementing both its provincial plan
and the central decision), a plan reached only through BASED_ON, and the
``depth`` bound. The graph is written directly (no parser, no loader), the
expected rows are worked out by hand from the edges below.
"""

from __future__ import annotations

from typing import Any

import pytest

from cascade import queries
from cascade.graph import Graph

# (id, symbol, level, province, district)
DOCS = [
    ("nq", "27-NQ/TW", "central", None, None),
    ("kl", "52-KL/TW", "central", None, None),
    ("qd", "142/QĐ-TTg", "central", None, None),
    ("nd", "30/2020/NĐ-CP", "central", None, None),
    ("kh-a", "56/KH-UBND", "province", "Sóc Trăng", None),
    ("kh-b", "124/KH-UBND", "province", "Lào Cai", None),
    ("kh-a1", "85/KH-UBND", "district", "Sóc Trăng", "Châu Thành"),
    ("kh-b1", "12/KH-UBND", "district", "Lào Cai", "Bảo Thắng"),
]
# (child, parent, type): a Party resolution, its conclusion, the PM's decision, two provincial plans, two districts
EDGES = [
    ("kl", "nq", "IMPLEMENTS"),
    ("qd", "kl", "IMPLEMENTS"),
    ("kh-a", "qd", "IMPLEMENTS"),
    ("kh-a", "nq", "BASED_ON"),  # shortcut: "Căn cứ Nghị quyết 27" in the provincial plan
    ("kh-a", "nd", "BASED_ON"),  # a legal basis above, not below, the resolution
    ("kh-b", "qd", "BASED_ON"),  # reached from the decision through a basis only
    ("kh-a1", "kh-a", "IMPLEMENTS"),
    ("kh-a1", "qd", "IMPLEMENTS"),  # diamond: the district names the decision too
    ("kh-b1", "kh-b", "BASED_ON"),
]


def edge(source: str, target: str, type_: str = "IMPLEMENTS") -> dict[str, str]:
    return {"source": source, "target": target, "type": type_}


@pytest.fixture
def cascade(graph: Graph) -> Graph:
    docs = [{"id": i, "symbol": s, "level": lv, "province": p, "district": d} for i, s, lv, p, d in DOCS]
    graph.write([
        ("UNWIND $docs AS d CREATE (:Document {id: d.id, symbol: d.symbol, level: d.level, province: d.province, "
         "district: d.district, status: 'ingested'})", {"docs": docs}),
        *[(f"UNWIND $edges AS e MATCH (c:Document {{id: e.c}}) MATCH (p:Document {{id: e.p}}) CREATE (c)-[:{t}]->(p)",
           {"edges": [{"c": c, "p": p} for c, p, tt in EDGES if tt == t]}) for t in ("IMPLEMENTS", "BASED_ON")],
    ])
    graph.rebuild_lineage_closure()  # what every load keeps up to date (cascade_down reads it)
    return graph


# query, params -> rows (only the columns named), in the query's order; edges compared as sets
LINEAGE: list[tuple[str, dict[str, Any], list[dict[str, Any]]]] = [
    ("lineage_down", {"id": "nq", "depth": 10}, [
        {"id": "nq", "depth": 0, "impl_depth": 0, "basis_only": 0, "edges": []},
        {"id": "kl", "depth": 1, "impl_depth": 1, "basis_only": 0, "edges": [edge("kl", "nq")]},
        {"id": "qd", "depth": 2, "impl_depth": 2, "basis_only": 0, "edges": [edge("qd", "kl")]},
        # kh-a -> nq (basis, 1) and kh-a -> qd -> kl -> nq (3, all IMPLEMENTS): the longest chain wins
        {"id": "kh-a", "depth": 3, "impl_depth": 3, "basis_only": 0,
         "edges": [edge("kh-a", "nq", "BASED_ON"), edge("kh-a", "qd")]},
        # kh-a1 -> kh-a -> qd -> kl -> nq (4) beats kh-a1 -> qd -> kl -> nq (3) and kh-a1 -> kh-a -> nq (2)
        {"id": "kh-a1", "depth": 4, "impl_depth": 4, "basis_only": 0,
         "edges": [edge("kh-a1", "kh-a"), edge("kh-a1", "qd")]},
        {"id": "kh-b", "depth": 3, "impl_depth": None, "basis_only": 1, "edges": [edge("kh-b", "qd", "BASED_ON")]},
        {"id": "kh-b1", "depth": 4, "impl_depth": None, "basis_only": 1,
         "edges": [edge("kh-b1", "kh-b", "BASED_ON")]},
    ]),
    # the bound cuts paths, not documents: kh-a is still reached (through its basis edge), as basis only
    ("lineage_down", {"id": "nq", "depth": 2}, [
        {"id": "nq", "depth": 0, "impl_depth": 0, "basis_only": 0, "edges": []},
        {"id": "kl", "depth": 1, "impl_depth": 1, "basis_only": 0, "edges": [edge("kl", "nq")]},
        {"id": "qd", "depth": 2, "impl_depth": 2, "basis_only": 0, "edges": [edge("qd", "kl")]},
        {"id": "kh-a", "depth": 1, "impl_depth": None, "basis_only": 1, "edges": [edge("kh-a", "nq", "BASED_ON")]},
        {"id": "kh-a1", "depth": 2, "impl_depth": None, "basis_only": 1, "edges": [edge("kh-a1", "kh-a")]},
    ]),
    ("lineage_up", {"id": "kh-a1", "depth": 10}, [
        {"id": "kh-a1", "depth": 0, "impl_depth": 0, "basis_only": 0, "edges": []},
        {"id": "kh-a", "depth": 1, "impl_depth": 1, "basis_only": 0, "edges": [edge("kh-a1", "kh-a")]},
        {"id": "qd", "depth": 2, "impl_depth": 2, "basis_only": 0,
         "edges": [edge("kh-a1", "qd"), edge("kh-a", "qd")]},
        {"id": "kl", "depth": 3, "impl_depth": 3, "basis_only": 0, "edges": [edge("qd", "kl")]},
        {"id": "nq", "depth": 4, "impl_depth": 4, "basis_only": 0,
         "edges": [edge("kl", "nq"), edge("kh-a", "nq", "BASED_ON")]},
        {"id": "nd", "depth": 2, "impl_depth": None, "basis_only": 1, "edges": [edge("kh-a", "nd", "BASED_ON")]},
    ]),
    ("lineage_up", {"id": "kh-b1", "depth": 10}, [
        {"id": "kh-b1", "depth": 0, "impl_depth": 0, "basis_only": 0, "edges": []},
        {"id": "kh-b", "depth": 1, "impl_depth": None, "basis_only": 1, "edges": [edge("kh-b1", "kh-b", "BASED_ON")]},
        {"id": "qd", "depth": 2, "impl_depth": None, "basis_only": 1, "edges": [edge("kh-b", "qd", "BASED_ON")]},
        {"id": "kl", "depth": 3, "impl_depth": None, "basis_only": 1, "edges": [edge("qd", "kl")]},
        {"id": "nq", "depth": 4, "impl_depth": None, "basis_only": 1, "edges": [edge("kl", "nq")]},
    ]),
]


def _key(e: dict[str, str]) -> tuple[str, str, str]:
    return e["source"], e["target"], e["type"]


@pytest.mark.parametrize("name, params, expected", LINEAGE, ids=[f"{n}-{p['id']}-{p['depth']}" for n, p, _ in LINEAGE])
def test_lineage_rows(cascade: Graph, name: str, params: dict[str, Any], expected: list[dict[str, Any]]) -> None:
    rows = queries.run(cascade, name, **params)
    got = [{k: sorted(r[k], key=_key) if k == "edges" else r[k] for k in want} for r, want in zip(rows, expected)]
    assert got == [dict(w, edges=sorted(w["edges"], key=_key)) for w in expected]
    assert len(rows) == len(expected)
    for r in rows:  # each edge is listed once
        assert len(r["edges"]) == len({_key(e) for e in r["edges"]})


# cascade_down: (id, depth, parent_id) in order depth, province, district, id (central documents have no province)
CASCADE: list[tuple[str, list[tuple[str, int, str]]]] = [
    ("nq", [
        ("kh-a", 1, "nq"),  # the basis shortcut makes the provincial plan hang directly from the resolution
        ("kl", 1, "nq"),
        ("kh-a1", 2, "kh-a"),  # shortest chain kh-a1 -> kh-a -> nq
        ("qd", 2, "kl"),
        ("kh-b", 3, "qd"),
        ("kh-b1", 4, "kh-b"),
    ]),
    ("qd", [
        ("kh-b", 1, "qd"),  # Lào Cai before Sóc Trăng; within a province, a missing district sorts last
        ("kh-a1", 1, "qd"),  # the diamond's direct edge is the shorter chain
        ("kh-a", 1, "qd"),
        ("kh-b1", 2, "kh-b"),
    ]),
    ("kh-a1", []),
]


@pytest.mark.parametrize("start", [i for i, *_ in DOCS])
def test_cascade_down_reads_what_the_traversal_walks(cascade: Graph, start: str) -> None:
    """The shipped one-hop query over the closure gives exactly the rows of the traversal it replaced."""
    assert queries.run(cascade, "cascade_down", id=start) == _traversal(cascade, start)


@pytest.mark.parametrize("start, expected", CASCADE, ids=[s for s, _ in CASCADE])
def test_cascade_down_rows(cascade: Graph, start: str, expected: list[tuple[str, int, str]]) -> None:
    rows = queries.run(cascade, "cascade_down", id=start)
    assert [(r["id"], r["depth"], r["parent_id"]) for r in rows] == expected
    symbols = {i: s for i, s, *_ in DOCS}
    assert all(r["parent_symbol"] == symbols[r["parent_id"]] and r["symbol"] == symbols[r["id"]] for r in rows)


# --------------------------------------------------------------------------- the precomputed closure (UNDER edges)

CLOSURE_READ = ("MATCH (root:Document {id: $id})<-[u:UNDER]-(d) "
                "RETURN d.id AS id, u.depth AS depth, u.parent_id AS parent_id, u.parent_symbol AS parent_symbol "
                "ORDER BY id")


def _closure(graph: Graph, ids: list[str]) -> None:
    graph.write([(queries.text("load_lineage_closure"), {"ids": ids})])


def _traversal(graph: Graph, start: str) -> list[dict[str, Any]]:
    """Return the rows of the variable-length traversal cascade_down replaced (bench/cypher)."""
    from bench.run import _bench_query

    return graph.read(_bench_query("bench_cascade_down_traversal").text, {"id": start})


def _agree(graph: Graph) -> None:
    """Every document's closure answers what the traversal walks (ids and depths; no ties in this graph)."""
    for start, *_ in DOCS:
        walked = sorted((r["id"], r["depth"], r["parent_id"]) for r in _traversal(graph, start))
        stored = [(r["id"], r["depth"], r["parent_id"]) for r in graph.read(CLOSURE_READ, {"id": start})]
        assert stored == walked, start


def test_closure_statement_matches_cascade_down_and_follows_a_removed_edge(cascade: Graph) -> None:
    from cascade.loader import lineage_closure_ids

    ids = lineage_closure_ids([i for i, *_ in DOCS], [{"source": c, "target": p, "relation": t.lower()}
                                                      for c, p, t in EDGES])
    assert ids == sorted(i for i, *_ in DOCS)
    _closure(cascade, ids)
    _agree(cascade)
    assert cascade.read(CLOSURE_READ, {"id": "nq"})[0] == {"id": "kh-a", "depth": 1, "parent_id": "nq",
                                                         "parent_symbol": "27-NQ/TW"}
    # a re-ingest of kh-a drops its "căn cứ Nghị quyết 27": recomputing kh-a alone also fixes kh-a1 below it
    cascade.write([("MATCH (:Document {id: 'kh-a'})-[r:BASED_ON]->(:Document {id: 'nq'}) DELETE r", {})])
    _closure(cascade, lineage_closure_ids(["kh-a"], [{"source": "kh-a", "target": "qd", "relation": "implements"}]))
    _agree(cascade)
    below_nq = {r["id"]: r["depth"] for r in cascade.read(CLOSURE_READ, {"id": "nq"})}
    assert below_nq["kh-a"] == 3 and below_nq["kh-a1"] == 3  # kh-a1 -> qd -> kl -> nq now
    # recomputing twice changes nothing (one UNDER edge per pair)
    before = cascade.read("MATCH (d)-[u:UNDER]->(a) RETURN d.id AS d, a.id AS a, u.depth AS k ORDER BY d, a")
    _closure(cascade, ["nq", "kh-b"])
    assert cascade.read("MATCH (d)-[u:UNDER]->(a) RETURN d.id AS d, a.id AS a, u.depth AS k ORDER BY d, a") == before


@pytest.mark.parametrize("doc_ids, edge_rows, stated_before, expected", [
    (["d"], [], [], ["d"]),
    # a district plan whose text also states "56 implements 142": 56's ancestors change too; CITES never do
    (["d"], [{"source": "d", "target": "p", "relation": "implements"},
             {"source": "56", "target": "142", "relation": "implements"},
             {"source": "d", "target": "x", "relation": "cites"},
             {"source": "y", "target": "x", "relation": "cites"}], [], ["56", "d"]),
    # a re-ingest: the documents it stated edges for before may have lost them
    (["d"], [], ["56", "57"], ["56", "57", "d"]),
])
def test_lineage_closure_ids(doc_ids: list[str], edge_rows: list[dict[str, str]], stated_before: list[str],
                             expected: list[str]) -> None:
    from cascade.loader import lineage_closure_ids

    assert lineage_closure_ids(doc_ids, edge_rows, stated_before) == expected


# --------------------------------------------------------------------------- compact decoding in FalkorGraph.read (bench 3b)

@pytest.mark.parametrize("pair, value", [
    ([1, None], None),
    ([2, "Sở Nội vụ tỉnh Bắc Ninh"], "Sở Nội vụ tỉnh Bắc Ninh"),
    ([2, "Sở Nội vụ".encode()], "Sở Nội vụ"),  # a client without decode_responses
    ([3, 4], 4),
    ([4, "true"], True),
    ([4, "false"], False),
    ([5, "1.5"], 1.5),
    ([6, [[3, 1], [2, "a"], [1, None]]], [1, "a", None]),
    ([10, ["source", [2, "85-kh-ubnd"], "n", [1, None]]], {"source": "85-kh-ubnd", "n": None}),
])
def test_decode_compact(pair: list[Any], value: Any) -> None:
    from cascade.graph import decode_compact

    assert decode_compact(pair) == value


@pytest.mark.parametrize("pair, value", [
    ([1, None], None),
    ([2, "Sở Nội vụ tỉnh Bắc Ninh"], "Sở Nội vụ tỉnh Bắc Ninh"),
    ([2, "Sở Nội vụ".encode()], "Sở Nội vụ"),
    ([3, 0], 0),
    ([4, "true"], True),
    ([5, "2.25"], 2.25),
    ([6, [[2, "a"]]], ["a"]),
    ([10, ["k", [3, 7]]], {"k": 7}),
])
def test_rows_from_compact_takes_every_value_type(pair: list[Any], value: Any) -> None:
    """The row decoder's fast path (strings, integers) and its fallback give decode_compact's values."""
    from cascade.graph import rows_from_compact

    reply = [[[1, "id"], [1, "v"]], [[[2, "x"], pair]], ["Query internal execution time: 1 ms"]]
    assert rows_from_compact(reply) == [{"id": "x", "v": value}]


def test_rows_from_compact_refuses_a_short_row() -> None:
    from cascade.graph import QueryError, rows_from_compact

    with pytest.raises(QueryError):
        rows_from_compact([[[1, "id"], [1, "v"]], [[[2, "x"]]], ["stats"]])


def test_decode_compact_refuses_graph_entities() -> None:
    from cascade.graph import decode_compact

    with pytest.raises(ValueError):
        decode_compact([8, [1, [0], []]])  # a node: the library never returns one (house rule 8)


def test_compact_decoding_gives_the_rows_of_falkordb_py(cascade: Graph) -> None:
    """``FalkorGraph.read`` decodes the compact reply itself: the same rows as falkordb-py + ``plain()``."""
    for name, params in (("lineage_down", {"id": "nq", "depth": 10}), ("cascade_down", {"id": "nq"})):
        text = queries.load(name).text
        want = cascade._read_via_driver(text, params)
        assert want and cascade.read(text, params) == want


# --------------------------------------------------------------------------- the closure kept by the loader

@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_loader_keeps_the_closure_whatever_the_order(new_graph, sample_paths, order: str) -> None:
    """After ingesting the samples one file at a time in either order, cascade_down (closure) = the traversal."""
    from tests.conftest import ingest_into

    paths = list(sample_paths) if order == "as listed" else list(reversed(sample_paths))
    g = new_graph()
    for path in paths:  # one call per file: collect_files would sort a list
        ingest_into(g, [path])
    ids = [r["id"] for r in g.read("MATCH (d:Document) RETURN d.id AS id ORDER BY id")]
    under = g.read("MATCH ()-[u:UNDER]->() RETURN count(u) AS n")[0]["n"]
    assert under >= 4  # 85 -> 56 -> 142 -> 52 -> 27 at least
    for i in ids:
        assert queries.run(g, "cascade_down", id=i) == _traversal(g, i), i


@pytest.mark.parametrize("root", [root for root, _ in CASCADE])
def test_sqlite_cascade_baseline_answers_the_same_question(cascade: Graph, root: str) -> None:
    """The bench's SQLite baseline (bench.run.SQL_CASCADE) returns exactly the store's cascade rows, in order:
    issue #6 compares the two on "the same question", so a cheaper baseline would flatter the store."""
    from bench.run import SQL_CASCADE, build_baselines

    base = build_baselines(cascade)
    cur = base.db.execute(SQL_CASCADE, (root,))
    cols = [c[0] for c in cur.description]
    assert [dict(zip(cols, r)) for r in cur.fetchall()] == queries.run(cascade, "cascade_down", id=root)


def test_sqlite_cascade_baseline_on_the_samples(sample_graph: Graph) -> None:
    """... and on the ingested samples (titles, issuers, stubs): the same rows for every document."""
    from bench.run import SQL_CASCADE, build_baselines

    base = build_baselines(sample_graph)
    compared = 0
    for doc_id in base.docs:
        cur = base.db.execute(SQL_CASCADE, (doc_id,))
        cols = [c[0] for c in cur.description]
        want = queries.run(sample_graph, "cascade_down", id=doc_id)
        assert [dict(zip(cols, r)) for r in cur.fetchall()] == want, doc_id
        compared += len(want)
    assert compared >= 4  # 27-NQ/TW alone has the four-document chain below it
