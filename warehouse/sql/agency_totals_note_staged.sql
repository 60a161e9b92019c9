-- agency_totals_note_staged: agency_totals_note for the agencies in
-- temp.main.status_ids (status_ids_create), those a transaction's
-- refreshStatus refreshes, without binding their list again.
INSERT INTO store.agency_totals_changed SELECT agency_id FROM temp.main.status_ids;
