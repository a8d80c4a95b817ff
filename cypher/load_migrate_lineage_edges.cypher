// name: load_migrate_lineage_edges
// purpose: Schema 1 -> 2 migration (run once by Graph.apply_schema on a graph stored at version 1): the parallel IMPLEMENTS/BASED_ON/CITES edges of a pair, one per stating document with stated_by a string, become ONE edge per (child, parent, type) whose stated_by is the sorted list of those ids, with the child's own mention text and count.
// params: types = ["IMPLEMENTS", "BASED_ON", "CITES"]
// returns: nothing
// engines: falkordb, neo4j
// Version 1 edges all carry a string stated_by, so the list is built by
// inserting each string in order (reduce), the same sorted form load_edges keeps.
// The surplus edges are deleted before the kept one is SET (FalkorDB 4.16 lost
// SETs followed by a DELETE in one query, see load_cleanup).
MATCH (a:Document)-[r:IMPLEMENTS|BASED_ON|CITES]->(b:Document)
WHERE type(r) IN $types
WITH a, b, type(r) AS t, collect(r) AS rs
WITH a, rs, head(rs) AS keep, [x IN rs WHERE x.stated_by = a.id] AS own,
     reduce(acc = [], x IN rs | [y IN acc WHERE y < x.stated_by] + [x.stated_by] + [y IN acc WHERE y > x.stated_by]) AS stated
FOREACH (x IN tail(rs) | DELETE x)
SET keep.stated_by = stated,
    keep.text = CASE WHEN size(own) > 0 THEN own[0].text ELSE NULL END,
    keep.count = CASE WHEN size(own) > 0 THEN own[0].count ELSE NULL END
