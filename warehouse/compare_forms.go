package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

	"gongkai/queries"
)

// compareRegionsForm returns the form of compare_regions q to run for
// filter f: sql/compare_regions_piece.sql when f has a piece of a name,
// else sql/compare_regions_plain.sql. Each gives the named query's rows
// (TestCompareRegionsForms) without the branches the other kind of filter
// needs, which DuckDB binds and optimizes on every run (it plans a
// statement with parameters again with their values at each run, kept.go)
// before it folds them away. Each is kept under a name of its own and
// names only the parameters it reads. It never fails.
func compareRegionsForm(q queries.Query, f Filter) queries.Query {
	if nullText(f.Agency) != nil {
		q.Name += " (piece)"
		q.SQL = stmt("compare_regions_piece")
		return q
	}
	q.Name += " (plain)"
	q.SQL = stmt("compare_regions_plain")
	q.Params = slices.DeleteFunc(slices.Clone(q.Params), func(p string) bool { return p == "agency" })
	return q
}

// complementShare is the least share of a selection's agencies whose names
// hold the piece for compare_regions to run its complement form,
// complementLeast the fewest such agencies, and complementSampled the fewest
// agencies of the selection the sample must hold to estimate either.
// Measured (TestScaleVariants, kept statements, interleaved, the form on
// each of /compare's 33 filters with a piece): at 1M reports it wins on
// every filter with a share >= 0.93 and >= 12,700 such agencies (country
// 民政 63-71 -> 35-42 ms of CPU, a province 48-54 -> 30-32, a city's
// townships 35 -> 27) and loses on every other (a share of 0.47: 45 -> 61;
// a rare piece 35-42 -> 73-115; 11 agencies 11 -> 18); at 100k reports it
// loses on all (6,500 such agencies at most: 11 -> 16).
const (
	complementShare   = 0.9
	complementLeast   = 10000
	complementSampled = 32
	complementSample  = 4096 // compare_regions_sample.sql's rows
)

// complementState is what compareRegionsComplement keeps between requests:
// the sample of agencies its gate counts in (guarded by mu), and
// compare_regions_whole's last answer with the generation it was last found
// to hold at (guarded by wholeMu). Two locks, so that a request whose gate
// says no never waits for a whole check another request or WarmCompare is
// reading.
type complementState struct {
	mu       sync.Mutex
	sampled  bool
	sample   []sampledAgency
	agencies int64 // how many agencies there were when it was read
	// The generation the sample was read at, and whether it was full.
	sampleGen int64
	// always skips the gate (tests).
	always bool

	wholeMu sync.Mutex
	// full is compare_regions_whole.sql's last answer read with nothing
	// listed (fullRead: there is one); at the answer for generation atGen
	// (atKnown: there is one).
	full     totalsWhole
	fullRead bool
	at       totalsWhole
	atGen    int64
	atKnown  bool
}

// sampledAgency is one row of compare_regions_sample.sql.
type sampledAgency struct{ name, province, city, level string }

// totalsWhole is compare_regions_whole.sql's answer: the kept totals'
// stamp, whether nothing was listed as changed, and whether every summed
// figure was whole, non-negative and of bounded total then.
type totalsWhole struct {
	totals       int64
	fingerprints string // the bit_xor, in decimal digits
	listedNone   bool
	whole        bool
	// appsWhole: the same of every figure applications_year_sums sums
	// (its complement form's condition, applicationsComplement).
	appsWhole bool
}

// compareRegionsComplement runs compare_regions for filter f as
// sql/compare_regions_complement.sql, the roll-up's sums less the agencies
// whose names do not hold f's piece, and returns its rows and true, when
// f has a piece that at least complementShare of the selection's agencies
// hold (estimated from a sample: the form costs what those others' rows
// cost, and several times the piece form for a rare piece), and the form
// can be exact: nothing is listed as changed and every figure it sums was
// found whole (compare_regions_whole.sql, read once per rebuild of the
// kept totals). The statement checks those conditions again in its own
// snapshot; when they fail there (a write since), or the gate or the
// conditions say no, it returns false and the caller runs the piece form.
// Its error is the database's.
func (db *DB) compareRegionsComplement(ctx context.Context, q queries.Query, f Filter) (*Table, bool, error) {
	piece, _ := nullText(f.Agency).(string)
	if piece == "" {
		return nil, false, nil
	}
	common, err := db.pieceCommon(ctx, f, piece)
	if err != nil || !common {
		return nil, false, err
	}
	w, err := db.totalsWhole(ctx)
	if err != nil || !w.listedNone || !w.whole {
		return nil, false, err
	}
	return db.runComplement(ctx, complementForm(q), f, w)
}

