// name: load_edges
// purpose: Loader: IMPLEMENTS / BASED_ON / CITES edges between documents, one per (source, target, type, stating document); used for the document's own references and for edges its text states between other documents.
// params: rows = [{source: "85-kh-ubnd--2020--soc-trang--chau-thanh", target: "142-qd-ttg--2020", relation: "implements", stated_by: "85-kh-ubnd--2020--soc-trang--chau-thanh", text: "Quyết định số 142/QĐ-TTg ...", count: 3}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
MATCH (s:Document {id: row.source})
MATCH (t:Document {id: row.target})
FOREACH (_ IN CASE WHEN row.relation = 'implements' THEN [1] ELSE [] END |
  MERGE (s)-[r:IMPLEMENTS {stated_by: row.stated_by}]->(t) SET r.text = row.text, r.count = row.count)
FOREACH (_ IN CASE WHEN row.relation = 'based_on' THEN [1] ELSE [] END |
  MERGE (s)-[r:BASED_ON {stated_by: row.stated_by}]->(t) SET r.text = row.text, r.count = row.count)
FOREACH (_ IN CASE WHEN row.relation = 'cites' THEN [1] ELSE [] END |
  MERGE (s)-[r:CITES {stated_by: row.stated_by}]->(t) SET r.text = row.text, r.count = row.count)
