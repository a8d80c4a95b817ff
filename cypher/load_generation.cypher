// name: load_generation
// purpose: Loader, last statement of every write transaction that changes the graph: count ingest generations, so readers (the API's cache) can key what they keep on `MATCH (m:Meta {key: 'ingest'}) RETURN m.generation AS generation`.
// params: key = "ingest"
// returns: nothing
// engines: falkordb, neo4j
MERGE (m:Meta {key: $key})
SET m.generation = coalesce(m.generation, 0) + 1
