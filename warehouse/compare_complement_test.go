package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongkai"
	"gongkai/demo"
	"gongkai/queries"
	"gongkai/warehouse"
)

// TestCompareRegionsComplement holds compare_regions' complement form
// (sql/compare_regions_complement.sql: the roll-up's sums less the agencies
// whose names do not hold the piece), and applications_year_sums' (sql/
// applications_year_sums_complement.sql, on the same conditions: it must
// answer exactly where compare_regions' does), to the named queries
// through the writes
// that change what it reads — a bulk load, re-uploads, versions that wait
// and their confirmation, agencies moved, new agencies — each checked as
// it leaves the file (the kept totals listing changed agencies: the form
// must decline) and once the totals are built again (it must answer, with
// the named query's rows, value for value and of the same Go types). A
// report stating fractions must make it decline (its sums would be DOUBLE
// sums in another order), and the statement must decline in its own
// snapshot when the kept totals are not the ones the caller checked.
// Without -flows the totals are built after the first load and after the
// last write only (each build keeps compare_agencies' answers too, 15-40 s
// on a loaded machine); with it, after every write.
func TestCompareRegionsComplement(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "complement.duckdb")
	db, err := warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	q, _ := queries.Get("compare_regions")
	qa, _ := queries.Get("applications_year_sums")
	reports := demo.Generate(29, 20)
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "浙江省", City: "杭州市"}, {Province: "贵州省", City: "遵义市"},
		{Level: "乡镇（街道）"}, {Province: "浙江省", Level: "县级部门"}, {Province: "测试省"}, {Province: "没有这个省"},
	}
	var filters []warehouse.Filter
	for i, y := range [][2]int{{0, 0}, {2021, 2021}, {2020, 2023}, {2023, 2021}} {
		for j, r := range regions {
			for k, p := range []string{"人民", "政府", "局", " 镇 ", "没有这个名字"} {
				if (i+j+k)%4 != 0 {
					continue
				}
				f := r
				f.YearFrom, f.YearTo, f.Agency = y[0], y[1], p
				filters = append(filters, f)
			}
		}
	}
	// appsDecline: applications_year_sums' complement form must decline
	// every filter (a fraction in a figure only it sums).
	appsDecline := false
	// check compares the form's answers with the named query under every
	// filter and says how many it gave.
	check := func(step string) int {
		t.Helper()
		start := time.Now()
		defer func() { t.Logf("%s: checked in %s", step, time.Since(start).Round(time.Millisecond)) }()
		answered, rows := 0, 0
		for _, f := range filters {
			got, ok, err := warehouse.ComplementForTest(ctx, db, f)
			if err != nil {
				t.Fatalf("%s: %+v: %v", step, f, err)
			}
			var want [][]any
			if err := warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) (err error) {
				want, err = allRows(ctx, conn, q.SQL, f.Args(q.Params)...)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			via, err := db.Query(ctx, "compare_regions", f)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprint(via.Rows), fmt.Sprint(plainRows(want)); g != w {
				t.Errorf("%s: Query, filter %+v:\n got %.400s\nwant %.400s", step, f, g, w)
			}
			// applications_year_sums' complement form, on the same
			// conditions.
			gotA, okA, err := warehouse.AppsComplementForTest(ctx, db, f)
			if err != nil {
				t.Fatalf("%s: %+v: %v", step, f, err)
			}
			var wantA [][]any
			if err := warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) (err error) {
				wantA, err = allRows(ctx, conn, qa.SQL, f.Args(qa.Params)...)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			viaA, err := db.Query(ctx, "applications_year_sums", f)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprint(viaA.Rows), fmt.Sprint(plainRows(wantA)); g != w {
				t.Errorf("%s: Query applications_year_sums, filter %+v:\n got %.400s\nwant %.400s", step, f, g, w)
			}
			if appsDecline && okA {
				t.Errorf("%s: filter %+v: applications_year_sums' complement form answered with a fraction in a figure it sums", step, f)
			}
			if okA != ok && !appsDecline {
				t.Errorf("%s: filter %+v: applications_year_sums' complement form answered %v, compare_regions' %v", step, f, okA, ok)
			}
			if okA {
				if g, w := fmt.Sprint(gotA.Rows), fmt.Sprint(plainRows(wantA)); g != w {
					t.Errorf("%s: applications_year_sums, filter %+v:\n got %.400s\nwant %.400s", step, f, g, w)
				}
				for i, row := range plainRows(wantA) {
					for c, v := range row {
						if g, w := fmt.Sprintf("%T", gotA.Rows[i][c]), fmt.Sprintf("%T", v); g != w {
							t.Errorf("%s: applications_year_sums, filter %+v, row %d, column %s: a %s, want a %s", step, f, i, gotA.Columns[c], g, w)
						}
					}
				}
				if len(gotA.Columns) != len(qa.Columns) {
					t.Errorf("%s: applications_year_sums' complement form has %d columns, want %d", step, len(gotA.Columns), len(qa.Columns))
				}
			}
			if !ok {
				continue
			}
			answered++
			rows += len(want)
			if g, w := fmt.Sprint(got.Rows), fmt.Sprint(plainRows(want)); g != w {
				t.Errorf("%s: filter %+v:\n got %.400s\nwant %.400s", step, f, g, w)
				continue
			}
			for i, row := range plainRows(want) {
				for c, v := range row {
					if g, w := fmt.Sprintf("%T", got.Rows[i][c]), fmt.Sprintf("%T", v); g != w {
						t.Errorf("%s: filter %+v, row %d, column %s: a %s, want a %s", step, f, i, got.Columns[c], g, w)
					}
				}
			}
		}
		if answered > 0 && rows == 0 {
			t.Errorf("%s: the form answered with no rows under every filter: the comparison proves nothing", step)
		}
		return answered
	}
	// declines checks the form gives no answer while the kept totals list
	// changed agencies; built checks it answers every filter once they are
	// built again.
	declines := func(step string) {
		t.Helper()
		if n := check(step); n > 0 {
			t.Errorf("%s: the form answered %d filters while agencies are listed as changed", step, n)
		}
	}
	built := func(step string) {
		t.Helper()
		start := time.Now()
		if _, err := db.CompactTotals(ctx, 1); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: totals built in %s", step, time.Since(start).Round(time.Millisecond))
		if n := check(step + ", totals built"); n != len(filters) {
			t.Errorf("%s, totals built: the form answered %d of %d filters", step, n, len(filters))
		}
	}
	load := func(reqs ...warehouse.LoadRequest) []warehouse.LoadResult {
		t.Helper()
		res, err := db.Load(ctx, reqs)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
		}
		return res
	}
	// again is a later version of r with some figures changed or blank.
	again := func(r *gongkai.Report, tag string, k int) *gongkai.Report {
		c := *r
		c.Values = append([]gongkai.Value(nil), r.Values...)
		for j := range c.Values {
			if c.Values[j].Number != nil && j%4 == k%4 {
				if k%2 == 0 {
					c.Values[j].Number, c.Values[j].Raw = nil, ""
				} else {
					n := *c.Values[j].Number + 2
					c.Values[j].Number, c.Values[j].Raw = gongkai.Float(n), fmt.Sprint(n)
				}
			}
		}
		c.Source.SHA256, c.Source.Name = "", tag+"-"+r.Source.Name
		return &c
	}

	half := len(reports) * 2 / 3
	if err := db.Bulk(ctx, func() error { return demo.Load(ctx, db, reports[:half]) }); err != nil {
		t.Fatal(err)
	}
	declines("loaded")
	built("loaded")
	// The gate: a piece most names hold opens it, a rare one does not.
	if common, err := warehouse.PieceCommonForTest(ctx, db, warehouse.Filter{Agency: "没有这个名字"}); err != nil || common {
		t.Errorf("a piece no name holds passes the gate (%v, %v)", common, err)
	}

	// The statement checks the totals' stamp in its own snapshot.
	var complete []any
	if err := warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) error {
		rows, err := allRows(ctx, conn, warehouse.StmtForTest("compare_regions_complement"),
			sql.Named("year_from", nil), sql.Named("year_to", nil), sql.Named("province", nil), sql.Named("city", nil),
			sql.Named("level", nil), sql.Named("agency", "人民"), sql.Named("totals", int64(1)), sql.Named("fingerprints", "1"))
		for _, r := range rows {
			complete = append(complete, r[len(r)-1])
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(complete) != 1 || complete[0] != false {
		t.Errorf("with another stamp the statement gives complete %v, want one false", complete)
	}

	var reqs []warehouse.LoadRequest
	for i := 0; i < half; i += 5 {
		reqs = append(reqs, warehouse.LoadRequest{Report: again(reports[i], "v2", i), By: "张三", Confirm: i%3 == 0})
	}
	load(reqs...)
	declines("re-uploaded")
	if *flowsFlag {
		built("re-uploaded")
	}

	var waiting []int64
	for i := 2; i < half; i += 7 {
		c := again(reports[i], "v3", i+1)
		c.Findings = append(c.Findings, gongkai.Finding{Rule: "R1", Severity: gongkai.SeverityError, At: "表三!C33", Message: "合计不等于各项之和"})
		res := load(warehouse.LoadRequest{Report: c, By: "李四"})
		if !res[0].Pending {
			t.Fatalf("version %s does not wait", c.Source.Name)
		}
		waiting = append(waiting, res[0].ReportID)
	}
	check("versions waiting") // nothing current changed: it may answer
	for i, id := range waiting {
		if i%2 == 0 {
			if _, err := db.Confirm(ctx, id, "李四"); err != nil {
				t.Fatal(err)
			}
		}
	}
	declines("half confirmed")
	if *flowsFlag {
		built("half confirmed")
	}

	if err := db.SetAgencyRegion(ctx, 2, warehouse.Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, 5, warehouse.Region{Province: "浙江省", City: "杭州市", Level: "乡镇（街道）"}); err != nil {
		t.Fatal(err)
	}
	declines("regions set")
	if *flowsFlag {
		built("regions set")
	}

	if err := demo.Load(ctx, db, reports[half:]); err != nil {
		t.Fatal(err)
	}
	declines("new agencies")
	built("new agencies")
	if _, err := db.CompactRollups(ctx); err != nil {
		t.Fatal(err)
	}
	if n := check("roll-ups written again"); n != len(filters) {
		t.Errorf("roll-ups written again: the form answered %d of %d filters", n, len(filters))
	}

	// A fraction in 本年新收 of natural persons alone (the total's column is
	// another), which compare_regions does not sum: its form still
	// answers, applications_year_sums' must not.
	var ground []warehouse.LoadRequest
	for i := 3; i < len(reports); i += 5 {
		c := again(reports[i], "v4", 1)
		for j, v := range c.Values {
			if v.Number != nil && v.Measure == "apps.new" && v.Applicant == gongkai.ApplicantNatural {
				n := *v.Number + 0.1
				c.Values[j].Number, c.Values[j].Raw = gongkai.Float(n), fmt.Sprint(n)
			}
		}
		ground = append(ground, warehouse.LoadRequest{Report: c, By: "王五", Confirm: true})
	}
	load(ground...)
	appsDecline = true
	built("a fraction in 本年新收 of natural persons")
	appsDecline = false

	// Fractions (a count no reader gives, but the store takes): DOUBLE sums
	// of them depend on their order, so the form must decline.
	var frac []warehouse.LoadRequest
	for i := 1; i < len(reports); i += 4 {
		c := again(reports[i], "v5", 1)
		for j, v := range c.Values {
			if v.Number != nil && strings.HasPrefix(v.Measure, "apps.") {
				n := *v.Number + 0.1
				c.Values[j].Number, c.Values[j].Raw = gongkai.Float(n), fmt.Sprint(n)
			}
		}
		frac = append(frac, warehouse.LoadRequest{Report: c, By: "王五", Confirm: true})
	}
	load(frac...)
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if n := check("fractions, totals built"); n > 0 {
		t.Errorf("fractions: the form answered %d filters", n)
	}
}
