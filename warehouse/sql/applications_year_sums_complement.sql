-- applications_year_sums_complement: queries/applications_year_sums.sql
-- (same columns and rows, and a last column complete) for a filter with a
-- piece of an agency's name that most selected agencies' names hold (人民,
-- 镇人, 民政: ~95 % of the names at 1M reports): store.summary_rollup's sums
-- of the selection's groups by year minus the current summary rows of the
-- selected agencies whose names do NOT hold the piece. The named query
-- joins the ~950k summary rows of the agencies that hold such a piece to
-- them and groups them by year; this groups the others' (~50k).
-- applicationsComplement chooses it, and only for such pieces (the gate of
-- compare_regions' complement form, pieceCommon): for a piece few names
-- hold it groups almost every row and costs about twice the named query.
--
-- Exact, never a guess, when complete is true, which this statement checks
-- in its own snapshot, as compare_regions_complement.sql does:
--   - nothing is listed in store.agency_totals_changed and
--     store.compare_totals is the one the caller found whole (count and
--     bit_xor of the fingerprints = $totals and $fingerprints, read by
--     sql/compare_regions_whole.sql in one snapshot with its check): the
--     writer lists every agency whose current reports a transaction
--     changes, so the current summary rows are the ones that check read,
--     in which every column summed here was a whole number >= 0 with each
--     column's total below 2^52 (apps_whole): every sum of them in DOUBLE,
--     in any order, is the exact whole number, the named query's DOUBLE
--     sums, the roll-up's DECIMAL sums cast and their differences alike;
--   - store.summary_rollup is in step (store.rollup_state.regions is set),
--     so its groups sum the same current reports under the same regions
--     and levels as the agencies' rows joined here.
-- The named query's sums are NULL where no selected report states them and
-- it then reads them as 0, as the difference is here; disclosure_rate is
-- its expression on the same values. When complete is false every value is
-- NULL and the caller runs the named query; a complete answer with no row
-- is one row of NULLs with complete NULL. Any change of the named query's
-- sums is made here too; TestCompareRegionsComplement holds the two to the
-- same rows through every write.
WITH ok AS (
    -- Whether the conditions above hold in this snapshot.
    SELECT NOT EXISTS (SELECT 1 FROM store.agency_totals_changed)
           AND (SELECT s.regions FROM store.rollup_state s) IS NOT NULL
           AND (SELECT count(*) = $totals AND coalesce(bit_xor(t.fingerprint), 0)::VARCHAR = $fingerprints FROM store.compare_totals t) AS complete
), g AS (
    -- The selection's groups summed per year (exact, see above).
    SELECT g.year, sum(g.reports) AS reports,
           coalesce(sum(g.apps_new), 0)::DOUBLE AS apps_new,
           coalesce(sum(g.apps_carried_in), 0)::DOUBLE AS apps_carried_in,
           coalesce(sum(g.apps_granted), 0)::DOUBLE AS apps_granted,
           coalesce(sum(g.apps_partial), 0)::DOUBLE AS apps_partial,
           coalesce(sum(g.apps_withheld), 0)::DOUBLE AS apps_withheld,
           coalesce(sum(g.apps_unavailable), 0)::DOUBLE AS apps_unavailable,
           coalesce(sum(g.apps_not_processed), 0)::DOUBLE AS apps_not_processed,
           coalesce(sum(g.apps_other), 0)::DOUBLE AS apps_other,
           coalesce(sum(g.apps_total), 0)::DOUBLE AS apps_total,
           coalesce(sum(g.apps_carried_out), 0)::DOUBLE AS apps_carried_out,
           coalesce(sum(g.apps_new_natural), 0)::DOUBLE AS apps_new_natural,
           coalesce(sum(g.apps_new_business), 0)::DOUBLE AS apps_new_business,
           coalesce(sum(g.apps_new_research), 0)::DOUBLE AS apps_new_research,
           coalesce(sum(g.apps_new_ngo), 0)::DOUBLE AS apps_new_ngo,
           coalesce(sum(g.apps_new_legal_services), 0)::DOUBLE AS apps_new_legal_services,
           coalesce(sum(g.apps_new_other), 0)::DOUBLE AS apps_new_other,
           coalesce(sum(g.apps_withheld_state_secret), 0)::DOUBLE AS apps_withheld_state_secret,
           coalesce(sum(g.apps_withheld_prohibited_by_law), 0)::DOUBLE AS apps_withheld_prohibited_by_law,
           coalesce(sum(g.apps_withheld_three_safeties), 0)::DOUBLE AS apps_withheld_three_safeties,
           coalesce(sum(g.apps_withheld_third_party), 0)::DOUBLE AS apps_withheld_third_party,
           coalesce(sum(g.apps_withheld_internal_affairs), 0)::DOUBLE AS apps_withheld_internal_affairs,
           coalesce(sum(g.apps_withheld_process_info), 0)::DOUBLE AS apps_withheld_process_info,
           coalesce(sum(g.apps_withheld_enforcement_file), 0)::DOUBLE AS apps_withheld_enforcement_file,
           coalesce(sum(g.apps_withheld_query_matter), 0)::DOUBLE AS apps_withheld_query_matter
    FROM store.summary_rollup g
    WHERE ($year_from IS NULL OR g.year >= $year_from)
      AND ($year_to IS NULL OR g.year <= $year_to)
      AND ($province IS NULL OR g.province = $province)
      AND ($city IS NULL OR g.city = $city)
      AND ($level IS NULL OR g.level = $level)
    GROUP BY g.year
), x AS (
    -- The current summary rows of the selected agencies whose names do not
    -- hold the piece, summed per year.
    SELECT s.year, count(*) AS reports,
           coalesce(sum(s.apps_new), 0) AS apps_new,
           coalesce(sum(s.apps_carried_in), 0) AS apps_carried_in,
           coalesce(sum(s.apps_granted), 0) AS apps_granted,
           coalesce(sum(s.apps_partial), 0) AS apps_partial,
           coalesce(sum(s.apps_withheld), 0) AS apps_withheld,
           coalesce(sum(s.apps_unavailable), 0) AS apps_unavailable,
           coalesce(sum(s.apps_not_processed), 0) AS apps_not_processed,
           coalesce(sum(s.apps_other), 0) AS apps_other,
           coalesce(sum(s.apps_total), 0) AS apps_total,
           coalesce(sum(s.apps_carried_out), 0) AS apps_carried_out,
           coalesce(sum(s.apps_new_natural), 0) AS apps_new_natural,
           coalesce(sum(s.apps_new_business), 0) AS apps_new_business,
           coalesce(sum(s.apps_new_research), 0) AS apps_new_research,
           coalesce(sum(s.apps_new_ngo), 0) AS apps_new_ngo,
           coalesce(sum(s.apps_new_legal_services), 0) AS apps_new_legal_services,
           coalesce(sum(s.apps_new_other), 0) AS apps_new_other,
           coalesce(sum(s.apps_withheld_state_secret), 0) AS apps_withheld_state_secret,
           coalesce(sum(s.apps_withheld_prohibited_by_law), 0) AS apps_withheld_prohibited_by_law,
           coalesce(sum(s.apps_withheld_three_safeties), 0) AS apps_withheld_three_safeties,
           coalesce(sum(s.apps_withheld_third_party), 0) AS apps_withheld_third_party,
           coalesce(sum(s.apps_withheld_internal_affairs), 0) AS apps_withheld_internal_affairs,
           coalesce(sum(s.apps_withheld_process_info), 0) AS apps_withheld_process_info,
           coalesce(sum(s.apps_withheld_enforcement_file), 0) AS apps_withheld_enforcement_file,
           coalesce(sum(s.apps_withheld_query_matter), 0) AS apps_withheld_query_matter
    FROM store.report_summary s
    JOIN store.agencies a ON a.agency_id = s.agency_id
    WHERE s.is_current
      AND ($year_from IS NULL OR s.year >= $year_from)
      AND ($year_to IS NULL OR s.year <= $year_to)
      AND ($province IS NULL OR a.province = $province)
      AND ($city IS NULL OR a.city = $city)
      AND ($level IS NULL OR a.level = $level)
      AND contains(a.name, $agency) IS NOT TRUE
    GROUP BY s.year
), d AS (
    -- The selection's years: the groups' sums less the others', where one
    -- of the agencies holding the piece has a report.
    SELECT g.year, (g.reports - coalesce(x.reports, 0))::BIGINT AS reports,
           g.apps_new - coalesce(x.apps_new, 0) AS apps_new,
           g.apps_carried_in - coalesce(x.apps_carried_in, 0) AS apps_carried_in,
           g.apps_granted - coalesce(x.apps_granted, 0) AS apps_granted,
           g.apps_partial - coalesce(x.apps_partial, 0) AS apps_partial,
           g.apps_withheld - coalesce(x.apps_withheld, 0) AS apps_withheld,
           g.apps_unavailable - coalesce(x.apps_unavailable, 0) AS apps_unavailable,
           g.apps_not_processed - coalesce(x.apps_not_processed, 0) AS apps_not_processed,
           g.apps_other - coalesce(x.apps_other, 0) AS apps_other,
           g.apps_total - coalesce(x.apps_total, 0) AS apps_total,
           g.apps_carried_out - coalesce(x.apps_carried_out, 0) AS apps_carried_out,
           g.apps_new_natural - coalesce(x.apps_new_natural, 0) AS apps_new_natural,
           g.apps_new_business - coalesce(x.apps_new_business, 0) AS apps_new_business,
           g.apps_new_research - coalesce(x.apps_new_research, 0) AS apps_new_research,
           g.apps_new_ngo - coalesce(x.apps_new_ngo, 0) AS apps_new_ngo,
           g.apps_new_legal_services - coalesce(x.apps_new_legal_services, 0) AS apps_new_legal_services,
           g.apps_new_other - coalesce(x.apps_new_other, 0) AS apps_new_other,
           g.apps_withheld_state_secret - coalesce(x.apps_withheld_state_secret, 0) AS apps_withheld_state_secret,
           g.apps_withheld_prohibited_by_law - coalesce(x.apps_withheld_prohibited_by_law, 0) AS apps_withheld_prohibited_by_law,
           g.apps_withheld_three_safeties - coalesce(x.apps_withheld_three_safeties, 0) AS apps_withheld_three_safeties,
           g.apps_withheld_third_party - coalesce(x.apps_withheld_third_party, 0) AS apps_withheld_third_party,
           g.apps_withheld_internal_affairs - coalesce(x.apps_withheld_internal_affairs, 0) AS apps_withheld_internal_affairs,
           g.apps_withheld_process_info - coalesce(x.apps_withheld_process_info, 0) AS apps_withheld_process_info,
           g.apps_withheld_enforcement_file - coalesce(x.apps_withheld_enforcement_file, 0) AS apps_withheld_enforcement_file,
           g.apps_withheld_query_matter - coalesce(x.apps_withheld_query_matter, 0) AS apps_withheld_query_matter
    FROM g
    LEFT JOIN x ON x.year = g.year
    WHERE g.reports > coalesce(x.reports, 0)
)
SELECT d.year, d.reports,
       d.apps_new,
       d.apps_carried_in,
       d.apps_granted,
       d.apps_partial,
       d.apps_withheld,
       d.apps_unavailable,
       d.apps_not_processed,
       d.apps_other,
       d.apps_total,
       d.apps_carried_out,
       round((d.apps_granted + d.apps_partial) / nullif(d.apps_total, 0), 4) AS disclosure_rate,
       d.apps_new_natural,
       d.apps_new_business,
       d.apps_new_research,
       d.apps_new_ngo,
       d.apps_new_legal_services,
       d.apps_new_other,
       d.apps_withheld_state_secret,
       d.apps_withheld_prohibited_by_law,
       d.apps_withheld_three_safeties,
       d.apps_withheld_third_party,
       d.apps_withheld_internal_affairs,
       d.apps_withheld_process_info,
       d.apps_withheld_enforcement_file,
       d.apps_withheld_query_matter,
       CASE WHEN ok.complete AND d.year IS NULL THEN NULL ELSE ok.complete END AS complete
FROM ok
LEFT JOIN d ON ok.complete
ORDER BY d.year
