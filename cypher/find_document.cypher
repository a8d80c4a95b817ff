// name: find_document
// purpose: Documents whose symbol matches a symbol key (ingest.identity.symbol_key), optionally narrowed by issuer text and province (accent-free substring match); ingested documents first.
// params: key = "56-kh-ubnd"; issuer = "soc trang"; issuer_slug = "soc-trang"; province = null; province_slug = null
// returns: id, symbol, doc_type, title, issuer, level, province, district, issued_on, year, status
// engines: falkordb, neo4j
MATCH (d:Document {symbol_key: $key})
WHERE ($issuer IS NULL OR d.search CONTAINS $issuer OR d.id CONTAINS $issuer_slug)
  AND ($province IS NULL OR d.id CONTAINS $province_slug)
RETURN d.id AS id, d.symbol AS symbol, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.level AS level, d.province AS province, d.district AS district, d.issued_on AS issued_on,
       d.year AS year, d.status AS status,
       CASE WHEN d.status = 'ingested' THEN 0 ELSE 1 END AS stub
ORDER BY stub, id
