-- report_stated_place: the region and level report $1 states (its own
-- columns, empty where it states none) and its agency's name, from which
-- Confirm resolves the region a confirmed version moves its agency to, and
-- its SHA-256 (empty when none), for the confirmation's audit entry.
SELECT coalesce(r.province, ''), coalesce(r.city, ''), coalesce(r.county, ''), coalesce(r.level, ''), a.name,
       coalesce(r.sha256, '')
FROM store.reports r
JOIN store.agencies a ON a.agency_id = r.agency_id
WHERE r.report_id = $1;
