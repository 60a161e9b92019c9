package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"gongkai/queries"
)

// findingsPageMax is the largest page (limit) of quality_findings that
// qualityFindingsPaged reads in two steps: 报送与质量 asks for 50. A larger
// one, such as the list's download (limit 100,000), runs as one statement:
// its ids would make a long list tested against every finding.
const findingsPageMax = 500

// findingsPageForms keeps the page form of each form of quality_findings
// (findingsPageForm), by the form's name.
var findingsPageForms sync.Map

// findingsFinal is quality_findings' final SELECT, which reads the page's
// reports' findings: the text from its last line that starts so. Every
// form of the query ends with it (TestQualityFindingsPaged).
var findingsFinal = sync.OnceValue(func() string {
	q, ok := queries.Get("quality_findings")
	if !ok {
		panic("warehouse: no query quality_findings")
	}
	i := strings.LastIndex(q.SQL, "\nSELECT p.report_id, p.agency_id, p.agency, p.year, f.rule")
	if i < 0 {
		panic("warehouse: quality_findings has no final SELECT")
	}
	return q.SQL[i+1:]
})

// findingsPageForm returns form q of quality_findings with its final
// SELECT (findingsFinal) replaced by sql/quality_findings_page.sql, which
// lists the page's reports alone, named q's name and " (page)"; false when
// q does not end with that SELECT.
func findingsPageForm(q queries.Query) (queries.Query, bool) {
	name := q.Name
	if p, ok := findingsPageForms.Load(name); ok {
		return p.(queries.Query), true
	}
	head, ok := strings.CutSuffix(q.SQL, findingsFinal())
	if !ok {
		return q, false
	}
	q.Name += " (page)"
	q.SQL = head + stmt("quality_findings_page")
	p, _ := findingsPageForms.LoadOrStore(name, q)
	return p.(queries.Query), true
}

// findingsRollback ends the transaction of qualityFindingsPaged's two
// reads; a test makes it fail.
var findingsRollback = (*sql.Tx).Rollback

// qualityFindingsPaged runs form q of quality_findings for filter f in two
// steps, in one transaction so that both read one snapshot: q's page form
// (findingsPageForm) lists the page's reports, then
// sql/quality_findings_read.sql reads their findings by their ids, and the
// page is put together here as q's final SELECT would: each report's
// findings of the kind it is listed for, in the reports' order, cut to the
// page by the same offset and limit. It reports false, having read nothing,
// when the page is larger than findingsPageMax, the limit or offset is
// negative, or q has no page form; the caller then runs q. Its error is
// the database's.
//
// The final SELECT's join pushed the page's ids into the findings' scan as
// a join filter, which prunes nothing: the page's reports, sorted by name,
// are spread over the whole table (10-60 ms of CPU at 1M reports; see the
// two statements' headers).
func (db *DB) qualityFindingsPaged(ctx context.Context, q queries.Query, f Filter) (*Table, bool, error) {
	limit, offset := int64(f.Limit), int64(f.Offset)
	if limit == 0 {
		limit = 50 // coalesce($limit, 50)
	}
	if limit < 0 || limit > findingsPageMax || offset < 0 || oneStatement(ctx) {
		return nil, false, nil
	}
	pq, ok := findingsPageForm(q)
	if !ok {
		return nil, false, nil
	}
	page, found, minFirst, err := db.readFindingsPage(ctx, pq, f)
	if err != nil {
		return nil, false, err
	}
	t := &Table{Columns: []string{"report_id", "agency_id", "agency", "year", "rule", "severity", "at",
		"row_label", "column_label", "message", "expected", "actual", "findings_total"}, Rows: [][]any{}}
	type key struct {
		report  int64
		isError bool
	}
	// The findings' columns (sql/quality_findings_read.sql): report_id,
	// is_error, then the list's columns from rule to actual.
	byKey := map[key][][]any{}
	for _, r := range found.Rows {
		isError, ok := r[1].(bool)
		if !ok {
			continue // a NULL severity: the named query's join drops it
		}
		k := key{r[0].(int64), isError}
		byKey[k] = append(byKey[k], r[2:])
	}
	skip := max(offset-minFirst, 0)
	for _, p := range page.Rows {
		isError, _ := p[pIsError].(bool)
		for _, fr := range byKey[key{p[pReport].(int64), isError}] {
			if skip > 0 {
				skip--
				continue
			}
			if int64(len(t.Rows)) == limit {
				return t, true, nil
			}
			row := make([]any, 0, len(t.Columns))
			row = append(row, p[pReport], p[pAgencyID], p[pAgency], p[pYear])
			row = append(row, fr...)
			row = append(row, p[pTotal])
			t.Rows = append(t.Rows, row)
		}
	}
	return t, true, nil
}

