"""Group writes (issue #6): several documents per transaction give EXACTLY the graph that loading
them one at a time gives (every node, edge and property), on the real samples, the held-out
documents and an XS bench corpus; a failed group is retried document by document; the ingest
generation counts the writes that change the graph."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from cascade import ROOT, queries
from cascade.graph import GraphError, QueryError
from cascade.loader import (
    DocPlan,
    LoadError,
    load_stream,
    merge_rows,
    plan_document,
    prepare,
    statements,
    write_group,
)
from tests.test_loader import CASCADE, KH12_KS, KH56, KH85, KH85_STATING, QD142

HELDOUT = ROOT / "tests" / "data" / "heldout"


def exact_snapshot(graph):
    """Every node and edge with all properties, list values in their stored order; the ingest Meta node left out."""
    nodes = graph.read("MATCH (n) WHERE NOT (n:Meta AND n.key = 'ingest') "
                       "RETURN labels(n) AS labels, properties(n) AS props")
    edges = graph.read("MATCH (a)-[r]->(b) RETURN labels(a) AS la, coalesce(a.id, a.key) AS a, type(r) AS t, "
                       "properties(r) AS props, labels(b) AS lb, coalesce(b.id, b.key) AS b")
    # property ORDER is the engine's insertion order (a stub completed later lists its fields
    # first): not part of the graph's content, so properties compare as sorted (key, value) pairs
    nodes = [{"labels": sorted(n["labels"]), "props": sorted(n["props"].items())} for n in nodes]
    # an edge is named by its ends' labels and keys (Meta nodes have no id but a key)
    edges = [{"a": (sorted(e["la"]), e["a"]), "t": e["t"], "props": sorted(e["props"].items()),
              "b": (sorted(e["lb"]), e["b"])} for e in edges]
    return sorted(map(repr, nodes)), sorted(map(repr, edges))


@pytest.fixture(scope="module")
def corpus_plans(tmp_path_factory) -> list[tuple[str, DocPlan]]:
    """(path, DocPlan) of the samples, the held-out documents and an XS bench corpus, in file order."""
    from bench import generate
    from cascade.loader import expand_paths

    xs = tmp_path_factory.mktemp("xs")
    generate.generate("XS", xs, seed=3)
    files, missing = expand_paths([ROOT / "corpus" / "samples", HELDOUT, xs / "docs"])
    assert not missing
    out = []
    for f in files:
        status, value = prepare(str(f))
        if status == "ok":
            out.append((str(f), value))
    assert len(out) > 100
    return out


def _one_by_one(graph, items, batch_size=500):
    for path, p in items:
        (_, res), = write_group(graph, [p], batch_size)
        assert not isinstance(res, GraphError), (path, res)


def _grouped(graph, items, group_docs, batch_size=500):
    outcomes = list(load_stream(graph, ((path, "ok", p) for path, p in items), batch_size, group_docs=group_docs))
    assert [o.error for o in outcomes if o.error] == []
    return outcomes


def _changed(p: DocPlan) -> DocPlan:
    """The same document read differently: its last task and its stated edges gone, a new title."""
    rows = copy.deepcopy(p.rows)
    if rows["tasks"]:
        gone = rows["tasks"].pop()["id"]
        rows["assignments"] = [r for r in rows["assignments"] if r["task"] != gone]
        rows["coordination"] = [r for r in rows["coordination"] if r["task"] != gone]
    rows["edges"] = [e for e in rows["edges"] if e["source"] == p.doc_id]
    doc = rows["documents"][0]
    doc["title"] = (doc["title"] or "") + " (sửa đổi)"
    doc["states"] = []
    doc["fingerprint"] = "changed-" + doc["fingerprint"]
    return DocPlan(p.doc_id, rows, p.summary, p.path)


def test_one_group_of_everything_gives_the_graph_of_one_by_one(new_graph, corpus_plans):
    seq, grp = new_graph(), new_graph()
    _one_by_one(seq, corpus_plans)
    _grouped(grp, corpus_plans, group_docs=len(corpus_plans))
    assert exact_snapshot(grp) == exact_snapshot(seq)


def test_grouped_ingest_gives_the_graph_of_one_by_one(new_graph, corpus_plans, group_docs=7):
    seq, grp = new_graph(), new_graph()
    _one_by_one(seq, corpus_plans)
    _grouped(grp, corpus_plans, group_docs)
    first = exact_snapshot(seq)
    assert len(first[0]) > 1000 and len(first[1]) > 1000  # a real graph, not two empty ones
    assert exact_snapshot(grp) == first
    # a second pass: every third document changed (cleanup inside groups), the others unchanged (skipped)
    second = [(path, _changed(p) if i % 3 == 0 else p) for i, (path, p) in enumerate(corpus_plans)]
    _one_by_one(seq, second)
    outcomes = _grouped(grp, second, group_docs)
    ids = [p.doc_id for _, p in corpus_plans]
    once = {i for i in ids if ids.count(i) == 1}  # a document given twice is rewritten by its other reading
    assert [o.summary.unchanged for o in outcomes if o.summary.doc_id in once] == [
        bool(i % 3) for i, d in enumerate(ids) if d in once]
    after = exact_snapshot(seq)
    assert after != first
    assert exact_snapshot(grp) == after
    # and back to the original reading (nodes once made stay: agencies, stubs; so not `first` again)
    _one_by_one(seq, corpus_plans)
    _grouped(grp, corpus_plans, group_docs)
    assert exact_snapshot(grp) == exact_snapshot(seq)


@pytest.mark.parametrize(
    "docs",
    [
        # (hand-built documents written as one group) -> same graph as one at a time, in that order
        [KH85_STATING, KH12_KS, KH56, QD142],  # two documents stating one edge, the child's own text on it
        [KH85, KH56, *CASCADE[:2]],  # a stub (56) completed by a document of the same group
        [KH56, KH85],  # the document before the one citing it
    ],
)
def test_hand_built_groups_equal_one_by_one(new_graph, docs):
    plans = [plan_document(r) for r in docs]
    seq, grp = new_graph(), new_graph()
    _one_by_one(seq, [("x", p) for p in plans])
    results = write_group(grp, plans)
    assert all(not isinstance(r, GraphError) for _, r in results)
    assert exact_snapshot(grp) == exact_snapshot(seq)


def test_a_group_with_the_same_document_twice_is_split(new_graph):
    plans = [plan_document(KH85), plan_document(KH56), plan_document(KH85)]
    with pytest.raises(ValueError, match="twice"):
        statements(plans)
    g = new_graph()
    outcomes = list(load_stream(g, [("a", "ok", plans[0]), ("b", "ok", plans[1]), ("c", "ok", plans[2])]))
    assert [o.summary.unchanged for o in outcomes] == [False, False, True]
    assert g.counts()["Task"] == 2  # not created twice


@pytest.mark.parametrize(
    ("part", "rows", "expected"),
    [
        # agencies: name last, level last known, province last non-null, aliases and searches in order
        ("agencies",
         [[{"id": "a", "name": "Sở Y tế", "kind": "agency", "level": "unknown", "province": "Nghệ An",
            "district": None, "aliases": ["SYT"], "searches": ["so y te | syt"]}],
          [{"id": "a", "name": "Sở Y tế tỉnh Nghệ An", "kind": "agency", "level": "province", "province": None,
            "district": None, "aliases": ["Sở Y tế", "SYT"], "searches": ["so y te tinh nghe an", "so y te | syt"]}]],
         [{"id": "a", "name": "Sở Y tế tỉnh Nghệ An", "kind": "agency", "level": "province", "province": "Nghệ An",
           "district": None, "aliases": ["SYT", "Sở Y tế"], "searches": ["so y te | syt", "so y te tinh nghe an"]}]),
        # stubs: the first non-null of each field, every label
        ("stubs",
         [[{"id": "s", "symbol": "142/QĐ-TTg", "title": None, "level": None, "labels": []}],
          [{"id": "s", "symbol": "142/QĐ-TTG", "title": "Về chuyển đổi số", "level": "central",
            "labels": ["Directive"]}]],
         [{"id": "s", "symbol": "142/QĐ-TTg", "title": "Về chuyển đổi số", "level": "central",
           "labels": ["Directive"]}]),
        # edges: one row per (source, target, relation), every stating id sorted, the own text kept
        ("edges",
         [[{"source": "c", "target": "p", "relation": "implements", "stated_by": ["x"], "own": False, "text": None,
            "count": None}],
          [{"source": "c", "target": "p", "relation": "implements", "stated_by": ["c"], "own": True,
            "text": "Thực hiện Quyết định số 142/QĐ-TTg", "count": 2},
           {"source": "c", "target": "p", "relation": "cites", "stated_by": ["c"], "own": True, "text": "142",
            "count": 1}]],
         [{"source": "c", "target": "p", "relation": "implements", "stated_by": ["c", "x"], "own": True,
           "text": "Thực hiện Quyết định số 142/QĐ-TTg", "count": 2},
          {"source": "c", "target": "p", "relation": "cites", "stated_by": ["c"], "own": True, "text": "142",
           "count": 1}]),
        # rows keyed by their document are concatenated
        ("tasks", [[{"id": "d1--t001"}], [{"id": "d2--t001"}]], [{"id": "d1--t001"}, {"id": "d2--t001"}]),
    ],
)
def test_merge_rows(part, rows, expected):
    assert merge_rows(part, rows) == expected


class FailingGraph:
    """A graph whose writes are rejected (nothing applied) when they carry a row of ``bad_id``."""

    def __init__(self, inner, bad_id):
        self.inner, self.bad_id, self.writes = inner, bad_id, []

    def read(self, query, params=None):
        return self.inner.read(query, params)

    def write_after_read(self, query, params, build):
        rows = self.read(query, params)
        stmts = build(rows)
        if stmts:
            self.write(stmts)
        return rows

    def write(self, stmts):
        self.writes.append(len(stmts))
        documents = {queries.text(n) for n in ("load_document", "load_new_directives", "load_new_plans",
                                               "load_new_documents")}
        if any(q in documents and any(r["id"] == self.bad_id for r in p["rows"]) for q, p in stmts):
            raise QueryError("FalkorDB rejected a statement of the transaction: simulated")
        self.inner.write(stmts)


def test_failed_group_is_retried_one_by_one_and_only_the_bad_document_fails(new_graph):
    plans = [plan_document(r) for r in CASCADE]
    bad = plans[2].doc_id
    g = FailingGraph(new_graph(), bad)
    outcomes = list(load_stream(g, [(f"f{i}.txt", "ok", p) for i, p in enumerate(plans)]))
    assert [o.path for o in outcomes if o.error] == ["f2.txt"]
    assert outcomes[2].error.startswith("f2.txt: not written: ") and "\n" not in outcomes[2].error
    assert len(g.writes) == 1 + len(plans)  # the group, then each document alone
    ref = new_graph()
    _one_by_one(ref, [("x", p) for i, p in enumerate(plans) if i != 2])
    assert exact_snapshot(g.inner) == exact_snapshot(ref)


def test_runtime_error_inside_a_group_isolates_the_document(new_graph):
    """A value FalkorDB refuses at run time (a map as a property) gets past the group; the others land."""
    plans = [plan_document(r) for r in CASCADE]
    bad = plans[3]
    bad.rows["tasks"][0]["offset"] = {"not": "storable"}
    g = new_graph()
    results = write_group(g, plans)
    assert [isinstance(r, GraphError) for _, r in results] == [False, False, False, True]
    for p in plans[:3]:
        rows = g.read("MATCH (d:Document {id: $id}) RETURN d.status AS s, d.fingerprint AS f", {"id": p.doc_id})
        assert rows == [{"s": "ingested", "f": p.fingerprint}]


def test_unstorable_values_are_refused_before_any_write():
    from tests.test_loader import doc

    weird = doc("9/KH-UBND", "Ủy ban nhân dân tỉnh Sóc Trăng", "province", "2021-01-01", province="Sóc Trăng")
    weird.source["sha256"] = {"not": "a string"}
    with pytest.raises(LoadError, match="documents.sha256"):
        plan_document(weird)


def test_generation_counts_the_writes_that_change_the_graph(new_graph):
    g = new_graph()
    assert g.generation() == 0
    plans = [plan_document(r) for r in CASCADE]
    list(load_stream(g, [("x", "ok", p) for p in plans], group_docs=2))
    assert g.generation() == 2  # two groups of two
    list(load_stream(g, [("x", "ok", p) for p in plans], group_docs=2))
    assert g.generation() == 2  # all unchanged: nothing written
    write_group(g, plans[:1], force=True)
    assert g.generation() == 3
    rows = g.read(queries.text("load_fingerprint"), {"ids": [p.doc_id for p in plans] + ["nope"]})
    assert sorted(r["id"] for r in rows) == sorted(p.doc_id for p in plans)
    g.clear()  # a rebuilt graph goes on counting: a cache keyed on the generation cannot serve old answers
    assert g.generation() == 4


def test_cli_ingest_in_groups_equals_one_per_transaction(tmp_path, monkeypatch, samples_dir):
    """`cascade ingest --group N` over the samples and held-out files: the same graph for N = 1 and N = 5."""
    from typer.testing import CliRunner

    from cascade import embedded
    from cascade.cli import app
    from cascade.graph import open_graph
    from cascade.settings import Settings

    runner = CliRunner()
    snaps = []
    for n in (1, 5):
        d = tmp_path / f"data{n}"
        monkeypatch.setenv("CASCADE_DATA_DIR", str(d))
        monkeypatch.delenv("CASCADE_GRAPH_URL", raising=False)
        monkeypatch.setenv("CASCADE_GRAPH_NAME", "cascade")
        try:
            res = runner.invoke(app, ["ingest", str(samples_dir), str(HELDOUT), "--json", "--group", str(n)],
                                catch_exceptions=False)
            g = open_graph(Settings(data_dir=d))
            try:
                snaps.append((res.exit_code, res.stdout, exact_snapshot(g)))
            finally:
                g.close()
        finally:
            embedded.stop_running(d)
    assert snaps[0][2] == snaps[1][2]
    assert snaps[0][:2] == snaps[1][:2]
    assert len(snaps[0][2][0]) > 100


def test_plans_cross_process_boundaries(corpus_plans):
    """prepare() runs in parse workers: its DocPlan pickles, and the fingerprint does not depend on batching."""
    import pickle

    path, p = corpus_plans[0]
    q = pickle.loads(pickle.dumps(p))
    assert q.rows == p.rows and q.fingerprint == p.fingerprint
    assert prepare(str(Path(path)))[1].fingerprint == p.fingerprint
    assert len(statements([p], batch_size=1)) > len(statements([p], batch_size=500))


def _reading_driver(stored_rows):
    """The fake Neo4j driver of test_bolt, whose transactions answer the loader's read with ``stored_rows``."""
    from tests.test_bolt import FakeDriver, FakeRecord, FakeResult, FakeSession, FakeTx

    class Tx(FakeTx):
        def run(self, query, params):
            res = super().run(query, params)
            if query == queries.text("load_fingerprint"):
                return FakeResult(FakeRecord(r) for r in stored_rows if r["id"] in params["ids"])
            return res

    class Session(FakeSession):
        def execute_write(self, work):
            staged: list = []
            work(Tx(staged, self.driver.fail_on))
            self.driver.committed.append(staged)

    class Driver(FakeDriver):
        def session(self, **kwargs):
            return Session(self, **kwargs)

    return Driver()


