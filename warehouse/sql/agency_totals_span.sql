-- agency_totals_span: the lowest and highest agency id that has a current
-- summary row, a row in store.agency_totals or store.compare_totals, or is
-- listed in store.agency_totals_changed (0 and -1 when none): the span a
-- rebuild covers piece by piece, each piece dropping the old rows and
-- listings of its ids and building its rows afresh, so that an agency
-- left with no current report loses its rows too.
SELECT coalesce(min(lo), 0), coalesce(max(hi), -1)
FROM (
    SELECT min(s.agency_id) AS lo, max(s.agency_id) AS hi FROM store.report_summary s WHERE s.is_current
    UNION ALL SELECT min(agency_id), max(agency_id) FROM store.agency_totals
    UNION ALL SELECT min(agency_id), max(agency_id) FROM store.compare_totals
    UNION ALL SELECT min(agency_id), max(agency_id) FROM store.agency_totals_changed
);
