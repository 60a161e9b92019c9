-- region_narrow: whether the region and level $3, $4, $5 (province, city,
-- level; NULL for any) select at most a quarter of the current reports of
-- the years $1 to $2 (NULL for no bound), and how many they select, counted
-- in store.summary_rollup (a few thousand rows at 1M reports), for
-- warehouse.Query to bind as region_figure's $narrow and to choose its form
-- read by agency (regionFigureByAgency). The answers steer region_figure's
-- plan only: every form gives the same rows.
SELECT 4 * coalesce(sum(g.reports) FILTER (WHERE ($3 IS NULL OR g.province = $3) AND ($4 IS NULL OR g.city = $4)
                                               AND ($5 IS NULL OR g.level = $5)), 0)
       <= coalesce(sum(g.reports), 0) AS narrow,
       coalesce(sum(g.reports) FILTER (WHERE ($3 IS NULL OR g.province = $3) AND ($4 IS NULL OR g.city = $4)
                                           AND ($5 IS NULL OR g.level = $5)), 0)::BIGINT AS selected
FROM store.summary_rollup g
WHERE ($1 IS NULL OR g.year >= $1) AND ($2 IS NULL OR g.year <= $2);
