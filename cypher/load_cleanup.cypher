// name: load_cleanup
// purpose: Loader, first statement of a document's transaction: undo what the document itself stated before (its tasks, its ISSUED_BY edge, its COORDINATES_WITH and REPORTS_TO edges; its id in the stated_by list of the IMPLEMENTS/BASED_ON/CITES edges it stated, deleting an edge nobody states any more), so a changed file replaces them and a rerun converges.
// params: id = "85-kh-ubnd--2020--soc-trang--chau-thanh"
// returns: nothing
// engines: falkordb, neo4j
// Cheap for a first-time ingest: nothing was stated by a document that is not
// yet ingested (a stub states nothing), so the first MATCH ends the query.
// The lineage edges a document stated leave either itself or one of the
// documents listed in its `states` property (written by load_document), so they
// are found by node key and adjacency, not by scanning edges. Edges stated by
// this document alone are deleted BEFORE the others are updated: FalkorDB 4.16
// lost the SET of later rows when a DELETE followed the SET in one query
// (regression test: test_changed_stating_document_leaves_the_edge_to_the_others).
MATCH (d:Document {id: $id})
WHERE d.status = 'ingested'
OPTIONAL MATCH (d)-[i:ISSUED_BY]->()
DELETE i
WITH d, count(*) AS _a
OPTIONAL MATCH (t:Task {doc_id: $id})
DETACH DELETE t
WITH d, count(*) AS _b
OPTIONAL MATCH ()-[c:COORDINATES_WITH {doc_id: $id}]->()
DELETE c
WITH d, count(*) AS _c
OPTIONAL MATCH ()-[p:REPORTS_TO {doc_id: $id}]->()
DELETE p
WITH d, count(*) AS _d
UNWIND [d.id] + coalesce(d.states, []) AS child_id
OPTIONAL MATCH (:Document {id: child_id})-[gone:IMPLEMENTS|BASED_ON|CITES]->(:Document)
WHERE gone.stated_by = [$id]
DELETE gone
WITH d, count(*) AS _e
UNWIND [d.id] + coalesce(d.states, []) AS child_id
MATCH (x:Document {id: child_id})-[r:IMPLEMENTS|BASED_ON|CITES]->(:Document)
WHERE $id IN r.stated_by
SET r.stated_by = [s IN r.stated_by WHERE s <> $id],
    r.text = CASE WHEN x.id = $id THEN NULL ELSE r.text END,
    r.count = CASE WHEN x.id = $id THEN NULL ELSE r.count END