// runComplement runs q, a complement form (sql/*_complement.sql: its last
// column complete), for filter f with the kept totals' stamp w bound, and
// returns its rows without that column and true, or false when the
// statement found in its own snapshot that it cannot be exact. Its error
// is the database's.
func (db *DB) runComplement(ctx context.Context, q queries.Query, f Filter, w totalsWhole) (*Table, bool, error) {
	s, err := db.stmt(ctx, q)
	if err != nil {
		return nil, false, err
	}
	args := append(f.bind(q.Params), sql.Named("totals", w.totals), sql.Named("fingerprints", w.fingerprints))
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
	last := len(t.Columns) - 1
	if len(t.Rows) == 0 || t.Rows[0][last] == false {
		return nil, false, nil
	}
	out := &Table{Columns: t.Columns[:last], Rows: make([][]any, 0, len(t.Rows))}
	for _, r := range t.Rows {
		// The one row of a complete answer without rows.
		if r[last] == nil {
			continue
		}
		out.Rows = append(out.Rows, r[:last])
	}
	return out, true, nil
}

// appsComplementShare is the least share of a selection's agencies whose
// names hold the piece for applications_year_sums to run its complement
// form, and appsComplementLeast the fewest such agencies (estimated from
// the sample, as pieceCommon). Measured at 1M reports (TestScaleVariants,
// kept statements, interleaved, CPU a query, 75 filters of /applications
// with a piece): the form wins on every filter that passes (country 人民,
// 民政, 镇人 84-104 -> 52-56 ms, a province 74-79 -> 46-49, a city 60-66
// -> 18-53, the townships 94 -> 47), 43.6 -> 35.8 ms over all 75; without
// the gate it loses on rare pieces (country 市长 63 -> 109, a province 东区
// 17 -> 99) and on small selections (a level 人民 15 -> 23).
const (
	appsComplementShare = 0.8
	appsComplementLeast = 2000
)

// applicationsComplement runs applications_year_sums for filter f as
// sql/applications_year_sums_complement.sql, the roll-up's sums by year
// less the agencies whose names do not hold f's piece, and returns its
// rows and true, when f has a piece that at least appsComplementShare of
// the selection's agencies and appsComplementLeast agencies hold
// (estimated from the sample; a wrong estimate costs speed, never a row)
// and the form can be exact: nothing is listed as changed and every figure
// it sums was found whole (compare_regions_whole.sql's apps_whole, read
// once per build of the kept totals). The statement checks those
// conditions again in its own snapshot; when they fail there, or the gate
// or the conditions say no, it returns false and the caller runs the
// named query. Its error is the database's.
func (db *DB) applicationsComplement(ctx context.Context, q queries.Query, f Filter) (*Table, bool, error) {
	piece, _ := nullText(f.Agency).(string)
	if piece == "" {
		return nil, false, nil
	}
	common, err := db.pieceMostly(ctx, f, piece, appsComplementShare, appsComplementLeast)
	if err != nil || !common {
		return nil, false, err
	}
	w, err := db.totalsWhole(ctx)
	if err != nil || !w.listedNone || !w.appsWhole {
		return nil, false, err
	}
	return db.runComplement(ctx, appsComplementForm(q), f, w)
}

// appsComplementForm is applications_year_sums q as
// sql/applications_year_sums_complement.sql, kept under a name of its own.
func appsComplementForm(q queries.Query) queries.Query {
	q.Name += " (complement)"
	q.SQL = stmt("applications_year_sums_complement")
	return q
}

