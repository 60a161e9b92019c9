package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai"
	"gongkai/queries"
)

// namePieceQueries are the per-agency queries, which read the kept totals
// (0044's licensing_totals, proactive_totals, application_totals; 0058's
// compare_totals) and match a piece of a name on the kept names (0066,
// 0062), or on store.agencies' for the agencies summed apart: each is held
// here to its first form (testdata/before), which summed the current
// reports and matched the piece in its own join.
var namePieceQueries = []string{"licensing_ranking", "licensing_trend", "licensing_by_level", "proactive_by_agency",
	"applications_by_agency", "compare_agencies"}

// TestNamePieceMatchedOnce runs each per-agency query with many pieces of
// names (none, one, many agencies; %, _, \, quotes, full-width and
// combining characters; the whole name; an empty piece) and with region,
// level and year filters beside them, against its first form, on a real
// warehouse file with the kept totals built. Both must give the same rows.
func TestNamePieceMatchedOnce(t *testing.T) {
	db := openTest(t)
	type ag struct{ name, province, city, level string }
	agencies := []ag{
		{"北京市公安局", "北京市", "北京市", "province_dept"},
		{"北京市财政局", "北京市", "北京市", "province_dept"},
		{"北京市海淀区公安分局", "北京市", "北京市", "county_dept"},
		{"上海市公安局交通管理局", "上海市", "上海市", "city_dept"},
		{"100%满意服务局", "上海市", "上海市", "city_dept"},
		{"a_b数据局", "浙江省", "杭州市", "city_dept"},
		{`反斜杠\局`, "浙江省", "杭州市", "county_dept"},
		{"O'Brien办公室", "浙江省", "宁波市", "county_dept"},
		{`引号"档案局`, "浙江省", "宁波市", ""},
		{"ＡＢＣ全角局", "贵州省", "贵阳市", "city_dept"},
		{"Cafe\u0301文化局", "贵州省", "贵阳市", "city_dept"},
		{"无地区人民政府", "", "", ""},
		{"贵阳市人民政府办公厅", "贵州省", "贵阳市", "city_gov"},
	}
	var reqs []LoadRequest
	for i, a := range agencies {
		for year := 2020; year <= 2022; year++ {
			if (i+year)%5 == 0 {
				continue // some agencies miss a year
			}
			r := sampleReport(a.name, year, float64(i%3), float64(i%2))
			r.Province, r.City, r.Level = a.province, a.city, a.level
			for k, v := range r.Values {
				if v.Measure == "licensing.decisions" {
					r.Values[k].Number = gongkai.Float(float64((i*7+year)%11 + 1))
				}
			}
			r.Values = append(r.Values, gongkai.Value{Measure: "narrative.proactive_items", Applicant: gongkai.ApplicantTotal,
				Number: gongkai.Float(float64(i + year%7)), Raw: "1", At: "第1行", Source: gongkai.SourceNarrative})
			reqs = append(reqs, LoadRequest{Report: r})
		}
	}
	load(t, db, reqs...)
	// A second version: the sums read the current one only.
	r := sampleReport("北京市公安局", 2021, 9, 0)
	r.Province, r.City, r.Level = "北京市", "北京市", "province_dept"
	load(t, db, LoadRequest{Report: r})

	pieces := []string{"", "公安", "局", "市", "北京市公安局", "公安局交通", "无此机构", "%", "_", "a_b", `\`, `\局`, "'", "O'B", `"`,
		"ＡＢＣ", "ABC", "\u0301", "e\u0301文", "人民政府", "政府办", "满意服务局", "贵阳市人民政府办公厅", "1"}
	filters := []Filter{{}, {YearFrom: 2021, YearTo: 2021}, {YearFrom: 2021}, {Province: "北京市"}, {Province: "浙江省", City: "宁波市"},
		{Level: "city_dept"}, {Province: "贵州省", Level: "city_gov", YearTo: 2021}, {City: "没有的市"}}
	ctx := context.Background()
	conn, err := db.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	run := func(text string, params []string, f Filter) string {
		t.Helper()
		rows, err := conn.QueryContext(ctx, text, f.bind(params)...)
		if err != nil {
			t.Fatalf("%v\n%s", err, text)
		}
		defer rows.Close()
		tb, err := readTable(rows, 0)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(tb.Rows)
	}
	compared, nonEmpty := 0, 0
	// As loaded (the agencies listed as changed, summed from their
	// reports) and with the kept totals built.
	for _, pass := range []string{"as loaded", "built"} {
		if pass == "built" {
			if _, err := db.CompactTotals(ctx, 1); err != nil {
				t.Fatal(err)
			}
			if n := count(t, db, `SELECT count(*) FROM store.agency_totals WHERE exact`); n == 0 {
				t.Fatal("no agency's totals are kept")
			}
		}
		for _, name := range namePieceQueries {
			q, ok := queries.Get(name)
			if !ok {
				t.Fatalf("no query %s", name)
			}
			old := firstForm(t, name)
			for _, piece := range pieces {
				for _, f := range filters {
					f.Agency, f.Limit = piece, 20
					got, want := run(q.SQL, q.Params, f), run(old.SQL, old.Params, f)
					if got != want {
						t.Errorf("%s, %s, piece %q, filter %+v:\n got %s\nwant %s", pass, name, piece, f, got, want)
					}
					compared++
					if want != "[]" {
						nonEmpty++
					}
				}
			}
		}
	}
	// The comparison proves little when most results are empty.
	if nonEmpty < compared/3 {
		t.Fatalf("only %d of %d results have rows", nonEmpty, compared)
	}
	t.Logf("%d results compared, %d with rows", compared, nonEmpty)
}
