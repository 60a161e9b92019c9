-- compare_agencies_named: queries/compare_agencies.sql (same columns and
-- rows) for a filter that selects few agencies (a city, a level, a piece
-- few names hold): warehouse.Query runs it instead of the named query then
-- (compareAgenciesForm, which estimates how many from the agencies'
-- sample). It is the named query with each selected agency's name, city
-- and level carried from compare_totals instead of read from
-- store.agencies for the ranked agencies: that scan (a Bloom filter of
-- their ids over the ~170,000 agencies of 1M reports) reads every vector
-- of the table when the ranked agencies lie all over it, as a rare
-- piece's zero-report agencies do (~1,700 for 安县): ~10 ms of CPU,
-- against copying the names of the few selected agencies. For a large
-- selection the copy costs more (1M, kept statements, CPU a query: a piece
-- held by 5,539 agencies 54 -> 44 ms, by 12,708 54 -> 41, by 73,658
-- 79 -> 90, by 162,318 86 -> 127; a city of 13,317 51 -> 42). The macro
-- gives the kept totals' name, city and level for the agencies it reads
-- from them, equal to store.agencies' (0062, 0071: compare_totals_stale
-- compares them at Open, and a read-only open refuses a file where they
-- differ), and store.agencies' own for the agencies summed apart, so the
-- rows are the named query's. TestCompareAgenciesNamedForm holds the two
-- to the same rows through uploads, re-uploads, moves and a name changed
-- by hand.
--
-- This file is not a statement: it holds the two CTEs of the form that
-- differ from the named query, a and named, and warehouse
-- (compareNamedSQL) puts each in place of the named query's CTE of the
-- same name; the rest (the rankings) is the named query's own text, so
-- that a change there is made once. Each CTE runs from its name to the
-- next line that starts with ")" (their bodies are indented).
WITH a AS MATERIALIZED (
    -- The sums of the agencies the filters select, with their names
    -- and places (the totals' own, as the filters read them).
    SELECT k.agency_id, k.reports, k.zero_reports, k.apps_total, k.apps_disclosed, k.apps_withheld,
           k.review_total, k.review_corrected, k.litigation_total, k.litigation_corrected,
           k.name, k.city, k.level
    FROM compare_totals($year_from, $year_to) k
    WHERE ($province IS NULL OR k.province = $province)
      AND ($city IS NULL OR k.city = $city)
      AND ($level IS NULL OR k.level = $level)
      AND ($agency IS NULL OR contains(k.name, $agency))
), named AS (
    -- The agencies ranked, with the names and places they carry from a.
    SELECT * FROM c
)
