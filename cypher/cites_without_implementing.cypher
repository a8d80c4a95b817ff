// name: cites_without_implementing
// purpose: Plans that cite a document (a directive, decision, resolution...) without implementing it, directly or through any chain of IMPLEMENTS/BASED_ON edges; one document or all ("").
// params: id = "899-qd-ttg--2023"
// returns: plan_id, plan_symbol, plan_issuer, province, cited_id, cited_symbol, cited_doc_type, cited_level, cited_status, mentions
// engines: falkordb, neo4j
// Only CITES edges the plan's own text states (its id in stated_by) are "mentions"; a legal basis
// (BASED_ON) is lineage, not a loose citation. A plan that reaches the cited
// document through its lineage (85/KH-UBND cites 52-KL/TW but implements it
// through 56/KH-UBND and 142/QĐ-TTg) is not listed.
MATCH (p:Document)-[c:CITES]->(d:Document)
WHERE p.status = 'ingested'
  AND p.id IN coalesce(c.stated_by, [p.id])
  AND (coalesce($id, '') = '' OR d.id = $id)
  AND NOT (p)-[:IMPLEMENTS|BASED_ON*1..10]->(d)
RETURN p.id AS plan_id,
       p.symbol AS plan_symbol,
       p.issuer AS plan_issuer,
       p.province AS province,
       d.id AS cited_id,
       d.symbol AS cited_symbol,
       d.doc_type AS cited_doc_type,
       d.level AS cited_level,
       d.status AS cited_status,
       coalesce(c.count, 1) AS mentions
ORDER BY plan_id, cited_id
