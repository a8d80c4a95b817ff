// name: load_document
// purpose: Loader: create or complete in place the ingested document (status 'ingested'; its own header wins over any stub), with :Directive (central) or :Plan (ministry, province, district, commune).
// params: rows = [{id: "124-kh-ubnd--2020--lao-cai", symbol: "124/KH-UBND", label: "Plan", states: ["142-qd-ttg--2020"], ...}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.symbol = row.symbol, d.symbol_key = row.symbol_key, d.doc_type = row.doc_type, d.title = row.title,
    d.issuer = row.issuer, d.level = row.level, d.province = row.province, d.district = row.district,
    d.issued_on = row.issued_on, d.year = row.year, d.place = row.place, d.status = 'ingested',
    d.signer = row.signer, d.signer_title = row.signer_title, d.source_path = row.source_path,
    d.sha256 = row.sha256, d.task_count = row.task_count, d.search = row.search, d.states = row.states,
    d.fingerprint = row.fingerprint
REMOVE d:Directive
REMOVE d:Plan
FOREACH (_ IN CASE WHEN row.label = 'Directive' THEN [1] ELSE [] END | SET d:Directive)
FOREACH (_ IN CASE WHEN row.label = 'Plan' THEN [1] ELSE [] END | SET d:Plan)
