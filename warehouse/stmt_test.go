package warehouse

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"gongkai/queries"
)

// TestPreparedQueriesFollowWrites runs every named query through DB.Query and
// as plain SQL prepared afresh after each kind of write, and wants the same
// rows: whatever DB.Query keeps between runs, its answer after a load, a
// second version, a pending version and its confirmation, a region correction,
// a rewrite of the roll-ups or a build of the kept totals must be a fresh
// statement's. The answers must also move where a write changes what they
// show, so that a kept answer fails. Statements prepared once and kept failed
// it on the first load: DuckDB does not plan a statement with no parameters
// again, and its plan carries the statistics of the data it was prepared on.
// DB.Query keeps only the statements DuckDB plans again at every run
// (kept.go); keeping every one fails here (filter_options after the roll-ups'
// rewrite).
func TestPreparedQueriesFollowWrites(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	filters := []Filter{
		{Limit: 50},
		{YearFrom: 2021, YearTo: 2021, Measure: "apps.new", Applicant: "total"},
		{Province: "测试省", Measure: "licensing.decisions", Applicant: "total", Limit: 10},
		{Agency: "局", AgencyID: 1, ReportID: 1, Measure: "apps.total", Applicant: "natural"},
	}
	answers := func(stage string) string {
		t.Helper()
		var all strings.Builder
		for _, q := range queries.List() {
			for _, f := range filters {
				got, err := db.Query(ctx, q.Name, f)
				if err != nil {
					t.Fatalf("%s: %s %+v: %v", stage, q.Name, f, err)
				}
				rows, err := db.db.QueryContext(ctx, q.SQL, f.bind(q.Params)...)
				if err != nil {
					t.Fatalf("%s: %s %+v, plain: %v", stage, q.Name, f, err)
				}
				want, err := readTable(rows, 0)
				rows.Close()
				if err != nil {
					t.Fatal(err)
				}
				g, w := fmt.Sprint(got.Rows), fmt.Sprint(want.Rows)
				if g != w {
					t.Errorf("%s: %s %+v through its kept statement:\n got %.400s\nwant %.400s", stage, q.Name, f, g, w)
				}
				fmt.Fprintf(&all, "%s %+v %s\n", q.Name, f, g)
			}
		}
		return all.String()
	}
	last := answers("empty")
	step := func(stage string) {
		t.Helper()
		now := answers(stage)
		if now == last {
			t.Errorf("%s: no named query answered differently; the step proves nothing", stage)
		}
		last = now
	}

	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 0)}, LoadRequest{Report: sampleReport("乙局", 2022, 1, 1)})
	step("first load")
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 2, 0)})
	step("a second version")

	v := load(t, db, LoadRequest{Report: withError("甲局", 2021)})[0]
	if !v.Pending {
		t.Fatalf("the version with an error is not pending: %+v", v)
	}
	answers("pending")
	if _, err := db.Confirm(ctx, v.ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	step("confirmed")

	if err := db.SetAgencyRegion(ctx, 1, Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	step("region corrected")

	for i := range 12 {
		load(t, db, LoadRequest{Report: sampleReport("丙局", 2022, float64(i), 0)})
	}
	before := answers("before the roll-ups' rewrite")
	c, err := db.compactRollups(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Summary {
		t.Fatalf("%+v: the re-uploads left no deleted roll-up rows to rewrite", c)
	}
	if after := answers("roll-ups rewritten"); after != before {
		t.Errorf("the named queries answer differently after the roll-ups' rewrite")
	}
	tc, err := db.CompactTotals(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !tc.Rebuilt {
		t.Fatalf("%+v: the loads left no changed agencies to build the kept totals for", tc)
	}
	if after := answers("kept totals built again"); after != before {
		t.Errorf("the named queries answer differently after the kept totals were built again")
	}
}
