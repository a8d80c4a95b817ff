// name: api_documents_by_ids
// purpose: The summary fields of the documents with the given ids (nodes of a lineage or a cascade tree).
// params: ids = ["85-kh-ubnd--2020--soc-trang--chau-thanh", "142-qd-ttg--2020"]
// returns: id, symbol, doc_type, title, issuer, level, province, district, issued_on, year, status, task_count
// engines: falkordb, neo4j
MATCH (d:Document) WHERE d.id IN $ids
RETURN d.id AS id, d.symbol AS symbol, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.level AS level, d.province AS province, d.district AS district, d.issued_on AS issued_on,
       d.year AS year, d.status AS status, d.task_count AS task_count
ORDER BY id
