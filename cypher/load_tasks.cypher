// name: load_tasks
// purpose: Loader: the document's tasks and HAS_TASK edges, CREATEd: load_cleanup removed the document's old tasks earlier in the same transaction and task ids are scoped by the document id (CREATE costs half a MERGE, issue #6 profile).
// params: rows = [{id: "371-kh-ubnd--2024--bac-ninh--t001", doc_id: "371-kh-ubnd--2024--bac-ninh", ordinal: 1, section: "III.6", text: "...", source: "appendix", offset: 1234, deadline_text: "Năm 2025", deadline_kind: "once", due: "2025-12-31", period: null, search: "..."}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
CREATE (t:Task {id: row.id})
SET t.doc_id = row.doc_id, t.ordinal = row.ordinal, t.section = row.section, t.text = row.text,
    t.source = row.source, t.offset = row.offset, t.deadline_text = row.deadline_text,
    t.deadline_kind = row.deadline_kind, t.due = row.due, t.period = row.period, t.search = row.search
CREATE (d)-[:HAS_TASK]->(t)
