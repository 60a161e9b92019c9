-- region_figure_by_agency_ids: the CTEs of region_figure read by agency
-- (either half of region_figure_by_agency.sql) that differ when the
-- agencies' names, cities and levels and the figures' texts are given in
-- Go rather than joined here. This file is not a statement: warehouse
-- (byAgencyIDsSQL) makes the form from each half, each CTE here put in
-- place of the half's of the same name (replaceCTEs) and the half's words
-- dropped (dropCTEs). Its rows are the half's candidate rows, top: every
-- row that can be listed (above the cut, and the tied rows the half keeps),
-- not yet ordered by name nor cut to the limit, with the agency, city and
-- level NULL and raw and at the texts' ids; the half's final WHERE still
-- decides whether it answers. warehouse (regionFigureNamed) names each row
-- from the agencies it keeps by id (agencyPlaces), orders the rows as the
-- half's listed does (value descending, blanks last, then name, agency id,
-- report id), keeps the first limit and gives their texts from those it
-- keeps by id (texts), so that the rows are the half's.
--
-- Why: the half joined the ~510 candidate rows to store.agencies, scanning
-- every agency's name, city and level (170,068 at 1M reports, ~8 ms of CPU
-- of a ~54 ms run, country filter), and the listed rows to store.texts
-- (~5 ms); the places by id are kept in Go for as long as the warehouse's
-- generation stands (a correction of a region, a load: DB.Generation).
-- Measured (session 39, 1M reports, /regions?measure's 44 filters,
-- TestScaleForms, Query's CPU a query in its second round, old/new
-- interleaved in one hold under the lock, load 5-7, rows equal to the
-- named query's at 1M and 100k): 38.8 / 38.1 -> 32.4 / 30.6 ms. That round
-- finds the places kept; a first read of ~510 places by id (agency_places)
-- costs 7-24 ms of CPU on that busy machine, about the join it replaces,
-- so a request whose agencies were never listed in the generation saves
-- only the texts' join. /regions?measure alone, 88 requests each, two
-- pairs (load ~9, noise): CPU a request 130.1 / 121.6 -> 130.9 / 106.2 ms.
WITH listed AS (
    SELECT j.agency_id, NULL::VARCHAR AS agency, NULL::VARCHAR AS city, NULL::VARCHAR AS level,
           j.report_id, j.value, j.raw_id, j.at_id
    FROM top j
), named AS (
    SELECT l.agency_id, l.agency, l.city, l.level, l.report_id, l.value, l.raw_id AS raw, l.at_id AS "at"
    FROM listed l
)
