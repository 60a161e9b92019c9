package demo

import (
	"context"
	"path/filepath"
	"testing"

	"gongkai/warehouse"
)

// TestLoadVersions loads a demo set, then its later versions (LoadVersions):
// each re-upload a second version that is current, each pending one a
// second version that is not, the versions they follow retired or still
// current, and the set's current reports as many as before.
func TestLoadVersions(t *testing.T) {
	ctx := context.Background()
	s := generateSet(t, 11, 40)
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "demo.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Load(ctx, db, s.Reports); err != nil {
		t.Fatal(err)
	}
	re, pending, err := LoadVersions(ctx, db, 11, 40, TwoProvinces, Versions{ReuploadEvery: 10, PendingEvery: 30})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(s.Reports) / 10; re != want || pending == 0 {
		t.Fatalf("%d re-uploads, %d pending; want %d and some", re, pending, want)
	}
	for _, c := range []struct {
		sql  string
		want int
	}{
		{"SELECT count(*) FROM reports WHERE version = 2 AND is_current", re},
		{"SELECT count(*) FROM reports WHERE version = 2 AND NOT is_current", pending},
		{"SELECT count(*) FROM reports WHERE version = 1 AND NOT is_current", re},
		{"SELECT count(*) FROM reports WHERE is_current", len(s.Reports)},
	} {
		tb, err := db.SQL(ctx, c.sql)
		if err != nil {
			t.Fatal(err)
		}
		if n := tb.Rows[0][0].(int64); n != int64(c.want) {
			t.Errorf("%s: %d, want %d", c.sql, n, c.want)
		}
	}
}
