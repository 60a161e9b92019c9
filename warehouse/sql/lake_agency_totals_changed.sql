-- lake_agency_totals_changed: store.agency_totals_changed for the Parquet
-- lake (see Export and lake_agency_totals), as it is.
SELECT * FROM store.agency_totals_changed ORDER BY agency_id;
