package warehouse

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	regionpkg "gongkai/region"
)

// TestPendingVersionMovesNoRegion: a new version that waits for
// confirmation and states a region other than the one derived from its
// agency's name must leave the agency where it is — its current reports
// stay in their region on every page — until it is confirmed; a confirmed
// one moves it as a load would have, and one superseded before it was
// confirmed never does. The kept roll-ups and statuses stay equal to their
// definitions throughout. Before, the upload alone moved the agency.
func TestPendingVersionMovesNoRegion(t *testing.T) {
	if _, err := regionpkg.Load(); err != nil {
		t.Skip("built without the division data (make assets): no region is derived")
	}
	ctx := context.Background()
	db := openTest(t)
	region := func(id int64) string {
		t.Helper()
		var p, c, l, src sql.NullString
		if err := db.db.QueryRow("SELECT province, city, level, region_source FROM agencies WHERE agency_id = ?", id).Scan(&p, &c, &l, &src); err != nil {
			t.Fatal(err)
		}
		return strings.Join([]string{p.String, c.String, l.String, src.String}, "/")
	}
	exact := func(step string) {
		t.Helper()
		if n, err := RollupDiffForTest(ctx, db); err != nil || n != 0 {
			t.Errorf("%s: the roll-ups differ from their definition in %d rows (%v)", step, n, err)
		}
		if n, err := StatusDiffForTest(ctx, db); err != nil || n != 0 {
			t.Errorf("%s: store.agency_status differs from its definition (%d, %v)", step, n, err)
		}
	}
	inProvince := func(province string) int {
		t.Helper()
		return count(t, db, `SELECT count(*) FROM store.region_rollup WHERE province = ? AND stated > 0`, province)
	}
	const derived = "贵州省/安顺市/市级部门/derived"
	first := load(t, db, LoadRequest{Report: sampleReport("安顺市应急管理局", 2021, 0, 0), Source: []byte("v1")})[0]
	if got := region(first.AgencyID); got != derived {
		t.Fatalf("first version: %q, want %q", got, derived)
	}

	// A version stating 浙江省 that waits (an error finding).
	moving := withError("安顺市应急管理局", 2021)
	moving.Province, moving.Level = "浙江省", "省级部门"
	v2 := load(t, db, LoadRequest{Report: moving, Source: []byte("v2")})[0]
	if !v2.Pending {
		t.Fatalf("a version with an error does not wait: %+v", v2)
	}
	if got := region(first.AgencyID); got != derived {
		t.Errorf("a waiting version moved its agency: %q, want %q", got, derived)
	}
	if n := inProvince("浙江省"); n != 0 {
		t.Errorf("a waiting version put %d roll-up rows in 浙江省", n)
	}
	exact("waiting")

	// A clean version stating nothing supersedes it: nothing moves.
	clean := sampleReport("安顺市应急管理局", 2021, 0, 0)
	clean.Sections[0].Text += "修订。"
	load(t, db, LoadRequest{Report: clean, Source: []byte("v3")})
	if got := region(first.AgencyID); got != derived {
		t.Errorf("after the waiting version was superseded: %q, want %q", got, derived)
	}
	if _, err := db.Confirm(ctx, v2.ReportID, "张三"); err == nil {
		t.Errorf("a superseded version was confirmed")
	}
	if got := region(first.AgencyID); got != derived {
		t.Errorf("a superseded version's refused confirmation moved its agency: %q", got)
	}
	exact("superseded")

	// Waiting again, then confirmed: the agency moves then, with its
	// current reports.
	v4 := load(t, db, LoadRequest{Report: moving, Source: []byte("v4")})[0]
	if !v4.Pending {
		t.Fatalf("waits: %+v", v4)
	}
	if got := region(first.AgencyID); got != derived {
		t.Errorf("waiting again: %q, want %q", got, derived)
	}
	if _, err := db.Confirm(ctx, v4.ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	if got, want := region(first.AgencyID), "浙江省//省级部门/report"; got != want {
		t.Errorf("confirmed: %q, want %q", got, want)
	}
	if n := inProvince("浙江省"); n == 0 {
		t.Errorf("confirmed: no roll-up row in 浙江省")
	}
	if n := inProvince("贵州省"); n != 0 {
		t.Errorf("confirmed: %d roll-up rows left in 贵州省", n)
	}
	exact("confirmed")

	// The region a confirmed version set is kept across a reopening, as a
	// load's is: a later version stating another region does not move it.
	path := db.Path()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	later := sampleReport("安顺市应急管理局", 2022, 0, 0)
	later.Province = "云南省"
	load(t, db, LoadRequest{Report: later, Source: []byte("2022")})
	if got, want := region(first.AgencyID), "浙江省//省级部门/report"; got != want {
		t.Errorf("after a later year stating another region: %q, want %q", got, want)
	}
	exact("later year")
}
