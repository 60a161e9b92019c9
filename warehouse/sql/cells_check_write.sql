-- cells_check_write: notes in store.figures_by_cell_check (0121) the copy by
-- cell's watermark and the reports up to it that are not current (their
-- number and the XOR of their ids' hashes), in the transaction of a write
-- that changed either: a retire or confirm, a copy run, the copy emptied.
-- One pass over store.reports (~5 ms of CPU at 1M reports).
UPDATE store.figures_by_cell_check AS c
SET watermark = s.watermark,
    gone = (SELECT count(*) FROM store.reports r WHERE NOT r.is_current AND r.report_id <= s.watermark),
    gone_hash = (SELECT coalesce(bit_xor(hash(r.report_id)), 0) FROM store.reports r WHERE NOT r.is_current AND r.report_id <= s.watermark)
FROM store.figures_by_cell_state s;
