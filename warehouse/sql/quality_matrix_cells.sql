-- quality_matrix_cells: the cells of the agencies of a page of
-- quality_matrix (sql/quality_matrix_page.sql), $1 their ids: each
-- agency's current reports of 1990-2100, one a year, as its status row
-- keeps them (store.agency_status.cells, 0063), with the columns of the
-- named query's cur. The ids are tested in the scan by list_contains on
-- the bound list, where a join on the page's agencies read every row's
-- cells. The caller keeps the cells of the page's years.
SELECT k.agency_id, k.c.year AS year, k.c.report_id AS report_id, k.c.errors AS errors, k.c.warnings AS warnings
FROM (SELECT s.agency_id, unnest(s.cells) AS c
      FROM store.agency_status s
      WHERE s.agency_id BETWEEN list_min($1::BIGINT[]) AND list_max($1::BIGINT[])
        AND list_contains($1::BIGINT[], s.agency_id)) k
