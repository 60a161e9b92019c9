-- quality_matrix_page: the end of every form of quality_matrix
-- (queries/quality_matrix.sql and sql/quality_matrix_bits.sql) in place of
-- its final SELECT, which joins the page's agencies and years to their
-- cells: the page's agencies and years alone, in the page's order, with
-- each agency's first year. warehouse.Query (qualityMatrixPaged) then reads
-- the page's agencies' cells with sql/quality_matrix_cells.sql in the same
-- transaction and puts the rows together in Go, each cell's status as the
-- final SELECT's CASE gives it: cur's join pushed the page's agency ids
-- into the scan of store.agency_status as a join filter, which pruned
-- nothing (the page's agencies, sorted by name, are spread over the whole
-- table) and read the cells of ~150,000 rows (1M reports: the query 4-14
-- ms of CPU dearer with it than without).
SELECT p.agency_id, p.agency, p.city, p.level, p.agencies_total, y.year, p.first_year
FROM page p
CROSS JOIN years y
ORDER BY p.ord, y.year
