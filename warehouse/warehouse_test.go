package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
	regionpkg "gongkai/region"
)

// openTest opens a fresh warehouse file in a temporary directory.
func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// sampleReport builds a 2021-format report whose table 三 balances, with
// carried_in and carried_out set per applicant from in and out.
func sampleReport(agency string, year int, in, out float64) *gongkai.Report {
	r := &gongkai.Report{Agency: agency, Year: year, Format: gongkai.Format2021,
		Source: gongkai.Source{Kind: "xlsx", Name: fmt.Sprintf("%s-%d.xlsx", agency, year)}}
	add := func(m, app string, v float64, at string) {
		r.Values = append(r.Values, gongkai.Value{Measure: m, Applicant: app, Number: gongkai.Float(v), Raw: fmt.Sprint(v), At: at})
	}
	for i, app := range gongkai.Applicants {
		scale := 1.0
		if app == gongkai.ApplicantTotal {
			scale = 6
		}
		col := string(rune('C' + i))
		add("apps.new", app, 10*scale, "表三!"+col+"5")
		add("apps.carried_in", app, in*scale, "表三!"+col+"6")
		add("apps.granted", app, 5*scale, "表三!"+col+"8")
		add("apps.other.no_correction", app, 1*scale, "表三!"+col+"30")
		add("apps.other.other", app, 2*scale, "表三!"+col+"32")
		add("apps.total", app, (8+in-out)*scale, "表三!"+col+"33")
		add("apps.carried_out", app, out*scale, "表三!"+col+"34")
	}
	add("licensing.decisions", gongkai.ApplicantTotal, 42, "表二!E9")
	add("review.total", gongkai.ApplicantTotal, 3, "表四!N5")
	r.Values = append(r.Values, gongkai.Value{Measure: "penalty.decisions", Applicant: gongkai.ApplicantTotal, Raw: "/", At: "表二!E11"})
	r.Findings = []gongkai.Finding{{Rule: "R3", Severity: gongkai.SeverityWarning, At: "表四!N5", Message: "示例"}}
	r.Sections = []gongkai.Section{{Numeral: "一", Title: "总体情况", Text: "本机关认真贯彻落实条例。"}}
	return r
}

func load(t testing.TB, db *DB, reqs ...LoadRequest) []LoadResult {
	t.Helper()
	res, err := db.Load(context.Background(), reqs)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return res
}

// count runs a one-number query.
func count(t testing.TB, db *DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestOpenMigratesOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "w.duckdb")
	for i := 0; i < 2; i++ {
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := migrations()
		if n := count(t, db, "SELECT count(*) FROM schema_migrations"); n != len(ms) {
			t.Errorf("open %d: %d migrations recorded, want %d", i, n, len(ms))
		}
		if n := count(t, db, "SELECT count(*) FROM measures"); n != len(gongkai.Catalogue()) {
			t.Errorf("open %d: %d measures, want %d", i, n, len(gongkai.Catalogue()))
		}
		db.Close()
	}
}

