-- rollup_merge: folds rollup_delta into store.region_rollup: the rows of every group
-- (year, province, city, level) it touches are summed into one row per cell, and a
-- cell no figure row is left in is dropped. A sum over no stated figure is NULL; the
-- sums are DECIMAL (0018), exact in any order. The fingerprint of the regions is
-- taken again, since the change may have added agencies or moved one.
CREATE OR REPLACE TEMP TABLE rollup_groups AS
SELECT DISTINCT year, province, city, level FROM rollup_delta;
CREATE OR REPLACE TEMP TABLE rollup_merged AS
SELECT u.year, u.province, u.city, u.level, u.measure_id, u.applicant_id,
       sum(u.figures)::BIGINT AS figures, sum(u.stated)::BIGINT AS stated,
       CASE WHEN sum(u.stated) > 0 THEN sum(u.value) END AS value
FROM (
    SELECT g.* FROM store.region_rollup g
    WHERE EXISTS (SELECT 1 FROM rollup_groups d
                  WHERE d.year = g.year AND d.province IS NOT DISTINCT FROM g.province
                    AND d.city IS NOT DISTINCT FROM g.city AND d.level IS NOT DISTINCT FROM g.level)
    UNION ALL
    SELECT * FROM rollup_delta
) u
GROUP BY u.year, u.province, u.city, u.level, u.measure_id, u.applicant_id
HAVING sum(u.figures) <> 0;
DELETE FROM store.region_rollup g
WHERE EXISTS (SELECT 1 FROM rollup_groups d
              WHERE d.year = g.year AND d.province IS NOT DISTINCT FROM g.province
                AND d.city IS NOT DISTINCT FROM g.city AND d.level IS NOT DISTINCT FROM g.level);
INSERT INTO store.region_rollup SELECT * FROM rollup_merged;
UPDATE store.rollup_state SET regions = store.rollup_regions();
DROP TABLE rollup_delta;
DROP TABLE rollup_groups;
DROP TABLE rollup_merged;