// complementForm is compare_regions q as sql/compare_regions_complement.sql,
// kept under a name of its own.
func complementForm(q queries.Query) queries.Query {
	q.Name += " (complement)"
	q.SQL = stmt("compare_regions_complement")
	return q
}

// pieceCommon estimates whether at least complementShare of the agencies f
// selects, and complementLeast agencies, hold piece in their names (the
// complement form costs more than the piece form otherwise), from a sample of the agencies read
// once (and again after a write while the table held fewer agencies than
// the sample's size): names never change and agencies are never deleted,
// so an old sample lacks only agencies added since, and regions moved
// since; a wrong estimate costs speed, never a row. Its error is the
// database's.
func (db *DB) pieceCommon(ctx context.Context, f Filter, piece string) (bool, error) {
	return db.pieceMostly(ctx, f, piece, complementShare, complementLeast)
}

// pieceMostly is pieceCommon with share and least in place of
// complementShare and complementLeast.
func (db *DB) pieceMostly(ctx context.Context, f Filter, piece string, share, least float64) (bool, error) {
	sample, agencies, always, err := db.complementSample(ctx)
	if err != nil || always {
		return always, err
	}
	province, _ := nullText(f.Province).(string)
	city, _ := nullText(f.City).(string)
	level, _ := nullText(f.Level).(string)
	var selected, holding int
	for _, a := range sample {
		if province != "" && a.province != province || city != "" && a.city != city || level != "" && a.level != level {
			continue
		}
		selected++
		if strings.Contains(a.name, piece) {
			holding++
		}
	}
	return selected >= complementSampled && float64(holding) >= share*float64(selected) &&
		float64(holding)*float64(agencies) >= least*float64(len(sample)), nil
}

// complementSample returns the sample of agencies pieceCommon counts in
// (compare_regions_sample.sql) and how many agencies there were when it
// was read, reading it on the first call and again after a write while the
// table held fewer agencies than the sample's size; always is true when
// tests skip the gate. The slice is never changed once returned. Its
// error is the database's.
func (db *DB) complementSample(ctx context.Context) (sample []sampledAgency, agencies int64, always bool, err error) {
	c := &db.complement
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.always {
		return nil, 0, true, nil
	}
	if gen := db.Generation(); !c.sampled || (len(c.sample) < complementSample && gen != c.sampleGen) {
		rows, err := db.db.QueryContext(ctx, stmt("compare_regions_sample"))
		if err != nil {
			return nil, 0, false, err
		}
		defer rows.Close()
		var sample []sampledAgency
		var agencies int64
		for rows.Next() {
			var a sampledAgency
			var province, city, level sql.NullString
			if err := rows.Scan(&a.name, &province, &city, &level, &agencies); err != nil {
				return nil, 0, false, err
			}
			a.province, a.city, a.level = province.String, city.String, level.String
			sample = append(sample, a)
		}
		if err := rows.Err(); err != nil {
			return nil, 0, false, err
		}
		c.sample, c.sampled, c.sampleGen, c.agencies = sample, true, gen, agencies
	}
	return c.sample, c.agencies, false, nil
}

// compareNamedMost is the most agencies, estimated from the agencies'
// sample, that a filter may select (those whose names hold its piece, with
// one) for compare_agencies to run its named form
// (sql/compare_agencies_named.sql), which copies the selected agencies'
// names rather than reading the ranked ones' from store.agencies. Measured
// (1M reports, kept statements, interleaved, CPU a query): a piece held by
// 133-5,539 agencies 40-57 -> 29-45 ms, by 12,708 54 -> 41, by 73,658
// 79 -> 90, by 162,318 86 -> 127; a city of 13,317 agencies 51-54 ->
// 42-43, a level of 3,825 30 -> 27.
const compareNamedMost = 25000

// compareAgenciesForm returns the form of compare_agencies q to run for
// filter f: sql/compare_agencies_named.sql, kept under a name of its own,
// when fewer than compareNamedMost agencies are estimated to be selected
// (compareNamedFew), else q. Either gives the named query's rows
// (TestCompareAgenciesNamedForm); a wrong estimate costs speed, never a
// row. Its error is the database's.
func (db *DB) compareAgenciesForm(ctx context.Context, q queries.Query, f Filter) (queries.Query, error) {
	few, err := db.compareNamedFew(ctx, f)
	if err != nil || !few {
		return q, err
	}
	return namedForm(q), nil
}

