package dashboard

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"gongkai/demo"
	"gongkai/warehouse"
)

// yearSumsFilters are filters of 依申请公开 with a piece of a name (most
// names', few, one character, none) crossed with years, regions and
// levels, and as many without one (依申请公开 and 复议诉讼 read their one pass
// then too).
var yearSumsFilters = []warehouse.Filter{
	{Agency: "人民"}, {Agency: "局"}, {Agency: "镇人"}, {Agency: "政府"}, {Agency: "没有这个名字"}, {Agency: "县"},
	{YearFrom: 2021, YearTo: 2021, Agency: "局"},
	{YearFrom: 2020, YearTo: 2023, Province: "贵州省", Agency: "政府"},
	{YearFrom: 2022, YearTo: 2022, Agency: "镇人"},
	{Level: "乡镇（街道）", Agency: "人民"},
	{Province: "贵州省", City: "遵义市", Agency: "人"},
	{YearFrom: 2024, YearTo: 2024, Level: "县级部门", Agency: "局"},
	{YearFrom: 1990, YearTo: 1991, Agency: "局"},
	{Province: "没有这个省", Agency: "局"},
	{}, {YearFrom: 2021, YearTo: 2022, Province: "贵州省"},
	{YearFrom: 2024, YearTo: 2024}, {Level: "乡镇（街道）"}, {Province: "贵州省", City: "遵义市"},
	{YearFrom: 2020, YearTo: 2023, Province: "浙江省", Level: "县级部门"}, {YearFrom: 1990, YearTo: 1991},
	{Province: "没有这个省"}, {Level: "省级部门"},
}

// TestApplicationsYearSumsAsTheirQueries holds the tables 依申请公开 reads
// from applications_year_sums (with a piece of a name or without) to its named queries
// applications_by_year, applications_applicants and applications_withheld
// under each filter, value for value and type for type, on the fixture and
// on a larger demo history, and checks that the piece was read in one pass.
func TestApplicationsYearSumsAsTheirQueries(t *testing.T) {
	yearSumsAsQueries(t, yearSumsCase{
		seed:    fixtureSeed + 4,
		plain:   []string{"applications_by_agency", "applications_year_sums"},
		onePass: []string{"applications_by_agency", "applications_year_sums"},
		named:   []string{"applications_by_year", "applications_applicants", "applications_withheld"},
		tables: func(ctx context.Context, h *handler, f warehouse.Filter) ([]*warehouse.Table, error) {
			top := f
			top.Limit = 20
			byYear, _, applicants, withheld, err := h.applicationsTables(ctx, f, top)
			return []*warehouse.Table{byYear, applicants, withheld}, err
		},
		telling: func(t *testing.T, where string, f warehouse.Filter, tb []*warehouse.Table) bool {
			if len(tb[0].Rows) == 0 {
				return false
			}
			if tb[2].Rows[0][2] == nil {
				t.Errorf("%s: no sums", where)
			}
			return true
		},
	})
}

// TestApplicationsPageFromYearSums serves 依申请公开, with a piece of a name
// and without, from applications_year_sums and again with its sums made
// fractional (so the page falls back to its four named queries): the pages
// must be the same byte for byte.
func TestApplicationsPageFromYearSums(t *testing.T) {
	pageFromYearSums(t, "/applications", "applications_year_sums", "applications_withheld", wholePaths...)
}

// wholePaths are queries of a page without a piece of a name.
var wholePaths = []string{"", "?province=贵州省&year_from=2021&year_to=2022", "?level=乡镇（街道）", "?year_from=2024&year_to=2024&province=浙江省"}

