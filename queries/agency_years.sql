-- name: agency_years
-- title: 机构历年报告
-- params: agency_id, year_from, year_to
-- columns: year, report_id, format, errors, warnings, apps_new, apps_total, licensing_decisions, penalty_decisions, proactive_items, review_total, litigation_total
-- The agency's current report of each year with its headline figures.
-- Reads report_values with only the measures it needs rather than the
-- report_summary view, whose pivot of every figure is the slow part on a
-- large warehouse (see BenchmarkPages).
WITH r AS (
    SELECT year, report_id, format, errors, warnings
    FROM reports
    WHERE is_current AND agency_id = $agency_id AND ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
), v AS (
    SELECT report_id,
           sum(value) FILTER (WHERE measure = 'apps.new') AS apps_new,
           sum(value) FILTER (WHERE measure = 'apps.total') AS apps_total,
           sum(value) FILTER (WHERE measure = 'licensing.decisions') AS licensing_decisions,
           sum(value) FILTER (WHERE measure = 'penalty.decisions') AS penalty_decisions,
           sum(value) FILTER (WHERE measure = 'narrative.proactive_items') AS proactive_items,
           sum(value) FILTER (WHERE measure = 'review.total') AS review_total,
           sum(value) FILTER (WHERE measure IN ('litigation_direct.total', 'litigation_after_review.total')) AS litigation_total
    FROM report_values
    WHERE report_id IN (SELECT report_id FROM r) AND applicant = 'total'
    GROUP BY report_id
)
SELECT r.year, r.report_id, r.format, r.errors, r.warnings,
       v.apps_new, v.apps_total, v.licensing_decisions, v.penalty_decisions, v.proactive_items,
       v.review_total, v.litigation_total
FROM r LEFT JOIN v USING (report_id)
ORDER BY r.year
