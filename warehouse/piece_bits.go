package warehouse

import (
	"context"
	"slices"
	"strings"
	"sync"

	"gongkai/queries"
)

// piecesKey is the context key of a request's pieceMemo.
type piecesKey struct{}

// MatchPiecesOnce returns a context under which the named queries of one
// request that select agencies by a piece of a name and no region or level
// (报送与质量's quality_by_year, quality_matrix and quality_findings) match
// the piece against the agencies' names once, the first to need it for
// all, and test the agencies' bits after (see pieceBitsForms). Without it
// each query matches the piece against all the names itself (~7-10 ms of
// CPU a scan at 1M reports; quality_matrix scans twice). The matches are
// kept for the context's life only, never across requests, so no answer
// outlives the request that read it and a bench that repeats a piece
// measures one match a request; each query still checks after its run that
// no agency came since (pieceStale) and runs its named query when one did,
// so the rows are the named query's in every case. late_publishers keeps
// its own match: its form with bits was no cheaper (1M reports, 4 pieces,
// 10.5 -> 11.7 ms of CPU a query).
func MatchPiecesOnce(ctx context.Context) context.Context {
	return context.WithValue(ctx, piecesKey{}, &pieceMemo{m: map[string]*pieceMatch{}})
}

// pieceMemo holds a request's matches, one per piece.
type pieceMemo struct {
	mu sync.Mutex
	m  map[string]*pieceMatch
}

// pieceMatch is one piece matched: bits has the bit of each agency whose
// name holds the piece set, by agency id, for the ids up to top (the highest
// id it read). skip says the warehouse has too few agencies for the match
// to pay (pieceBitsMin): the queries then run as named. done is closed once
// the other fields are set.
type pieceMatch struct {
	done chan struct{}
	bits []byte
	top  int64
	skip bool
	err  error
}

// pieceBitsMin is the highest agency id (about the number of agencies)
// below which no request matches a piece for its queries: each query's own
// match of the piece then costs less than the match's statements and the
// checks after. 1M reports (170,068 agencies), the 9 bench filters with a
// piece and no region or level, the page's queries in one process
// interleaved, 4 rounds: CPU 105.5 -> 97.3 ms a request; 100k reports
// (~17,000 agencies), 5 rounds: 41.0 -> 44.0 ms. The gain grows with the
// names matched (~7e-5 ms an agency, against ~4 ms for the match's
// statements and checks): about even near 60,000.
var pieceBitsMin int64 = 65536

// pieceBitsForms names the form (warehouse/sql/NAME.sql) of each named query
// run with a request's bits.
var pieceBitsForms = map[string]string{
	"quality_by_year":  "quality_by_year_bits",
	"quality_matrix":   "quality_matrix_bits",
	"quality_findings": "quality_findings_bits",
}

// pieceBitsForm returns the form of the named query q that reads filter f's
// piece of a name from bits, and false when q has none or f has no piece
// (or, for quality_findings, a report, which its named query reads alone).
func pieceBitsForm(q queries.Query, f Filter) (queries.Query, bool) {
	form, ok := pieceBitsForms[q.Name]
	if !ok || nullText(f.Agency) == nil || q.Name == "quality_findings" && nullNum(f.ReportID) != nil ||
		nullText(f.Province) != nil || nullText(f.City) != nil || nullText(f.Level) != nil {
		return q, false
	}
	q.Name += " (bits)"
	q.SQL = stmt(form)
	// The forms read no region, level, piece or report.
	params := []string{"piece_bits", "piece_top"}
	for _, p := range q.Params {
		if !slices.Contains([]string{"province", "city", "level", "agency", "report_id"}, p) {
			params = append(params, p)
		}
	}
	q.Params = params
	return q, true
}

// matchPiece returns piece's match from the request's memo, reading it
// (sql/piece_top.sql, then sql/piece_bits.sql) when no query of the request
// has yet; a query that asks while another reads waits for its answer. An
// error is the reading query's: the database's, or ctx's.
func (db *DB) matchPiece(ctx context.Context, memo *pieceMemo, piece string) (*pieceMatch, error) {
	memo.mu.Lock()
	m, ok := memo.m[piece]
	if !ok {
		m = &pieceMatch{done: make(chan struct{})}
		memo.m[piece] = m
	}
	memo.mu.Unlock()
	if ok {
		select {
		case <-m.done:
			return m, m.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	defer close(m.done)
	gen := db.Generation()
	var high int64
	if m.err = db.db.QueryRowContext(ctx, stmt("piece_top")).Scan(&high); m.err != nil {
		return nil, m.err
	}
	if db.Unchanged(gen) {
		db.pieceHigh.put(gen, struct{}{}, high)
	}
	if m.skip = high < pieceBitsMin; m.skip {
		return m, nil
	}
	// The bits' length a multiple of 8 (see piece_bits.sql).
	if m.err = db.db.QueryRowContext(ctx, stmt("piece_bits"), high|7, piece).Scan(&m.top, &m.bits); m.err != nil {
		return nil, m.err
	}
	return m, nil
}

// pieceStale reports whether an agency has come since a match that read the
// ids up to top: its id is then higher (the writer gives each new agency an
// id above every one committed before and never deletes one), and a form
// run with the match may have left it out. Read after the form's run, in a
// later snapshot than the form's. Its error is the database's.
func (db *DB) pieceStale(ctx context.Context, top int64) (bool, error) {
	var high int64
	if err := db.db.QueryRowContext(ctx, stmt("piece_top")).Scan(&high); err != nil {
		return false, err
	}
	return high > top, nil
}

// queryPieceBits runs q's form with the request's bits for f's piece when
// ctx carries a memo (MatchPiecesOnce) and q has such a form, and reports
// whether it answered: not when an agency came since the match
// (pieceStale), nor without a memo or a form, nor with too few agencies
// (pieceBitsMin); the caller then runs q as it would.
func (db *DB) queryPieceBits(ctx context.Context, q queries.Query, f Filter) (*Table, bool, error) {
	memo, _ := ctx.Value(piecesKey{}).(*pieceMemo)
	if memo == nil {
		return nil, false, nil
	}
	form, ok := pieceBitsForm(q, f)
	if !ok {
		return nil, false, nil
	}
	// Too few agencies at the last look (steers only: the forms give the
	// named query's rows in any case).
	if high, ok := db.pieceHigh.get(db.Generation(), struct{}{}); ok && high < pieceBitsMin {
		return nil, false, nil
	}
	m, err := db.matchPiece(ctx, memo, strings.TrimSpace(f.Agency))
	if err != nil || m.skip {
		return nil, false, err
	}
	f.pieceBits, f.pieceTop = string(m.bits), m.top
	var t *Table
	if q.Name == "quality_findings" {
		// The page's reports, then their findings (qualityFindingsPaged).
		if t, ok, err = db.qualityFindingsPaged(ctx, form, f); err != nil {
			return nil, false, err
		}
	}
	if t == nil {
		if t, err = db.runKept(ctx, form, f); err != nil {
			return nil, false, err
		}
	}
	if stale, err := db.pieceStale(ctx, m.top); err != nil || stale {
		return nil, false, err
	}
	return t, true, nil
}
