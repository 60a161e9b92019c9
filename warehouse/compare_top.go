package warehouse

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"github.com/duckdb/duckdb-go/v2"

	"gongkai/queries"
)

// compareTopLimit is the limit whose compare_agencies answers are kept
// (store.compare_top, 0072): 地区比较's (dashboard/compare.go).
const compareTopLimit = 20

// compareTopColumns are compare_agencies' columns, as store.compare_top
// keeps them after the range and the limit.
var compareTopColumns = []string{"agency_id", "agency", "city", "level", "reports", "zero_reports", "apps_total",
	"disclosure_rate", "refused_share", "review_total", "review_correction_rate", "litigation_total",
	"litigation_correction_rate", "rank_volume", "rank_rate", "rank_zero"}

// compareTop returns compare_agencies' kept answer for f and true when f
// selects the whole country or one province alone (no city, level or
// piece of a name) with 地区比较's limit (or none), that range of years and
// province are kept in store.compare_top (0072, 0084) and
// store.agency_totals_changed lists no agency; otherwise false, and the
// query must run. The kept rows are the query's own, built by it
// (buildCompareTop), with its columns, types and order. None is read when
// Open found answers made by another binary or from other kept totals on a
// file it could not write (compareTopOff, checkCompareTop). Its error is
// the database's.
func (db *DB) compareTop(ctx context.Context, f Filter) (*Table, bool, error) {
	if db.compareTopOff || nullText(f.City) != nil || nullText(f.Level) != nil || nullText(f.Agency) != nil ||
		(f.Limit != 0 && f.Limit != compareTopLimit) {
		return nil, false, nil
	}
	rows, err := db.db.QueryContext(ctx, stmt("compare_top_read"), nullNum(int64(f.YearFrom)), nullNum(int64(f.YearTo)), compareTopLimit,
		nullText(f.Province))
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	t, err := readTable(rows, 0)
	if err != nil {
		return nil, false, err
	}
	if len(t.Rows) == 0 || t.Rows[0][0] != true {
		return nil, false, nil
	}
	out := &Table{Columns: t.Columns[1:], Rows: make([][]any, 0, len(t.Rows))}
	for _, r := range t.Rows {
		// The one row of an empty answer: kept, and no agency.
		if r[1] == nil {
			continue
		}
		out.Rows = append(out.Rows, r[1:])
	}
	return out, true, nil
}

// buildCompareTop keeps compare_agencies' answers for the whole country
// and for each province alone (the provinces of the kept totals) with
// 地区比较's limit in store.compare_top (0072, 0084): for each range of
// years bounded by the years with a current report or open at either end,
// the query's rows as it gives them now. It runs on conn after the kept
// totals are built, one answer a transaction, holding writer (the writer's
// lock, db.mu) for each answer alone, so that an upload waits for one
// answer (~40 ms at 1M reports), not for all of them. An answer already
// kept is skipped. Each transaction first checks that
// store.agency_totals_changed is empty and stops the build when it is
// not: an agency changed since the totals were built would be summed
// apart, and the answers are read only while the list is empty anyway
// (compareTop); the answers kept before stay, and a write after them lists
// its agencies, which turns them off until the next rebuild deletes them
// (compare_top_clear). Its error is the database's.
func buildCompareTop(ctx context.Context, conn *sql.Conn, writer sync.Locker) (built int64, err error) {
	q, ok := queries.Get("compare_agencies")
	if !ok || !slices.Equal(q.Columns, compareTopColumns) {
		return 0, fmt.Errorf("warehouse: compare_agencies' columns are not store.compare_top's")
	}
	var years []int32
	var kept int64
	provinces := []string{""} // the whole country first
	writer.Lock()
	err = func() error {
		rows, err := conn.QueryContext(ctx, stmt("compare_top_years"))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var y int32
			if err := rows.Scan(&y, &kept); err != nil {
				return err
			}
			years = append(years, y)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		prows, err := conn.QueryContext(ctx, stmt("compare_top_provinces"))
		if err != nil {
			return err
		}
		defer prows.Close()
		for prows.Next() {
			var p string
			if err := prows.Scan(&p); err != nil {
				return err
			}
			provinces = append(provinces, p)
		}
		return prows.Err()
	}()
	writer.Unlock()
	if err != nil {
		return 0, fmt.Errorf("warehouse: years of compare_agencies' kept answers: %w", err)
	}
	bounds := append([]int32{0}, years...)
	var ranges [][2]int32
	for _, from := range bounds {
		for _, to := range bounds {
			if from == 0 || to == 0 || from <= to {
				ranges = append(ranges, [2]int32{from, to})
			}
		}
	}
	if kept == int64(len(ranges)*len(provinces)) {
		return 0, nil
	}
	for _, p := range provinces {
		for _, r := range ranges {
			k, stop, err := keepCompareTop(ctx, conn, writer, q, r[0], r[1], p)
			if k {
				built++
			}
			if err != nil || stop {
				return built, err
			}
		}
	}
	return built, nil
}

