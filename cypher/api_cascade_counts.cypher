// name: api_cascade_counts
// purpose: For each given directive, how many documents of each level carry it out (directly or transitively) and how many tasks they assign.
// params: ids = ["27-nq-tw--2008", "45-nq-tw--2023"]
// returns: id, level, documents, tasks
// engines: falkordb, neo4j
// notes: counted in the store so the home page fetches properties only for the documents it draws.
MATCH (s:Document) WHERE s.id IN $ids
MATCH (s)<-[:IMPLEMENTS|BASED_ON*1..12]-(x:Document)
WITH DISTINCT s, x
RETURN s.id AS id, coalesce(x.level, 'unknown') AS level, count(x) AS documents,
       sum(coalesce(x.task_count, 0)) AS tasks
ORDER BY id, level
