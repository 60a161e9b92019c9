package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"gongkai"
	"gongkai/queries"
)

// Filter narrows a named query. Zero fields are unset and bind as NULL, so
// that the SQL reads `($province IS NULL OR province = $province)`.
type Filter struct {
	YearFrom, YearTo              int
	Province, City, Level, Agency string
	AgencyID, ReportID            int64
	Limit, Offset                 int
	// Measure and Applicant name one figure (a measure code and an
	// applicant column), for the queries that break a figure down.
	Measure, Applicant string
	// Status keeps the rows of one reporting status (missing, errors,
	// warnings, ok), for 报送与质量.
	Status string

	// measureID and applicantID are the ids of Measure and Applicant in
	// store.texts, set by Query alone (cellIDs) for the queries that name
	// them, never by a caller: an id that did not name the texts would
	// break another figure down.
	measureID, applicantID int64
	// narrow is true when the region and level select at most a quarter
	// of the years' current reports, set by Query alone (narrowSelection)
	// for the queries that name it: it steers region_figure's plan, never
	// its rows.
	narrow bool
	// selected is the count of the years' current reports the region and
	// level select, set by Query alone (narrowSelection) with narrow: it
	// chooses region_figure's form read by agency, never its rows.
	selected int64
	// noTail binds tail false: region_figure then leaves out the figures
	// after the copy by cell's watermark, and returns no rows unless no
	// report comes after it. Set by Query alone (cellsCaughtUp), which
	// runs the query again without it when no row comes back.
	noTail bool
	// pieceBits and pieceTop are a request's match of Agency (pieceMatch),
	// set by Query alone (queryPieceBits) for the forms that test the
	// agencies' bits instead of matching the piece: bits that did not
	// hold the piece's agencies would select others.
	pieceBits string // bytes, bound as a BLOB (a Filter stays comparable)
	pieceTop  int64
}

// Table is a query result: column names and rows of values (int64, float64,
// string, bool, time.Time, []byte, nil …). Truncated reports that the
// sandbox's row cap cut the result short.
type Table struct {
	Columns   []string `json:"columns"`
	Rows      [][]any  `json:"rows"`
	Truncated bool     `json:"truncated"`
}

// bind returns the filter's values of the parameters a query's header
// names, by name. Only those: a parameter the header forgets then fails
// loudly instead of binding by position.
func (f Filter) bind(params []string) []any {
	var args []any
	for _, a := range f.args() {
		na := a.(sql.NamedArg)
		for _, p := range params {
			if p == na.Name {
				args = append(args, na)
			}
		}
	}
	return args
}

// Args returns the filter's values of the parameters params, by name, as
// DB.Query binds them to a named query (queries.Query.Params), for tools
// that run a named query's SQL on a connection of their own, such as the
// bench harness's planning profile. The text ids DB.Query finds for
// region_figure bind as NULL, and the query then looks them up itself; its
// narrow binds false (the form for a large selection, same rows) and its
// tail NULL (the figures after the copy's watermark read). It never fails.
func (f Filter) Args(params []string) []any {
	return f.bind(params)
}

// nullText is a filter's text as a parameter: NULL when it is empty after
// trimming, which every query reads as "no filter".
func nullText(s string) any {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return s
}

// tailArg is region_figure's tail parameter: false when noTail, else NULL
// (read the figures after the watermark).
func tailArg(noTail bool) any {
	if noTail {
		return false
	}
	return nil
}

// blobArg is piece_bits' value: the bytes as a BLOB, NULL when empty.
func blobArg(s string) any {
	if s == "" {
		return nil
	}
	return []byte(s)
}

