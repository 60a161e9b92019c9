package dashboard

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"gongkai"
	"gongkai/demo"
	"gongkai/warehouse"
)

// oddReports is a demo history of n agencies with the cells real reports
// get wrong or leave out, planted by seed: blanks, negative counts,
// fractions that are not binary (0.1, 0.7), fractions that are (0.5), a
// figure of 15 digits, and a table a report leaves out whole (the agency then
// lacks the measure that year). The years 2017 and 2023 are dropped, so a
// range can span a year with no report. Every fourth agency's name is
// changed so that pieces of a name select across levels.
func oddReports(seed int64, n int) []*gongkai.Report {
	rng := rand.New(rand.NewSource(seed))
	var out []*gongkai.Report
	for _, r := range demo.Generate(seed, n) {
		if r.Year == 2017 || r.Year == 2023 {
			continue
		}
		dropTable := ""
		if rng.Intn(6) == 0 {
			dropTable = []string{"licensing", "review", "apps", "litigation"}[rng.Intn(4)]
		}
		var vs []gongkai.Value
		for _, v := range r.Values {
			if dropTable != "" && len(v.Measure) > len(dropTable) && v.Measure[:len(dropTable)] == dropTable {
				continue
			}
			if v.Number != nil {
				x := *v.Number
				switch rng.Intn(40) {
				case 0:
					v.Number = nil
				case 1:
					x = -x - 1
				case 2:
					x += 0.1
				case 3:
					x += 0.7
				case 4:
					x += 0.5
				case 5:
					x = 1 << 49
				}
				if v.Number != nil {
					v.Number = gongkai.Float(x)
				}
			}
			vs = append(vs, v)
		}
		r.Values = vs
		out = append(out, r)
	}
	return out
}

// randomFilter is a filter of a page with or without a piece of a name:
// a year, a range (possibly spanning a year with no report, or empty,
// or reversed), a province, city or level of the history, and a piece of
// one of its agencies' names (one to three characters, sometimes none that
// matches).
func randomFilter(rng *rand.Rand, reports []*gongkai.Report) warehouse.Filter {
	var f warehouse.Filter
	r := reports[rng.Intn(len(reports))]
	switch rng.Intn(5) {
	case 0:
		f.YearFrom, f.YearTo = r.Year, r.Year
	case 1:
		f.YearFrom = 2014 + rng.Intn(12)
		f.YearTo = f.YearFrom + rng.Intn(5)
	case 2:
		f.YearFrom = 2016 + rng.Intn(4)
	case 3:
		f.YearFrom, f.YearTo = 2024, 2020 // reversed: nothing
	}
	switch rng.Intn(4) {
	case 0:
		f.Province = r.Province
	case 1:
		f.Province, f.City = r.Province, r.City
	}
	if rng.Intn(3) == 0 {
		f.Level = r.Level
	}
	name := []rune(r.Agency)
	switch k := rng.Intn(6); {
	case k == 0:
		f.Agency = "没有这个名字"
	case k < 5:
		l := 1 + rng.Intn(3)
		at := rng.Intn(max(1, len(name)-l+1))
		f.Agency = string(name[at:min(len(name), at+l)])
	}
	return f
}

