// name: load_stubs
// purpose: Loader: a referenced document becomes a stub (status 'referenced') with what the citation tells; an existing stub only gains missing fields; an ingested document is never touched.
// params: rows = [{id: "142-qd-ttg--2020", symbol: "142/QĐ-TTg", doc_type: "Quyết định", issuer: "Thủ tướng Chính phủ", level: "central", labels: ["Directive"], ...}]
// returns: nothing
// engines: falkordb, neo4j
// One row per stub per statement: for a group write the loader merges the documents' rows
// (each field: the first non-null in document order, as successive coalesce() would keep;
// labels: every label some row gives), so the stub is the one one-at-a-time loading makes.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.status = 'referenced'
WITH d, row
// Only a row that adds something is written: a SET, even to the same value, re-indexes the
// node (symbol_key, level, province, year), and a central directive cited by thousands of
// plans would be rewritten by every group (issue #6: 0.8 -> 3.4 ms per document at M).
WHERE d.status = 'referenced'
  AND ((d.symbol IS NULL AND row.symbol IS NOT NULL) OR (d.symbol_key IS NULL AND row.symbol_key IS NOT NULL)
       OR (d.doc_type IS NULL AND row.doc_type IS NOT NULL) OR (d.title IS NULL AND row.title IS NOT NULL)
       OR (d.issuer IS NULL AND row.issuer IS NOT NULL) OR (d.level IS NULL AND row.level IS NOT NULL)
       OR (d.province IS NULL AND row.province IS NOT NULL) OR (d.district IS NULL AND row.district IS NOT NULL)
       OR (d.issued_on IS NULL AND row.issued_on IS NOT NULL) OR (d.year IS NULL AND row.year IS NOT NULL)
       OR (d.search IS NULL AND row.search IS NOT NULL)
       OR ('Directive' IN row.labels AND NOT d:Directive) OR ('Plan' IN row.labels AND NOT d:Plan))
SET d.symbol = coalesce(d.symbol, row.symbol), d.symbol_key = coalesce(d.symbol_key, row.symbol_key),
    d.doc_type = coalesce(d.doc_type, row.doc_type), d.title = coalesce(d.title, row.title),
    d.issuer = coalesce(d.issuer, row.issuer), d.level = coalesce(d.level, row.level),
    d.province = coalesce(d.province, row.province), d.district = coalesce(d.district, row.district),
    d.issued_on = coalesce(d.issued_on, row.issued_on), d.year = coalesce(d.year, row.year),
    d.search = coalesce(d.search, row.search)
FOREACH (_ IN CASE WHEN 'Directive' IN row.labels THEN [1] ELSE [] END | SET d:Directive)
FOREACH (_ IN CASE WHEN 'Plan' IN row.labels THEN [1] ELSE [] END | SET d:Plan)
