// name: bench_link_write
// purpose: Benchmark only: one BENCH_LINK edge per (document, parent) pair of the lineage, however many documents state it (the shipped IMPLEMENTS/BASED_ON edges are one per stating document, so a pair stated by 400 plans has 400 parallel edges).
// params: rows = [{c: "85-kh-ubnd--2020--soc-trang--chau-thanh", p: "56-kh-ubnd--2020--soc-trang"}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS r
MATCH (c:Document {id: r.c})
MATCH (p:Document {id: r.p})
MERGE (c)-[:BENCH_LINK]->(p)
