// name: load_agencies
// purpose: Loader: merge :Agency nodes by id; aliases accumulate without duplicates, the search text gains new spellings (one per entry of row.searches, in order), known scope fields are never erased by a document that does not know them.
// params: rows = [{id: "so-noi-vu-tinh-bac-ninh", name: "Sở Nội vụ tỉnh Bắc Ninh", kind: "agency", level: "province", province: "Bắc Ninh", district: null, aliases: ["Sở Nội vụ"], searches: ["so noi vu tinh bac ninh | so noi vu"]}]
// returns: nothing
// engines: falkordb, neo4j
// One row per agency per statement: the loader merges the rows of every document of a
// group write in document order (cascade.loader.merge_rows) so that the result is the
// one loading them one at a time gives. row.searches is the list of the documents'
// search texts, folded in here exactly as successive single-document loads would.
UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
WITH a, row, CASE WHEN row.level IS NULL OR row.level = 'unknown' THEN coalesce(a.level, row.level) ELSE row.level END AS level
// Only a row that changes something is written: a SET, even to the same value, re-indexes the
// node (name, kind, level, province), and a province's departments recur in every plan of the
// province (issue #6 loader profile). '' never occurs in these fields, so it stands for null.
WHERE a.name IS NULL OR a.name <> row.name OR coalesce(a.kind, '') <> coalesce(row.kind, '')
   OR coalesce(a.level, '') <> coalesce(level, '')
   OR (row.province IS NOT NULL AND coalesce(a.province, '') <> row.province)
   OR (row.district IS NOT NULL AND coalesce(a.district, '') <> row.district)
   OR a.aliases IS NULL OR any(x IN row.aliases WHERE NOT x IN a.aliases)
   OR any(x IN row.searches WHERE a.search IS NULL OR NOT a.search CONTAINS x)
SET a.name = row.name, a.kind = row.kind,
    a.level = level,
    a.province = coalesce(row.province, a.province), a.district = coalesce(row.district, a.district),
    a.aliases = reduce(acc = [], x IN coalesce(a.aliases, []) + row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    a.search = reduce(s = a.search, x IN row.searches | CASE WHEN s IS NULL THEN x WHEN s CONTAINS x THEN s ELSE s + ' | ' + x END)
