// name: load_assignments
// purpose: Loader: ASSIGNED_TO {role: lead|support} from a task to an agency or agency group; CREATEd, as the task was just created (load_tasks) and the loader sends each (task, agency) once.
// params: rows = [{task: "371-kh-ubnd--2024--bac-ninh--t001", agency: "so-noi-vu-tinh-bac-ninh", role: "lead"}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
MATCH (t:Task {id: row.task})
OPTIONAL MATCH (a:Agency {id: row.agency})
OPTIONAL MATCH (g:AgencyGroup {id: row.agency})
WITH t, row, coalesce(a, g) AS x
WHERE x IS NOT NULL
CREATE (t)-[:ASSIGNED_TO {role: row.role}]->(x)
