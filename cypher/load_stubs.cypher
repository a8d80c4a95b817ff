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
WHERE d.status = 'referenced'
SET d.symbol = coalesce(d.symbol, row.symbol), d.symbol_key = coalesce(d.symbol_key, row.symbol_key),
    d.doc_type = coalesce(d.doc_type, row.doc_type), d.title = coalesce(d.title, row.title),
    d.issuer = coalesce(d.issuer, row.issuer), d.level = coalesce(d.level, row.level),
    d.province = coalesce(d.province, row.province), d.district = coalesce(d.district, row.district),
    d.issued_on = coalesce(d.issued_on, row.issued_on), d.year = coalesce(d.year, row.year),
    d.search = coalesce(d.search, row.search)
FOREACH (_ IN CASE WHEN 'Directive' IN row.labels THEN [1] ELSE [] END | SET d:Directive)
FOREACH (_ IN CASE WHEN 'Plan' IN row.labels THEN [1] ELSE [] END | SET d:Plan)
