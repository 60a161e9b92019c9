-- agency_totals_span: the lowest and highest agency id with a current
-- summary row (0 and -1 when none), the span a rebuild of
-- store.agency_totals covers piece by piece.
SELECT coalesce(min(s.agency_id), 0), coalesce(max(s.agency_id), -1)
FROM store.report_summary s
WHERE s.is_current;
