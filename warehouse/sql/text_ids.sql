-- text_ids: the ids of the texts $1 and $2 in store.texts (a measure code
-- and an applicant column), for the queries that break one figure down
-- (warehouse.cellIDs): the greatest id of each, as region_figure's cell
-- takes; a text not there has no row.
SELECT t.text, max(t.text_id) AS text_id FROM store.texts t WHERE t.text IN ($1, $2) GROUP BY t.text;