// TestOnePassPagesRandomFilters holds the tables that 总览, 依申请公开,
// 复议诉讼 and 行政许可 take from one pass with a piece of a name
// (overview_year_sums, applications_year_sums, reviews_year_sums,
// licensing_sums, split and summed in Go) to their named queries, value
// for value and Go type for Go type, under random filters on a history
// where the two could differ: blank, negative, fractional and huge cells,
// tables left out, years with no report, pending and retired versions.
// It fails when too few filters with a piece gave rows, or none of them
// was answered from the one pass with odd cells in it: the comparison
// would then prove little.
func TestOnePassPagesRandomFilters(t *testing.T) {
	const seed = 2028
	reports := oddReports(seed, 60)
	db, err := loadWarehouse(filepath.Join(t.TempDir(), "odd.duckdb"), reports)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	// New versions of some reports: with an error finding they wait
	// (pending), without one they replace the current version.
	var again []warehouse.LoadRequest
	for i, r := range reports {
		if i%9 != 0 {
			continue
		}
		n := *r
		n.Source.SHA256 = ""
		n.Values = slices.Clone(r.Values)
		for j := range n.Values {
			if n.Values[j].Number != nil {
				n.Values[j].Number = gongkai.Float(*n.Values[j].Number + 3)
			}
		}
		n.Findings = nil
		if i%18 == 0 {
			n.Findings = []gongkai.Finding{{Rule: "R1", Severity: gongkai.SeverityError, Message: "合计不符"}}
		}
		again = append(again, warehouse.LoadRequest{Report: &n, By: "test"})
	}
	res, err := db.Load(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	pending := 0
	for _, r := range res {
		if r.Pending {
			pending++
		}
	}
	if pending == 0 || pending == len(res) {
		t.Fatalf("%d of %d new versions pending: the history lacks pending or replaced versions", pending, len(res))
	}

	h, _ := newHandler(db, testLogger(t), Options{Public: true, CacheEntries: -1})
	var fellBack bool
	h.dbQuery = func(ctx context.Context, q string, f warehouse.Filter) (*warehouse.Table, error) {
		switch q {
		case "overview_totals", "applications_by_year", "reviews_by_year", "licensing_ranking":
			if f.Agency != "" {
				fellBack = true
			}
		}
		return db.Query(ctx, q, f)
	}
	type named struct {
		q   string
		f   warehouse.Filter
		got *warehouse.Table
	}
	pages := []struct {
		name   string
		tables func(f warehouse.Filter) ([]named, error)
	}{
		{"总览", func(f warehouse.Filter) ([]named, error) {
			totals, trend, err := h.overviewTables(ctx, f)
			return []named{{"overview_totals", f, totals}, {"overview_trend", f, trend}}, err
		}},
		{"依申请公开", func(f warehouse.Filter) ([]named, error) {
			top := f
			top.Limit = 20
			byYear, byAgency, applicants, withheld, err := h.applicationsTables(ctx, f, top)
			return []named{{"applications_by_year", f, byYear}, {"applications_by_agency", top, byAgency},
				{"applications_applicants", f, applicants}, {"applications_withheld", f, withheld}}, err
		}},
		{"复议诉讼", func(f warehouse.Filter) ([]named, error) {
			byYear, outcomes, err := h.reviewsTables(ctx, f)
			return []named{{"reviews_by_year", f, byYear}, {"reviews_outcomes", f, outcomes}}, err
		}},
		{"行政许可", func(f warehouse.Filter) ([]named, error) {
			rank := f
			rank.Limit = 20
			levels := f
			levels.Level = ""
			ranking, trend, lv, err := h.licensingTables(ctx, rank, f, levels)
			return []named{{"licensing_ranking", rank, ranking}, {"licensing_trend", f, trend},
				{"licensing_by_level", levels, lv}}, err
		}},
	}
	rng := rand.New(rand.NewSource(seed))
	withRows, onePass := map[string]int{}, map[string]int{}
	for i := 0; i < 150; i++ {
		f := randomFilter(rng, reports)
		for _, p := range pages {
			fellBack = false
			ts, err := p.tables(f)
			if err != nil {
				t.Fatalf("%s, %+v: %v", p.name, f, err)
			}
			rows := 0
			for _, c := range ts {
				w, err := db.Query(ctx, c.q, c.f)
				if err != nil {
					t.Fatal(err)
				}
				if g, w := fmt.Sprintf("%v %#v", c.got.Columns, c.got.Rows), fmt.Sprintf("%v %#v", w.Columns, w.Rows); g != w {
					t.Errorf("%s, %s, %+v:\n got %.1000s\nwant %.1000s", p.name, c.q, f, g, w)
				}
				rows += len(c.got.Rows)
			}
			if f.Agency != "" && rows > len(ts) {
				withRows[p.name]++
				if !fellBack {
					onePass[p.name]++
				}
			}
		}
	}
	names := make([]string, 0, len(pages))
	for _, p := range pages {
		names = append(names, p.name)
	}
	sort.Strings(names)
	for _, p := range names {
		t.Logf("%s: %d filters with a piece gave rows, %d of them from the one pass", p, withRows[p], onePass[p])
		if withRows[p] < 20 || onePass[p] == 0 {
			t.Errorf("%s: %d filters with a piece gave rows, %d from the one pass: the comparison proves little", p, withRows[p], onePass[p])
		}
	}
}
