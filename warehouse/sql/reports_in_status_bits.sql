-- reports_in_status_bits: whether store.agency_status's bit sets of years with a
-- current report count every current report of 1990-2100 once, each under
-- its agency of store.agencies: store.agencies and store.agency_status
-- each hold an agency id once, and the status rows joined to their
-- agencies hold as many bits as store.reports has current reports in those
-- years. With the status rows as their definition makes them (Open holds
-- them to it: one row an agency with such a report, its years' bits), each
-- such report sets its year's bit in its agency's row, so the two are equal
-- exactly when every such report names an agency of store.agencies and no
-- agency has two current reports of one year. The writer keeps all of it
-- (an agency is written with its first report under a new id, never
-- deleted or renumbered; a new version retires the one before in the same
-- transaction), so that only a hand edit of the file breaks it, and a
-- warehouse that holds it keeps it for as long as it is open: see
-- warehouse.DB.bitsHoldReports. ~30 ms of CPU at 1M reports, once an open.
SELECT (SELECT count(*) = count(DISTINCT agency_id) FROM store.agencies)
   AND (SELECT count(*) = count(DISTINCT agency_id) FROM store.agency_status)
   AND (SELECT count(*) FROM store.reports r WHERE r.is_current AND r.year BETWEEN 1990 AND 2100)
     = (SELECT coalesce(sum(bit_count(s.reported)), 0)
        FROM store.agency_status s
        JOIN store.agencies a ON a.agency_id = s.agency_id) AS held;
