package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gongkai"
)

// ReportInfo describes one stored report version: whose, which year, where
// it came from, and how many findings it has. Region and level are the
// agency's.
type ReportInfo struct {
	ID, AgencyID                   int64
	Agency, Province, City, County string
	Level                          string
	Year                           int
	Format, SourceKind, SourceName string
	SHA256                         string
	Size                           int64
	LoadedAt                       time.Time
	LoadedBy                       string
	Version                        int
	Current                        bool
	Errors, Warnings               int
	Published                      string
	// Pending is a version that waits for its uploader's confirmation
	// before it may replace the current one (Confirm); PendingReason says why.
	Pending       bool
	PendingReason string
	// Superseded is a version that waited for confirmation and was
	// replaced by another before anyone confirmed it: it was never
	// current, so, like a pending one, never published.
	Superseded bool
}

// StoredReport is a report version as the warehouse holds it: its
// description, its content (values, findings, narrative sections) and every
// version of the same agency and year, newest first.
type StoredReport struct {
	Info     ReportInfo
	Report   *gongkai.Report
	Versions []ReportInfo
}

// Report reads report version id, current or not. It returns a
// *gongkai.Error with CodeNotFound when there is no such report.
//
// Its reads run in one transaction, so that the versions, their pending
// state and the report's content are of one moment. They are small reads
// with constants (the report's agency and year, its figures' text ids),
// which DuckDB filters in the scan: one query joining the reports to
// themselves, to the agencies and to all of store.texts cost ~40 ms of the
// page's CPU at 1M reports (see read_report_versions and
// read_report_figures).
func (db *DB) Report(ctx context.Context, id int64) (*StoredReport, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("warehouse: report %d: %w", id, err)
	}
	// Nothing is written: rolling back ends the reads' snapshot.
	defer tx.Rollback()
	r := pageReads{db, tx}
	versions, i, err := reportVersionsOf(ctx, r, id)
	if err != nil {
		return nil, err
	}
	info := versions[i]
	sr := &StoredReport{Info: info, Versions: versions, Report: &gongkai.Report{
		Agency: info.Agency, Year: info.Year, Format: info.Format,
		Province: info.Province, City: info.City, County: info.County, Level: info.Level,
		Published: info.Published,
		Source:    gongkai.Source{Kind: info.SourceKind, Name: info.SourceName, SHA256: info.SHA256, Size: info.Size},
	}}
	if err := db.readReportParts(ctx, r, id, sr); err != nil {
		return nil, fmt.Errorf("warehouse: report %d: %w", id, err)
	}
	return sr, nil
}

// ReportInfo reads the description of report version id, current or not,
// as Report gives it (StoredReport.Info: its agency, whether it is pending
// or superseded), and none of its content: for a check of who may see the
// version, such as the dashboard's before it sends the version's source
// file, which read the whole report for it. It returns a *gongkai.Error
// with CodeNotFound, word for word Report's, when there is no such report.
func (db *DB) ReportInfo(ctx context.Context, id int64) (ReportInfo, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return ReportInfo{}, fmt.Errorf("warehouse: report %d: %w", id, err)
	}
	// Nothing is written: rolling back ends the reads' snapshot.
	defer tx.Rollback()
	versions, i, err := reportVersionsOf(ctx, pageReads{db, tx}, id)
	if err != nil {
		return ReportInfo{}, err
	}
	return versions[i], nil
}

// reportVersionsOf returns the versions of report version id's agency and
// year (reportVersions) and id's index among them, with Report's errors:
// CodeNotFound when there is no such report.
func reportVersionsOf(ctx context.Context, r pageReads, id int64) ([]ReportInfo, int, error) {
	versions, err := reportVersions(ctx, r, id)
	if err != nil {
		return nil, 0, fmt.Errorf("warehouse: report %d: %w", id, err)
	}
	i := slices.IndexFunc(versions, func(v ReportInfo) bool { return v.ID == id })
	if i < 0 {
		return nil, 0, gongkai.Errorf(gongkai.CodeNotFound, "没有编号为 %d 的报告", id)
	}
	return versions, i, nil
}

// pageReads runs the warehouse's statements (sql/NAME.sql) that read a
// report or an agency's reports for their pages, in transaction tx, each
// on its statement prepared once and kept (keptRead).
type pageReads struct {
	db *DB
	tx *sql.Tx
}

// query runs statement NAME with args in the transaction. Its error is
// the database's.
func (r pageReads) query(ctx context.Context, name string, args ...any) (*sql.Rows, error) {
	s, err := r.db.keptRead(ctx, name)
	if err != nil {
		return nil, err
	}
	return r.tx.StmtContext(ctx, s).QueryContext(ctx, args...)
}

