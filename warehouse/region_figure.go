package warehouse

import (
	"context"
	"fmt"
	"sync"

	"gongkai/queries"
)

// byAgencyMinReports is the fewest current reports a selection must hold
// for region_figure to be read by agency (regionFigureByAgency): at 1M
// reports the form wins on the whole country (166k a year) and a province
// (76k-90k), and loses on a province and level of a few thousand, as on
// every selection at 100k reports (sql/region_figure_by_agency.sql gives
// the figures). A variable so that the tests can run the form on a few
// reports.
var byAgencyMinReports int64 = 50000

// regionFigureForm returns the form of region_figure q that Query runs on a
// warehouse: sql/region_figure_year_reports.sql, the named query with the
// years' current reports read from store.year_reports (0122), stored by
// year, instead of store.reports, in load order (same parameters and rows,
// under the same name: every run of a warehouse runs it). The named query's
// text stays for the Parquet lake, which has no store.year_reports.
func regionFigureForm(q queries.Query) queries.Query {
	q.SQL = stmt("region_figure_year_reports")
	return q
}

// regionFigureByAgency runs sql/region_figure_by_agency.sql (the half of it
// for the filter's shape: byAgencyHalf), region_figure
// (q, same parameters, columns and rows) read from the copy by cell by the
// agency each of its rows carries, for filter f as Query bound it. It tries
// only where that form is the faster one: the copy caught up at the last
// look (f.noTail); a selection of at least byAgencyMinReports current
// reports, and not narrow (for a smaller one the join the form saves costs
// less than the form's fixed costs; for a narrow one the named query reads
// only the row groups of the selected reports, while the form scans the
// cell's whole years); the cell's ids bound; and every agency ranked by
// name in agreement with the names (ranksComplete). Where the copy holds no
// row of the cell in the years (cellStated: a cell the years' formats lack)
// that form would return nothing, and it runs sql/region_figure_blank.sql
// instead, the selected reports' blank rows. The half runs named in Go
// (regionFigureNamed: the agencies' places and the texts by id, kept until
// the next write), and as its own text only when that cannot name a row
// exactly. ok is false when it did not
// try or the form returned no rows (a load or a copy after the look, a
// selected report without a row for the cell, or nothing selected): Query
// then runs the named query, whose rows are the same. Its error is the
// database's.
func (db *DB) regionFigureByAgency(ctx context.Context, q queries.Query, f Filter) (t *Table, ok bool, err error) {
	if !f.noTail || f.narrow || f.selected < byAgencyMinReports || f.measureID == 0 || f.applicantID == 0 {
		return nil, false, nil
	}
	// Many rows tied at the cut are ordered by the agencies' name ranks, as
	// are the blank rows.
	if ranked, err := db.ranksComplete(ctx); err != nil || !ranked {
		return nil, false, err
	}
	stated, err := db.cellStated(ctx, f)
	if err != nil {
		return nil, false, err
	}
	form := q
	half := byAgencyHalf(f)
	form.Name, form.SQL = q.Name+" (by agency, "+half+")", byAgencySQL()[half]
	if !stated {
		form.Name, form.SQL = q.Name+" (blank)", stmt("region_figure_blank")
	} else if !byAgencyInSQL {
		// The half with its names and texts given in Go
		// (regionFigureNamed); the half itself only when that could not
		// name a row exactly.
		named := q
		named.Name, named.SQL = q.Name+" (by agency, "+half+", named in Go)", byAgencyIDsSQL()[half]
		t, ok, none, err := db.regionFigureNamed(ctx, named, f)
		if err != nil || ok || none {
			return t, ok, err
		}
	}
	if t, err = db.runKept(ctx, form, f); err != nil {
		return nil, false, err
	}
	return t, len(t.Rows) > 0, nil
}

// byAgencyInSQL makes regionFigureByAgency run the half of its form that
// names its rows in SQL rather than in Go (regionFigureNamed): a variable
// so that the tests can hold the two to each other.
var byAgencyInSQL = false

