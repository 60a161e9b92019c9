-- finding_reports_delete: removes the store.finding_reports rows (0114) of
-- the agencies in list $1, before finding_reports_add writes them again.
DELETE FROM store.finding_reports WHERE agency_id IN (SELECT unnest($1::BIGINT[]));
