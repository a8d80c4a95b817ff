// name: load_coordination_groups
// purpose: Loader: COORDINATES_WITH {task, doc_id} when the lead or the supporting assignee is an :AgencyGroup (row kinds 'agency' | 'group'); the Agency-to-Agency case is load_coordination.
// params: rows = [{lead: "so-noi-vu-tinh-bac-ninh", lead_kind: "agency", support: "uy-ban-nhan-dan-cac-huyen-thi-xa-thanh-pho-tinh-bac-ninh", support_kind: "group", task: "371-kh-ubnd--2024--bac-ninh--t002", doc_id: "371-kh-ubnd--2024--bac-ninh"}]
// returns: nothing
// engines: falkordb, neo4j
// The row's kinds pick the Agency or the AgencyGroup of each id (an Agency and an
// AgencyGroup may share an id), so the edge does not depend on what other documents made.
UNWIND $rows AS row
OPTIONAL MATCH (a:Agency {id: row.lead}) WHERE row.lead_kind = 'agency'
OPTIONAL MATCH (g:AgencyGroup {id: row.lead}) WHERE row.lead_kind = 'group'
OPTIONAL MATCH (b:Agency {id: row.support}) WHERE row.support_kind = 'agency'
OPTIONAL MATCH (h:AgencyGroup {id: row.support}) WHERE row.support_kind = 'group'
WITH row, coalesce(a, g) AS l, coalesce(b, h) AS s
WHERE l IS NOT NULL AND s IS NOT NULL
CREATE (l)-[:COORDINATES_WITH {task: row.task, doc_id: row.doc_id}]->(s)
