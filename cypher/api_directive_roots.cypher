// name: api_directive_roots
// purpose: Root directives for the home page: central documents that something carries out and that carry out no other central document, newest first.
// params: offset = 0; limit = 20
// returns: id, symbol, doc_type, title, issuer, level, issued_on, status
// engines: falkordb, neo4j
// notes: no descendant counting here (a national corpus has hundreds of plans per directive); the page
//        counts from the cascade trees of the roots it shows.
MATCH (d:Document)
WHERE d.level = 'central'
  AND (d)<-[:IMPLEMENTS|BASED_ON]-(:Document)
  AND NOT (d)-[:IMPLEMENTS|BASED_ON]->(:Document {level: 'central'})
RETURN d.id AS id, d.symbol AS symbol, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.level AS level, d.issued_on AS issued_on, d.status AS status
ORDER BY issued_on DESC, id
SKIP $offset LIMIT $limit
