// name: load_reporting
// purpose: Loader: REPORTS_TO {via, period, doc_id} for a reporting line a plan names.
// params: rows = [{source: "cac-so-nganh-...", source_kind: "group", target: "uy-ban-nhan-dan-tinh-lao-cai", via: "Sở Khoa học và Công nghệ tỉnh Lào Cai", period: "P1Y", text: "...", doc_id: "124-kh-ubnd--2020--lao-cai"}]
// returns: nothing
// engines: falkordb, neo4j
// row.source_kind picks the Agency or the AgencyGroup of that id (see load_part_of).
UNWIND $rows AS row
MATCH (t:Agency {id: row.target})
OPTIONAL MATCH (a:Agency {id: row.source})
OPTIONAL MATCH (g:AgencyGroup {id: row.source})
WITH row, CASE WHEN row.source_kind = 'group' THEN g ELSE a END AS s, t
WHERE s IS NOT NULL
MERGE (s)-[r:REPORTS_TO {doc_id: row.doc_id}]->(t)
SET r.via = row.via, r.period = row.period, r.text = row.text
