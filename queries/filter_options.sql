-- name: filter_options
-- title: 筛选选项
-- params:
-- columns: kind, value, parent
-- The values the filter bar offers, in the order a person looks for them:
-- years ascending; provinces and cities in the order of their division
-- codes (GB/T 2260, the order of every official list, 北京 first), those
-- without a known code after them by name; levels from the top down.
-- parent is a city's province, so that the 地市 choices follow 省份.
-- Every page runs it: the years are those of store.summary_rollup (0021),
-- whose groups are the current reports' years and regions (a few thousand
-- rows at 1M reports; a group whose last report is retired is deleted),
-- not the million current reports of store.reports (~2.5 ms at 1M).
WITH a AS (
    -- One row per province, city and level first (a few hundred at 1M
    -- reports), so that each kind below groups those, not every agency.
    -- The smallest code of a group starts with the smallest 2- and
    -- 4-digit prefix of its codes.
    SELECT province, city, level, min(nullif(code, '')) AS code
    FROM store.agencies
    GROUP BY province, city, level
), levels(level, ord) AS (
    VALUES ('省级政府', 1), ('省级部门', 2), ('市级政府', 3), ('市级部门', 4),
           ('县级政府', 5), ('县级部门', 6), ('乡镇（街道）', 7)
), opts AS (
    SELECT 'year' AS kind, CAST(year AS VARCHAR) AS value, NULL AS parent, CAST(year AS VARCHAR) AS sort_key
    FROM (SELECT DISTINCT g.year FROM store.summary_rollup g)
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
