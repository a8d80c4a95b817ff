// name: load_assignments
// purpose: Loader: ASSIGNED_TO {role: lead|support} from a task to an :Agency (load_group_assignments: to an :AgencyGroup); CREATEd, as the task was just created (load_tasks) and the loader sends each (task, agency) once.
// params: rows = [{task: "371-kh-ubnd--2024--bac-ninh--t001", agency: "so-noi-vu-tinh-bac-ninh", role: "lead"}]
// returns: nothing
// engines: falkordb, neo4j
// One label per query: the loader knows each assignee's kind, and two plain index lookups
// cost a third of the OPTIONAL MATCH of both labels this replaced (issue #6 profile).
UNWIND $rows AS row
MATCH (t:Task {id: row.task})
MATCH (a:Agency {id: row.agency})
CREATE (t)-[:ASSIGNED_TO {role: row.role}]->(a)