// namedForm is compare_agencies q as its named form (compareNamedSQL),
// kept under a name of its own.
func namedForm(q queries.Query) queries.Query {
	q.Name += " (named)"
	q.SQL = compareNamedSQL()
	return q
}

// compareNamedSQL is the text of compare_agencies' named form: the named
// query's, with its CTEs a and named replaced by those of
// sql/compare_agencies_named.sql, so that the rest (the rankings) is one
// text for both.
var compareNamedSQL = sync.OnceValue(func() string {
	q, ok := queries.Get("compare_agencies")
	if !ok {
		panic("warehouse: no query compare_agencies")
	}
	return replaceCTEs(q.SQL, stmt("compare_agencies_named"), "a", "named")
})

// replaceCTEs returns text with each of its CTEs named in names replaced
// by the CTE of that name in from. A CTE is its text from its name (after
// "WITH " or "), " at the start of a line) to the start of the next line
// that starts with ")": the bodies are indented. It panics when text or
// from lacks one of them or holds it twice (TestCompareAgenciesNamedForm
// builds the form).
func replaceCTEs(text, from string, names ...string) string {
	for _, name := range names {
		ts, te := cteSpan(text, name)
		fs, fe := cteSpan(from, name)
		text = text[:ts] + from[fs:fe] + text[te:]
	}
	return text
}

// dropCTEs returns text without each of its CTEs named in names (as
// replaceCTEs finds them), with the comma that joined it to the next or
// the one before. It panics when text lacks one of them, holds it twice or
// holds no other CTE. A CTE the rest still reads makes a statement DuckDB
// refuses to bind: the tests that run the text catch it.
func dropCTEs(text string, names ...string) string {
	for _, name := range names {
		s, e := cteSpan(text, name)
		switch {
		case strings.HasSuffix(text[:s], "\n), "):
			// "...\n), name AS (...\n)..." loses "), name AS (...\n".
			text = text[:s-len("), ")] + text[e:]
		case strings.HasPrefix(text[e:], "), "):
			// The first: the next follows WITH in its place.
			text = text[:s] + text[e+len("), "):]
		default:
			panic("warehouse: CTE " + name + " is the only one")
		}
	}
	return text
}

// cteSpan returns where CTE name lies in text (replaceCTEs).
func cteSpan(text, name string) (start, end int) {
	start, found := -1, 0
	for _, lead := range []string{"\nWITH ", "\n), "} {
		key := lead + name + " AS "
		if n := strings.Count(text, key); n > 0 {
			found += n
			start = strings.Index(text, key) + len(lead)
		}
	}
	if found != 1 {
		panic(fmt.Sprintf("warehouse: CTE %s found %d times", name, found))
	}
	end = strings.Index(text[start:], "\n)")
	if end < 0 {
		panic("warehouse: CTE " + name + " has no end")
	}
	return start, start + end + 1
}

// compareNamedFew estimates, from the sample pieceCommon counts in,
// whether f selects fewer than compareNamedMost agencies: in its region
// and level, and holding its piece of a name when it has one (true when
// tests skip the gates). Its error is the database's.
func (db *DB) compareNamedFew(ctx context.Context, f Filter) (bool, error) {
	sample, agencies, always, err := db.complementSample(ctx)
	if err != nil || always {
		return always, err
	}
	if len(sample) == 0 {
		return true, nil
	}
	province, _ := nullText(f.Province).(string)
	city, _ := nullText(f.City).(string)
	level, _ := nullText(f.Level).(string)
	piece, _ := nullText(f.Agency).(string)
	selected := 0
	for _, a := range sample {
		if province != "" && a.province != province || city != "" && a.city != city || level != "" && a.level != level ||
			piece != "" && !strings.Contains(a.name, piece) {
			continue
		}
		selected++
	}
	return float64(selected)*float64(agencies) < compareNamedMost*float64(len(sample)), nil
}

