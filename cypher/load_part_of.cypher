// name: load_part_of
// purpose: Loader: PART_OF from an :Agency to its :Jurisdiction (a group, or a parent body: load_part_of_other).
// params: rows = [{source: "so-noi-vu-tinh-bac-ninh", target: "bac-ninh"}]
// returns: nothing
// engines: falkordb, neo4j
// One label per end (see load_assignments); the loader sends the other cases to
// load_part_of_other, so the edge does not depend on which nodes other documents made.
UNWIND $rows AS row
MATCH (a:Agency {id: row.source})
MATCH (j:Jurisdiction {id: row.target})
MERGE (a)-[:PART_OF]->(j)
