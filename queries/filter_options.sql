-- name: filter_options
-- title: 筛选选项
-- params:
-- columns: kind, value
-- The values the filter bar offers: years with reports, provinces, cities and
-- levels of the known agencies.
SELECT 'year' AS kind, CAST(year AS VARCHAR) AS value
FROM (SELECT DISTINCT year FROM reports WHERE is_current)
UNION ALL
SELECT 'province', province FROM (SELECT DISTINCT province FROM agencies WHERE coalesce(province, '') <> '')
UNION ALL
SELECT 'city', city FROM (SELECT DISTINCT city FROM agencies WHERE coalesce(city, '') <> '')
UNION ALL
SELECT 'level', level FROM (SELECT DISTINCT level FROM agencies WHERE coalesce(level, '') <> '')
ORDER BY kind, value
