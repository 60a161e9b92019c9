-- compare_regions_sample: a fixed sample of the agencies (4,096, the same
-- every time for the same table) with their name, province, city and level,
-- and how many agencies there are, from which compareRegionsComplement
-- estimates how many of a selection's agencies, and what share of them,
-- hold a piece in their names. An estimate only steers which exact form
-- runs.
SELECT a.name, a.province, a.city, a.level, (SELECT count(*) FROM store.agencies) AS agencies
FROM store.agencies a
USING SAMPLE reservoir(4096 ROWS) REPEATABLE (11);
