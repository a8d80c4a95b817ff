// name: load_group_assignments
// purpose: Loader: ASSIGNED_TO {role: lead|support} from a task to an :AgencyGroup ('các sở, ban, ngành'); the :Agency case is load_assignments.
// params: rows = [{task: "371-kh-ubnd--2024--bac-ninh--t001", agency: "cac-so-ban-nganh-tinh-bac-ninh", role: "support"}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
MATCH (t:Task {id: row.task})
MATCH (g:AgencyGroup {id: row.agency})
CREATE (t)-[:ASSIGNED_TO {role: row.role}]->(g)
