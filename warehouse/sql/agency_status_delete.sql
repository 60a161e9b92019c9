-- agency_status_delete: removes the store.agency_status rows of the agencies in
-- temp.main.status_ids (status_ids_create), before agency_status_add writes
-- them again.
DELETE FROM store.agency_status WHERE agency_id IN (SELECT agency_id FROM temp.main.status_ids);
