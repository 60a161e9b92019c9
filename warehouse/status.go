package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"slices"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// statusChange returns what the plan changes of store.agency_status (0020):
// the agencies it writes reports of or moves, and the stored reports it retires,
// makes current or recounts, whose agencies refreshStatus looks up.
func (p *plan) statusChange() (agencies, reports []int64) {
	for _, w := range p.writes {
		agencies = append(agencies, w.agency)
	}
	// An agency moved to its report's region has a write above; listed
	// all the same, as store.agency_totals keeps the region (0064).
	for _, u := range p.regions {
		agencies = append(agencies, u.agency)
	}
	reports = append(reports, p.retire...)
	reports = append(reports, p.confirm...)
	for id := range p.rechecks {
		reports = append(reports, id)
	}
	return agencies, reports
}

// refreshStatus rewrites, inside the transaction open on conn and after the
// plan's writes, the store.agency_status rows of the agencies the plan
// touches, from their current reports as they now stand: a new year, a
// retired or confirmed version, errors recounted by a rule across years;
// each row with its pattern (0046), added first to store.status_patterns
// when no agency had it before, and kept on the agency (store.agencies,
// 0073) for 报送与质量's queries; and the agencies' current reports that
// hold a finding (store.finding_reports, 0114), for its list of findings;
// and all their current reports (store.year_reports, 0122), for 地区汇总's
// lists. The same agencies are noted as changed for
// store.agency_totals (agency_totals_note_staged, as noteTotals). Its error is the database's; the caller
// rolls the transaction back.
func (p *plan) refreshStatus(ctx context.Context, conn *sql.Conn) error {
	agencies, reports := p.statusChange()
	if len(reports) > 0 {
		slices.Sort(reports)
		rows, err := conn.QueryContext(ctx, stmt("agency_status_of"), slices.Compact(reports))
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			agencies = append(agencies, id)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
	}
	if len(agencies) == 0 {
		return nil
	}
	ids := union(agencies, nil)
	if err := stageStatusIDs(ctx, conn, ids); err != nil {
		return err
	}
	lo, hi := ids[0], ids[len(ids)-1]
	if _, err := conn.ExecContext(ctx, stmt("agency_status_delete")); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, stmt("status_rows_make"), lo, hi); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, stmt("status_patterns_add")); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, stmt("agency_status_add")); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, stmt("agency_pattern_set"), lo, hi); err != nil {
		return err
	}
	if err := writeStagedFindingReports(ctx, conn, lo, hi); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, stmt("year_reports_delete"), lo, hi); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, stmt("year_reports_add"), lo, hi); err != nil {
		return err
	}
	_, err := conn.ExecContext(ctx, stmt("agency_totals_note_staged"))
	return err
}

// stageStatusIDs puts the agencies ids (sorted, none twice, at least one)
// into the connection-local table temp.main.status_ids, made afresh inside
// the transaction open on conn (status_ids_create), which the statements of
// refreshStatus and writeStagedFindingReports join. Its error is the
// database's; the caller rolls the transaction back.
func stageStatusIDs(ctx context.Context, conn *sql.Conn, ids []int64) error {
	if _, err := conn.ExecContext(ctx, stmt("status_ids_create")); err != nil {
		return err
	}
	return appendTo(conn, "temp", "main", "status_ids", []string{"agency_id"}, func(a *duckdb.Appender) error {
		for _, id := range ids {
			if err := a.AppendRow(id); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeFindingReports writes again, inside the transaction open on conn,
// the store.finding_reports rows (0114) of the agencies ids (sorted, none
// twice, at least one): their current reports that hold a finding, each
// with its agency's name and region as they now stand (0124). Its error is
// the database's; the caller rolls the transaction back.
func writeFindingReports(ctx context.Context, conn *sql.Conn, ids []int64) error {
	if err := stageStatusIDs(ctx, conn, ids); err != nil {
		return err
	}
	return writeStagedFindingReports(ctx, conn, ids[0], ids[len(ids)-1])
}

// writeStagedFindingReports is writeFindingReports for the agencies
// stageStatusIDs has put in temp.main.status_ids, whose least and greatest
// ids are lo and hi.
func writeStagedFindingReports(ctx context.Context, conn *sql.Conn, lo, hi int64) error {
	if _, err := conn.ExecContext(ctx, stmt("finding_reports_delete")); err != nil {
		return err
	}
	_, err := conn.ExecContext(ctx, stmt("finding_reports_add"), lo, hi)
	return err
}

// checkStatus rebuilds store.agency_status when it differs from its
// definition over the current reports: the writer keeps it in step, but a
// repair of store.reports by hand (a year, an agency, a current flag, a
// count of errors) does not, and 报送与质量 would go on showing the agency
// as it was. The check reads every current report once (90 ms at a
// million, on a loaded machine). A current report whose year lies outside
// the bit sets' 1990–2100 (only a hand edit makes one) is left out of the
// table and named in the log, rather than stopping Open. Its error is the
// database's.
func (db *DB) checkStatus(ctx context.Context) error {
	var stale int64
	if err := db.db.QueryRowContext(ctx, stmt("agency_status_stale")).Scan(&stale); err != nil {
		return fmt.Errorf("warehouse: check agency status: %w", err)
	}
	var outside int64
	var sample string
	if err := db.db.QueryRowContext(ctx, stmt("reports_outside_years")).Scan(&outside, &sample); err != nil {
		return fmt.Errorf("warehouse: check agency status: %w", err)
	}
	if outside > 0 {
		slog.Warn("warehouse: current reports with a year outside 1990–2100 (set by hand) are left out of 报送与质量",
			"reports", outside, "first", sample)
	}
	if stale == 0 {
		return nil
	}
	slog.Warn("warehouse: rebuilding store.agency_status: it differs from the current reports")
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		return inConnTx(ctx, conn, func() error {
			_, err := conn.ExecContext(ctx, stmt("agency_status_rebuild"))
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("warehouse: rebuild agency status: %w", err)
	}
	return nil
}
