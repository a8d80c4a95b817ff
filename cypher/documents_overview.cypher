// name: documents_overview
// purpose: Every document of the graph (ingested or only referenced) with its level, jurisdiction, task count and how many documents cite it; optionally one document id or one province ("" = all).
// params: id = ""; province = ""
// returns: id, symbol, doc_type, title, issuer, level, province, district, issued_on, status, tasks, cited_by
// engines: falkordb, neo4j
MATCH (d:Document)
WHERE (coalesce($id, '') = '' OR d.id = $id)
  AND (coalesce($province, '') = '' OR d.province = $province)
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
WITH d, count(DISTINCT t) AS tasks
OPTIONAL MATCH (c:Document)-[:IMPLEMENTS|BASED_ON|CITES]->(d)
WITH d, tasks, count(DISTINCT c) AS cited_by
RETURN d.id AS id,
       d.symbol AS symbol,
       d.doc_type AS doc_type,
       d.title AS title,
       d.issuer AS issuer,
       d.level AS level,
       d.province AS province,
       d.district AS district,
       d.issued_on AS issued_on,
       d.status AS status,
       tasks,
       cited_by
ORDER BY status, level, province, district, id
