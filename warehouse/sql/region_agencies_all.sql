-- region_agencies_all: every agency's rank, region and status pattern, as
-- sql/region_agencies_ranked.sql's s reads them (store.agencies.name_rank,
-- 0086; pattern, 0073), by rank, for region_agencies' form in Go
-- (warehouse/region_agencies_go.go), which keeps them until the next write.
SELECT a.agency_id, a.name_rank, a.province, a.city, a.level, a.pattern
FROM store.agencies a
ORDER BY a.name_rank, a.agency_id
