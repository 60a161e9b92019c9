-- state_fingerprints: the section signatures of current reports, for the
-- content-similarity check (内容雷同), in the order they were loaded: of two
-- equally similar sections the check names the earlier.
SELECT s.report_id, r.agency_id, a.name, r.year, coalesce(s.numeral, ''), s.fingerprint
FROM store.sections s
JOIN store.reports r USING (report_id)
JOIN store.agencies a USING (agency_id)
WHERE r.is_current AND s.fingerprint IS NOT NULL
ORDER BY s.report_id, s.seq;