def test_neo4j_group_write_is_one_transaction_of_the_same_cypher():
    """The Neo4j backend runs the same files and rows: the read and the group are ONE execute_write."""
    from cascade.graph import Neo4jGraph
    from tests.test_bolt import FakeDriver

    drv = _reading_driver([])  # no node yet: every document is new, CREATEd, no cleanup
    g = Neo4jGraph("bolt://127.0.0.1:7687", driver=drv)
    plans = [plan_document(r) for r in CASCADE]
    results = write_group(g, plans, batch_size=500)
    assert all(not isinstance(r, GraphError) and not r.unchanged for _, r in results)
    assert len(drv.committed) == 1
    read, *sent = drv.committed[0]
    assert read == (queries.text("load_fingerprint"), {"ids": [p.doc_id for p in plans]})
    assert sent == statements(plans, 500, new=[p.doc_id for p in plans])
    loader_texts = {q.text for q in queries.list_queries() if q.is_write}
    assert all(text in loader_texts for text, _ in sent)
    assert queries.text("load_cleanup") not in {text for text, _ in sent}
    assert sent[-1] == (queries.text("load_generation"), {"key": "ingest"})
    created = [r["id"] for text, p in sent if text in {queries.text("load_new_directives"), queries.text("load_new_plans")}
               for r in p["rows"]]
    assert sorted(created) == sorted(p.doc_id for p in plans)
    assert Neo4jGraph("bolt://h", driver=FakeDriver(rows=[{"generation": 5}])).generation() == 5
    assert Neo4jGraph("bolt://h", driver=FakeDriver()).generation() == 0


