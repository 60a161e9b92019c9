package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai/queries"
)

// TestFormsAfterEditsByHand holds overview_totals and agencies_list as
// Query runs them to their named queries run as they are, on warehouses
// whose tables were edited by hand in the ways the kept tables their forms
// read (sql/overview_totals_plain.sql, agencies_list_plain.sql,
// agencies_list_piece.sql) could miss: a report's year moved outside the bit
// sets' 1990–2100, or within them, so that an agency has two current
// reports of one year; a report's findings or an agency's region changed;
// an agency without a report, and one whose id changed. Each filter must
// give the named query's rows, and each form must have run exactly where
// its checks let it (bitsHoldReports, which all three share).
func TestFormsAfterEditsByHand(t *testing.T) {
	edits := []struct {
		name, stmt string
		plain      bool // overview_totals (plain) runs
		list       bool // agencies_list (plain) and (piece) run
	}{
		{"none", `SELECT 1`, true, true},
		{"2200", `UPDATE store.reports SET year = 2200 WHERE year = 2021 AND agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲局')`, false, false},
		{"1800", `UPDATE store.reports SET year = 1800 WHERE year = 2021 AND agency_id = (SELECT agency_id FROM store.agencies WHERE name = '乙局')`, false, false},
		{"twice-2022", `UPDATE store.reports SET year = 2022 WHERE year = 2021 AND agency_id = (SELECT agency_id FROM store.agencies WHERE name = '甲局')`, false, false},
		{"moved-2023", `UPDATE store.reports SET year = 2023 WHERE year = 2021 AND agency_id = (SELECT agency_id FROM store.agencies WHERE name = '丙局')`, true, true},
		{"errors", `UPDATE store.reports SET errors = 2 WHERE year = 2022 AND agency_id = (SELECT agency_id FROM store.agencies WHERE name = '乙局')`, true, true},
		{"no-warnings", `UPDATE store.reports SET warnings = 0 WHERE year = 2021`, true, true},
		{"region", `UPDATE store.agencies SET province = '乙省', city = '乙市' WHERE name = '丁局'`, true, true},
		{"no-reports", `INSERT INTO store.agencies (agency_id, name, name_key, province, level, expected, created_at) VALUES (900, '未报局', '未报局', '甲省', '县级部门', true, now())`, true, true},
		{"id-changed", `UPDATE store.agencies SET agency_id = 901 WHERE name = '丁局'`, false, false},
	}
	var filters []Filter
	for _, f := range []Filter{
		{}, {YearFrom: 2021, YearTo: 2021}, {YearFrom: 2022, YearTo: 2022}, {YearFrom: 2023}, {YearTo: 2021},
		{YearFrom: 2020, YearTo: 2022}, {YearFrom: 2022, YearTo: 2021}, {YearFrom: 2150, YearTo: 2250},
		{YearFrom: 1700, YearTo: 1995}, {Province: "甲省"}, {Province: "甲省", YearFrom: 2022, YearTo: 2022},
		{Province: "乙省", City: "乙市"}, {Level: "县级部门"}, {Level: "县级部门", YearTo: 2021}, {Province: "丙省"},
	} {
		filters = append(filters, f)
		for _, piece := range []string{"甲", "局"} {
			g := f
			g.Agency = piece
			filters = append(filters, g)
		}
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			db := openTest(t)
			var reqs []LoadRequest
			for _, a := range []string{"甲局", "乙局", "丙局", "丁局"} {
				for _, y := range []int{2021, 2022} {
					reqs = append(reqs, LoadRequest{Report: sampleReport(a, y, 0, 0)})
				}
			}
			reqs = append(reqs, LoadRequest{Report: sampleReport("戊局", 2023, 0, 0)})
			load(t, db, reqs...)
			ctx := context.Background()
			for _, a := range []string{"甲局", "乙局", "戊局"} {
				id := count(t, db, "SELECT agency_id FROM store.agencies WHERE name = $1", a)
				if err := db.SetAgencyRegion(ctx, int64(id), Region{Province: "甲省", City: "甲市", Level: "县级部门"}); err != nil {
					t.Fatal(err)
				}
			}
			db = editByHand(t, db, e.stmt)
			for _, name := range []string{"overview_totals", "agencies_list"} {
				q, ok := queries.Get(name)
				if !ok {
					t.Fatalf("no query %s", name)
				}
				rows := 0
				for _, f := range filters {
					for _, limit := range []int{0, 2} {
						f.Limit, f.Offset = limit, limit/2
						got, err := db.Query(ctx, name, f)
						if err != nil {
							t.Fatal(err)
						}
						want := firstFormRows(t, db, q, f)
						if g, w := fmt.Sprint(got.Rows), fmt.Sprint(want.Rows); g != w {
							t.Errorf("%s, filter %+v:\n got %s\nwant %s", name, f, g, w)
						}
						if len(want.Rows) > 0 && want.Rows[0][0] != int64(0) {
							rows++
						}
					}
				}
				if rows == 0 {
					t.Errorf("%s: no filter selects a report: the comparison proves nothing", name)
				}
			}
			for form, want := range map[string]bool{"overview_totals (plain)": e.plain, "agencies_list (plain)": e.list, "agencies_list (piece)": e.list} {
				if _, ran := db.kept.m.Load(form); ran != want {
					t.Errorf("%s ran %v, want %v", form, ran, want)
				}
			}
		})
	}
}