// queryRow runs statement NAME with args in the transaction and scans its
// first row into dest; sql.ErrNoRows when it has none. Its error is
// otherwise the database's or the scan's.
func (r pageReads) queryRow(ctx context.Context, name string, args []any, dest ...any) error {
	s, err := r.db.keptRead(ctx, name)
	if err != nil {
		return err
	}
	return r.tx.StmtContext(ctx, s).QueryRowContext(ctx, args...).Scan(dest...)
}

// keptRead returns the statement sql/NAME.sql prepared once on the pool and
// kept (under "sql/NAME", with the named queries' statements: Close closes
// it), for the reads of the report and agency pages. Each of them has a
// parameter and reads a table, so DuckDB binds and plans it again with the
// values at every run, typed or not (TestTypedStatementsArePlannedAgain),
// against the catalog and data of that run: keeping it skips parsing it
// and binding it without values (~0.15-0.3 ms of CPU a statement at 1M
// reports; the report page runs seven). Its error is the database's, or
// sql.ErrConnDone once the warehouse is closed.
func (db *DB) keptRead(ctx context.Context, name string) (*sql.Stmt, error) {
	key := "sql/" + name
	k := &db.kept
	if s, ok := k.m.Load(key); ok {
		return s.(*sql.Stmt), nil
	}
	s, err := db.db.PrepareContext(ctx, stmt(name))
	if err != nil {
		return nil, err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.closed {
		s.Close()
		return nil, sql.ErrConnDone
	}
	if old, loaded := k.m.LoadOrStore(key, s); loaded {
		s.Close()
		return old.(*sql.Stmt), nil
	}
	return s, nil
}

// reportVersions reads every version of the agency and year of report id,
// newest first; none when there is no such report, or when its agency is
// gone (the reports view, which the page's first form read, joins them).
func reportVersions(ctx context.Context, q pageReads, id int64) ([]ReportInfo, error) {
	var agencyID, year int64
	err := q.queryRow(ctx, "read_report_key", []any{id}, &agencyID, &year)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var agency ReportInfo
	err = q.queryRow(ctx, "read_report_agency", []any{agencyID}, &agency.Agency, &agency.Province,
		&agency.City, &agency.County, &agency.Level)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	rows, err := q.query(ctx, "read_report_versions", agencyID, year)
	if err != nil {
		return nil, err
	}
	var versions []ReportInfo
	var ids []int64
	for rows.Next() {
		v := agency
		if err := scanVersion(rows, &v); err != nil {
			rows.Close()
			return nil, err
		}
		versions = append(versions, v)
		ids = append(ids, v.ID)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err = q.query(ctx, "read_report_pending", ids)
	if err != nil {
		return nil, err
	}
	reasons := map[int64]string{}
	superseded := map[int64]bool{}
	for rows.Next() {
		var rid int64
		var reason string
		var open bool
		if err := rows.Scan(&rid, &reason, &open); err != nil {
			rows.Close()
			return nil, err
		}
		if !open {
			superseded[rid] = true
			continue
		}
		if _, seen := reasons[rid]; seen {
			// The writer keeps one unresolved row a version; the first form
			// would have listed the version twice.
			rows.Close()
			return nil, fmt.Errorf("report %d waits for confirmation twice (store.pending)", rid)
		}
		reasons[rid] = reason
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	for i := range versions {
		versions[i].PendingReason, versions[i].Pending = reasons[versions[i].ID]
		versions[i].Superseded = superseded[versions[i].ID]
	}
	return versions, nil
}

// figureRow is a stored figure with its texts by id (read_report_figures).
type figureRow struct {
	measure, applicant int64
	value              sql.NullFloat64
	unit, raw, at      sql.NullInt64
	narrative          bool
}

// reportFigures reads the figures of report version id by their text ids.
func reportFigures(ctx context.Context, q pageReads, id int64) ([]figureRow, error) {
	rows, err := q.query(ctx, "read_report_figures", id)
	if err != nil {
		return nil, err
	}
	var out []figureRow
	for rows.Next() {
		var f figureRow
		if err := rows.Scan(&f.measure, &f.applicant, &f.value, &f.unit, &f.raw, &f.at, &f.narrative); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, f)
	}
	return out, closeRows(rows)
}

// readTexts names the text ids of figures (read_texts), the ids db.texts
// holds from earlier reads without a statement. An id with no text is
// absent from the map; a NULL text is an invalid NullString.
func (db *DB) readTexts(ctx context.Context, q pageReads, figures []figureRow, all bool) (map[int64]sql.NullString, error) {
	seen := map[int64]bool{}
	var ids []int64
	add := func(id int64) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, f := range figures {
		add(f.measure)
		add(f.applicant)
		if all {
			for _, o := range []sql.NullInt64{f.unit, f.raw, f.at} {
				if o.Valid {
					add(o.Int64)
				}
			}
		}
	}
	texts := make(map[int64]sql.NullString, len(ids))
	gen := db.Generation()
	ids = db.texts.lookup(gen, ids, func(id int64, t string) { texts[id] = sql.NullString{String: t, Valid: true} })
	if len(ids) == 0 {
		return texts, nil
	}
	rows, err := q.query(ctx, "read_texts", ids)
	if err != nil {
		return nil, err
	}
	read := make(map[int64]sql.NullString, len(ids))
	for rows.Next() {
		var id int64
		var text sql.NullString
		if err := rows.Scan(&id, &text); err != nil {
			rows.Close()
			return nil, err
		}
		if _, dup := read[id]; dup {
			rows.Close()
			return nil, fmt.Errorf("text id %d twice in store.texts", id)
		}
		read[id] = text
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	keep := make(map[int64]string, len(read))
	for id, text := range read {
		texts[id] = text
		if text.Valid {
			keep[id] = text.String
		}
	}
	if db.Unchanged(gen) {
		db.texts.putAll(gen, keep)
	}
	return texts, nil
}

// namedText is the text of a figure's measure or applicant: the figure is
// dropped (ok false) when the id has no text, as the first form's inner
// join dropped it, and a NULL text is an error, as scanning it was.
func namedText(texts map[int64]sql.NullString, id int64) (string, bool, error) {
	t, ok := texts[id]
	if !ok {
		return "", false, nil
	}
	if !t.Valid {
		return "", false, fmt.Errorf("text id %d is NULL in store.texts", id)
	}
	return t.String, true, nil
}

// optionalText is the text of a figure's unit, source words or place: ""
// when there is none.
func optionalText(texts map[int64]sql.NullString, id sql.NullInt64) string {
	if !id.Valid {
		return ""
	}
	return texts[id.Int64].String
}

func (db *DB) readReportParts(ctx context.Context, q pageReads, id int64, sr *StoredReport) error {
	figures, err := reportFigures(ctx, q, id)
	if err != nil {
		return err
	}
	texts, err := db.readTexts(ctx, q, figures, true)
	if err != nil {
		return err
	}
	for _, f := range figures {
		var v gongkai.Value
		var ok bool
		if v.Measure, ok, err = namedText(texts, f.measure); err != nil {
			return err
		} else if !ok {
			continue
		}
		if v.Applicant, ok, err = namedText(texts, f.applicant); err != nil {
			return err
		} else if !ok {
			continue
		}
		v.Unit, v.Raw, v.At = optionalText(texts, f.unit), optionalText(texts, f.raw), optionalText(texts, f.at)
		if f.narrative {
			v.Source = gongkai.SourceNarrative
		}
		if f.value.Valid {
			v.Number = gongkai.Float(f.value.Float64)
		}
		sr.Report.Values = append(sr.Report.Values, v)
	}
	// In the order the first form's ORDER BY measure, applicant gave
	// (DuckDB compares VARCHAR byte by byte, as Go does).
	slices.SortStableFunc(sr.Report.Values, func(a, b gongkai.Value) int {
		if c := strings.Compare(a.Measure, b.Measure); c != 0 {
			return c
		}
		return strings.Compare(a.Applicant, b.Applicant)
	})

	rows, err := q.query(ctx, "read_report_findings", id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var f gongkai.Finding
		var exp, act sql.NullFloat64
		if err := rows.Scan(&f.Rule, &f.Severity, &f.At, &f.RowLabel, &f.ColumnLabel, &f.Measure, &f.Applicant,
			&f.Message, &exp, &act); err != nil {
			rows.Close()
			return err
		}
		if exp.Valid {
			f.Expected = gongkai.Float(exp.Float64)
		}
		if act.Valid {
			f.Actual = gongkai.Float(act.Float64)
		}
		sr.Report.Findings = append(sr.Report.Findings, f)
	}
	if err := closeRows(rows); err != nil {
		return err
	}

	rows, err = q.query(ctx, "read_report_sections", id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var s gongkai.Section
		if err := rows.Scan(&s.Numeral, &s.Title, &s.Text, &s.At); err != nil {
			rows.Close()
			return err
		}
		sr.Report.Sections = append(sr.Report.Sections, s)
	}
	return closeRows(rows)
}

type scanner interface{ Scan(dest ...any) error }

// scanVersion reads a row of read_report_versions into r, whose agency's
// fields are already set.
func scanVersion(s scanner, r *ReportInfo) error {
	return s.Scan(&r.ID, &r.AgencyID, &r.Year, &r.Format, &r.SourceKind, &r.SourceName, &r.SHA256, &r.Size,
		&r.LoadedAt, &r.LoadedBy, &r.Version, &r.Current, &r.Errors, &r.Warnings, &r.Published)
}

func closeRows(rows *sql.Rows) error {
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	return rows.Close()
}
