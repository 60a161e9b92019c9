-- agency_ids_duplicate: the smallest agency id store.agencies holds more
-- than once, and how many times; no row when each is held once. Run only
-- when agency_ids_unique says one is not, to name it in Open's refusal
-- (warehouse.DB.checkAgencyIDs).
SELECT agency_id, count(*) AS n
FROM store.agencies
GROUP BY agency_id
HAVING count(*) > 1
ORDER BY agency_id
LIMIT 1;
