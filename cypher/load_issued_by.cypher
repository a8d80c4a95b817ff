// name: load_issued_by
// purpose: Loader: ISSUED_BY from the ingested document to its issuing body.
// params: rows = [{doc: "124-kh-ubnd--2020--lao-cai", agency: "uy-ban-nhan-dan-tinh-lao-cai"}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (a:Agency {id: row.agency})
MERGE (d)-[:ISSUED_BY]->(a)
