-- finding_reports_delete: removes the store.finding_reports rows (0114) of
-- the agencies in temp.main.status_ids (status_ids_create), before
-- finding_reports_add writes them again.
DELETE FROM store.finding_reports WHERE agency_id IN (SELECT agency_id FROM temp.main.status_ids);
