// name: load_cleanup
// purpose: Loader, first statement of a document's transaction: delete what the document itself stated before (its tasks, its ISSUED_BY edge, the IMPLEMENTS/BASED_ON/CITES edges it stated, its COORDINATES_WITH and REPORTS_TO edges), so a changed file replaces them and a rerun converges. Each edge lookup is by an indexed edge property (graph_schema EdgeType.indexed).
// params: id = "85-kh-ubnd--2020--soc-trang--chau-thanh"
// returns: nothing
// engines: falkordb, neo4j
OPTIONAL MATCH (:Document {id: $id})-[i:ISSUED_BY]->()
DELETE i
WITH count(*) AS _a
OPTIONAL MATCH (t:Task {doc_id: $id})
DETACH DELETE t
WITH count(*) AS _b
OPTIONAL MATCH ()-[r1:IMPLEMENTS {stated_by: $id}]->()
DELETE r1
WITH count(*) AS _c
OPTIONAL MATCH ()-[r2:BASED_ON {stated_by: $id}]->()
DELETE r2
WITH count(*) AS _d
OPTIONAL MATCH ()-[r3:CITES {stated_by: $id}]->()
DELETE r3
WITH count(*) AS _e
OPTIONAL MATCH ()-[c:COORDINATES_WITH {doc_id: $id}]->()
DELETE c
WITH count(*) AS _f
OPTIONAL MATCH ()-[p:REPORTS_TO {doc_id: $id}]->()
DELETE p