def test_neo4j_changed_documents_are_cleaned_up_in_the_same_transaction():
    from cascade.graph import Neo4jGraph

    plans = [plan_document(r) for r in CASCADE]
    stored = [{"id": plans[0].doc_id, "status": "ingested", "fingerprint": plans[0].fingerprint},  # unchanged
              {"id": plans[1].doc_id, "status": "ingested", "fingerprint": "an older reading"},  # changed
              {"id": plans[2].doc_id, "status": "referenced", "fingerprint": None}]  # a stub: MERGEd, no cleanup
    drv = _reading_driver(stored)
    results = write_group(Neo4jGraph("bolt://h", driver=drv), plans)
    assert [r.unchanged for _, r in results] == [True, False, False, False]
    _, *sent = drv.committed[0]
    assert sent[0] == (queries.text("load_cleanup"), {"id": plans[1].doc_id})
    assert sum(text == queries.text("load_cleanup") for text, _ in sent) == 1
    merged = [r["id"] for text, p in sent if text == queries.text("load_document") for r in p["rows"]]
    assert merged == [plans[1].doc_id, plans[2].doc_id]


def test_falkordb_write_after_read_is_redone_when_another_client_wrote_in_between(new_graph, falkordb_server):
    """The loader decides from a read what to write (skip, clean up, CREATE): a write by another
    client between that read and the EXEC must not be overwritten by a stale decision."""
    from cascade.graph import FalkorGraph

    g = new_graph()
    other = FalkorGraph(falkordb_server.url, g.name)
    seen = []

    def build(rows):
        seen.append(sorted(r["id"] for r in rows))
        if len(seen) == 1:  # another client creates the document after our read
            other.write([("CREATE (:Document {id: 'x', status: 'referenced'})", {})])
        if rows:
            return [("MATCH (d:Document {id: 'x'}) SET d.seen = true", {})]
        return [("CREATE (:Document {id: 'x', status: 'ingested'})", {})]

    try:
        rows = g.write_after_read("MATCH (d:Document) RETURN d.id AS id, d.status AS status", {}, build)
    finally:
        other.close()
    assert seen == [[], ["x"]] and [r["id"] for r in rows] == ["x"]
    assert g.read("MATCH (d:Document) RETURN d.id AS id, d.status AS s, d.seen AS seen") == [
        {"id": "x", "s": "referenced", "seen": True}]  # one node, not a duplicate CREATEd on a stale read


