package dashboard

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"gongkai/demo"
	"gongkai/warehouse"
)

// licensingFilters are yearSumsFilters and filters of 行政许可 that pick a
// level beside a piece of a name (ranking and trend take the level,
// licensing_by_level does not).
var licensingFilters = append(slices.Clone(yearSumsFilters),
	warehouse.Filter{Level: "县级部门", Agency: "局"},
	warehouse.Filter{YearFrom: 2021, YearTo: 2023, Level: "乡镇（街道）", Agency: "镇"},
	warehouse.Filter{Province: "贵州省", Level: "市级部门", Agency: "局"},
	warehouse.Filter{YearFrom: 2023, YearTo: 2023, Agency: "政"},
)

// TestLicensingSumsAsTheirQueries holds the three tables 行政许可 reads
// from licensing_sums (with a piece of a name or none) to its named queries
// licensing_ranking (the page's filter with its limit), licensing_trend
// (the page's filter) and licensing_by_level (without the level) under each
// filter, value for value and Go type for Go type, on the fixture and on an
// 80-agency demo history, and checks that each filter was read in one query.
// It fails when no filter with a piece gave rows in all three tables: the
// comparison would prove nothing.
func TestLicensingSumsAsTheirQueries(t *testing.T) {
	fx, _ := fixtureDB(t)
	big, err := loadWarehouse(filepath.Join(t.TempDir(), "licensing.duckdb"), demo.Generate(fixtureSeed+6, 80))
	if err != nil {
		t.Fatal(err)
	}
	defer big.Close()
	ctx := context.Background()
	for name, db := range map[string]*warehouse.DB{"fixture": fx, "80 agencies": big} {
		h, _ := newHandler(db, testLogger(t), Options{Public: true, CacheEntries: -1})
		ran := logQueries(h, db)
		telling := 0
		for _, f := range licensingFilters {
			where := fmt.Sprintf("%s, %+v", name, f)
			rank := f
			rank.Limit = 20
			levels := f
			levels.Level = ""
			ran.reset()
			ranking, trend, lv, err := h.licensingTables(ctx, rank, f, levels)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"licensing_sums"}
			if got := ran.sorted(); !slices.Equal(got, want) {
				t.Errorf("%s: ran %v, want %v", where, got, want)
			}
			for _, c := range []struct {
				q   string
				f   warehouse.Filter
				got *warehouse.Table
			}{{"licensing_ranking", rank, ranking}, {"licensing_trend", f, trend}, {"licensing_by_level", levels, lv}} {
				w, err := db.Query(ctx, c.q, c.f)
				if err != nil {
					t.Fatal(err)
				}
				if g, w := fmt.Sprintf("%v %#v", c.got.Columns, c.got.Rows), fmt.Sprintf("%v %#v", w.Columns, w.Rows); g != w {
					t.Errorf("%s, %s:\n got %.800s\nwant %.800s", where, c.q, g, w)
				}
			}
			if f.Agency != "" && len(ranking.Rows) > 0 && len(trend.Rows) > 0 && len(lv.Rows) > 0 {
				telling++
			}
		}
		if telling == 0 {
			t.Errorf("%s: no filter with a piece gave rows in all three tables: the comparison proves little", name)
		}
	}
}

// TestLicensingPageFromSums serves 行政许可 with a piece of a name from
// licensing_sums and again with its rows spoiled (so the page falls back to
// its three named queries): the pages must be the same byte for byte.
func TestLicensingPageFromSums(t *testing.T) {
	pageFromYearSums(t, "/licensing", "licensing_sums", "licensing_by_level")
}

// TestSplitLicensingSumsRefuses: rows not of licensing_sums' form, and a
// level's sum not marked whole, send the page to the named queries.
func TestSplitLicensingSumsRefuses(t *testing.T) {
	row := func(part string, ord int64, vals map[int]any) []any {
		r := make([]any, len(licensingSumsColumns))
		r[0], r[1] = part, ord
		for i, v := range vals {
			r[i] = v
		}
		return r
	}
	level := func(ord int64, whole any) []any {
		return row("level", ord, map[int]any{2: "县级部门", 3: int64(2), 4: 5.0, 5: whole})
	}
	rank := row("ranking", 1, map[int]any{6: int64(3), 7: "某局", 8: "县级部门", 9: "贵阳市", 10: int64(1), 11: 5.0})
	trend := row("trend", 1, map[int]any{12: int32(2021), 13: int64(3), 14: "某局", 15: int64(9), 16: 5.0})
	good := [][]any{level(1, true), rank, trend}
	r, tr, lv, ok := splitLicensingSums(&warehouse.Table{Columns: licensingSumsColumns, Rows: good})
	if !ok || len(r.Rows) != 1 || r.Rows[0][1] != "某局" || len(tr.Rows) != 1 || tr.Rows[0][0] != int32(2021) ||
		len(lv.Rows) != 1 || lv.Rows[0][2] != 5.0 || !slices.Equal(lv.Columns, []string{"level", "agencies", "licensing_decisions"}) {
		t.Fatalf("good rows: ok %v, %v %v %v", ok, r, tr, lv)
	}
	spoilt := row("trend", 1, map[int]any{12: int32(2021), 13: int64(3), 14: "某局", 15: int64(9), 16: 5.0, 11: 1.0})
	for what, rows := range map[string][][]any{
		"a level's sum not whole": {level(1, false), rank, trend},
		"no whole mark":           {level(1, nil), rank, trend},
		"a place skipped":         {level(2, true), rank, trend},
		"parts out of order":      {rank, level(1, true), trend},
		"an unknown part":         {level(1, true), row("other", 1, nil)},
		"another part's column":   {level(1, true), rank, spoilt},
	} {
		if _, _, _, ok := splitLicensingSums(&warehouse.Table{Columns: licensingSumsColumns, Rows: rows}); ok {
			t.Errorf("%s: split", what)
		}
	}
	if _, _, _, ok := splitLicensingSums(&warehouse.Table{Columns: licensingSumsColumns[:16], Rows: [][]any{}}); ok {
		t.Errorf("other columns: split")
	}
}
