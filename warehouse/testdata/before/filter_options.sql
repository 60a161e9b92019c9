-- name: filter_options
-- title: 筛选选项
-- params:
-- columns: kind, value, parent
-- The values the filter bar offers, in the order a person looks for them:
-- years ascending; provinces and cities in the order of their division
-- codes (GB/T 2260, the order of every official list, 北京 first), those
-- without a known code after them by name; levels from the top down.
-- parent is a city's province, so that the 地市 choices follow 省份.
WITH a AS (
    SELECT province, city, level, nullif(code, '') AS code FROM agencies
), levels(level, ord) AS (
    VALUES ('省级政府', 1), ('省级部门', 2), ('市级政府', 3), ('市级部门', 4),
           ('县级政府', 5), ('县级部门', 6), ('乡镇（街道）', 7)
), opts AS (
    SELECT 'year' AS kind, CAST(year AS VARCHAR) AS value, NULL AS parent, CAST(year AS VARCHAR) AS sort_key
    FROM (SELECT DISTINCT year FROM reports WHERE is_current)
    UNION ALL
    SELECT 'province', province, NULL, coalesce(min(left(code, 2)), '99')
    FROM a WHERE coalesce(province, '') <> '' GROUP BY province
    UNION ALL
    SELECT 'city', city, any_value(province), coalesce(min(left(code, 4)), '9999')
    FROM a WHERE coalesce(city, '') <> '' GROUP BY city
    UNION ALL
    SELECT 'level', a.level, NULL, lpad(CAST(coalesce(any_value(l.ord), 99) AS VARCHAR), 2, '0')
    FROM a LEFT JOIN levels l ON l.level = a.level
    WHERE coalesce(a.level, '') <> '' GROUP BY a.level
)
SELECT kind, value, parent
FROM opts
ORDER BY kind, sort_key, value