// nullNum is a filter's number as a parameter: NULL for 0 (not set).
func nullNum(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

// args binds every parameter a named query may use, by name.
func (f Filter) args() []any {
	str, num := nullText, nullNum
	vals := map[string]any{
		"year_from": num(int64(f.YearFrom)), "year_to": num(int64(f.YearTo)),
		"province": str(f.Province), "city": str(f.City), "level": str(f.Level), "agency": str(f.Agency),
		"agency_id": num(f.AgencyID), "report_id": num(f.ReportID),
		"limit": num(int64(f.Limit)), "offset": num(int64(f.Offset)),
		"measure": str(f.Measure), "applicant": str(f.Applicant), "status": str(f.Status),
		"measure_id": num(f.measureID), "applicant_id": num(f.applicantID),
		"narrow": f.narrow, "tail": tailArg(f.noTail),
		"piece_bits": blobArg(f.pieceBits), "piece_top": f.pieceTop,
	}
	out := make([]any, 0, len(queries.Params))
	for _, p := range queries.Params {
		out = append(out, sql.Named(p, vals[p]))
	}
	return out
}

// Query runs the named query queries/<name>.sql with the filter's values
// bound to its parameters. It returns a *gongkai.Error with CodeNotFound for
// an unknown name and CodeTimeout when ctx expires.
//
// DuckDB plans the statement with the values bound on every run (~15 % of
// the server's CPU at 1M reports, docs/benchmarks.md), so that a filter's
// constants reach the scans and its NULL guards fold away. A query whose
// parameters leave DuckDB no choice but to plan it again at each run is
// kept prepared between runs, which saves parsing and a first binding
// without values; any other is prepared afresh on every run (kept.go says
// why).
//
// A query that names measure_id and applicant_id (region_figure) gets the
// ids of the filter's measure and applicant (the total's column when it
// names none) in store.texts, or NULL when either text is not there, so
// that DuckDB plans the cell's filters as constants (see cellIDs). A query
// that names narrow (region_figure) gets whether the filter's region and
// level select at most a quarter of the years' current reports (see
// narrowSelection). A query that names tail (region_figure) runs first
// without the figures after the copy by cell's watermark when, at the
// warehouse's last look, no report came after it (see cellsCaughtUp); it
// then returns no rows unless that still holds in its own snapshot, and
// Query runs it again with them; before it, when the copy was caught up,
// the selection holds at least byAgencyMinReports current reports and the
// cell's ids are bound, region_figure runs read from the copy alone (or,
// for a cell the copy holds no row of in the years, as the selected
// reports' blank rows), and as named when that form returns no rows (see
// regionFigureByAgency); region_figure as named reads the years' current
// reports from store.year_reports (see regionFigureForm).
// region_agencies runs without its guard
// for years outside 1990–2100 when the warehouse has no such report, first
// with the agencies ordered by their name rank when every agency has one,
// and again by name when that form returns no rows (see
// regionAgenciesForm), the ranked form answered first in Go from the
// agencies kept by rank until the next write (see regionAgenciesInGo), its
// names read from those kept by id (see agencyNames); region_rollup runs as its sums by id, named and
// ordered in Go, when no text repeats (see regionRollupByID); compare_regions runs its form for a
// filter with or without a piece of a name (see compareRegionsForm), and
// for a piece most of the selection's names hold first the roll-up's sums
// less the other agencies', when that can be exact (see
// compareRegionsComplement); applications_year_sums for a piece most of
// the selection's names hold runs first as the roll-up's sums less the
// other agencies', when that can be exact (see applicationsComplement);
// applications_year_sums, reviews_year_sums,
// overview_trend and proactive_by_year run their plain forms for a filter
// without a piece (see sumsPlainForm), and overview_totals its own when
// also no report has a year outside 1990–2100 (see overviewTotalsForm);
// agencies_list reads its page's reports from the agencies' bit sets of
// years when they count every current report (see agenciesListForm).
// Under a context from MatchPiecesOnce, 报送与质量's four queries with a
// piece of a name test the agencies' bits of the request's one match of it
// (see queryPieceBits), and run as named when an agency came since.
// compare_agencies for the whole country
// with 地区比较's limit reads its kept answer when there is one (see
// compareTop), and its named form for a selection of few agencies (see
// compareAgenciesForm).
func (db *DB) Query(ctx context.Context, name string, f Filter) (t *Table, err error) {
	q, ok := queries.Get(name)
	if !ok {
		return nil, gongkai.Errorf(gongkai.CodeNotFound, "没有名为 %q 的查询", name)
	}
	if slices.Contains(q.Params, "measure_id") {
		if f.measureID, f.applicantID, err = db.cellIDs(ctx, f.Measure, f.Applicant); err != nil {
			return nil, queryError(ctx, name, err)
		}
	}
	if slices.Contains(q.Params, "narrow") {
		sel, err := db.narrowSelection(ctx, f)
		if err != nil {
			return nil, queryError(ctx, name, err)
		}
		f.narrow, f.selected = sel.narrow, sel.reports
	}
	if q.Name == "region_agencies" {
		var ranked *queries.Query
		if q, ranked, err = db.regionAgenciesForm(ctx, q); err != nil {
			return nil, queryError(ctx, name, err)
		}
		if ranked != nil {
			// First in Go from the agencies kept by rank, then the ranked
			// form itself (regionAgenciesInGo); both name in Go.
			t, ok, err := db.regionAgenciesInGo(ctx, *ranked, f)
			if err != nil {
				return nil, queryError(ctx, name, err)
			}
			if !ok {
				if t, err = db.runKept(ctx, *ranked, f); err != nil {
					return nil, queryError(ctx, name, err)
				}
			}
			if len(t.Rows) > 0 {
				// The form lists its agencies without their names, which
				// are kept by id (agencyNames).
				ok, err := db.fillAgencyNames(ctx, t)
				if err != nil {
					return nil, queryError(ctx, name, err)
				}
				if ok {
					return t, nil
				}
			}
			// An agency loaded after the look, or none selected: the names decide.
		}
	}
	if q.Name == "quality_by_year" {
		if t, ok, err := db.qualityByYearKept(ctx, f); err != nil {
			return nil, queryError(ctx, name, err)
		} else if ok {
			return t, nil
		}
	}
	if q.Name == "quality_matrix" {
		if t, ok, err := db.qualityMatrixKept(ctx, f); err != nil {
			return nil, queryError(ctx, name, err)
		} else if ok {
			return t, nil
		}
	}
	if q.Name == "late_publishers" {
		if t, ok, err := db.latePublishersKept(ctx, f); err != nil {
			return nil, queryError(ctx, name, err)
		} else if ok {
			return t, nil
		}
	}
	if t, ok, err := db.queryPieceBits(ctx, q, f); err != nil {
		return nil, queryError(ctx, name, err)
	} else if ok {
		return t, nil
	}
	if q.Name == "overview_totals" {
		if q, err = db.overviewTotalsForm(ctx, q, f); err != nil {
			return nil, queryError(ctx, name, err)
		}
	}
	if q.Name == "agencies_list" {
		if q, err = db.agenciesListForm(ctx, q, f); err != nil {
			return nil, queryError(ctx, name, err)
		}
	}
	if q.Name == "quality_findings" {
		q = qualityFindingsForm(q, f)
		t, ok, err := db.qualityFindingsPaged(ctx, q, f)
		if err != nil {
			return nil, queryError(ctx, name, err)
		}
		if ok {
			return t, nil
		}
	}
	if q.Name == "compare_regions" {
		t, ok, err := db.compareRegionsComplement(ctx, q, f)
		if err != nil {
			return nil, queryError(ctx, name, err)
		}
		if ok {
			return t, nil
		}
		q = compareRegionsForm(q, f)
	}
	if q.Name == "applications_year_sums" {
		t, ok, err := db.applicationsComplement(ctx, q, f)
		if err != nil {
			return nil, queryError(ctx, name, err)
		}
		if ok {
			return t, nil
		}
	}
	q = sumsPlainForm(q, f)
	if q.Name == "region_figure" {
		q = regionFigureForm(q)
	}
	if q.Name == "region_rollup" {
		t, ok, err := db.regionRollupByID(ctx, q, f)
		if err != nil {
			return nil, queryError(ctx, name, err)
		}
		if ok {
			return t, nil
		}
	}
	if q.Name == "compare_agencies" {
		t, ok, err := db.compareTop(ctx, f)
		if err != nil {
			return nil, queryError(ctx, name, err)
		}
		if ok {
			return t, nil
		}
		if q, err = db.compareAgenciesForm(ctx, q, f); err != nil {
			return nil, queryError(ctx, name, err)
		}
	}
	s, err := db.stmt(ctx, q)
	if err != nil {
		return nil, queryError(ctx, name, err)
	}
	if slices.Contains(q.Params, "tail") {
		if f.noTail, err = db.cellsCaughtUp(ctx); err != nil {
			return nil, queryError(ctx, name, err)
		}
	}
	if q.Name == "region_figure" {
		t, ok, err := db.regionFigureByAgency(ctx, q, f)
		if err != nil {
			return nil, queryError(ctx, name, err)
		}
		if ok {
			return t, nil
		}
	}
	if t, err = db.run(ctx, s, q, f); err != nil {
		return nil, queryError(ctx, name, err)
	}
	if f.noTail && len(t.Rows) == 0 {
		// A load after the look, or no report selected: the tail decides.
		f.noTail = false
		if t, err = db.run(ctx, s, q, f); err != nil {
			return nil, queryError(ctx, name, err)
		}
	}
	return t, nil
}

// runKept runs query q with the filter's values on its kept statement
// (db.stmt), kept under q.Name. Its error is the database's.
func (db *DB) runKept(ctx context.Context, q queries.Query, f Filter) (*Table, error) {
	s, err := db.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return db.run(ctx, s, q, f)
}

// run runs query q with the filter's values on its kept statement s, or
// prepared afresh when s is nil, and reads its rows. Its error is the
// driver's.
func (db *DB) run(ctx context.Context, s *sql.Stmt, q queries.Query, f Filter) (*Table, error) {
	var rows *sql.Rows
	var err error
	if s != nil {
		rows, err = s.QueryContext(ctx, f.bind(q.Params)...)
	} else {
		rows, err = db.db.QueryContext(ctx, q.SQL, f.bind(q.Params)...)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return readTable(rows, 0)
}

// cellIDs returns the ids of the texts measure and applicant (ApplicantTotal
// when empty) in store.texts, or two zeros (bound as NULL: the query looks
// them up itself and finds the same) when either text is not there. A text
// keeps its id for as long as the file is open: the writer only appends to
// store.texts, and only a migration, run by Open before any query, ever
// rewrote it. So ids found are kept in db.textIDs for the next queries; a
// text not found is looked for again, as a load may add it. Its error is
// the database's.
func (db *DB) cellIDs(ctx context.Context, measure, applicant string) (int64, int64, error) {
	measure = strings.TrimSpace(measure)
	if applicant = strings.TrimSpace(applicant); applicant == "" {
		applicant = gongkai.ApplicantTotal
	}
	if measure == "" {
		return 0, 0, nil
	}
	m, okm := db.textIDs.Load(measure)
	a, oka := db.textIDs.Load(applicant)
	if okm && oka {
		return m.(int64), a.(int64), nil
	}
	rows, err := db.db.QueryContext(ctx, stmt("text_ids"), measure, applicant)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var text string
		var id int64
		if err := rows.Scan(&text, &id); err != nil {
			return 0, 0, err
		}
		db.textIDs.Store(text, id)
	}
	if err := rows.Err(); err != nil {
		return 0, 0, err
	}
	m, okm = db.textIDs.Load(measure)
	a, oka = db.textIDs.Load(applicant)
	if !okm || !oka {
		return 0, 0, nil
	}
	return m.(int64), a.(int64), nil
}

// narrowSelection reports whether the filter's region and level select at
// most a quarter of the current reports of its years, and how many they
// select, as counted in store.summary_rollup (warehouse/sql/region_narrow.sql).
// region_figure chooses its plan by the first (small selections hash the
// selected reports, large ones the cell's rows) and its form read by agency
// by the second (regionFigureByAgency): a count that is off, while the
// writer keeps the table in step, changes only the speed. The answer is
// kept until the next write (db.narrow). Its error is the database's.
func (db *DB) narrowSelection(ctx context.Context, f Filter) (selection, error) {
	province, city, level := nullText(f.Province), nullText(f.City), nullText(f.Level)
	gen := db.Generation()
	k := narrowKey{f.YearFrom, f.YearTo, strings.TrimSpace(f.Province), strings.TrimSpace(f.City), strings.TrimSpace(f.Level)}
	if s, ok := db.narrow.get(gen, k); ok {
		return s, nil
	}
	var s selection
	if err := db.db.QueryRowContext(ctx, stmt("region_narrow"), nullNum(int64(f.YearFrom)), nullNum(int64(f.YearTo)), province, city, level).Scan(&s.narrow, &s.reports); err != nil {
		return selection{}, err
	}
	// Without a region or level the whole country is never narrow, whatever
	// the count of an empty warehouse says.
	s.narrow = s.narrow && (province != nil || city != nil || level != nil)
	if db.Unchanged(gen) {
		db.narrow.put(gen, k, s)
	}
	return s, nil
}

// cellsCaughtUp reports whether no report comes after the copy by cell's
// watermark (warehouse/sql/cells_state.sql), so that region_figure need
// not read store.figures. The answer is kept until the next write or run
// of the copy (Generation; copyCellRun marks its runs): one that is out of
// date costs speed, never a figure, as region_figure checks it again in its
// own snapshot. Its error is the database's.
func (db *DB) cellsCaughtUp(ctx context.Context) (bool, error) {
	gen := db.Generation()
	if up, ok := db.caughtUp.get(gen); ok {
		return up, nil
	}
	var wm, last int64
	var runs int
	if err := db.db.QueryRowContext(ctx, stmt("cells_state")).Scan(&wm, &runs, &last); err != nil {
		return false, err
	}
	if db.Unchanged(gen) {
		db.caughtUp.put(gen, last <= wm)
	}
	return last <= wm, nil
}

func queryError(ctx context.Context, name string, err error) error {
	if ctx.Err() != nil {
		return &gongkai.Error{Code: gongkai.CodeTimeout, Message: "查询超时，已停止", Err: err}
	}
	return fmt.Errorf("warehouse: query %s: %w", name, err)
}

// readTable reads rows into a Table; with limit > 0 it reads at most limit
// rows and sets Truncated when there were more.
func readTable(rows *sql.Rows, limit int) (*Table, error) {
	return readTableBytes(rows, limit, 0)
}

// errResultTooLarge stops reading a result larger than its byte cap.
var errResultTooLarge = errors.New("warehouse: result too large")

// readTableBytes is readTable that also stops with errResultTooLarge once
// the values read reach maxBytes (0: no cap); strings and blobs count their
// length, other values 16 bytes.
func readTableBytes(rows *sql.Rows, limit int, maxBytes int64) (*Table, error) {
	var size int64
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	t := &Table{Columns: cols, Rows: [][]any{}}
	for rows.Next() {
		if limit > 0 && len(t.Rows) == limit {
			t.Truncated = true
			break
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			vals[i] = plain(v)
			switch x := vals[i].(type) {
			case string:
				size += int64(len(x))
			case []byte:
				size += int64(len(x))
			default:
				size += 16
			}
		}
		if maxBytes > 0 && size > maxBytes {
			return nil, errResultTooLarge
		}
		t.Rows = append(t.Rows, vals)
	}
	return t, rows.Err()
}

// plain turns driver values that encode poorly (HUGEINT sums as *big.Int)
// into plain Go numbers.
func plain(v any) any {
	switch x := v.(type) {
	case *big.Int:
		if x.IsInt64() {
			return x.Int64()
		}
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	}
	return v
}
