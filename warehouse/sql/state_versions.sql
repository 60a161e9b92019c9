-- state_versions: the highest version of each agency and year where it is
-- above the current version's (or there is no current one): versions that
-- wait for confirmation, so that the next upload numbers after them.
SELECT agency_id, year, max(version)
FROM store.reports
GROUP BY agency_id, year
HAVING max(version) > coalesce(max(version) FILTER (WHERE is_current), 0);
