// name: bench_documents
// purpose: Benchmark export: the documents with the properties a lineage row returns, a page at a time.
// params: skip = 0; limit = 100000
// returns: id, symbol, doc_type, title, issuer, level, province, district, issued_on, status
// engines: falkordb, neo4j
MATCH (d:Document)
RETURN d.id AS id, d.symbol AS symbol, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.level AS level, d.province AS province, d.district AS district, d.issued_on AS issued_on, d.status AS status
ORDER BY id
SKIP $skip LIMIT $limit
