// name: load_coordination
// purpose: Loader: COORDINATES_WITH {task, doc_id} from each lead agency of a task to each supporting agency; CREATEd, as load_cleanup removed the document's old ones (by doc_id) and each (lead, support, task) row is sent once.
// params: rows = [{lead: "lien-hiep-...", support: "so-thong-tin-va-truyen-thong-tinh-bac-ninh", task: "371-kh-ubnd--2024--bac-ninh--t006", doc_id: "371-kh-ubnd--2024--bac-ninh"}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
OPTIONAL MATCH (a:Agency {id: row.lead})
OPTIONAL MATCH (g:AgencyGroup {id: row.lead})
OPTIONAL MATCH (b:Agency {id: row.support})
OPTIONAL MATCH (h:AgencyGroup {id: row.support})
WITH row, coalesce(a, g) AS l, coalesce(b, h) AS s
WHERE l IS NOT NULL AND s IS NOT NULL
CREATE (l)-[:COORDINATES_WITH {task: row.task, doc_id: row.doc_id}]->(s)
