// name: api_documents_list
// purpose: Search and list documents for GET /documents: exact symbol key, issuer, level, province, accent-free words; stable order by id, paginated.
// params: symbol_key = "85-kh-ubnd"; issuer = ""; issuer_names = []; level = ""; province = ""; groups = []; offset = 0; limit = 50
// returns: id, symbol, doc_type, title, issuer, level, province, district, issued_on, year, status, task_count
// engines: falkordb, neo4j
// notes: groups is a list of alternatives per query word (abbreviations expanded by the API); a word matches
//        when one alternative starts a word of the folded `search` text. issuer matches the issuer name as
//        typed (case-insensitive substring) or one of issuer_names, the canonical names the API's accent-free
//        agency search found for it.
MATCH (d:Document)
WHERE ($symbol_key = '' OR d.symbol_key = $symbol_key)
  AND ($level = '' OR d.level = $level)
  AND ($province = '' OR d.province = $province)
  AND ($issuer = '' OR d.issuer IN $issuer_names OR toLower(coalesce(d.issuer, '')) CONTAINS $issuer)
  AND all(g IN $groups WHERE any(t IN g WHERE (' ' + coalesce(d.search, '')) CONTAINS (' ' + t)))
RETURN d.id AS id, d.symbol AS symbol, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.level AS level, d.province AS province, d.district AS district, d.issued_on AS issued_on,
       d.year AS year, d.status AS status, d.task_count AS task_count
ORDER BY id
SKIP $offset LIMIT $limit
