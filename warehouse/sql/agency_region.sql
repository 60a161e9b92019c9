-- agency_region: sets the region of agency $1 ($7 says who: report, derived or admin).
UPDATE store.agencies
SET province = $2, city = $3, county = $4, level = $5, code = $6, region_source = $7
WHERE agency_id = $1;
