-- name: agency_info
-- title: 机构基本信息
-- params: agency_id
-- columns: agency_id, agency, province, city, county, level, expected
-- One row, or none when there is no such agency.
SELECT agency_id, name AS agency, province, city, county, level, expected
FROM agencies
WHERE agency_id = $agency_id
