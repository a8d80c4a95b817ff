// name: export_duties
// purpose: One row per (task, assigned agency, role) of the ingested plans, optionally one document or one province ("" = all); the duty matrix behind cascade export xlsx/csv.
// params: document = "371-kh-ubnd--2024--bac-ninh"; province = ""
// returns: doc_id, symbol, doc_type, title, issuer, province, district, issued_on, task_id, ordinal, section, text, deadline_text, deadline_kind, due, period, source, agency_id, agency, agency_kind, role
// engines: falkordb, neo4j
// A task nobody is assigned to still gives one row (agency and role null), so
// the plan sheet lists every task of the plan.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE (coalesce($document, '') = '' OR d.id = $document)
  AND (coalesce($province, '') = '' OR d.province = $province)
OPTIONAL MATCH (t)-[r:ASSIGNED_TO]->(a)
RETURN d.id AS doc_id,
       d.symbol AS symbol,
       d.doc_type AS doc_type,
       d.title AS title,
       d.issuer AS issuer,
       d.province AS province,
       d.district AS district,
       d.issued_on AS issued_on,
       t.id AS task_id,
       t.ordinal AS ordinal,
       t.section AS section,
       t.text AS text,
       t.deadline_text AS deadline_text,
       t.deadline_kind AS deadline_kind,
       t.due AS due,
       t.period AS period,
       t.source AS source,
       a.id AS agency_id,
       a.name AS agency,
       a.kind AS agency_kind,
       r.role AS role
ORDER BY doc_id, ordinal, role, agency
