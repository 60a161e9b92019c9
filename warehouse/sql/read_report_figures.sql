-- read_report_figures: the figures of report version $1 (any version, not
-- only the current one), derived rows included, by the ids of their texts;
-- from_narrative marks the figures read from a sentence of the report's
-- text. Report and AgencyReports name the ids with read_texts afterwards:
-- looking them up in the same query scanned all of store.texts (165,000 at
-- 1M reports) and, the figures being a CTE read five times, store.figures
-- five times: ~21 ms of CPU a report at 1M against ~11 ms so.
SELECT measure_id, applicant_id, value, unit_id, raw_id, at_id, coalesce(from_narrative, false)
FROM store.figures
WHERE report_id = $1;
