-- year_reports_delete: removes the store.year_reports rows (0122) of the
-- agencies in temp.main.status_ids (status_ids_create), all of them in [$1, $2], before year_reports_add
-- writes them again. The BETWEEN lets the zone maps skip the row groups of
-- other agencies' ids: all but the last for a load's new agencies.
DELETE FROM store.year_reports
WHERE agency_id BETWEEN $1 AND $2 AND agency_id IN (SELECT agency_id FROM temp.main.status_ids);
