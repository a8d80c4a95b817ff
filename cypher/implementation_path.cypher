// name: implementation_path
// purpose: Shortest implementation path from a document up to another (plan -> ... -> directive) along IMPLEMENTS/BASED_ON edges, as ordered lists.
// params: from_id = "85-kh-ubnd--2020--soc-trang--chau-thanh"; to_id = "27-nq-tw--2008"
// returns: hops, ids, symbols, levels, relations
// engines: falkordb, neo4j
// Portable form: FalkorDB accepts shortestPath() only inside WITH/RETURN and
// Neo4j only inside MATCH, so this orders the bounded variable-length matches
// by length and keeps the first. implementation_path.neo4j.cypher is the
// shortestPath() variant for Neo4j. Empty when to_id is not above from_id.
MATCH (a:Document {id: $from_id}), (b:Document {id: $to_id})
MATCH p = (a)-[:IMPLEMENTS|BASED_ON*1..10]->(b)
RETURN length(p) AS hops,
       [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | n.symbol] AS symbols,
       [n IN nodes(p) | n.level] AS levels,
       [r IN relationships(p) | type(r)] AS relations
ORDER BY hops, ids
LIMIT 1
