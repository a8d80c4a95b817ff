// name: load_jurisdictions
// purpose: Loader: merge province and district :Jurisdiction nodes; a district is PART_OF its province (provinces are sent in an earlier statement than districts).
// params: rows = [{id: "soc-trang--chau-thanh", name: "Châu Thành", level: "district", province: "Sóc Trăng", district: "Châu Thành", parent: "soc-trang"}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
MERGE (j:Jurisdiction {id: row.id})
SET j.name = row.name, j.level = row.level, j.province = row.province, j.district = row.district
WITH j, row
WHERE row.parent IS NOT NULL
MATCH (p:Jurisdiction {id: row.parent})
MERGE (j)-[:PART_OF]->(p)
