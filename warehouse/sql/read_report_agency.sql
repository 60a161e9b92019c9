-- read_report_agency: the name, region and level of agency $1, for the
-- versions of its reports (read_report_versions); no row: no such agency,
-- and so no report to show.
SELECT name, coalesce(province, ''), coalesce(city, ''), coalesce(county, ''), coalesce(level, '')
FROM store.agencies
WHERE agency_id = $1;
