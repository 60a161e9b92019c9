-- region_agencies_listed: the current reports of the years ($2 to $3,
-- year_from and year_to) of the agencies $1 (their ids, comma-separated),
-- from store.year_reports, and the selected region's ($4 province, $5
-- city, $6 level) current reports of the years counted in
-- store.summary_rollup, as sql/region_agencies_ranked.sql's listed and
-- reports_counted read them: the reported agencies' rows of region_agencies'
-- form in Go (warehouse/region_agencies_go.go), which lists the first
-- agencies by rank itself. A change there is a change here.
SELECT r.agency_id, r.report_id, r.format, r.errors,
       (SELECT sum(g.reports)::BIGINT FROM store.summary_rollup g
        WHERE ($2 IS NULL OR g.year >= $2) AND ($3 IS NULL OR g.year <= $3)
          AND ($4 IS NULL OR g.province = $4) AND ($5 IS NULL OR g.city = $5)
          AND ($6 IS NULL OR g.level = $6)) AS reports
FROM store.year_reports r
WHERE r.agency_id IN (SELECT unnest(string_split($1, ',')::BIGINT[]))
  AND ($2 IS NULL OR r.year >= $2) AND ($3 IS NULL OR r.year <= $3)
