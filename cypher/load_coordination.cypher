// name: load_coordination
// purpose: Loader: COORDINATES_WITH {task, doc_id} from each lead :Agency of a task to each supporting :Agency (a group at either end: load_coordination_groups); CREATEd, as load_cleanup removed the document's old ones (by doc_id) and each (lead, support, task) row is sent once.
// params: rows = [{lead: "lien-hiep-cac-hoi-khoa-hoc-va-ky-thuat-tinh-bac-ninh", support: "so-thong-tin-va-truyen-thong-tinh-bac-ninh", task: "371-kh-ubnd--2024--bac-ninh--t006", doc_id: "371-kh-ubnd--2024--bac-ninh"}]
// returns: nothing
// engines: falkordb, neo4j
// One label per end (see load_assignments): a fifth of the cost of looking up both labels.
UNWIND $rows AS row
MATCH (l:Agency {id: row.lead})
MATCH (s:Agency {id: row.support})
CREATE (l)-[:COORDINATES_WITH {task: row.task, doc_id: row.doc_id}]->(s)