// TestSplitYearSumsRefusesFractions: a year's sum that is not a whole
// number, or is too large to add exactly, sends the page to the named
// queries.
func TestSplitYearSumsRefusesFractions(t *testing.T) {
	cols := append(make([]string, byYearColumns), "apps_new_natural", "apps_new_business", "apps_new_research", "apps_new_ngo",
		"apps_new_legal_services", "apps_new_other", "apps_withheld_state_secret", "apps_withheld_prohibited_by_law",
		"apps_withheld_three_safeties", "apps_withheld_third_party", "apps_withheld_internal_affairs", "apps_withheld_process_info",
		"apps_withheld_enforcement_file", "apps_withheld_query_matter")
	row := func(v float64) []any {
		r := make([]any, len(cols))
		for i := byYearColumns; i < len(cols); i++ {
			r[i] = 1.0
		}
		r[len(cols)-1] = v
		return r
	}
	if _, a, w, ok := splitYearSums(&warehouse.Table{Columns: cols, Rows: [][]any{row(2), row(3)}}); !ok || a.Rows[0][2] != 2.0 || w.Rows[7][2] != 5.0 {
		t.Fatalf("whole sums: ok %v", ok)
	}
	for _, v := range []float64{0.5, 1 << 53} {
		if _, _, _, ok := splitYearSums(&warehouse.Table{Columns: cols, Rows: [][]any{row(2), row(v)}}); ok {
			t.Errorf("a year's sum %v was added in Go", v)
		}
	}
	if _, _, _, ok := splitYearSums(&warehouse.Table{Columns: cols, Rows: [][]any{row(1 << 52), row(1 << 52)}}); ok {
		t.Errorf("a sum of 2^53 was added in Go")
	}
}

// TestReviewsYearSumsAsTheirQueries holds the tables 复议诉讼 derives from
// reviews_year_sums (with a piece of a name or without) to its named queries
// reviews_by_year and reviews_outcomes under each filter, value for value
// and type for type (their rates and their blanks too), on the fixture and
// on a larger demo history, and checks that the piece was read in one pass.
func TestReviewsYearSumsAsTheirQueries(t *testing.T) {
	yearSumsAsQueries(t, yearSumsCase{
		seed:    fixtureSeed + 5,
		plain:   []string{"reviews_year_sums"},
		onePass: []string{"reviews_year_sums"},
		named:   []string{"reviews_by_year", "reviews_outcomes"},
		tables: func(ctx context.Context, h *handler, f warehouse.Filter) ([]*warehouse.Table, error) {
			byYear, outcomes, err := h.reviewsTables(ctx, f)
			return []*warehouse.Table{byYear, outcomes}, err
		},
		telling: func(t *testing.T, where string, f warehouse.Filter, tb []*warehouse.Table) bool {
			for _, r := range tb[0].Rows {
				if r[4] != nil && r[4] != 0.0 {
					return true // a rate other than 0 compared
				}
			}
			return false
		},
	})
}

// yearSumsCase is a page whose tables come from one pass (onePass, sorted:
// the queries it must run with a piece of a name) or from its named queries
// (plain, sorted: without one); tables returns the page's tables standing
// for named, in that order. telling says whether a filter's tables show what
// makes the comparison mean something (reporting any error itself).
type yearSumsCase struct {
	seed                  int64
	plain, onePass, named []string
	tables                func(ctx context.Context, h *handler, f warehouse.Filter) ([]*warehouse.Table, error)
	telling               func(t *testing.T, where string, f warehouse.Filter, tb []*warehouse.Table) bool
}

// yearSumsAsQueries runs c's tables under every filter of yearSumsFilters,
// on the fixture and on an 80-agency demo history, recording the queries
// the handler runs: they must be c.onePass with a piece of a name and
// c.plain without, and each table must equal its named query's, value for
// value and Go type for Go type. It fails when no filter gave the first
// table rows or none was telling: the comparison would prove nothing.
func yearSumsAsQueries(t *testing.T, c yearSumsCase) {
	t.Helper()
	fx, _ := fixtureDB(t)
	big, err := loadWarehouse(filepath.Join(t.TempDir(), "sums.duckdb"), demo.Generate(c.seed, 80))
	if err != nil {
		t.Fatal(err)
	}
	defer big.Close()
	ctx := context.Background()
	for name, db := range map[string]*warehouse.DB{"fixture": fx, "80 agencies": big} {
		h, _ := newHandler(db, testLogger(t), Options{Public: true, CacheEntries: -1})
		ran := logQueries(h, db)
		rows, telling := 0, 0
		for _, f := range yearSumsFilters {
			where := fmt.Sprintf("%s, %+v", name, f)
			ran.reset()
			tb, err := c.tables(ctx, h, f)
			if err != nil {
				t.Fatal(err)
			}
			want := c.plain
			if f.Agency != "" {
				want = c.onePass
			}
			if got := ran.sorted(); !slices.Equal(got, want) {
				t.Errorf("%s: ran %v, want %v", where, got, want)
			}
			for i, q := range c.named {
				w, err := db.Query(ctx, q, f)
				if err != nil {
					t.Fatal(err)
				}
				if g, w := fmt.Sprintf("%v %#v", tb[i].Columns, tb[i].Rows), fmt.Sprintf("%v %#v", w.Columns, w.Rows); g != w {
					t.Errorf("%s, %s:\n got %.800s\nwant %.800s", where, q, g, w)
				}
			}
			rows += len(tb[0].Rows)
			if c.telling(t, where, f, tb) {
				telling++
			}
		}
		if rows == 0 || telling == 0 {
			t.Errorf("%s: %d rows, %d telling filters: the comparison proves little", name, rows, telling)
		}
	}
}

