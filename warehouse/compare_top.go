package warehouse

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding"
	"encoding/hex"
	"fmt"
	"hash"
	"log/slog"
	"slices"
	"strings"
	"sync"

	"github.com/duckdb/duckdb-go/v2"

	"gongkai/queries"
)

// compareTopLimit is the limit whose compare_agencies answers are kept
// (store.compare_top, 0072): 地区比较's (dashboard/compare.go).
const compareTopLimit = 20

// compareDeepLimit is the limit of the country's deeper kept answers of
// compare_agencies (store.compare_top), from which compareTop answers a
// selection within the country (a city, a level, a piece of a name, with or
// without a province) when the selection has 地区比较's first places among
// them (sql/compare_top_within.sql). At 1M reports of the demo roster the
// first 1,000 of each ranking hold them for the township level and for the
// pieces that match most names, whose queries read ~165,000 agencies'
// totals (~45-60 ms of CPU, against ~8-11 ms for the read); a selection
// they do not hold is not looked for there (withinLikely). A variable so
// that tests can make it smaller than their agencies.
var compareDeepLimit = 1000

// compareTopColumns are compare_agencies' columns, as store.compare_top
// keeps them after the range and the limit.
var compareTopColumns = []string{"agency_id", "agency", "city", "level", "reports", "zero_reports", "apps_total",
	"disclosure_rate", "refused_share", "review_total", "review_correction_rate", "litigation_total",
	"litigation_correction_rate", "rank_volume", "rank_rate", "rank_zero"}

// compareTop returns compare_agencies' kept answer for f and true when f
// has 地区比较's limit (or none), store.agency_totals_changed lists no
// agency, and either f selects the whole country or one province alone
// (no city, level or piece of a name) whose answer for that range of years
// is kept in store.compare_top (0072, 0084), or f selects within the
// country by a city, level or piece of a name (with or without a
// province), withinLikely expects the country's deeper answer
// (compareDeepLimit) to hold the first places of f's selection, and the
// deeper answer for f's years does hold them in each ranking
// (sql/compare_top_within.sql); otherwise false, and the query must run.
// The kept rows are the query's own, built by it (buildCompareTop), with
// its columns, types and order; a selection's are the deeper answer's rows
// it selects, numbered again. None is read when Open found answers made by
// another binary or from other kept totals on a file it could not write
// (compareTopOff, checkCompareTop). Its error is the database's.
func (db *DB) compareTop(ctx context.Context, f Filter) (*Table, bool, error) {
	if db.compareTopOff || (f.Limit != 0 && f.Limit != compareTopLimit) {
		return nil, false, nil
	}
	if nullText(f.City) == nil && nullText(f.Level) == nil && nullText(f.Agency) == nil {
		return db.readCompareTop(ctx, f)
	}
	if likely, err := db.withinLikely(ctx, f); err != nil || !likely {
		return nil, false, err
	}
	return db.readCompareWithin(ctx, f)
}

// readCompareTop reads compare_agencies' kept answer for the whole country
// or one province alone (compare_top_read) for f, and returns it and true
// when it is kept, else false. Its error is the database's.
func (db *DB) readCompareTop(ctx context.Context, f Filter) (*Table, bool, error) {
	rows, err := db.db.QueryContext(ctx, stmt("compare_top_read"), nullNum(int64(f.YearFrom)), nullNum(int64(f.YearTo)), compareTopLimit,
		nullText(f.Province))
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	t, err := readTable(rows, 0)
	if err != nil {
		return nil, false, err
	}
	if len(t.Rows) == 0 || t.Rows[0][0] != true {
		return nil, false, nil
	}
	out := &Table{Columns: t.Columns[1:], Rows: make([][]any, 0, len(t.Rows))}
	for _, r := range t.Rows {
		// The one row of an empty answer: kept, and no agency.
		if r[1] == nil {
			continue
		}
		out.Rows = append(out.Rows, r[1:])
	}
	return out, true, nil
}

