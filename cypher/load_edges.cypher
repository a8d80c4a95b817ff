// name: load_edges
// purpose: Loader: IMPLEMENTS / BASED_ON / CITES edges between documents, ONE per (source, target, type) however many documents state it: the stating documents' ids (row.stated_by, a list) join the edge's sorted stated_by list; text and count come from the source document's own text (own = true). Used for the document's own references and for edges its text states between other documents.
// params: rows = [{source: "85-kh-ubnd--2020--soc-trang--chau-thanh", target: "142-qd-ttg--2020", relation: "implements", stated_by: ["85-kh-ubnd--2020--soc-trang--chau-thanh"], own: true, text: "Quyết định số 142/QĐ-TTg ...", count: 3}]
// returns: nothing
// engines: falkordb, neo4j
// Why one edge per pair (issue #6): with one parallel edge per stating document
// (up to 759 on one pair in the S benchmark corpus) a variable-length lineage
// traversal enumerated every combination of them. stated_by stays sorted (the
// list is rebuilt around the new id) so the edge's value does not depend on the
// order documents were ingested in; load_cleanup removes an id again. A group write
// (cascade.loader.merge_rows) sends ONE row per edge with the ids of every document of
// the group that states it, and the own text/count if the child is among them.
UNWIND $rows AS row
MATCH (s:Document {id: row.source})
MATCH (t:Document {id: row.target})
FOREACH (_ IN CASE WHEN row.relation = 'implements' THEN [1] ELSE [] END |
  MERGE (s)-[r:IMPLEMENTS]->(t)
  SET r.stated_by = reduce(acc = coalesce(r.stated_by, []), id IN row.stated_by |
                           [x IN acc WHERE x < id] + [id] + [x IN acc WHERE x > id]),
      r.text = CASE WHEN row.own THEN row.text ELSE r.text END,
      r.count = CASE WHEN row.own THEN row.count ELSE r.count END)
FOREACH (_ IN CASE WHEN row.relation = 'based_on' THEN [1] ELSE [] END |
  MERGE (s)-[r:BASED_ON]->(t)
  SET r.stated_by = reduce(acc = coalesce(r.stated_by, []), id IN row.stated_by |
                           [x IN acc WHERE x < id] + [id] + [x IN acc WHERE x > id]),
      r.text = CASE WHEN row.own THEN row.text ELSE r.text END,
      r.count = CASE WHEN row.own THEN row.count ELSE r.count END)
FOREACH (_ IN CASE WHEN row.relation = 'cites' THEN [1] ELSE [] END |
  MERGE (s)-[r:CITES]->(t)
  SET r.stated_by = reduce(acc = coalesce(r.stated_by, []), id IN row.stated_by |
                           [x IN acc WHERE x < id] + [id] + [x IN acc WHERE x > id]),
      r.text = CASE WHEN row.own THEN row.text ELSE r.text END,
      r.count = CASE WHEN row.own THEN row.count ELSE r.count END)