// The columns of a page of quality_findings' reports
// (sql/quality_findings_page.sql).
const pReport, pAgencyID, pAgency, pYear, pIsError, pFirst, pTotal = 0, 1, 2, 3, 4, 6, 7

// readFindingsPage runs pq, the page form of a form of quality_findings
// (findingsPageForm), for filter f, then sql/quality_findings_read.sql
// with the ids of the page's reports (none: not run), in one transaction
// on a connection of its own, so that both read one snapshot. It returns
// the page's reports, their findings, and where the first of the page's
// reports' findings starts in the whole list (the least first). Its error
// is the database's.
func (db *DB) readFindingsPage(ctx context.Context, pq queries.Query, f Filter) (page, found *Table, minFirst int64, err error) {
	ps, err := db.stmt(ctx, pq)
	if err != nil {
		return nil, nil, 0, err
	}
	rs, err := db.keptRead(ctx, "quality_findings_read")
	if err != nil {
		return nil, nil, 0, err
	}
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, nil, 0, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		rollback(conn) // a BEGIN its cancellation interrupted (begin)
		return nil, nil, 0, err
	}
	// Nothing is written: rolling back ends the reads' snapshot. A
	// ROLLBACK that fails (one whose memory DuckDB refused at serve's
	// budget) may leave the connection inside its transaction, which would
	// fail every statement that takes it from the pool next: it is
	// dropped, as inTx and rollback drop theirs.
	defer func() {
		if rerr := findingsRollback(tx); rerr != nil && !errors.Is(rerr, sql.ErrTxDone) {
			discard(conn)
		}
	}()
	var rows *sql.Rows
	if ps != nil {
		rows, err = tx.StmtContext(ctx, ps).QueryContext(ctx, f.bind(pq.Params)...)
	} else {
		rows, err = tx.QueryContext(ctx, pq.SQL, f.bind(pq.Params)...)
	}
	if err != nil {
		return nil, nil, 0, err
	}
	if page, err = readTableClose(rows); err != nil {
		return nil, nil, 0, err
	}
	if len(page.Rows) == 0 {
		return page, &Table{}, 0, nil
	}
	ids := make([]int64, 0, len(page.Rows))
	for i, r := range page.Rows {
		id, ok := r[pReport].(int64)
		first, ok2 := asInt64(r[pFirst])
		if !ok || !ok2 {
			return nil, nil, 0, fmt.Errorf("warehouse: quality_findings page: report %v first %v", r[pReport], r[pFirst])
		}
		if i == 0 || first < minFirst {
			minFirst = first
		}
		ids = append(ids, id)
	}
	if rows, err = tx.StmtContext(ctx, rs).QueryContext(ctx, ids); err != nil {
		return nil, nil, 0, err
	}
	if found, err = readTableClose(rows); err != nil {
		return nil, nil, 0, err
	}
	return page, found, minFirst, nil
}

// readTableClose reads all of rows (readTable) and closes them.
func readTableClose(rows *sql.Rows) (*Table, error) {
	defer rows.Close()
	return readTable(rows, 0)
}

// asInt64 returns an integer value as read by readTable (any width, or a
// sum plain turned into int64) as an int64.
func asInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int32:
		return int64(x), true
	case int16:
		return int64(x), true
	case int8:
		return int64(x), true
	case int:
		return int64(x), true
	case uint64:
		return int64(x), true
	case uint32:
		return int64(x), true
	}
	return 0, false
}

// oneStatementKey is the context key of OneStatement.
type oneStatementKey struct{}

// OneStatement returns a context under which Query runs quality_findings
// as one statement (the form chosen in Go, as before its two steps:
// qualityFindingsPaged), for a
// bench that times the two ways against each other request by request
// (TestScaleQuality -scale-quality-ab). The rows are the same either way.
func OneStatement(ctx context.Context) context.Context {
	return context.WithValue(ctx, oneStatementKey{}, true)
}

// oneStatement reports whether ctx asks for one statement (OneStatement).
func oneStatement(ctx context.Context) bool {
	v, _ := ctx.Value(oneStatementKey{}).(bool)
	return v
}
