// name: export_nodes
// purpose: Every node with its labels and properties, for the GraphML and neo4j-admin exports (cascade export).
// params: skip = 0; limit = 100000
// returns: labels, props
// engines: falkordb, neo4j
// Paged by skip/limit over a stable order (the id key; Meta has key, not id)
// so a national corpus is streamed rather than held in one reply.
MATCH (n)
WITH n, coalesce(n.id, n.key) AS k
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY k
SKIP $skip
LIMIT $limit