// readCompareWithin reads compare_agencies' answer for f from the country's
// deeper kept answer (compare_top_within, kept as a statement of its own),
// and returns it and true when that answer can give it, else false. Its
// error is the database's.
func (db *DB) readCompareWithin(ctx context.Context, f Filter) (*Table, bool, error) {
	q, ok := queries.Get("compare_agencies")
	if !ok {
		return nil, false, fmt.Errorf("warehouse: no query compare_agencies")
	}
	args := append(f.bind(q.Params), sql.Named("deep", int64(compareDeepLimit)))
	q.Name += " (within)"
	q.SQL = stmt("compare_top_within")
	s, err := db.stmtTyped(ctx, q)
	if err != nil {
		return nil, false, err
	}
	var rows *sql.Rows
	if s != nil {
		rows, err = s.QueryContext(ctx, args...)
	} else {
		rows, err = db.db.QueryContext(ctx, q.SQL, args...)
	}
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	t, err := readTable(rows, 0)
	if err != nil {
		return nil, false, err
	}
	if len(t.Rows) == 0 {
		return nil, false, nil
	}
	last := len(t.Columns) - 1
	out := &Table{Columns: t.Columns[:last], Rows: make([][]any, 0, len(t.Rows))}
	for _, r := range t.Rows {
		// The one row of an answer without rows: complete NULL.
		if r[last] == nil {
			continue
		}
		out.Rows = append(out.Rows, r[:last])
	}
	return out, true, nil
}

// withinState is what withinLikely keeps: the country's deeper kept answer
// of compare_agencies for every year, as compare_top_within_members.sql
// reads it, with its stamp (the answer read again only when that changes)
// and the generation at which the stamp was last read.
type withinState struct {
	mu         sync.Mutex
	known      bool
	gen        int64
	listedNone bool
	stamp      sql.NullString
	members    []withinMember
	counts     [3]int // members placed in the volume, rate and zero rankings
}

// withinMember is one row of compare_top_within_members.sql.
type withinMember struct {
	name, province, city, level string
	v, r, z                     bool
}

// withinMembers reads, at most once a generation, whether
// store.agency_totals_changed lists no agency and the stamp of the
// country's deeper kept answer for every year (compare_top_within_state),
// and that answer's names again when the stamp changed; it returns whether
// any kept answer can be read now. Its error is the database's.
func (db *DB) withinMembers(ctx context.Context) (bool, error) {
	w := &db.within
	w.mu.Lock()
	defer w.mu.Unlock()
	return db.withinMembersLocked(ctx)
}

// withinMembersLocked is withinMembers with db.within.mu held.
func (db *DB) withinMembersLocked(ctx context.Context) (bool, error) {
	w := &db.within
	gen := db.Generation()
	if w.known && w.gen == gen && gen&1 == 0 {
		return w.listedNone && w.stamp.Valid, nil
	}
	var stamp sql.NullString
	var listedNone bool
	if err := db.db.QueryRowContext(ctx, stmt("compare_top_within_state"), int64(compareDeepLimit)).Scan(&stamp, &listedNone); err != nil {
		return false, err
	}
	if stamp.Valid && listedNone && stamp != w.stamp {
		rows, err := db.db.QueryContext(ctx, stmt("compare_top_within_members"), int64(compareDeepLimit))
		if err != nil {
			return false, err
		}
		defer rows.Close()
		var members []withinMember
		var counts [3]int
		for rows.Next() {
			var m withinMember
			var name, province, city, level sql.NullString
			if err := rows.Scan(&name, &province, &city, &level, &m.v, &m.r, &m.z); err != nil {
				return false, err
			}
			m.name, m.province, m.city, m.level = name.String, province.String, city.String, level.String
			for i, in := range []bool{m.v, m.r, m.z} {
				if in {
					counts[i]++
				}
			}
			members = append(members, m)
		}
		if err := rows.Err(); err != nil {
			return false, err
		}
		w.members, w.counts, w.stamp = members, counts, stamp
	}
	if !stamp.Valid {
		w.members, w.counts, w.stamp = nil, [3]int{}, stamp
	}
	// Kept with the generation only when no write was under way or came
	// while it was read (Generation).
	w.known, w.gen, w.listedNone = db.Unchanged(gen), gen, listedNone
	return listedNone && stamp.Valid, nil
}

// forget drops what withinMembers read, after a build of the kept answers
// or totals, which changes them without a write the pages see.
func (w *withinState) forget() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.known = false
}

