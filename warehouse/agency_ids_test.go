package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"gongkai"
)

// TestOpenRefusesDoubledAgencyIDs gives an agency's id to a second row of
// store.agencies by hand, as an administrator might outside gongkai: every
// page that joins the agencies by id would count that agency's reports once
// per row. Open and OpenReadOnly must refuse the file with a message that
// names the id (both opened it and served the doubled totals before); with
// the extra row removed it opens again.
func TestOpenRefusesDoubledAgencyIDs(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 0)}, LoadRequest{Report: sampleReport("乙局", 2022, 0, 0)})
	var id int64
	if err := db.db.QueryRow(`SELECT agency_id FROM store.agencies WHERE name = '甲局'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	path := db.Path()
	db.Close()
	exec := func(q string) {
		t.Helper()
		raw, err := sql.Open("duckdb", path)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO store.agencies SELECT * REPLACE ('龟局' AS name, '龟局' AS name_key) FROM store.agencies WHERE name = '甲局'`)
	for _, open := range []struct {
		name string
		fn   func(context.Context, string) (*DB, error)
	}{{"Open", Open}, {"OpenReadOnly", OpenReadOnly}} {
		got, err := open.fn(ctx, path)
		if err == nil {
			got.Close()
			t.Fatalf("%s: opened a file with agency id %d twice", open.name, id)
		}
		var ge *gongkai.Error
		if !errors.As(err, &ge) || ge.Code != gongkai.CodeUnavailable {
			t.Errorf("%s: error %v, want CodeUnavailable", open.name, err)
		}
		if want := "机关编号 " + itoa(id) + " 出现了 2 次"; !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want it to say %q", open.name, err, want)
		}
	}
	exec(`DELETE FROM store.agencies WHERE name = '龟局'`)
	for _, open := range []func(context.Context, string) (*DB, error){Open, OpenReadOnly} {
		got, err := open(ctx, path)
		if err != nil {
			t.Fatalf("after the extra row removed: %v", err)
		}
		got.Close()
	}
}
