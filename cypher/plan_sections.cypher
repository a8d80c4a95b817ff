// name: plan_sections
// purpose: The tasks of one plan grouped by section, with the agencies leading and supporting them.
// params: id = "371-kh-ubnd--2024--bac-ninh"
// returns: section, first_ordinal, tasks, lead, support, deadlines
// engines: falkordb, neo4j
// Sections keep the order of their first task in the plan (a string sort of
// "II.10" and "II.9" would not).
MATCH (d:Document {id: $id})-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (t)-[r:ASSIGNED_TO]->(a)
WITH t.section AS section, t,
     collect(DISTINCT CASE WHEN r.role = 'lead' THEN a.name END) AS t_lead,
     collect(DISTINCT CASE WHEN r.role = 'support' THEN a.name END) AS t_support
WITH section,
     min(t.ordinal) AS first_ordinal,
     count(t) AS tasks,
     collect(t_lead) AS leads,
     collect(t_support) AS supports,
     collect(DISTINCT t.deadline_text) AS deadlines
RETURN section,
       first_ordinal,
       tasks,
       reduce(acc = [], xs IN leads | acc + [x IN xs WHERE NOT x IN acc]) AS lead,
       reduce(acc = [], xs IN supports | acc + [x IN xs WHERE NOT x IN acc]) AS support,
       deadlines
ORDER BY first_ordinal