func TestLoad(t *testing.T) {
	db := openTest(t)
	src := []byte("workbook bytes v1")
	res := load(t, db, LoadRequest{Report: sampleReport("安顺市应急管理局", 2021, 2, 1), Source: src, By: "tester"})
	if r := res[0]; r.ReportID == 0 || r.AgencyID == 0 || r.Version != 1 || r.Duplicate || len(r.Findings) != 1 {
		t.Fatalf("first load: %+v", r)
	}
	wantValues := 7*7 + 3 + 7 // stated cells + the derived apps.other per applicant
	if n := count(t, db, "SELECT count(*) FROM report_values"); n != wantValues {
		t.Errorf("report_values has %d rows, want %d", n, wantValues)
	}
	var other sql.NullFloat64
	if err := db.db.QueryRow("SELECT apps_other FROM report_summary").Scan(&other); err != nil || other.Float64 != 18 {
		t.Errorf("apps_other = %v (%v), want 18 = 6+12", other, err)
	}
	var penalty sql.NullFloat64
	db.db.QueryRow("SELECT penalty_decisions FROM report_summary").Scan(&penalty)
	if penalty.Valid {
		t.Errorf("blank penalty.decisions reads %v, want NULL", penalty.Float64)
	}
	name, kind, data, err := db.Source(context.Background(), res[0].ReportID)
	if err != nil || string(data) != string(src) || kind != "xlsx" || !strings.HasSuffix(name, ".xlsx") {
		t.Errorf("Source = %q %q %q, %v", name, kind, data, err)
	}

	// The same file again: already loaded, nothing new.
	again := load(t, db, LoadRequest{Report: sampleReport("安顺市应急管理局", 2021, 2, 1), Source: src})
	if r := again[0]; !r.Duplicate || r.Elsewhere || r.ReportID != res[0].ReportID {
		t.Errorf("same file again: %+v, want duplicate of %d, not elsewhere", r, res[0].ReportID)
	}
	if n := count(t, db, "SELECT count(*) FROM reports"); n != 1 {
		t.Errorf("%d reports after a duplicate, want 1", n)
	}

	// A corrected file for the same agency and year: version 2 is current, 1 stays as history.
	fixed := sampleReport("安顺市应急管理局 ", 2021, 2, 1) // a trailing space is the same agency
	fixed.Values[0].Number = gongkai.Float(11)
	v2 := load(t, db, LoadRequest{Report: fixed, Source: []byte("workbook bytes v2")})
	if r := v2[0]; r.Version != 2 || r.AgencyID != res[0].AgencyID || r.Duplicate {
		t.Fatalf("new version: %+v", r)
	}
	if n := count(t, db, "SELECT count(*) FROM reports"); n != 2 {
		t.Errorf("%d report versions, want 2", n)
	}
	if n := count(t, db, "SELECT count(*) FROM reports WHERE is_current"); n != 1 {
		t.Errorf("%d current versions, want 1", n)
	}
	if n := count(t, db, "SELECT report_id FROM report_summary"); int64(n) != v2[0].ReportID {
		t.Errorf("report_summary shows report %d, want the new version %d", n, v2[0].ReportID)
	}
	if n := count(t, db, "SELECT value FROM report_values WHERE measure = 'apps.new' AND applicant = 'natural'"); n != 11 {
		t.Errorf("report_values shows apps.new %d, want the new version's 11", n)
	}
	if n := count(t, db, "SELECT count(*) FROM store.report_values WHERE report_id = ?", res[0].ReportID); n != wantValues {
		t.Errorf("history lost: version 1 has %d values, want %d", n, wantValues)
	}

	// The state survives reopening: the next load continues the versions.
	path := db.Path()
	db.Close()
	db2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	v3 := load(t, db2, LoadRequest{Report: sampleReport("安顺市应急管理局", 2021, 2, 1), Source: []byte("v3")})
	if v3[0].Version != 3 || v3[0].ReportID <= v2[0].ReportID {
		t.Errorf("after reopen: %+v", v3[0])
	}
	// Read as another agency's (or year's) report, it is still the file
	// loaded: a duplicate, nothing written, but said to stand elsewhere,
	// also after reopening (the year is in the rebuilt state).
	dup := load(t, db2, LoadRequest{Report: sampleReport("x", 2021, 0, 0), Source: src})
	if !dup[0].Duplicate || !dup[0].Elsewhere {
		t.Errorf("after reopen the first file read as agency x: %+v, want a duplicate elsewhere", dup[0])
	}
	for _, r := range []*gongkai.Report{sampleReport("安顺市应急管理局", 2022, 0, 0), sampleReport("安顺市应急管理局", 2021, 0, 0)} {
		got := load(t, db2, LoadRequest{Report: r, Source: src})
		if want := r.Year != 2021; !got[0].Duplicate || got[0].Elsewhere != want {
			t.Errorf("after reopen the first file as the agency's %d: %+v, want a duplicate, elsewhere %v", r.Year, got[0], want)
		}
	}
}

