// name: implementation_path.neo4j
// purpose: Neo4j-only variant of implementation_path using shortestPath() in MATCH (same parameters and columns).
// params: from_id = "85-kh-ubnd--2020--soc-trang--chau-thanh"; to_id = "27-nq-tw--2008"
// returns: hops, ids, symbols, levels, relations
// engines: neo4j
MATCH (a:Document {id: $from_id}), (b:Document {id: $to_id})
MATCH p = shortestPath((a)-[:IMPLEMENTS|BASED_ON*1..10]->(b))
RETURN length(p) AS hops,
       [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | n.symbol] AS symbols,
       [n IN nodes(p) | n.level] AS levels,
       [r IN relationships(p) | type(r)] AS relations
