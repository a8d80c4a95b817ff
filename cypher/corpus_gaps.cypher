// name: corpus_gaps
// purpose: Documents cited but not yet ingested (stubs with status "referenced"), ranked by how many ingested documents mention them.
// params: limit = 50
// returns: id, symbol, doc_type, issuer, level, issued_on, cited_by, mentions, cited_in
// engines: falkordb, neo4j
// The citing documents are those whose text states the edge (its stated_by
// list), so a stub-to-stub edge read from a district plan ("56/KH-UBND thực
// hiện 142/QĐ-TTg") counts for the district plan, not for the stub. mentions
// sums the mention counts of the source's own text, 1 per other stating document.
MATCH (src:Document)-[r:IMPLEMENTS|BASED_ON|CITES]->(d:Document)
WHERE d.status = 'referenced'
UNWIND coalesce(r.stated_by, [src.id]) AS citing
WITH d, citing, CASE WHEN citing = src.id THEN coalesce(r.count, 1) ELSE 1 END AS n
MATCH (c:Document {id: citing})
WHERE c.status = 'ingested'
WITH d, collect(DISTINCT c.symbol) AS cited_in, count(DISTINCT c) AS cited_by, toInteger(sum(n)) AS mentions
RETURN d.id AS id,
       d.symbol AS symbol,
       d.doc_type AS doc_type,
       d.issuer AS issuer,
       d.level AS level,
       d.issued_on AS issued_on,
       cited_by,
       mentions,
       cited_in
ORDER BY cited_by DESC, mentions DESC, id
LIMIT $limit