// CompareWithinLikely reports whether Query reads compare_agencies' answer
// for f from the country's deeper kept answer before it runs the query
// (withinLikely, for a city, level or piece of a name),
// for the bench tools that time that choice. Its error is the database's.
func (db *DB) CompareWithinLikely(ctx context.Context, f Filter) (bool, error) {
	if db.compareTopOff || (f.Limit != 0 && f.Limit != compareTopLimit) ||
		nullText(f.City) == nil && nullText(f.Level) == nil && nullText(f.Agency) == nil {
		return false, nil
	}
	return db.withinLikely(ctx, f)
}

// withinLikely estimates whether the country's deeper kept answer holds
// the first places of f's selection (a city, level or piece of a name,
// with or without a province) in each ranking, as compare_top_within
// requires: whether its answer for every year does (the selection's own
// years may differ; compare_top_within decides). Reading that answer when it cannot
// give f's costs about what reading it when it can (~7-9 ms of CPU at 1M
// or 100k reports) on top of the query; a wrong estimate costs speed,
// never a row. Its error is the database's.
func (db *DB) withinLikely(ctx context.Context, f Filter) (bool, error) {
	w := &db.within
	w.mu.Lock()
	defer w.mu.Unlock()
	if ok, err := db.withinMembersLocked(ctx); err != nil || !ok {
		return false, err
	}
	province, _ := nullText(f.Province).(string)
	city, _ := nullText(f.City).(string)
	level, _ := nullText(f.Level).(string)
	piece, _ := nullText(f.Agency).(string)
	var in [3]int
	for _, m := range w.members {
		if province != "" && m.province != province || city != "" && m.city != city || level != "" && m.level != level || piece != "" && !strings.Contains(m.name, piece) {
			continue
		}
		for i, placed := range []bool{m.v, m.r, m.z} {
			if placed {
				in[i]++
			}
		}
	}
	lim := compareTopLimit
	return (in[0] >= lim || w.counts[0] < compareDeepLimit) && (in[1] >= lim || w.counts[1] < compareDeepLimit) &&
		(in[2] >= 10*lim || w.counts[2] < 10*compareDeepLimit), nil
}

// buildCompareTop keeps compare_agencies' answers for the whole country
// and for each province alone (the provinces of the kept totals) with
// 地区比较's limit, and the country's with compareDeepLimit, in
// store.compare_top (0072, 0084): for each range of
// years bounded by the years with a current report or open at either end,
// the query's rows as it gives them now. It runs on conn after the kept
// totals are built, one answer a transaction, holding writer (the writer's
// lock, db.mu) for each answer alone, so that an upload waits for one
// answer (~40 ms at 1M reports), not for all of them. An answer already
// kept is skipped. Each transaction first checks that
// store.agency_totals_changed is empty and stops the build when it is
// not: an agency changed since the totals were built would be summed
// apart, and the answers are read only while the list is empty anyway
// (compareTop); the answers kept before stay, and a write after them lists
// its agencies, which turns them off until the next rebuild deletes them
// (compare_top_clear). Its error is the database's.
func buildCompareTop(ctx context.Context, conn *sql.Conn, writer sync.Locker) (built int64, err error) {
	q, ok := queries.Get("compare_agencies")
	stamp := compareTopStamp()
	if !ok || !slices.Equal(q.Columns, compareTopColumns) {
		return 0, fmt.Errorf("warehouse: compare_agencies' columns are not store.compare_top's")
	}
	var years []int32
	var kept int64
	provinces := []string{""} // the whole country first
	writer.Lock()
	err = func() error {
		rows, err := conn.QueryContext(ctx, stmt("compare_top_years"))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var y int32
			if err := rows.Scan(&y, &kept); err != nil {
				return err
			}
			years = append(years, y)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		prows, err := conn.QueryContext(ctx, stmt("compare_top_provinces"))
		if err != nil {
			return err
		}
		defer prows.Close()
		for prows.Next() {
			var p string
			if err := prows.Scan(&p); err != nil {
				return err
			}
			provinces = append(provinces, p)
		}
		return prows.Err()
	}()
	writer.Unlock()
	if err != nil {
		return 0, fmt.Errorf("warehouse: years of compare_agencies' kept answers: %w", err)
	}
	bounds := append([]int32{0}, years...)
	var ranges [][2]int32
	for _, from := range bounds {
		for _, to := range bounds {
			if from == 0 || to == 0 || from <= to {
				ranges = append(ranges, [2]int32{from, to})
			}
		}
	}
	if kept == int64(len(ranges)*(len(provinces)+1)) {
		return 0, nil
	}
	type answer struct {
		province string
		lim      int
	}
	var answers []answer
	for _, p := range provinces {
		answers = append(answers, answer{p, compareTopLimit})
	}
	// The deeper ones last: the answers read most are kept first.
	answers = append(answers, answer{"", compareDeepLimit})
	for _, a := range answers {
		for _, r := range ranges {
			k, stop, err := keepCompareTop(ctx, conn, writer, q, stamp, r[0], r[1], a.province, a.lim)
			if k {
				built++
			}
			if err != nil || stop {
				return built, err
			}
		}
	}
	return built, nil
}

