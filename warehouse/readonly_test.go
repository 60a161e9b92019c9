package warehouse

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"gongkai"
)

// TestReadOnlyRefusesStale edits a warehouse by hand, as an administrator
// might outside gongkai, in ways Open repairs when it may write (the
// summary and roll-up rebuilt, a migration applied) and a read-only open
// cannot: OpenReadOnly must refuse with a message that names the remedy,
// not serve the stale totals; after one read-write Open it opens read-only
// and its roll-up is right.
func TestReadOnlyRefusesStale(t *testing.T) {
	tests := []struct {
		name, edit string
		want       string // in the message; "" means it opens
	}{
		{"untouched", `SELECT 1`, ""},
		{"a report moved to another year", `UPDATE store.reports SET year = 2020 WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲省财政厅')`, "读写方式打开一次"},
		{"a report retired", `UPDATE store.reports SET is_current = false WHERE agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲省财政厅')`, "读写方式打开一次"},
		{"an agency moved to another province", `UPDATE store.agencies SET province = '乙省' WHERE name = '甲省财政厅'`, "读写方式打开一次"},
		{"the agencies' status emptied", `DELETE FROM store.agency_status`, "读写方式打开一次"},
		{"an agency's years changed", `UPDATE store.agency_status SET errors = 1`, "读写方式打开一次"},
		{"the reports with a finding emptied", `DELETE FROM store.finding_reports`, "读写方式打开一次"},
		{"the reports by year emptied", `DELETE FROM store.year_reports`, "读写方式打开一次"},
		{"a migration not applied", `DELETE FROM schema_migrations WHERE version = 19`, "需要升级"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			db := openTest(t)
			a, b := sampleReport("甲省财政厅", 2021, 0, 0), sampleReport("乙省财政厅", 2021, 0, 0)
			a.Province, b.Province = "甲省", "乙省"
			load(t, db, LoadRequest{Report: a}, LoadRequest{Report: b})
			path := db.Path()
			db.Close()
			raw, err := sql.Open("duckdb", path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = raw.Exec(tt.edit)
			raw.Close()
			if err != nil {
				t.Fatal(err)
			}

			ro, err := OpenReadOnly(ctx, path)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("OpenReadOnly: %v", err)
				}
				ro.Close()
				return
			}
			if err == nil {
				ro.Close()
				t.Fatalf("OpenReadOnly opened a warehouse edited by hand (%s): its totals are stale", tt.edit)
			}
			if msg := gongkai.ErrorMessage(err); !strings.Contains(msg, tt.want) || !strings.Contains(msg, path) ||
				gongkai.ErrorCode(err) != gongkai.CodeUnavailable {
				t.Errorf("OpenReadOnly error %q (%s), want %s naming %q and %s", msg, gongkai.ErrorCode(err), gongkai.CodeUnavailable, tt.want, path)
			}

			if tt.want == "需要升级" {
				// Exports read an older file's tables as they are.
				older, err := OpenWith(ctx, path, Options{ReadOnly: true, Older: true})
				if err != nil {
					t.Fatalf("OpenWith(Older): %v", err)
				}
				older.Close()
			}

			// The remedy the message names: one read-write open.
			rw, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			rw.Close()
			ro, err = OpenReadOnly(ctx, path)
			if err != nil {
				t.Fatalf("OpenReadOnly after a read-write open: %v", err)
			}
			defer ro.Close()
			if n, err := RollupDiffForTest(ctx, ro); err != nil || n != 0 {
				t.Errorf("%d roll-up cells differ from the figures (%v)", n, err)
			}
		})
	}
}
