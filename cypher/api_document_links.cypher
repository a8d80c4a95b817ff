// name: api_document_links
// purpose: Documents a document refers to (direction 'out': IMPLEMENTS, BASED_ON, CITES) and documents that refer to it ('in').
// params: id = "85-kh-ubnd--2020--soc-trang--chau-thanh"
// returns: direction, relation, id, symbol, doc_type, title, issuer, level, issued_on, status, stated_by
// engines: falkordb, neo4j
// notes: an edge's stated_by is a sorted list (graph_schema); the API shows one stating document, the
//        source itself when its own text states the edge, else the first of the others.
MATCH (d:Document {id: $id})-[r:IMPLEMENTS|BASED_ON|CITES]-(x:Document)
RETURN CASE WHEN startNode(r).id = d.id THEN 'out' ELSE 'in' END AS direction, type(r) AS relation,
       x.id AS id, x.symbol AS symbol, x.doc_type AS doc_type, x.title AS title, x.issuer AS issuer,
       x.level AS level, x.issued_on AS issued_on, x.status AS status,
       CASE WHEN startNode(r).id IN r.stated_by THEN startNode(r).id ELSE r.stated_by[0] END AS stated_by
ORDER BY direction DESC, relation, id