// keepCompareTop keeps compare_agencies' answer for the province (""
// the whole country), the years [from, to] (0: open) and the limit lim
// in one transaction on conn, holding writer, unless it is kept already,
// and returns whether it kept it, stamped with stamp (compareTopStamp,
// the binary's). It returns stop true, and keeps nothing, when
// store.agency_totals_changed lists an agency. Its error is the
// database's.
func keepCompareTop(ctx context.Context, conn *sql.Conn, writer sync.Locker, q queries.Query, stamp string, from, to int32, province string, lim int) (kept, stop bool, err error) {
	writer.Lock()
	defer writer.Unlock()
	yf, yt, p := nullNum(int64(from)), nullNum(int64(to)), nullText(province)
	err = inConnTx(ctx, conn, func() error {
		var unchanged, already bool
		if err := conn.QueryRowContext(ctx, stmt("compare_top_unchanged"), yf, yt, lim, p).Scan(&unchanged, &already); err != nil {
			return err
		}
		if stop = !unchanged; stop || already {
			return nil
		}
		f := Filter{YearFrom: int(from), YearTo: int(to), Province: province, Limit: lim}
		rows, err := conn.QueryContext(ctx, q.SQL, f.bind(q.Params)...)
		if err != nil {
			return err
		}
		t, err := readTable(rows, 0)
		rows.Close()
		if err != nil {
			return err
		}
		if !slices.Equal(t.Columns, compareTopColumns) {
			return fmt.Errorf("compare_agencies gave the columns %v, not store.compare_top's", t.Columns)
		}
		year := func(y int32) any {
			if y == 0 {
				return nil
			}
			return y
		}
		err = appendRows(conn, "compare_top", func(a *duckdb.Appender) error {
			for _, r := range t.Rows {
				vals := []driver.Value{year(from), year(to), int64(lim)}
				for _, v := range r {
					vals = append(vals, v)
				}
				vals = append(vals, p)
				if err := a.AppendRow(vals...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if _, err = conn.ExecContext(ctx, stmt("compare_top_key"), yf, yt, lim, stamp, p); err == nil {
			kept = true
		}
		return err
	})
	if err != nil {
		return false, false, fmt.Errorf("warehouse: keep compare_agencies' answer for %d-%d %q, limit %d: %w", from, to, province, lim, err)
	}
	return kept, stop, nil
}

// compareTopForm is the version of compare_agencies' answer, which its
// kept answers are stamped with (compareTopStamp) in place of the query's
// text. Raise it with any change to queries/compare_agencies.sql (or to
// how keepCompareTop stores its rows) that can change a row kept, so that
// no binary reads the answers kept by one before the change. A change of
// the text that leaves every row as it was (a comment, CTEs laid out
// otherwise) leaves it, and the kept answers stand; when the stamp was a
// hash of the text, any edit emptied them on a read-only open.
// TestCompareTopFormPinned holds the query's text, comments and spacing
// aside, to this version: it fails on a change there until the version
// and its pin are raised.
const compareTopForm = 1

// compareTopStamp is the part of a kept answer's stamp (0081) that names
// the binary which made it: the version of compare_agencies' answer
// (compareTopForm) and the migrations the binary holds
// (binaryMigrations). A binary whose query answers otherwise, or whose
// schema and macros differ, must not read the answers of this one. The
// migrations are named whole, not by the last one alone (the macro's
// part): a migration numbered below the last, landed later (numbers are
// reserved ahead), would leave the last the same.
func compareTopStamp() string {
	return compareTopStampOf(compareTopForm, binaryMigrations())
}

// compareTopForm1State is SHA-256's state after the text of
// queries/compare_agencies.sql as it stood when the stamp hashed the text
// (main 2bdb3e5, session 36), whose rows are version 1's: version 1 is
// stamped as that binary stamped its answers, so that the answers a file
// keeps from it stay readable (a read-only open of such a file would
// otherwise read none until a writable open kept them again). Later
// versions are stamped by their number.
const compareTopForm1State = "7368610394901ef61de7df89033d33bd0316c0984489d05897a61e8c08a7fc6a452df5646c756d65204e554c4c53204c4153542c2072616e6b5f72617465204e554c4c53204c4153542c2072616e6b5f7a65726f0a00000000000000000000000000000000000000000022b1"

// compareTopStampOf is compareTopStamp for the version form of the
// query's answer and the migrations ms, each named by number and name.
func compareTopStampOf(form int, ms []string) string {
	h := sha256.New()
	if form != 1 || resumeForm1(h) != nil {
		// A state this Go cannot resume (TestCompareTopForm1State): the
		// version's number, and the answers kept before are refused.
		h.Reset()
		fmt.Fprintf(h, "compare_agencies form %d", form)
	}
	for _, m := range ms {
		h.Write([]byte{0})
		h.Write([]byte(m))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// resumeForm1 sets h, a SHA-256 hash, to its state after version 1's text
// (compareTopForm1State).
func resumeForm1(h hash.Hash) error {
	st, err := hex.DecodeString(compareTopForm1State)
	if err != nil {
		return err
	}
	u, ok := h.(encoding.BinaryUnmarshaler)
	if !ok {
		return fmt.Errorf("warehouse: %T cannot resume a state", h)
	}
	return u.UnmarshalBinary(st)
}

// binaryMigrations names the migrations embedded in this binary, oldest
// first ("0081_compare_top_stamp"); Open has applied them all (or refused
// the file, or opened it read-only as Older, which reads no kept answer).
var binaryMigrations = sync.OnceValue(func() []string {
	ms, err := migrations()
	if err != nil {
		// Open fails on the same error before any answer is read or kept.
		return []string{err.Error()}
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = fmt.Sprintf("%04d_%s", m.version, m.name)
	}
	return out
})

// checkCompareTop finds, at Open, the kept answers of compare_agencies
// (store.compare_top) that this binary would not have kept as they are
// (compare_top_stale, 0081): made by another text of the query or another
// schema (an upgrade), or from kept totals other than those the file holds
// now (an older binary, which knows nothing of the kept answers, loaded
// reports and built the totals again, emptying the list of changed
// agencies that alone turned them off). Writable, it deletes every kept
// answer then, and gongkai compact or serve's background pass keeps them
// again; read-only, it reads none for as long as the file is open
// (compareTopOff). A file with migrations still to apply (opened read-only
// with Options.Older) may have no kept answers, or no stamps: none is read.
// Its error is the database's.
func (db *DB) checkCompareTop(ctx context.Context, pending bool) error {
	if pending {
		db.compareTopOff = true
		return nil
	}
	var stale int64
	if err := db.db.QueryRowContext(ctx, stmt("compare_top_stale"), compareTopStamp()).Scan(&stale); err != nil {
		return fmt.Errorf("warehouse: check compare_agencies' kept answers: %w", err)
	}
	if stale == 0 {
		return nil
	}
	if db.opts.ReadOnly {
		db.compareTopOff = true
		return nil
	}
	slog.Info("warehouse: compare_agencies' kept answers were made by another binary or from other totals; deleted, kept again by gongkai compact or serve's background pass", "answers", stale)
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		return inConnTx(ctx, conn, func() error {
			_, err := conn.ExecContext(ctx, stmt("compare_top_clear"))
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("warehouse: delete compare_agencies' kept answers: %w", err)
	}
	return nil
}