def test_an_agency_and_a_group_sharing_an_id_get_their_own_edges_in_any_order(new_graph):
    """Two plans name the same assignee, one as an agency, one as a collective group (same slug):
    each task's ASSIGNED_TO goes to the node its own plan meant, whatever was loaded first."""
    from ingest.model import Agency, Task
    from tests.test_loader import doc

    name = "Ủy ban nhân dân các huyện tỉnh Sóc Trăng"
    lead = "Sở Nội vụ tỉnh Sóc Trăng"

    def plan_with(kind, number):
        return doc(f"{number}/KH-UBND", "Ủy ban nhân dân tỉnh Sóc Trăng", "province", "2021-01-01",
                   province="Sóc Trăng",
                   agencies=[Agency(name, kind, "province", "Sóc Trăng"), Agency(lead, "agency", "province", "Sóc Trăng")],
                   tasks=[Task("I.1", "Triển khai", [lead], [name])])

    as_group, as_agency = plan_with("group", 1), plan_with("agency", 2)
    query = ("MATCH (d:Document)-[:HAS_TASK]->(:Task)-[r:ASSIGNED_TO {role: 'support'}]->(x) "
             "RETURN d.symbol AS doc, labels(x) AS labels ORDER BY doc")
    coord = "MATCH (:Agency)-[c:COORDINATES_WITH]->(x) RETURN c.doc_id AS doc, labels(x) AS labels ORDER BY doc"
    seen = []
    for order in ([as_group, as_agency], [as_agency, as_group]):
        g = new_graph()
        write_group(g, [plan_document(r) for r in order])
        seen.append((g.read(query), g.read(coord)))
    expected = [{"doc": "1/KH-UBND", "labels": ["AgencyGroup"]}, {"doc": "2/KH-UBND", "labels": ["Agency"]}]
    assert seen[0][0] == seen[1][0] == expected
    assert [r["labels"] for r in seen[0][1]] == [r["labels"] for r in seen[1][1]] == [["AgencyGroup"], ["Agency"]]
