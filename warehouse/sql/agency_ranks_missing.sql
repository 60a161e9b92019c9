-- agency_ranks_missing: how many agencies have no name rank (store.agencies.name_rank,
-- 0086): those a load added since RankAgencies last ranked them all.
SELECT count(*) FROM store.agencies WHERE name_rank IS NULL;