// keepCompareTop keeps compare_agencies' answer for the province (""
// the whole country), the years [from, to] (0: open) and compareTopLimit
// in one transaction on conn, holding writer, unless it is kept already,
// and returns whether it kept it. It returns stop true, and keeps nothing, when
// store.agency_totals_changed lists an agency. Its error is the
// database's.
func keepCompareTop(ctx context.Context, conn *sql.Conn, writer sync.Locker, q queries.Query, from, to int32, province string) (kept, stop bool, err error) {
	writer.Lock()
	defer writer.Unlock()
	yf, yt, p := nullNum(int64(from)), nullNum(int64(to)), nullText(province)
	err = inConnTx(ctx, conn, func() error {
		var unchanged, already bool
		if err := conn.QueryRowContext(ctx, stmt("compare_top_unchanged"), yf, yt, compareTopLimit, p).Scan(&unchanged, &already); err != nil {
			return err
		}
		if stop = !unchanged; stop || already {
			return nil
		}
		f := Filter{YearFrom: int(from), YearTo: int(to), Province: province, Limit: compareTopLimit}
		rows, err := conn.QueryContext(ctx, q.SQL, f.bind(q.Params)...)
		if err != nil {
			return err
		}
		t, err := readTable(rows, 0)
		rows.Close()
		if err != nil {
			return err
		}
		if !slices.Equal(t.Columns, compareTopColumns) {
			return fmt.Errorf("compare_agencies gave the columns %v, not store.compare_top's", t.Columns)
		}
		year := func(y int32) any {
			if y == 0 {
				return nil
			}
			return y
		}
		err = appendRows(conn, "compare_top", func(a *duckdb.Appender) error {
			for _, r := range t.Rows {
				vals := []driver.Value{year(from), year(to), int64(compareTopLimit)}
				for _, v := range r {
					vals = append(vals, v)
				}
				vals = append(vals, p)
				if err := a.AppendRow(vals...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if _, err = conn.ExecContext(ctx, stmt("compare_top_key"), yf, yt, compareTopLimit, compareTopQueryStamp(q), p); err == nil {
			kept = true
		}
		return err
	})
	if err != nil {
		return false, false, fmt.Errorf("warehouse: keep compare_agencies' answer for %d-%d %q: %w", from, to, province, err)
	}
	return kept, stop, nil
}

// compareTopQueryStamp is the part of a kept answer's stamp (0081) that
// names the binary which made it: the text of compare_agencies q and the
// migrations the binary holds (binaryMigrations). A binary whose query
// reads otherwise, or whose schema and macros differ, must not read the
// answers of this one. The migrations are named whole, not by the last
// one alone (the macro's part): a migration numbered below the last,
// landed later (numbers are reserved ahead), would leave the last the
// same.
func compareTopQueryStamp(q queries.Query) string {
	return compareTopStampOf(q, binaryMigrations())
}

// compareTopStampOf is compareTopQueryStamp for the query q and the
// migrations ms, each named by number and name.
func compareTopStampOf(q queries.Query, ms []string) string {
	h := sha256.New()
	h.Write([]byte(q.SQL))
	for _, m := range ms {
		h.Write([]byte{0})
		h.Write([]byte(m))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// binaryMigrations names the migrations embedded in this binary, oldest
// first ("0081_compare_top_stamp"); Open has applied them all (or refused
// the file, or opened it read-only as Older, which reads no kept answer).
var binaryMigrations = sync.OnceValue(func() []string {
	ms, err := migrations()
	if err != nil {
		// Open fails on the same error before any answer is read or kept.
		return []string{err.Error()}
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = fmt.Sprintf("%04d_%s", m.version, m.name)
	}
	return out
})

// checkCompareTop finds, at Open, the kept answers of compare_agencies
// (store.compare_top) that this binary would not have kept as they are
// (compare_top_stale, 0081): made by another text of the query or another
// schema (an upgrade), or from kept totals other than those the file holds
// now (an older binary, which knows nothing of the kept answers, loaded
// reports and built the totals again, emptying the list of changed
// agencies that alone turned them off). Writable, it deletes every kept
// answer then, and gongkai compact or serve's background pass keeps them
// again; read-only, it reads none for as long as the file is open
// (compareTopOff). A file with migrations still to apply (opened read-only
// with Options.Older) may have no kept answers, or no stamps: none is read.
// Its error is the database's.
func (db *DB) checkCompareTop(ctx context.Context, pending bool) error {
	if pending {
		db.compareTopOff = true
		return nil
	}
	q, ok := queries.Get("compare_agencies")
	if !ok {
		return fmt.Errorf("warehouse: no query compare_agencies")
	}
	var stale int64
	if err := db.db.QueryRowContext(ctx, stmt("compare_top_stale"), compareTopQueryStamp(q)).Scan(&stale); err != nil {
		return fmt.Errorf("warehouse: check compare_agencies' kept answers: %w", err)
	}
	if stale == 0 {
		return nil
	}
	if db.opts.ReadOnly {
		db.compareTopOff = true
		return nil
	}
	slog.Info("warehouse: compare_agencies' kept answers were made by another binary or from other totals; deleted, kept again by gongkai compact or serve's background pass", "answers", stale)
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		return inConnTx(ctx, conn, func() error {
			_, err := conn.ExecContext(ctx, stmt("compare_top_clear"))
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("warehouse: delete compare_agencies' kept answers: %w", err)
	}
	return nil
}