func TestLoadRejected(t *testing.T) {
	db := openTest(t)
	good := sampleReport("甲局", 2021, 0, 0)
	bad := []*gongkai.Report{
		nil,
		{Agency: " ", Year: 2021, Format: "2021"},
		{Agency: "乙局", Year: 21, Format: "2021"},
		{Agency: "乙局", Year: 2021, Format: "1999"},
		{Agency: "乙局", Year: 2021, Format: "2021", Values: []gongkai.Value{{Measure: "apps.new", Applicant: "nobody"}}},
		// Beyond what gongkai stores (gongkai.MaxFigure): a caller that
		// bypasses ingest, which would have left the cell blank.
		{Agency: "乙局", Year: 2021, Format: "2021", Values: []gongkai.Value{{Measure: "fees.amount_wan", Applicant: "total", Number: gongkai.Float(-1e20)}}},
		{Agency: "乙局", Year: 2021, Format: "2021", Values: []gongkai.Value{{Measure: "apps.new", Applicant: "total", Number: gongkai.Float(1e15)}}},
	}
	reqs := []LoadRequest{{Report: good, Source: []byte("good")}}
	for _, r := range bad {
		reqs = append(reqs, LoadRequest{Report: r, Source: []byte("bad")})
	}
	res, err := db.Load(context.Background(), reqs)
	if err == nil || gongkai.ErrorCode(err) != gongkai.CodeInvalid {
		t.Fatalf("Load error = %v, want an invalid-input error", err)
	}
	if res[0].Err != nil || res[0].ReportID == 0 {
		t.Errorf("the good report was not loaded: %+v", res[0])
	}
	for i := 1; i < len(res); i++ {
		if res[i].Err == nil || res[i].ReportID != 0 {
			t.Errorf("bad report %d: %+v, want an error and no id", i, res[i])
		}
		if msg := gongkai.ErrorMessage(res[i].Err); msg == "" || strings.Contains(msg, "内部错误") {
			t.Errorf("bad report %d: message %q is not specific", i, msg)
		}
	}
	for _, table := range []string{"store.reports", "store.agencies", "store.sources"} {
		if n := count(t, db, "SELECT count(*) FROM "+table); n != 1 {
			t.Errorf("%s has %d rows, want only the good report's", table, n)
		}
	}
}

func TestPriorYearRules(t *testing.T) {
	db := openTest(t)
	// 2021 carries out 3 per applicant; 2022 says it carried in 2: R4 fires for every applicant.
	load(t, db, LoadRequest{Report: sampleReport("丙局", 2021, 0, 3)})
	res := load(t, db, LoadRequest{Report: sampleReport("丙局", 2022, 2, 0)})
	r4 := 0
	for _, f := range res[0].Findings {
		if f.Rule == "R4" {
			r4++
			if f.Expected == nil || f.Actual == nil || f.At == "" || f.ColumnLabel == "" {
				t.Errorf("R4 finding lacks detail: %+v", f)
			}
		}
	}
	if r4 != 7 {
		t.Errorf("%d R4 findings, want 7 (one per applicant column)", r4)
	}
	if n := count(t, db, "SELECT count(*) FROM findings WHERE rule = 'R4' AND other_report_id IS NOT NULL"); n != 7 {
		t.Errorf("%d stored R4 findings, want 7", n)
	}

	// Loading 2020 afterwards re-checks 2021 (2020 carries out 0 = 2021's carried in).
	load(t, db, LoadRequest{Report: sampleReport("丙局", 2020, 0, 5)})
	if n := count(t, db, "SELECT count(*) FROM findings WHERE rule = 'R4' AND year = 2021"); n != 7 {
		t.Errorf("2021 has %d R4 findings after 2020 loaded, want 7", n)
	}
	if n := count(t, db, "SELECT errors FROM reports WHERE year = 2021"); n != 7 {
		t.Errorf("2021 counts %d errors, want 7", n)
	}
	// A corrected 2020 that agrees clears them.
	load(t, db, LoadRequest{Report: sampleReport("丙局", 2020, 0, 0)})
	if n := count(t, db, "SELECT count(*) FROM findings WHERE rule = 'R4' AND year = 2021"); n != 0 {
		t.Errorf("2021 keeps %d R4 findings after a consistent 2020, want 0", n)
	}
	// Within one group the order of years does not matter.
	db2 := openTest(t)
	res = load(t, db2, LoadRequest{Report: sampleReport("丁局", 2022, 2, 0)}, LoadRequest{Report: sampleReport("丁局", 2021, 0, 3)})
	if n := count(t, db2, "SELECT count(*) FROM findings WHERE rule = 'R4' AND year = 2022"); n != 7 {
		t.Errorf("same group: 2022 has %d R4 findings, want 7", n)
	}
}

