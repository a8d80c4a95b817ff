// name: api_document_get
// purpose: One document with its task and assignee counts, for GET /documents/{id} and the document page.
// params: id = "85-kh-ubnd--2020--soc-trang--chau-thanh"
// returns: id, symbol, doc_type, title, issuer, level, province, district, issued_on, year, place, status, signer, signer_title, source_path, tasks, deadline_kinds, agencies
// engines: falkordb, neo4j
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (t)-[:ASSIGNED_TO]->(a)
WITH d, count(DISTINCT t) AS tasks, collect(DISTINCT [t.id, coalesce(t.deadline_kind, 'unspecified')]) AS kinds,
     count(DISTINCT a) AS agencies
RETURN d.id AS id, d.symbol AS symbol, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.level AS level, d.province AS province, d.district AS district, d.issued_on AS issued_on,
       d.year AS year, d.place AS place, d.status AS status, d.signer AS signer, d.signer_title AS signer_title,
       d.source_path AS source_path, tasks, [k IN kinds WHERE k[0] IS NOT NULL | k[1]] AS deadline_kinds, agencies
