// name: load_migrate_states
// purpose: Schema 1 -> 2 migration, after load_migrate_lineage_edges in the same transaction: each document that states lineage edges between other documents gets its sorted `states` list (where load_cleanup finds them on re-ingest).
// params: types = ["IMPLEMENTS", "BASED_ON", "CITES"]
// returns: nothing
// engines: falkordb, neo4j
MATCH (c:Document)-[r:IMPLEMENTS|BASED_ON|CITES]->(:Document)
WHERE type(r) IN $types
UNWIND r.stated_by AS sid
WITH sid, c
WHERE c.id <> sid
WITH sid, collect(DISTINCT c.id) AS children
MATCH (d:Document {id: sid})
SET d.states = reduce(acc = [], x IN children | [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x])
