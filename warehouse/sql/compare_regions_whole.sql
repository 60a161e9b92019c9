-- compare_regions_whole: what compare_regions_complement.sql needs to be
-- exact, read in one snapshot: how many rows store.compare_totals holds and
-- the bit_xor of their fingerprints (each agency's current summary rows,
-- 0058, 0071), whether no agency is listed in
-- store.agency_totals_changed (only then do those rows describe the
-- current reports), and whether every figure the comparison sums of every
-- current report (apps_new, the applications' 办理总计, 予以公开, 部分公开,
-- 不予公开, 行政复议 总计 and 纠正, 行政诉讼's two totals and two 纠正) is a
-- whole number >= 0, with each column's total over them all below 2^52:
-- then any sum of any of them, in DOUBLE in any order, is the exact whole
-- number a DECIMAL sum gives. apps_whole is the same of the 24 figures
-- applications_year_sums sums (its complement form's condition). It reads
-- every current summary row (~120 ms of CPU at 1M reports), so
-- totalsWhole runs it once per fingerprint, not per request.
SELECT (SELECT count(*) FROM store.compare_totals t) AS totals,
       (SELECT coalesce(bit_xor(t.fingerprint), 0)::VARCHAR FROM store.compare_totals t) AS fingerprints,
       NOT EXISTS (SELECT 1 FROM store.agency_totals_changed) AS listed_none,
       coalesce(bool_and(coalesce(s.apps_new >= 0 AND s.apps_new = trunc(s.apps_new), true)
                         AND coalesce(s.apps_total >= 0 AND s.apps_total = trunc(s.apps_total), true)
                         AND coalesce(s.apps_granted >= 0 AND s.apps_granted = trunc(s.apps_granted), true)
                         AND coalesce(s.apps_partial >= 0 AND s.apps_partial = trunc(s.apps_partial), true)
                         AND coalesce(s.apps_withheld >= 0 AND s.apps_withheld = trunc(s.apps_withheld), true)
                         AND coalesce(s.review_total >= 0 AND s.review_total = trunc(s.review_total), true)
                         AND coalesce(s.review_corrected >= 0 AND s.review_corrected = trunc(s.review_corrected), true)
                         AND coalesce(s.litigation_direct_total >= 0 AND s.litigation_direct_total = trunc(s.litigation_direct_total), true)
                         AND coalesce(s.litigation_after_review_total >= 0 AND s.litigation_after_review_total = trunc(s.litigation_after_review_total), true)
                         AND coalesce(s.litigation_direct_corrected >= 0 AND s.litigation_direct_corrected = trunc(s.litigation_direct_corrected), true)
                         AND coalesce(s.litigation_after_review_corrected >= 0 AND s.litigation_after_review_corrected = trunc(s.litigation_after_review_corrected), true)), true)
       AND greatest(coalesce(sum(s.apps_new), 0), coalesce(sum(s.apps_total), 0), coalesce(sum(s.apps_granted), 0),
                    coalesce(sum(s.apps_partial), 0), coalesce(sum(s.apps_withheld), 0), coalesce(sum(s.review_total), 0),
                    coalesce(sum(s.review_corrected), 0),
                    coalesce(sum(s.litigation_direct_total), 0) + coalesce(sum(s.litigation_after_review_total), 0),
                    coalesce(sum(s.litigation_direct_corrected), 0) + coalesce(sum(s.litigation_after_review_corrected), 0)) < 4503599627370496 AS whole,
       coalesce(bool_and(coalesce(s.apps_new >= 0 AND s.apps_new = trunc(s.apps_new), true)
                         AND coalesce(s.apps_carried_in >= 0 AND s.apps_carried_in = trunc(s.apps_carried_in), true)
                         AND coalesce(s.apps_granted >= 0 AND s.apps_granted = trunc(s.apps_granted), true)
                         AND coalesce(s.apps_partial >= 0 AND s.apps_partial = trunc(s.apps_partial), true)
                         AND coalesce(s.apps_withheld >= 0 AND s.apps_withheld = trunc(s.apps_withheld), true)
                         AND coalesce(s.apps_unavailable >= 0 AND s.apps_unavailable = trunc(s.apps_unavailable), true)
                         AND coalesce(s.apps_not_processed >= 0 AND s.apps_not_processed = trunc(s.apps_not_processed), true)
                         AND coalesce(s.apps_other >= 0 AND s.apps_other = trunc(s.apps_other), true)
                         AND coalesce(s.apps_total >= 0 AND s.apps_total = trunc(s.apps_total), true)
                         AND coalesce(s.apps_carried_out >= 0 AND s.apps_carried_out = trunc(s.apps_carried_out), true)
                         AND coalesce(s.apps_new_natural >= 0 AND s.apps_new_natural = trunc(s.apps_new_natural), true)
                         AND coalesce(s.apps_new_business >= 0 AND s.apps_new_business = trunc(s.apps_new_business), true)
                         AND coalesce(s.apps_new_research >= 0 AND s.apps_new_research = trunc(s.apps_new_research), true)
                         AND coalesce(s.apps_new_ngo >= 0 AND s.apps_new_ngo = trunc(s.apps_new_ngo), true)
                         AND coalesce(s.apps_new_legal_services >= 0 AND s.apps_new_legal_services = trunc(s.apps_new_legal_services), true)
                         AND coalesce(s.apps_new_other >= 0 AND s.apps_new_other = trunc(s.apps_new_other), true)
                         AND coalesce(s.apps_withheld_state_secret >= 0 AND s.apps_withheld_state_secret = trunc(s.apps_withheld_state_secret), true)
                         AND coalesce(s.apps_withheld_prohibited_by_law >= 0 AND s.apps_withheld_prohibited_by_law = trunc(s.apps_withheld_prohibited_by_law), true)
                         AND coalesce(s.apps_withheld_three_safeties >= 0 AND s.apps_withheld_three_safeties = trunc(s.apps_withheld_three_safeties), true)
                         AND coalesce(s.apps_withheld_third_party >= 0 AND s.apps_withheld_third_party = trunc(s.apps_withheld_third_party), true)
                         AND coalesce(s.apps_withheld_internal_affairs >= 0 AND s.apps_withheld_internal_affairs = trunc(s.apps_withheld_internal_affairs), true)
                         AND coalesce(s.apps_withheld_process_info >= 0 AND s.apps_withheld_process_info = trunc(s.apps_withheld_process_info), true)
                         AND coalesce(s.apps_withheld_enforcement_file >= 0 AND s.apps_withheld_enforcement_file = trunc(s.apps_withheld_enforcement_file), true)
                         AND coalesce(s.apps_withheld_query_matter >= 0 AND s.apps_withheld_query_matter = trunc(s.apps_withheld_query_matter), true)), true)
       AND greatest(coalesce(sum(s.apps_new), 0),
                    coalesce(sum(s.apps_carried_in), 0),
                    coalesce(sum(s.apps_granted), 0),
                    coalesce(sum(s.apps_partial), 0),
                    coalesce(sum(s.apps_withheld), 0),
                    coalesce(sum(s.apps_unavailable), 0),
                    coalesce(sum(s.apps_not_processed), 0),
                    coalesce(sum(s.apps_other), 0),
                    coalesce(sum(s.apps_total), 0),
                    coalesce(sum(s.apps_carried_out), 0),
                    coalesce(sum(s.apps_new_natural), 0),
                    coalesce(sum(s.apps_new_business), 0),
                    coalesce(sum(s.apps_new_research), 0),
                    coalesce(sum(s.apps_new_ngo), 0),
                    coalesce(sum(s.apps_new_legal_services), 0),
                    coalesce(sum(s.apps_new_other), 0),
                    coalesce(sum(s.apps_withheld_state_secret), 0),
                    coalesce(sum(s.apps_withheld_prohibited_by_law), 0),
                    coalesce(sum(s.apps_withheld_three_safeties), 0),
                    coalesce(sum(s.apps_withheld_third_party), 0),
                    coalesce(sum(s.apps_withheld_internal_affairs), 0),
                    coalesce(sum(s.apps_withheld_process_info), 0),
                    coalesce(sum(s.apps_withheld_enforcement_file), 0),
                    coalesce(sum(s.apps_withheld_query_matter), 0)) < 4503599627370496 AS apps_whole
FROM store.report_summary s
WHERE s.is_current;
