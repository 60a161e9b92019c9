-- read_texts: the texts of the ids $1 (a list), for the figures a read
-- returned by id (read_report_figures).
SELECT text_id, text
FROM store.texts
WHERE text_id IN (SELECT unnest($1::BIGINT[]));