func TestAgencyRegion(t *testing.T) {
	db := openTest(t)
	derived := sampleReport("安顺市应急管理局", 2021, 0, 0)
	stated := sampleReport("某某中心", 2021, 0, 0)
	stated.Province, stated.Level = "贵州省", "市级部门"
	unknown := sampleReport("某某委员会", 2021, 0, 0)
	res := load(t, db, LoadRequest{Report: derived}, LoadRequest{Report: stated}, LoadRequest{Report: unknown})

	region := func(id int64) string {
		var p, c, l, src sql.NullString
		if err := db.db.QueryRow("SELECT province, city, level, region_source FROM agencies WHERE agency_id = ?", id).Scan(&p, &c, &l, &src); err != nil {
			t.Fatal(err)
		}
		return strings.Join([]string{p.String, c.String, l.String, src.String}, "/")
	}
	if got := region(res[1].AgencyID); got != "贵州省//市级部门/report" {
		t.Errorf("stated region: %q", got)
	}
	if got := region(res[2].AgencyID); got != "///" {
		t.Errorf("unknown region: %q, want all unknown", got)
	}
	want := "贵州省/安顺市/市级部门/derived"
	if _, err := regionpkg.Load(); err != nil {
		want = "///" // built without the division data (make assets): unknown stays unknown
	}
	if got := region(res[0].AgencyID); got != want {
		t.Errorf("derived region: %q, want %q", got, want)
	}

	if err := db.SetAgencyRegion(context.Background(), res[2].AgencyID, Region{Province: "云南省", Level: "省级部门"}); err != nil {
		t.Fatal(err)
	}
	again := sampleReport("某某委员会", 2022, 0, 0)
	again.Province = "贵州省"
	load(t, db, LoadRequest{Report: again})
	if got := region(res[2].AgencyID); got != "云南省//省级部门/admin" {
		t.Errorf("after an admin correction and a later load: %q", got)
	}
	if err := db.SetAgencyRegion(context.Background(), 999, Region{}); gongkai.ErrorCode(err) != gongkai.CodeNotFound {
		t.Errorf("unknown agency: %v", err)
	}
}

func TestLoadVersionsInOneGroup(t *testing.T) {
	db := openTest(t)
	res := load(t, db,
		LoadRequest{Report: sampleReport("甲局", 2021, 0, 0), Source: []byte("v1")},
		LoadRequest{Report: sampleReport("甲局", 2021, 0, 0), Source: []byte("v2")},
		LoadRequest{Report: sampleReport("甲局", 2021, 0, 0), Source: []byte("v1")})
	if res[0].Version != 1 || res[1].Version != 2 || !res[2].Duplicate || res[2].ReportID != res[0].ReportID {
		t.Errorf("results %+v", res)
	}
	if n := count(t, db, "SELECT count(*) FROM reports WHERE is_current"); n != 1 {
		t.Errorf("%d current versions, want 1", n)
	}
	if n := count(t, db, "SELECT report_id FROM report_summary"); int64(n) != res[1].ReportID {
		t.Errorf("current report %d, want version 2 (%d)", n, res[1].ReportID)
	}
}

func TestPriorYearItems(t *testing.T) {
	db := openTest(t)
	items := func(year int, prev, delta float64) *gongkai.Report {
		r := &gongkai.Report{Agency: "戊局", Year: year, Format: gongkai.Format2019}
		r.Values = []gongkai.Value{
			{Measure: "licensing.items_prev", Applicant: "total", Number: gongkai.Float(prev), Raw: fmt.Sprint(prev), At: "表二!C9"},
			{Measure: "licensing.items_delta", Applicant: "total", Number: gongkai.Float(delta), Raw: fmt.Sprint(delta), At: "表二!D9"},
		}
		return r
	}
	load(t, db, LoadRequest{Report: items(2019, 10, 2)})
	ok := load(t, db, LoadRequest{Report: items(2020, 12, -1)}) // 10 + 2 = 12
	bad := load(t, db, LoadRequest{Report: items(2021, 15, 0)}) // 12 - 1 = 11, not 15
	for _, f := range ok[0].Findings {
		t.Errorf("consistent items: unexpected finding %+v", f)
	}
	if len(bad[0].Findings) != 1 || bad[0].Findings[0].Rule != "R5" || bad[0].Findings[0].Severity != gongkai.SeverityWarning ||
		*bad[0].Findings[0].Expected != 11 || *bad[0].Findings[0].Actual != 15 || bad[0].Findings[0].At != "表二!C9" {
		t.Errorf("R5: %+v", bad[0].Findings)
	}
}
