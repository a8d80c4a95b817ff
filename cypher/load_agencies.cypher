// name: load_agencies
// purpose: Loader: merge :Agency nodes by id; aliases accumulate without duplicates, the search text gains new spellings, known scope fields are never erased by a document that does not know them.
// params: rows = [{id: "so-noi-vu-tinh-bac-ninh", name: "Sở Nội vụ tỉnh Bắc Ninh", kind: "agency", level: "province", province: "Bắc Ninh", district: null, aliases: ["Sở Nội vụ"], search: "so noi vu tinh bac ninh | so noi vu"}]
// returns: nothing
// engines: falkordb, neo4j
UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
SET a.name = row.name, a.kind = row.kind,
    a.level = CASE WHEN row.level IS NULL OR row.level = 'unknown' THEN coalesce(a.level, row.level) ELSE row.level END,
    a.province = coalesce(row.province, a.province), a.district = coalesce(row.district, a.district),
    a.aliases = reduce(acc = [], x IN coalesce(a.aliases, []) + row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    a.search = CASE WHEN a.search IS NULL THEN row.search WHEN a.search CONTAINS row.search THEN a.search ELSE a.search + ' | ' + row.search END
