package warehouse

import (
	"context"
	"fmt"
	"testing"
)

// TestSummaryRollupSumsStoredUncompressed fills store.summary_rollup with
// 20,000 rows of varied sums, as a large warehouse holds them, checkpoints,
// and asks DuckDB how it stored them: every segment of each DECIMAL sum
// must be uncompressed (0116), the sums that vary from row to row above
// all. Without 0116 DuckDB bit-packs these 128-bit
// columns, and every page that sums the roll-up unpacks them one value at
// a time first.
func TestSummaryRollupSumsStoredUncompressed(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: figures(sampleReport("甲县教育局", 2021, 0, 0), 10, 5)},
		LoadRequest{Report: figures(sampleReport("乙市卫生健康委员会", 2022, 0, 0), 20, 7)})
	if n := count(t, db, "SELECT count(*) FROM store.summary_rollup"); n != 2 {
		t.Fatalf("store.summary_rollup holds %d rows after the load, want 2", n)
	}
	// Each row again 10,000 times in another year, its sums scaled.
	q := `INSERT INTO store.summary_rollup SELECT g.* REPLACE (g.year + r.i AS year,
		g.apps_new * r.i AS apps_new, g.apps_total * r.i + 0.5 AS apps_total, g.licensing_decisions * r.i AS licensing_decisions)
		FROM store.summary_rollup g, range(1, 10001) r(i)`
	if _, err := db.db.ExecContext(ctx, q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if _, err := db.db.ExecContext(ctx, "CHECKPOINT"); err != nil {
		t.Fatal(err)
	}
	rows, err := db.db.QueryContext(ctx, `SELECT column_name, compression, count(*) FROM pragma_storage_info('store.summary_rollup')
		WHERE segment_type LIKE 'DECIMAL%' GROUP BY ALL ORDER BY ALL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	varied := map[string]bool{"apps_new": true, "apps_total": true, "licensing_decisions": true}
	columns := map[string]bool{}
	for rows.Next() {
		var column, c string
		var n int
		if err := rows.Scan(&column, &c, &n); err != nil {
			t.Fatal(err)
		}
		columns[column] = true
		// A segment of one value (here the sums no sample report states)
		// is Constant whatever the column asks: nothing to decode either.
		if c != "Uncompressed" && (c != "Constant" || varied[column]) {
			t.Errorf("store.summary_rollup.%s: %d segments stored %s, want every one uncompressed", column, n, c)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if want := count(t, db, `SELECT count(*) FROM duckdb_columns()
		WHERE schema_name = 'store' AND table_name = 'summary_rollup' AND data_type LIKE 'DECIMAL%'`); len(columns) != want || want == 0 {
		t.Errorf("%d DECIMAL columns stored, want the table's %d", len(columns), want)
	}
}

// TestUpgradeKeepsSummaryRollup runs 0116 again on a warehouse holding
// reports, as it runs on an existing file: the table it builds again must
// hold the same rows in the same stored order, column for column, the
// writer must go on adding to it by position, and the queries reading it
// must give what they gave.
func TestUpgradeKeepsSummaryRollup(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: figures(sampleReport("甲县教育局", 2021, 0, 0), 10, 5)},
		LoadRequest{Report: figures(sampleReport("乙市卫生健康委员会", 2022, 3, 1), 20, 7)},
		LoadRequest{Report: figures(sampleReport("甲县教育局", 2022, 0, 0), 30, 2)})
	stored := func(db *DB) string {
		rows, err := db.db.QueryContext(ctx, "SELECT * FROM store.summary_rollup ORDER BY rowid")
		if err != nil {
			t.Fatal(err)
		}
		tb, err := readTable(rows, 0)
		rows.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(tb.Rows) == 0 {
			t.Fatal("store.summary_rollup is empty")
		}
		return fmt.Sprint(tb.Columns, tb.Rows)
	}
	pages := func(db *DB) string {
		var out string
		for _, name := range []string{"applications_year_sums", "overview_trend", "reviews_year_sums", "proactive_by_year", "quality_by_year"} {
			tb, err := db.Query(ctx, name, Filter{})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			out += fmt.Sprint(name, tb.Columns, tb.Rows, "\n")
		}
		return out
	}
	before, beforePages := stored(db), pages(db)
	db = editByHand(t, db, `DELETE FROM schema_migrations WHERE version = 116`)
	if n := count(t, db, `SELECT count(*) FROM schema_migrations WHERE version = 116`); n != 1 {
		t.Fatalf("0116 recorded %d times after the upgrade, want once", n)
	}
	if after := stored(db); after != before {
		t.Errorf("store.summary_rollup after 0116:\n got %s\nwant %s", after, before)
	}
	if after := pages(db); after != beforePages {
		t.Errorf("queries after 0116:\n got %s\nwant %s", after, beforePages)
	}
	// The writer adds a report's sums to the rebuilt table by position.
	load(t, db, LoadRequest{Report: figures(sampleReport("丙区民政局", 2021, 0, 0), 40, 9)})
	if n := count(t, db, `SELECT sum(licensing_decisions)::INTEGER FROM store.summary_rollup WHERE year = 2021`); n != 50 {
		t.Errorf("the roll-up sums %d licensing decisions in 2021 after a load, want 10 + 40:\n%s", n, stored(db))
	}
}
