package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
)

// checkCells empties the copy by cell (cells_reset.sql), to be copied again
// by gongkai compact or serve's background pass, when the reports up to its
// watermark that are not current, or the watermark, are not what this
// binary's writes left (store.figures_by_cell_check, 0121): an older binary
// wrote the file, which keeps no list of the copy's stale reports (0108),
// or a repair by hand changed is_current or the list itself (a current
// report listed, a retired one's row deleted: cells_check_stale.sql).
// Any of these can leave the copy holding
// a retired or pending version that figure_totals does not leave out, or
// lacking a current report that region_figure then shows blank; emptied,
// both read store.figures until the copy is made again. Its error is the
// database's.
func (db *DB) checkCells(ctx context.Context) error {
	var stale int64
	if err := db.db.QueryRowContext(ctx, stmt("cells_check_stale")).Scan(&stale); err != nil {
		return fmt.Errorf("warehouse: check the copy by cell: %w", err)
	}
	if stale == 0 {
		return nil
	}
	slog.Warn("warehouse: the copy of the figures by cell was written by another binary, or its reports or its list of stale reports changed by hand; emptied, copied again by gongkai compact or serve's background pass")
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		for _, s := range []string{"cells_reset", "cells_check_write"} {
			if _, err := tx.ExecContext(ctx, stmt(s)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("warehouse: empty the copy by cell: %w", err)
	}
	return nil
}
