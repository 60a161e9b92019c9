-- agency_ranks_agree: whether every ranked agency (0086) has a rank above the
-- one before it in the order by name and id: then the ranks order the
-- agencies as their names do. Agencies without a rank are left out: a load
-- adds them so, and the ranked query does not run while one is there.
SELECT count(*) = 0 FROM (
    SELECT name_rank, lag(name_rank) OVER (ORDER BY name, agency_id) AS before
    FROM store.agencies
    WHERE name_rank IS NOT NULL
) WHERE before >= name_rank;