// TestReviewsPageFromYearSums serves 复议诉讼, with a piece of a name and
// without, from reviews_year_sums and again with its sums made fractional
// (so the page falls back to its two named queries): the pages must be the
// same byte for byte.
func TestReviewsPageFromYearSums(t *testing.T) {
	pageFromYearSums(t, "/reviews", "reviews_year_sums", "reviews_outcomes", wholePaths...)
}

// pageFromYearSums serves page with a piece of a name, and with each query
// of whole (without one), once as it is (from the one-pass query sums) and
// once with sums' rows spoiled (a fraction, or the wrong columns when it has
// no rows), so that the page must fall back to its named queries (fallback
// among them): both pages must be the same byte for byte, sums must have
// run the first time and the fallback the second.
func pageFromYearSums(t *testing.T, page, sums, fallback string, whole ...string) {
	t.Helper()
	db, _ := fixtureDB(t)
	h, e := newHandler(db, testLogger(t), Options{Public: true, CacheEntries: -1})
	paths := []string{page + "?agency=局", page + "?agency=人民&year_from=2020&year_to=2022",
		page + "?agency=没有这个名字", page + "?agency=局&province=贵州省&level=县级部门"}
	for _, q := range whole {
		paths = append(paths, page+q)
	}
	for _, path := range paths {
		read := false
		h.dbQuery = func(ctx context.Context, q string, f warehouse.Filter) (*warehouse.Table, error) {
			if q == sums {
				read = true
			}
			return db.Query(ctx, q, f)
		}
		s1, want := fetch(t, e, path)
		if !read {
			t.Errorf("%s: the page did not read %s", path, sums)
		}
		fell := false
		h.dbQuery = func(ctx context.Context, q string, f warehouse.Filter) (*warehouse.Table, error) {
			tb, err := db.Query(ctx, q, f)
			if err == nil && q == sums {
				if len(tb.Rows) == 0 {
					tb.Columns = tb.Columns[:1] // not of the form expected
				} else {
					tb.Rows[0][len(tb.Columns)-1] = 0.5
				}
			}
			if q == fallback {
				fell = true
			}
			return tb, err
		}
		s2, got := fetch(t, e, path)
		if s1 != http.StatusOK || s2 != s1 {
			t.Fatalf("%s: status %d, %d when falling back", path, s1, s2)
		}
		if !fell {
			t.Errorf("%s: the page did not fall back to its named queries", path)
		}
		if got != want {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: the page from %s differs from its named queries' at byte %d:\n%s\nwant\n%s", path, sums, i,
				snippet(got[max(0, i-200):]), snippet(want[max(0, i-200):]))
		}
	}
}

// queryLog records the named queries a handler runs, for the tests that
// check which queries a page reads.
type queryLog struct {
	mu  sync.Mutex
	ran []string
}

// logQueries makes h run its named queries on db through a queryLog.
func logQueries(h *handler, db *warehouse.DB) *queryLog {
	l := &queryLog{}
	h.dbQuery = func(ctx context.Context, q string, f warehouse.Filter) (*warehouse.Table, error) {
		l.mu.Lock()
		l.ran = append(l.ran, q)
		l.mu.Unlock()
		return db.Query(ctx, q, f)
	}
	return l
}

// reset forgets the queries run so far.
func (l *queryLog) reset() {
	l.mu.Lock()
	l.ran = nil
	l.mu.Unlock()
}

// sorted returns the queries run since the last reset, in name order.
func (l *queryLog) sorted() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Sorted(slices.Values(l.ran))
}
