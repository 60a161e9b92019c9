-- export_agencies: the view agencies as exported, in a stable order.
SELECT * FROM agencies ORDER BY agency_id;
