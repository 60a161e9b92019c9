-- state_agencies: what the writer keeps in memory about each agency.
SELECT agency_id, name_key, coalesce(region_source, '') FROM store.agencies;
