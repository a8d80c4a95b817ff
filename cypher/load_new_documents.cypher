// name: load_new_documents
// purpose: Loader: CREATE the ingested documents of unknown level (no sub-label) that the graph holds no node for yet (not even a stub: the loader read that in the same optimistic transaction); documents that exist go through load_document.
// params: rows = [{id: "124-kh-ubnd--2020--lao-cai", symbol: "124/KH-UBND", label: "Plan", states: ["142-qd-ttg--2020"], ...}]
// returns: nothing
// engines: falkordb, neo4j
// Creating the node with its labels costs a quarter of MERGE + SET label (FalkorDB 4.16,
// issue #6 profile: setting a label was most of load_document's time). The label is in the
// query text, hence one file per label. The properties are load_document's.
UNWIND $rows AS row
CREATE (d:Document {id: row.id})
SET d.symbol = row.symbol, d.symbol_key = row.symbol_key, d.doc_type = row.doc_type, d.title = row.title,
    d.issuer = row.issuer, d.level = row.level, d.province = row.province, d.district = row.district,
    d.issued_on = row.issued_on, d.year = row.year, d.place = row.place, d.status = 'ingested',
    d.signer = row.signer, d.signer_title = row.signer_title, d.source_path = row.source_path,
    d.sha256 = row.sha256, d.task_count = row.task_count, d.search = row.search, d.states = row.states,
    d.fingerprint = row.fingerprint
