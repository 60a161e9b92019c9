-- findings_next_seq: the next free finding number of report $1.
SELECT coalesce(max(seq), 0) + 1 FROM store.findings WHERE report_id = $1;