// WarmCompare reads ahead what /compare's first requests after a start or
// a write would otherwise read themselves (and /applications' first
// requests with a common piece of a name): the sample that the complement
// forms' gates count in (compare_regions', applications_year_sums'); when
// the warehouse holds enough agencies for either gate ever to pass, the
// whole check of the kept totals (compare_regions_whole.sql, ~130-230 ms
// at 1M reports, once per build of the totals); the names compare_agencies' deeper kept
// answer's gate counts in (withinLikely); and the kept statements of
// compare_regions' and compare_agencies' forms (compareStatements), which
// their first runs would otherwise prepare (twice each: kept.go). A
// request that needs one of them while it is being read waits for it,
// which is never longer than reading it itself; a request that needs none
// does not wait. The dashboard's warm-up runs it in the background at
// start and after each upload (never within Open), with the page cache on
// or off. Its error is the database's.
func (db *DB) WarmCompare(ctx context.Context) error {
	_, agencies, always, err := db.complementSample(ctx)
	if err != nil {
		return err
	}
	if always || agencies >= min(complementLeast, appsComplementLeast) {
		if _, err := db.totalsWhole(ctx); err != nil {
			return err
		}
	}
	if _, err = db.withinMembers(ctx); err != nil {
		return err
	}
	for _, q := range compareStatements() {
		if _, err := db.stmt(ctx, q); err != nil {
			return err
		}
	}
	if q, ok := queries.Get("compare_agencies"); ok {
		q.Name += " (within)"
		q.SQL = stmt("compare_top_within")
		if _, err := db.stmtTyped(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// compareStatements are the forms of compare_regions and compare_agencies
// that Query runs on kept statements, under the names it keeps them by:
// compare_regions' plain, piece and complement forms and compare_agencies
// as named and its named form. (compare_top_within.sql types its
// parameters: WarmCompare keeps it with stmtTyped, as readCompareWithin
// does.)
func compareStatements() []queries.Query {
	var out []queries.Query
	if q, ok := queries.Get("compare_regions"); ok {
		out = append(out, compareRegionsForm(q, Filter{}), compareRegionsForm(q, Filter{Agency: "x"}), complementForm(q))
	}
	if q, ok := queries.Get("compare_agencies"); ok {
		out = append(out, q, namedForm(q))
	}
	return out
}

// forget drops the answer kept for the present generation, after a build
// of the kept totals, which changes them without a write the pages see.
func (c *complementState) forget() {
	c.wholeMu.Lock()
	defer c.wholeMu.Unlock()
	c.atKnown = false
}

// totalsWhole returns compare_regions_whole.sql's answer for the kept
// totals as they stand, kept until the next write or build of them: after one it reads
// their stamp (compare_totals_stamp.sql, ~2 ms at 1M reports), and reads
// the whole answer again (~120 ms) only when the stamp is not the one of
// the last whole answer read with nothing listed. Its error is the
// database's.
func (db *DB) totalsWhole(ctx context.Context) (totalsWhole, error) {
	c := &db.complement
	c.wholeMu.Lock()
	defer c.wholeMu.Unlock()
	gen := db.Generation()
	if c.atKnown && c.atGen == gen && gen&1 == 0 {
		return c.at, nil
	}
	var now totalsWhole
	if err := db.db.QueryRowContext(ctx, stmt("compare_totals_stamp")).Scan(&now.totals, &now.fingerprints, &now.listedNone); err != nil {
		return totalsWhole{}, err
	}
	switch {
	case !now.listedNone:
		// The form cannot answer until the totals are built again.
	case c.fullRead && c.full.totals == now.totals && c.full.fingerprints == now.fingerprints:
		now = c.full
	default:
		if err := db.db.QueryRowContext(ctx, stmt("compare_regions_whole")).Scan(&now.totals, &now.fingerprints, &now.listedNone, &now.whole, &now.appsWhole); err != nil {
			return totalsWhole{}, err
		}
		if now.listedNone {
			c.full, c.fullRead = now, true
		}
	}
	// Kept with the generation only when no write was under way or came
	// while it was read (Generation).
	c.at, c.atGen, c.atKnown = now, gen, db.Unchanged(gen)
	return now, nil
}