// byAgencyHalf names the half of sql/region_figure_by_agency.sql that
// regionFigureByAgency runs for filter f: "country" without a province,
// city or level, "region" with one. Each half is the whole text less the
// other shape's CTEs, which DuckDB would bind and optimize on every run
// before folding them away (byAgencySQL; the halves' headers give the
// figures); each returns no rows for the other shape's filters.
func byAgencyHalf(f Filter) string {
	if nullText(f.Province) == nil && nullText(f.City) == nil && nullText(f.Level) == nil {
		return "country"
	}
	return "region"
}

// byAgencySQL returns the texts of the halves of
// sql/region_figure_by_agency.sql by name (byAgencyHalf): the whole text
// with the CTEs of sql/region_figure_by_agency_<half>.sql in place of its
// own of the same names and the other shape's CTEs dropped, so that what
// the halves share is one text. TestRegionFigureByAgency holds each half
// to the whole text.
var byAgencySQL = sync.OnceValue(func() map[string]string {
	whole := stmt("region_figure_by_agency")
	return map[string]string{
		// The whole country: no agencies selected (sel), and the ties past
		// 16,384 ranked among the agencies first by name.
		"country": dropCTEs(replaceCTEs(whole, stmt("region_figure_by_agency_country"), "v", "top"),
			"sel", "region_ranked"),
		// A region or level: every row carries its agency's rank (sel), so
		// the tied rows are ranked straight from v.
		"region": dropCTEs(replaceCTEs(whole, stmt("region_figure_by_agency_region"), "v", "top", "holds"),
			"few", "many", "early", "candidates", "ranked"),
	}
})

// cellYearsKey is what cell_rows.sql reads of a filter.
type cellYearsKey struct {
	measureID, applicantID int64
	yearFrom, yearTo       int
}

// cellStated reports whether the copy by cell holds a row of the filter's
// cell (its bound ids) in its years, of any report (sql/cell_rows.sql).
// Without one, region_figure's form read by agency returns no rows and
// Query would run the named query after it: at 1M reports ~5 of the page's
// 108 filters ask for a cell their year's format lacks, each for ~20 ms of
// that form's fixed costs and the named query's join of every selected
// report to its name. The answer is kept until the next write or run of
// the copy (db.cellRows). It only chooses the form: each checks what it
// relies on in its own snapshot and returns no rows when that fails, so an
// answer out of date costs speed, never a figure. Its error is the
// database's.
func (db *DB) cellStated(ctx context.Context, f Filter) (bool, error) {
	gen := db.Generation()
	k := cellYearsKey{f.measureID, f.applicantID, f.YearFrom, f.YearTo}
	if stated, ok := db.cellRows.get(gen, k); ok {
		return stated, nil
	}
	var stated bool
	if err := db.db.QueryRowContext(ctx, stmt("cell_rows"), f.measureID, f.applicantID, nullNum(int64(f.YearFrom)), nullNum(int64(f.YearTo))).Scan(&stated); err != nil {
		return false, err
	}
	if db.Unchanged(gen) {
		db.cellRows.put(gen, k, stated)
	}
	return stated, nil
}

// formTexts are the texts warehouse makes from its .sql files by their
// layout (replaceCTEs, dropCTEs, which panic on a text laid out otherwise:
// a CTE missing, twice, without its closing line). OpenWith builds them
// all before anything else (buildFormTexts), so that such an edit of a
// .sql stops every Open with an error, never a request with a panic.
var formTexts = []func(){
	func() { byAgencySQL() },
	func() { byAgencyIDsSQL() },
	func() { compareNamedSQL() },
}

// buildFormTexts builds texts (formTexts) and returns the first panic of
// one as an error.
func buildFormTexts(texts []func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("warehouse: a statement made from the .sql files cannot be built: %v", r)
		}
	}()
	for _, build := range texts {
		build()
	}
	return nil
}
