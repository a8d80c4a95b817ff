// name: export_edges
// purpose: Every relationship with its type, endpoint ids and properties, for the GraphML and neo4j-admin exports (cascade export).
// params: skip = 0; limit = 100000
// returns: type, source, target, props
// engines: falkordb, neo4j
// Paged like export_nodes; the tie key orders parallel edges (one
// COORDINATES_WITH per task, ASSIGNED_TO lead and support to the same agency).
MATCH (a)-[r]->(b)
WITH a, r, b, coalesce(a.id, a.key) AS s, coalesce(b.id, b.key) AS t, type(r) AS ty,
     coalesce(r.role, '') + '|' + coalesce(r.task, '') + '|' + coalesce(r.doc_id, '') + '|' + coalesce(r.via, '') AS tie
RETURN ty AS type, s AS source, t AS target, properties(r) AS props
ORDER BY source, type, target, tie
SKIP $skip
LIMIT $limit
