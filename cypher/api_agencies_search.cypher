// name: api_agencies_search
// purpose: Accent-free, abbreviation-tolerant agency search for GET /agencies: the first `upto` agencies and the first `upto` groups, each shortest (most specific) name first.
// params: groups = [["so"], ["noi"], ["vu"], ["bac"], ["ninh"]]; province = ""; level = ""; kind = ""; upto = 50
// returns: id, name, kind, level, province, district, aliases
// engines: falkordb, neo4j
// notes: a group lists the alternatives of one query word ("khkt" or "khoa hoc va ky thuat"); each word must
//        start a word of `search`. One branch per label so each scans its own label (a label disjunction
//        scans every node); the API merges both branches by (size(name), id) and cuts the page.
MATCH (a:Agency)
WHERE $kind IN ['', 'agency']
  AND ($province = '' OR a.province = $province)
  AND ($level = '' OR a.level = $level)
  AND all(g IN $groups WHERE any(t IN g WHERE (' ' + coalesce(a.search, toLower(a.name))) CONTAINS (' ' + t)))
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.level AS level, a.province AS province,
       a.district AS district, a.aliases AS aliases
ORDER BY size(name), id
LIMIT $upto
UNION ALL
MATCH (a:AgencyGroup)
WHERE $kind IN ['', 'group']
  AND ($province = '' OR a.province = $province)
  AND ($level = '' OR a.level = $level)
  AND all(g IN $groups WHERE any(t IN g WHERE (' ' + coalesce(a.search, toLower(a.name))) CONTAINS (' ' + t)))
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.level AS level, a.province AS province,
       a.district AS district, a.aliases AS aliases
ORDER BY size(name), id
LIMIT $upto
