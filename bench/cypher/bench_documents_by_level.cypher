// name: bench_documents_by_level
// purpose: Benchmark inputs: ids of documents of one level that take part in a lineage, with how many documents point at them directly.
// params: level = "district"; limit = 1000
// returns: id, implementers, parents
// engines: falkordb, neo4j
MATCH (d:Document {level: $level})
OPTIONAL MATCH (d)<-[i:IMPLEMENTS|BASED_ON]-(:Document)
WITH d, count(i) AS implementers
OPTIONAL MATCH (d)-[p:IMPLEMENTS|BASED_ON]->(:Document)
WITH d, implementers, count(p) AS parents
WHERE implementers + parents > 0
RETURN d.id AS id, implementers, parents
ORDER BY implementers DESC, id
LIMIT $limit
