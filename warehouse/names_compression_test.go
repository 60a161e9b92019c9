package warehouse

import (
	"context"
	"fmt"
	"testing"
)

// TestNamesStoredUncompressed fills the three tables that keep the
// agencies' names (0078) with 20,000 distinct names of one shape, as a
// large warehouse holds them, checkpoints, and asks DuckDB how it stored
// them: every segment of each name column must be uncompressed. Without
// 0078 DuckDB picks FSST for such a column, and every page's scan of the
// names decodes them first.
func TestNamesStoredUncompressed(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: figures(sampleReport("甲县教育局", 2021, 0, 0), 10, 5)},
		LoadRequest{Report: figures(sampleReport("乙市卫生健康委员会", 2022, 0, 0), 20, 7)})
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"agencies", "agency_totals", "compare_totals"} {
		if n := count(t, db, "SELECT count(*) FROM store."+table); n != 2 {
			t.Fatalf("store.%s holds %d rows after the load, want 2", table, n)
		}
		// Each row again 10,000 times under another id and name.
		q := fmt.Sprintf(`INSERT INTO store.%s SELECT t.* REPLACE (t.agency_id + 10 * r.i AS agency_id,
			'某省某市第' || r.i || '县' || t.name AS name) FROM store.%s t, range(1, 10001) r(i)`, table, table)
		if _, err := db.db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := db.db.ExecContext(ctx, "CHECKPOINT"); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"agencies", "agency_totals", "compare_totals"} {
		rows, err := db.db.QueryContext(ctx, `SELECT compression, count(*) FROM pragma_storage_info('store.`+table+`')
			WHERE column_name = 'name' AND segment_type = 'VARCHAR' GROUP BY compression ORDER BY compression`)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var c string
			var n int
			if err := rows.Scan(&c, &n); err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%s×%d", c, n))
			if c != "Uncompressed" {
				t.Errorf("store.%s.name: %d segments stored %s, want every one uncompressed", table, n, c)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		if len(got) == 0 {
			t.Errorf("store.%s.name: no segments stored", table)
		}
		t.Logf("store.%s.name: %v", table, got)
	}
}

// TestUpgradeKeepsNamesTables runs 0078 again on a warehouse holding
// reports and built totals, as it runs on an existing file (and 0086 after
// it, which adds a column to store.agencies): each of the
// three tables it builds again must hold the same rows in the same stored
// order, column for column, and every query reading them must work.
func TestUpgradeKeepsNamesTables(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: figures(sampleReport("甲县教育局", 2021, 0, 0), 10, 5)},
		LoadRequest{Report: figures(sampleReport("乙市卫生健康委员会", 2022, 0, 0), 20, 7)},
		LoadRequest{Report: figures(sampleReport("甲县教育局", 2022, 0, 0), 30, 2)})
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	tables := []string{"agencies", "agency_totals", "compare_totals"}
	stored := func(db *DB) map[string]string {
		m := map[string]string{}
		for _, table := range tables {
			rows, err := db.db.QueryContext(ctx, "SELECT * FROM store."+table+" ORDER BY rowid")
			if err != nil {
				t.Fatal(err)
			}
			tb, err := readTable(rows, 0)
			rows.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(tb.Rows) == 0 {
				t.Fatalf("store.%s is empty", table)
			}
			m[table] = fmt.Sprint(tb.Columns, tb.Rows)
		}
		return m
	}
	// A file 0078 upgrades has none of the later migrations' columns: 0086's
	// name rank is dropped and run again after it, on agencies ranked
	// before, so that it gives the same ranks.
	if _, err := db.RankAgencies(ctx); err != nil {
		t.Fatal(err)
	}
	before := stored(db)
	db = editByHand(t, db, `ALTER TABLE store.agencies DROP COLUMN name_rank;
		DELETE FROM schema_migrations WHERE version IN (78, 86)`)
	if n := count(t, db, `SELECT count(*) FROM schema_migrations WHERE version = 78`); n != 1 {
		t.Fatalf("0078 recorded %d times after the upgrade, want once", n)
	}
	after := stored(db)
	for _, table := range tables {
		if before[table] != after[table] {
			t.Errorf("store.%s after 0078:\n got %s\nwant %s", table, after[table], before[table])
		}
	}
	if n := count(t, db, `SELECT count(*) FROM store.agency_totals_changed`); n != 0 {
		t.Errorf("%d agencies listed as changed after 0078, want none", n)
	}
	if gaps := totalsGaps(t, db); gaps != "" {
		t.Errorf("the kept totals differ from the summary after 0078:\n%s", gaps)
	}
}
