-- compare_regions_complement: queries/compare_regions.sql (same columns and
-- rows, and a last column complete) for a filter with a piece of an
-- agency's name that most selected agencies' names hold (人民, 民政: ~95 %
-- of the names at 1M reports): store.summary_rollup's sums of the
-- selection's groups minus the current summary rows of the selected
-- agencies whose names do NOT hold the piece, read from their kept copies
-- (store.compare_totals.years, 0071). The piece form unpacks the years of
-- every agency that holds the piece (~953k rows at 1M for 人民, 55-70 ms
-- of CPU); this unpacks the others' (~45k): 32-41 ms, interleaved
-- (compareRegionsComplement chooses it, and only for such pieces: for a
-- piece few names hold it unpacks almost every agency's years and costs
-- several times the piece form).
--
-- Exact, never a guess, when complete is true, which this statement
-- checks in its own snapshot:
--   - nothing is listed in store.agency_totals_changed, so every agency
--     with a current report has its kept copy, with its current summary
--     rows, region and name (0058, 0062, 0071);
--   - store.summary_rollup is in step (store.rollup_state.regions is set:
--     a bulk load that has not merged its sums clears it), so its groups
--     sum the same current reports under the same regions and levels;
--   - store.compare_totals is the one whose current rows the caller found
--     whole (count and bit_xor of the fingerprints = $totals and
--     $fingerprints, in decimal digits: database/sql binds no UBIGINT
--     past 2^63; read by sql/compare_regions_whole.sql in one snapshot
--     with that check): every summed figure of every current report is a
--     whole number >= 0 and each column's total over all of them is below
--     2^52, so every sum of them in DOUBLE, in any order, is the exact
--     whole number: the piece form's, the roll-up's DECIMAL sums cast, the
--     others' DOUBLE sums and their differences. (DECIMAL sums of the
--     others' rows cost ~8 ms more at 1M reports.) A write since lists
--     its agencies; a rebuild since changes the fingerprints.
-- agencies is the number of reports, as in the piece form (one current
-- report an agency and year). When complete is false every value is NULL
-- and the caller runs the piece form; a complete answer with no row is
-- one row of NULLs with complete NULL. Any change of the named query's
-- sums is made here too; TestCompareRegionsComplement holds the two to
-- the same rows through every write.
WITH ok AS (
    -- Whether the conditions above hold in this snapshot.
    SELECT NOT EXISTS (SELECT 1 FROM store.agency_totals_changed)
           AND (SELECT s.regions FROM store.rollup_state s) IS NOT NULL
           AND (SELECT count(*) = $totals AND coalesce(bit_xor(t.fingerprint), 0)::VARCHAR = $fingerprints FROM store.compare_totals t) AS complete
), g AS (
    -- The selection's groups summed per region and year (exact, see
    -- above) with the counts of reports stating each figure.
    SELECT CASE WHEN $city IS NOT NULL THEN g.county WHEN $province IS NOT NULL THEN g.city ELSE g.province END AS region,
           g.year,
           sum(g.reports) AS reports, sum(g.zero_reports) AS zero_reports,
           sum(g.apps_new)::DOUBLE AS apps_new, sum(g.apps_new_n) AS apps_new_n,
           sum(g.apps_total)::DOUBLE AS apps_total, sum(g.apps_total_n) AS apps_total_n,
           sum(g.apps_granted)::DOUBLE AS apps_granted, sum(g.apps_granted_n) AS apps_granted_n,
           sum(g.apps_partial)::DOUBLE AS apps_partial, sum(g.apps_partial_n) AS apps_partial_n,
           sum(g.apps_withheld)::DOUBLE AS apps_withheld, sum(g.apps_withheld_n) AS apps_withheld_n,
           sum(g.review_total)::DOUBLE AS review_total, sum(g.review_total_n) AS review_total_n,
           sum(g.review_corrected)::DOUBLE AS review_corrected, sum(g.review_corrected_n) AS review_corrected_n,
           (coalesce(sum(g.litigation_direct_total), 0) + coalesce(sum(g.litigation_after_review_total), 0))::DOUBLE AS litigation_total,
           sum(g.litigation_total_n) AS litigation_total_n,
           (coalesce(sum(g.litigation_direct_corrected), 0) + coalesce(sum(g.litigation_after_review_corrected), 0))::DOUBLE AS litigation_corrected,
           sum(g.litigation_corrected_n) AS litigation_corrected_n
    FROM store.summary_rollup g
    WHERE ($year_from IS NULL OR g.year >= $year_from)
      AND ($year_to IS NULL OR g.year <= $year_to)
      AND ($province IS NULL OR g.province = $province)
      AND ($city IS NULL OR g.city = $city)
      AND ($level IS NULL OR g.level = $level)
    GROUP BY ALL
), r AS (
    -- The current summary rows of the selected agencies whose names do not
    -- hold the piece (NULL names included: the piece form leaves them out).
    SELECT CASE WHEN $city IS NOT NULL THEN t.county WHEN $province IS NOT NULL THEN t.city ELSE t.province END AS region,
           unnest(t.years) AS v
    FROM store.compare_totals t
    WHERE ($province IS NULL OR t.province = $province)
      AND ($city IS NULL OR t.city = $city)
      AND ($level IS NULL OR t.level = $level)
      AND contains(t.name, $agency) IS NOT TRUE
), x AS (
    -- Their sums (litigation as the piece form adds its two columns).
    SELECT r.region, r.v.year AS year,
           count(*) AS reports, count(*) FILTER (WHERE r.v.zero) AS zero_reports,
           sum(r.v.apps_new) AS apps_new, count(r.v.apps_new) AS apps_new_n,
           sum(r.v.apps_total) AS apps_total, count(r.v.apps_total) AS apps_total_n,
           sum(r.v.apps_granted) AS apps_granted, count(r.v.apps_granted) AS apps_granted_n,
           sum(r.v.apps_partial) AS apps_partial, count(r.v.apps_partial) AS apps_partial_n,
           sum(r.v.apps_withheld) AS apps_withheld, count(r.v.apps_withheld) AS apps_withheld_n,
           sum(r.v.review_total) AS review_total, count(r.v.review_total) AS review_total_n,
           sum(r.v.review_corrected) AS review_corrected, count(r.v.review_corrected) AS review_corrected_n,
           sum(r.v.litigation_total) AS litigation_total, count(r.v.litigation_total) AS litigation_total_n,
           sum(r.v.litigation_corrected) AS litigation_corrected, count(r.v.litigation_corrected) AS litigation_corrected_n
    FROM r
    WHERE ($year_from IS NULL OR r.v.year >= $year_from)
      AND ($year_to IS NULL OR r.v.year <= $year_to)
    GROUP BY ALL
), d AS (
    -- The selection's rows: the groups' sums less the others', where one
    -- of the agencies holding the piece has a report.
    SELECT g.region, g.year,
           (g.reports - coalesce(x.reports, 0))::BIGINT AS agencies,
           (g.reports - coalesce(x.reports, 0))::BIGINT AS reports,
           (g.zero_reports - coalesce(x.zero_reports, 0))::BIGINT AS zero_reports,
           CASE WHEN g.apps_new_n > coalesce(x.apps_new_n, 0) THEN (g.apps_new - coalesce(x.apps_new, 0))::DOUBLE END AS apps_new,
           CASE WHEN g.apps_total_n > coalesce(x.apps_total_n, 0) THEN (g.apps_total - coalesce(x.apps_total, 0))::DOUBLE END AS apps_total,
           CASE WHEN g.apps_granted_n > coalesce(x.apps_granted_n, 0) THEN (g.apps_granted - coalesce(x.apps_granted, 0))::DOUBLE END AS apps_granted,
           CASE WHEN g.apps_partial_n > coalesce(x.apps_partial_n, 0) THEN (g.apps_partial - coalesce(x.apps_partial, 0))::DOUBLE END AS apps_partial,
           CASE WHEN g.apps_withheld_n > coalesce(x.apps_withheld_n, 0) THEN (g.apps_withheld - coalesce(x.apps_withheld, 0))::DOUBLE END AS apps_withheld,
           CASE WHEN g.review_total_n > coalesce(x.review_total_n, 0) THEN (g.review_total - coalesce(x.review_total, 0))::DOUBLE END AS review_total,
           CASE WHEN g.review_corrected_n > coalesce(x.review_corrected_n, 0) THEN (g.review_corrected - coalesce(x.review_corrected, 0))::DOUBLE END AS review_corrected,
           CASE WHEN g.litigation_total_n > coalesce(x.litigation_total_n, 0) THEN (g.litigation_total - coalesce(x.litigation_total, 0))::DOUBLE END AS litigation_total,
           CASE WHEN g.litigation_corrected_n > coalesce(x.litigation_corrected_n, 0) THEN (g.litigation_corrected - coalesce(x.litigation_corrected, 0))::DOUBLE END AS litigation_corrected
    FROM g
    LEFT JOIN x ON x.region IS NOT DISTINCT FROM g.region AND x.year = g.year
    WHERE g.reports > coalesce(x.reports, 0)
)
SELECT d.region, d.year, d.agencies, d.reports, d.zero_reports, d.apps_new, d.apps_total, d.apps_granted,
       d.apps_partial, d.apps_withheld, d.review_total, d.review_corrected, d.litigation_total, d.litigation_corrected,
       CASE WHEN ok.complete AND d.year IS NULL THEN NULL ELSE ok.complete END AS complete
FROM ok
LEFT JOIN d ON ok.complete
ORDER BY d.region NULLS LAST, d.year
