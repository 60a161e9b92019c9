package warehouse

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"gongkai"
)

// LoadRequest is one report to store. Source is the file it was read from,
// kept for download (may be nil, as for demo data); By names who loaded it.
type LoadRequest struct {
	Report *gongkai.Report
	Source []byte
	By     string
	// Confirm makes the report current even when it would wait for
	// confirmation (see Load): the uploader has seen its findings.
	Confirm bool
	// Audit, when set, gives the audit entries of the report's load from
	// what it is about to become (its id, version, findings, pending); they
	// are written in the load's own transaction, so that a report never
	// stands without its audit entry and a failed entry fails the load. It
	// is not called for a duplicate, which writes nothing. The dashboard
	// wrote its report.upload entry after the commit and only logged a
	// failure (review s38).
	Audit func(LoadResult) []AuditEntry
}

// LoadResult says what became of one LoadRequest. Duplicate reports that the
// same source file (same SHA-256) was loaded before: ReportID, AgencyID and
// Version then name that earlier report and nothing was written. Findings are
// all findings stored with the report: the format's (from ingest) and those of
// the rules across years (R4, R5) added by the loader. Err is set when the
// report was not loaded; nothing of it was written.
type LoadResult struct {
	ReportID  int64 `json:"report_id"`
	AgencyID  int64 `json:"agency_id"`
	Version   int   `json:"version"`
	Duplicate bool  `json:"duplicate,omitempty"`
	// Elsewhere is set on a Duplicate whose file was loaded as another
	// agency's report or another year's than the request's report names (a
	// name or year an uploader gave for it, or a reader that now reads the
	// file otherwise): nothing was written, so the request's agency-year
	// did not get this report. A client that named the agency or year
	// itself must not take it for loaded (review s39: uploader B's upload
	// of a file first loaded under A's name answered 201 duplicate, and A's
	// upload of a file B loaded first did too, A's figures never loaded).
	Elsewhere bool              `json:"elsewhere,omitempty"`
	Findings  []gongkai.Finding `json:"findings"`
	// Pending reports that the report was stored but the agency's current
	// version stays current until Confirm; PendingReason says why.
	Pending       bool   `json:"pending,omitempty"`
	PendingReason string `json:"pending_reason,omitempty"`
	Err           error  `json:"-"`
}

// groupSize is how many reports commit together. Bigger groups amortize the
// commit and what each group costs whatever its size (merging the regional
// roll-up, a scan of the agencies, the appenders): a bulk demo load ran at
// ~3,500 reports per CPU-second with groups of 1,024 and ~4,600 with 4,096.
// A failed group is retried report by report.
const groupSize = 4096

// Load stores reports, each whole or not at all, and returns one result per
// request in order. Reports are checked whole before anything is written and
// commit in groups; a group that fails is retried report by report, so that
// one bad report never takes others with it. A new report for an agency and
// year already loaded becomes the current version and the earlier one stays
// as history, unless the new one has error findings or lacks a statistics
// table the current one has: then it is stored as pending (LoadResult.Pending)
// and the current version stays current until Confirm, so that a broken
// upload never silently replaces a complete report. LoadRequest.Confirm skips
// the wait.
//
// The error is nil when every report was loaded (or was a duplicate);
// otherwise it is the first failure, a *gongkai.Error, and the Err of each
// failed result says why that one failed.
func (db *DB) Load(ctx context.Context, reqs []LoadRequest) ([]LoadResult, error) {
	b := &Prepared{results: make([]LoadResult, len(reqs))}
	b.items = prepareAll(reqs, b.results, prepareWorkers)
	return db.LoadPrepared(ctx, b)
}

// Prepared is a batch of requests checked and made ready to write by
// Prepare, for one LoadPrepared.
type Prepared struct {
	results []LoadResult // the errors of requests that failed their checks
	items   []*item
}

// Prepare checks requests and works out what their write needs without the
// warehouse (Load's checks, derived values, section fingerprints), so that
// a bulk loader can prepare its next batch while the warehouse writes the
// last one: preparing is ~15 % of a demo load's writer. A request that
// fails its checks gets its error in LoadPrepared's results. Prepare runs
// in the caller's goroutine (Load prepares on every core) and keeps reqs'
// reports, which must not change before LoadPrepared.
func Prepare(reqs []LoadRequest) *Prepared {
	b := &Prepared{results: make([]LoadResult, len(reqs))}
	b.items = prepareAll(reqs, b.results, 1)
	return b
}

// LoadPrepared is Load of a batch Prepare made ready; a batch is loaded
// once.
func (db *DB) LoadPrepared(ctx context.Context, b *Prepared) ([]LoadResult, error) {
	if db.state == nil {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "数据库以只读方式打开，不能载入报告")
	}
	results, items := b.results, b.items
	b.results, b.items = nil, nil
	if results == nil {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "这批报告已经载入过")
	}

	db.mu.Lock()
	defer db.mu.Unlock()
	defer db.wrote() // after the commit, before the next writer
	db.writing()     // before the first commit (Generation)
	if _, err := db.writer(ctx); err != nil {
		e := &gongkai.Error{Code: gongkai.CodeInternal, Message: "报告未能写入数据库", Err: err}
		if ctx.Err() != nil {
			e = &gongkai.Error{Code: gongkai.CodeTimeout, Message: "载入被中止", Err: ctx.Err()}
		}
		for _, it := range items {
			results[it.index].Err = e
		}
		return results, e
	}
	if len(db.state.ambiguous) > 0 {
		items = refuseAmbiguous(db.state.ambiguous, items, results)
	}
	for _, it := range items {
		if it.hasSig && db.state.sim == nil {
			sim, err := loadSimIndex(ctx, db.db)
			if err != nil {
				return results, err
			}
			db.state.sim = sim
		}
	}
	if len(items) > 0 {
		conn, err := db.db.Conn(ctx)
		if err != nil {
			return results, fmt.Errorf("warehouse: load: %w", err)
		}
		defer conn.Close()
		now := time.Now().UTC()
		for start := 0; start < len(items); start += groupSize {
			group := items[start:min(start+groupSize, len(items))]
			err := db.loadGroup(ctx, conn, group, now, results)
			if err == nil {
				continue
			}
			if ctx.Err() != nil {
				for _, it := range items[start:] {
					results[it.index] = LoadResult{Err: &gongkai.Error{Code: gongkai.CodeTimeout, Message: "载入被中止", Err: ctx.Err()}}
				}
				break
			}
			for _, it := range group {
				if err := db.loadGroup(ctx, conn, []*item{it}, now, results); err != nil {
					results[it.index] = LoadResult{Err: &gongkai.Error{Code: gongkai.CodeInternal, Message: "报告未能写入数据库", Err: err}}
				}
			}
		}
	}
	for _, r := range results {
		if r.Err != nil {
			return results, r.Err
		}
	}
	return results, nil
}

// refuseAmbiguous gives the items whose agency name folds to the key of
// two stored agencies (state.ambiguous) their error and returns the others.
// Filed under either agency, the report's year could stay current under the
// other too and count twice in every total; which one is the organ's is for
// an administrator to say.
func refuseAmbiguous(ambiguous map[string][]int64, items []*item, results []LoadResult) []*item {
	kept := items[:0:0]
	for _, it := range items {
		ids, ok := ambiguous[it.key]
		if !ok {
			kept = append(kept, it)
			continue
		}
		list := make([]string, len(ids))
		for i, id := range ids {
			list[i] = strconv.FormatInt(id, 10)
		}
		results[it.index].Err = gongkai.Errorf(gongkai.CodeConflict,
			"单位名称“%s”按繁简折算后与已有的 %d 个机关（编号 %s）相同，无法确定报告属于哪一个，未载入：请管理员核对这些机关是否为同一机关",
			it.agency, len(ids), strings.Join(list, "、"))
	}
	return kept
}

// item is a request checked and made ready to write.
type item struct {
	index   int
	req     LoadRequest
	r       *gongkai.Report
	agency  string // trimmed name
	key     string // nameKey(agency)
	sha     string
	derived []gongkai.Value           // derived measures the report does not state (r.Values holds the rest)
	cells   map[cellKey]gongkai.Value // the figures the rules across years read
	sigs    [][]uint32                // per section: its fingerprint, nil when too short
	hasSig  bool
	tables  map[string]bool // the statistics tables it states a figure in
	summary []driver.Value  // its store.report_summary columns from its values (summaryFigures)
}

// prepareWorkers is how many goroutines prepare the requests of a bulk
// load, and prepareChunk the fewest requests worth one: preparing (the
// checks, derived values, section fingerprints) is ~15 % of a demo load's
// writer and needs no lock, so it runs on the cores the writer leaves idle.
var prepareWorkers = runtime.GOMAXPROCS(0)

const prepareChunk = 256

// prepareAll prepares reqs, in up to workers goroutines when they are
// many, and returns the items of those that pass in request order; results
// receive the errors of the others.
func prepareAll(reqs []LoadRequest, results []LoadResult, workers int) []*item {
	prepared := make([]*item, len(reqs))
	one := func(i int) {
		it, err := prepare(reqs[i])
		if err != nil {
			results[i].Err = err
			return
		}
		it.index = i
		prepared[i] = it
	}
	workers = min(workers, (len(reqs)+prepareChunk-1)/prepareChunk)
	if workers <= 1 {
		for i := range reqs {
			one(i)
		}
	} else {
		var wg sync.WaitGroup
		per := (len(reqs) + workers - 1) / workers
		for start := 0; start < len(reqs); start += per {
			wg.Add(1)
			go func(lo, hi int) {
				defer wg.Done()
				for i := lo; i < hi; i++ {
					one(i)
				}
			}(start, min(start+per, len(reqs)))
		}
		wg.Wait()
	}
	items := make([]*item, 0, len(reqs))
	for _, it := range prepared {
		if it != nil {
			items = append(items, it)
		}
	}
	return items
}

// prepare checks a request whole, before any writing, and computes what the
// write needs. Its errors are *gongkai.Error with CodeInvalid.
func prepare(req LoadRequest) (*item, error) {
	r := req.Report
	if r == nil {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "没有报告内容")
	}
	name, err := gongkai.CleanAgencyName(r.Agency)
	if err != nil {
		return nil, err
	}
	it := &item{req: req, r: r, agency: name}
	it.key = nameKey(it.agency)
	if it.key == "" {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "报告缺少机关名称")
	}
	if r.Year < 1990 || r.Year > 2100 {
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "报告年度 %d 不合理", r.Year)
	}
	switch r.Format {
	case gongkai.Format2021, gongkai.Format2019, gongkai.FormatPre2019:
	default:
		return nil, gongkai.Errorf(gongkai.CodeInvalid, "未知的报告格式 %q", r.Format)
	}
	// A cell stated twice (one measure and applicant) would be stored and
	// summed twice: the regional breakdown listed such a report twice and
	// counted it one too many. No reader of ingest gives one (its 376
	// fixtures, review s28); a caller that does is refused, saying where.
	// The cells seen so far: by gongkai.CellSlot (1 + the value's index),
	// the few others in a map.
	slots := cellSlots(r.Values)
	seenp := seenPool.Get().(*[]int32)
	seen := *seenp
	defer func() {
		for _, s := range slots {
			if s >= 0 {
				seen[s] = 0
			}
		}
		seenPool.Put(seenp)
	}()
	var at map[cellKey]string
	for i, v := range r.Values {
		if strings.TrimSpace(v.Measure) == "" {
			return nil, gongkai.Errorf(gongkai.CodeInvalid, "第 %d 个数值（%s）缺少指标代码", i+1, v.At)
		}
		if s := slots[i]; s >= 0 {
			if j := seen[s]; j > 0 {
				return nil, gongkai.Errorf(gongkai.CodeInvalid, "数值 %s（%s）在报告中出现两次（%s 和 %s），不能确定取哪一个", v.Measure, v.Applicant, r.Values[j-1].At, v.At)
			}
			seen[s] = int32(i) + 1
		} else {
			if first, ok := at[cellKey{v.Measure, v.Applicant}]; ok {
				return nil, gongkai.Errorf(gongkai.CodeInvalid, "数值 %s（%s）在报告中出现两次（%s 和 %s），不能确定取哪一个", v.Measure, v.Applicant, first, v.At)
			}
			if at == nil {
				at = map[cellKey]string{}
			}
			at[cellKey{v.Measure, v.Applicant}] = v.At
		}
		if !validApplicant(v.Applicant) {
			return nil, gongkai.Errorf(gongkai.CodeInvalid, "数值 %s（%s）的申请人类别 %q 无效", v.Measure, v.At, v.Applicant)
		}
		if v.Number != nil && (math.IsNaN(*v.Number) || math.IsInf(*v.Number, 0)) {
			return nil, gongkai.Errorf(gongkai.CodeInvalid, "数值 %s（%s）不是有限数", v.Measure, v.At)
		}
		if v.Number != nil && math.Abs(*v.Number) >= maxFigure {
			return nil, gongkai.Errorf(gongkai.CodeInvalid, "数值 %s（%s）过大（%g），不像报告中的数字", v.Measure, v.At, *v.Number)
		}
	}
	for i, f := range r.Findings {
		if f.Severity != gongkai.SeverityError && f.Severity != gongkai.SeverityWarning {
			return nil, gongkai.Errorf(gongkai.CodeInvalid, "第 %d 条检查结果的严重程度 %q 无效", i+1, f.Severity)
		}
	}
	switch {
	case req.Source != nil:
		sum := sha256.Sum256(req.Source)
		it.sha = hex.EncodeToString(sum[:])
	default:
		it.sha = strings.ToLower(strings.TrimSpace(r.Source.SHA256))
	}
	// Derived values are kept apart, not appended to a copy of the
	// report's: the copy was a fifth of what a bulk load allocates, and the
	// collector's work grows with that.
	it.derived = derive(r)
	for _, sec := range r.Sections {
		sig := fingerprint(sec.Text)
		it.sigs = append(it.sigs, sig)
		it.hasSig = it.hasSig || sig != nil
	}
	it.tables = statedTables(r.Values, slots)
	parts := [2][]int32{slots, cellSlots(it.derived)}
	it.summary = summaryFigures(it.values(), parts)
	prior, infos := priorMeasureSet(), slotInfos()
	isPrior := func(k, i int) bool {
		s := parts[k][i]
		return s >= 0 && infos[s].prior || s < 0 && prior[it.values()[k][i].Measure]
	}
	// Counted first, so that the map is made once at its size: grown entry
	// by entry it was a tenth of what preparing allocates.
	n := 0
	for k, values := range it.values() {
		for i := range values {
			if isPrior(k, i) {
				n++
			}
		}
	}
	if n > 0 {
		it.cells = make(map[cellKey]gongkai.Value, n)
		for k, values := range it.values() {
			for i, v := range values {
				if isPrior(k, i) {
					it.cells[cellKey{v.Measure, v.Applicant}] = v
				}
			}
		}
	}
	return it, nil
}

// seenPool holds prepare's slices of the cells seen, all zero between
// uses: one a report (gongkai.CellSlots() entries) was the most prepare
// allocated.
var seenPool = sync.Pool{New: func() any {
	s := make([]int32, gongkai.CellSlots())
	return &s
}}

// values returns the report's values, then the derived ones.
func (it *item) values() [2][]gongkai.Value { return [2][]gongkai.Value{it.r.Values, it.derived} }

// statedTables is the set of statistics tables (二, 三, 四) in which values
// state at least one figure; slots are the values' cellSlots.
func statedTables(values []gongkai.Value, slots []int32) map[string]bool {
	byCode, infos := gongkai.CatalogueByCode(), slotInfos()
	out := map[string]bool{}
	for i, v := range values {
		if v.Number == nil {
			continue
		}
		table := ""
		if s := slots[i]; s >= 0 {
			table = infos[s].table
		} else if m, ok := byCode[v.Measure]; ok {
			table = m.Table
		}
		if table != "" && table != "narrative" {
			out[table] = true
		}
	}
	return out
}

func validApplicant(a string) bool {
	for _, x := range gongkai.Applicants {
		if a == x {
			return true
		}
	}
	return false
}

// derive computes the format's derived measures the report does not state
// itself, e.g. 2021's apps.other as the sum of its three sub-rows, so that
// measures compare across formats. Blank parts count as 0; a derived value is
// blank only when every part is.
func derive(r *gongkai.Report) []gongkai.Value {
	f := gongkai.FormatByID(r.Format)
	if f == nil || len(f.Derived) == 0 {
		return nil
	}
	// A handful of parts and seven applicants: slices beat maps here, and
	// this runs for every report of a bulk load.
	type acc struct {
		applicant string
		sum       float64
		seen      bool // some part is not blank
		stated    bool // the report states the measure itself
		parts     bool // the report has some part
	}
	var out []gongkai.Value
	for _, d := range f.Derived {
		var accs []acc
		find := func(app string) *acc {
			for i := range accs {
				if accs[i].applicant == app {
					return &accs[i]
				}
			}
			accs = append(accs, acc{applicant: app})
			return &accs[len(accs)-1]
		}
		for _, v := range r.Values {
			if v.Measure == d.Measure {
				find(v.Applicant).stated = true
				continue
			}
			for _, part := range d.Sum {
				if v.Measure == part {
					a := find(v.Applicant)
					a.parts = true
					if v.Number != nil {
						a.sum += *v.Number
						a.seen = true
					}
					break
				}
			}
		}
		for _, a := range accs {
			if a.stated || !a.parts {
				continue
			}
			v := gongkai.Value{Measure: d.Measure, Applicant: a.applicant}
			if a.seen {
				v.Number = gongkai.Float(a.sum)
			}
			out = append(out, v)
		}
	}
	return out
}

// plan is what one group will write, worked out in memory against the
// writer's state before the transaction starts; it becomes the new state only
// when the transaction commits.
type plan struct {
	st         *state
	nextAgency int64
	nextReport int64
	agencies   map[string]*agencyState
	bySHA      map[shaKey]shaRef
	current    map[agencyYear]*reportState

	newAgencies []newAgency
	regions     []regionUpdate
	retire      []int64
	writes      []*write
	pending     map[int64]*write          // writes of this group by report id
	rechecks    map[int64]*recheck        // by report id: a later year re-checked against a newly loaded one
	versions    map[agencyYear]int        // the highest version of each agency and year, after this group
	prevTables  map[int64]map[string]bool // stored current reports replaced in this group: their tables
	newPending  []pendingRow
	resolve     []resolveRow     // agency years whose pending versions end: a version became current
	confirm     []int64          // stored reports made current (Confirm)
	texts       map[string]int32 // strings new in this group, numbered from st.nextText
	newTexts    []string
	memo        []textMemo   // textAt's last strings, by place
	sources     []sourceRef  // where the group's source files were written
	sim         *simIndex    // section fingerprints of this group
	fresh       *freshRollup // what the current writes add to the roll-ups, noted by writeAll
}

// textID returns the id in store.texts of s, numbering it when it is new,
// or 0 (written as SQL NULL; ids start at 1) for the empty string.
func (p *plan) textID(s string) int32 {
	if s == "" {
		return 0
	}
	if id, ok := p.st.texts[s]; ok {
		return id
	}
	if id, ok := p.texts[s]; ok {
		return id
	}
	id := p.st.nextText + int32(len(p.newTexts))
	p.texts[s] = id
	p.newTexts = append(p.newTexts, s)
	return id
}

// textMemo is a string written at one place of a figure row (textAt) and
// its id.
type textMemo struct {
	s  string
	id int32
}

// Text columns of a figure row, for textAt's places.
const (
	textMeasure = iota
	textApplicant
	textUnit
	textRaw
	textCell
	textColumns
)

// textAt is textID for the text column col of a report's figure number i,
// remembering the last string met at each place: reports of one format
// repeat their measures, applicants, units and cells figure by figure, and
// comparing with the last string costs a fraction of hashing it into
// store.texts' map of every string: over 300,000 demo reports the map
// lookups took 3.5 CPU-seconds of the writer's ~43 before, 1.4 with
// textAt (whose own work is ~0.6). A string's id never changes within a
// plan, and a plan's memo goes with it.
func (p *plan) textAt(i, col int, s string) int32 {
	slot := i*textColumns + col
	if slot >= len(p.memo) {
		p.memo = append(p.memo, make([]textMemo, slot+1-len(p.memo)+64*textColumns)...)
	}
	if m := &p.memo[slot]; m.s == s {
		return m.id // the zero textMemo is the empty string's
	}
	id := p.textID(s)
	p.memo[slot] = textMemo{s, id}
	return id
}

type newAgency struct {
	id     int64
	name   string
	key    string
	place  place
	source string // region_source
}

type pendingRow struct {
	id     int64
	reason string
}

type resolveRow struct {
	k         agencyYear
	confirmed int64 // the report confirmed, 0 when a load superseded them
	by        string
}

type regionUpdate struct {
	agency int64
	place  place
}

type write struct {
	it       *item
	id       int64
	agency   int64
	version  int
	current  bool
	pending  string // why it waits for confirmation; "" when it does not
	findings []gongkai.Finding
	others   []int64 // per finding: the report it compares with, 0 for none
}

type recheck struct {
	findings []gongkai.Finding
	others   []int64
}

func (p *plan) agency(key string) *agencyState {
	if a, ok := p.agencies[key]; ok {
		return a
	}
	return p.st.agencies[key]
}

func (p *plan) currentOf(k agencyYear) *reportState {
	if r, ok := p.current[k]; ok {
		return r
	}
	return p.st.current[k]
}

// version is the highest version stored for k: its current version's, or
// a higher one of a version that waits (state.versions).
func (p *plan) version(k agencyYear) int {
	if v, ok := p.versions[k]; ok {
		return v
	}
	v := p.st.versions[k]
	if cur := p.currentOf(k); cur != nil {
		v = max(v, cur.version)
	}
	return v
}

func (p *plan) sha(s string) (shaRef, bool) {
	k := shaKeyOf(s)
	if r, ok := p.bySHA[k]; ok {
		return r, true
	}
	r, ok := p.st.bySHA[k]
	return r, ok
}

// newPlan starts an empty plan over the writer's state.
func newPlan(st *state) *plan {
	p := &plan{
		st: st, nextAgency: st.nextAgency, nextReport: st.nextReport,
		agencies: map[string]*agencyState{}, bySHA: map[shaKey]shaRef{},
		current: map[agencyYear]*reportState{}, rechecks: map[int64]*recheck{}, pending: map[int64]*write{},
		texts: map[string]int32{}, sim: newSimIndex(0), versions: map[agencyYear]int{}, fresh: newFreshRollup(),
	}
	if st.sim != nil {
		p.sim = newSimIndex(st.sim.nextSeq())
	}
	return p
}

// loadGroup writes a group of reports in one transaction. results receive
// the outcome of each report; on error nothing was written and the state is
// unchanged.
func (db *DB) loadGroup(ctx context.Context, conn *sql.Conn, group []*item, now time.Time, results []LoadResult) error {
	st := db.state
	p := newPlan(st)
	var err error
	if p.prevTables, err = db.replacedTables(ctx, conn, group); err != nil {
		return fmt.Errorf("tables of current versions: %w", err)
	}
	out := make(map[int]LoadResult, len(group))
	var entries []AuditEntry // the requests' audit entries, written in the load's transaction
	for _, it := range group {
		if it.sha != "" {
			if ref, ok := p.sha(it.sha); ok {
				dup := ref.result()
				dup.Duplicate = true
				a := p.agency(it.key)
				dup.Elsewhere = a == nil || a.id != ref.agency || int(ref.year) != it.r.Year
				out[it.index] = dup
				continue
			}
		}
		w := p.add(it, now)
		out[it.index] = LoadResult{ReportID: w.id, AgencyID: w.agency, Version: w.version, Findings: w.findings,
			Pending: w.pending != "", PendingReason: w.pending}
		if it.req.Audit != nil {
			entries = append(entries, it.req.Audit(out[it.index])...)
		}
	}
	if len(p.writes) > 0 {
		refs, err := db.writeSources(p.writes)
		if err != nil {
			return fmt.Errorf("source files: %w", err)
		}
		p.sources = refs
		// In a bulk load (Bulk) a change of new reports only leaves its
		// roll-up sums to the load; any other merges the load's sums first.
		var bulk *rollupSums
		if db.bulk != nil {
			if p.rollupChange().freshOnly() {
				bulk = db.bulk
			} else if err := db.flushBulk(ctx, conn); err != nil {
				return fmt.Errorf("bulk load's roll-up sums: %w", err)
			}
		}
		if len(p.newAgencies) > 0 || len(p.regions) > 0 {
			// Agencies come or move (PlaceGeneration); a load of reports of
			// known agencies in place leaves the places kept.
			db.placesMoving()
		}
		err = inConnTx(ctx, conn, func() error {
			if err := p.exec(ctx, conn, now, bulk); err != nil {
				return err
			}
			for _, e := range entries {
				if err := audit(ctx, conn, e); err != nil {
					return fmt.Errorf("audit %s: %w", e.Action, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		db.foldBulk(p.fresh)
	}
	p.apply()
	for i, r := range out {
		results[i] = r
	}
	return nil
}

// add plans the write of one report: its agency, version, and the findings of
// the rules across years, for itself and for a later year already stored.
func (p *plan) add(it *item, now time.Time) *write {
	r := it.r
	stated := place{Province: r.Province, City: r.City, County: r.County, Level: r.Level}
	a := p.agency(it.key)
	var moved *agencyState // the agency as it stood, when this report moves it
	switch {
	case a == nil:
		pl, src := resolvePlace(stated, it.agency)
		a = &agencyState{id: p.nextAgency, regionSource: src, plain: plainKey(it.agency)}
		p.nextAgency++
		p.agencies[it.key] = a
		// Stored with its plain key: the fold is the reader's state's, so
		// that it can grow with the readers' table (loadState).
		p.newAgencies = append(p.newAgencies, newAgency{id: a.id, name: it.agency, key: a.plain, place: pl, source: src})
	case !stated.empty() && (a.regionSource == "" || a.regionSource == "derived"):
		// The source states where the agency stands: that beats a derivation,
		// but never an administrator's correction.
		pl, _ := resolvePlace(stated, it.agency)
		moved = a
		a = &agencyState{id: a.id, regionSource: "report", plain: a.plain}
		p.agencies[it.key] = a
		p.regions = append(p.regions, regionUpdate{agency: a.id, place: pl})
	}

	k := agencyYear{a.id, r.Year}
	w := &write{it: it, id: p.nextReport, agency: a.id, version: p.version(k) + 1, current: true}
	p.nextReport++
	p.versions[k] = w.version
	prev := p.currentOf(k)
	rs := &reportState{id: w.id, version: w.version, format: r.Format}
	for c, v := range it.cells {
		rs.prior.add(c, v.Number)
	}
	rs.prior = rs.prior.clip()

	w.findings = append(w.findings, r.Findings...)
	if plain := plainKey(it.agency); nameDiffers(a.plain, plain) {
		// "於溪镇…" uploaded for "于溪镇…" stored: one key, filed as one
		// agency (an older reader folded the 於 of a title, and two
		// agencies of one year would count it twice), but the names may
		// be two organs'.
		w.findings = append(w.findings, gongkai.Finding{
			Rule: "agency", Severity: gongkai.SeverityWarning,
			Message: fmt.Sprintf("单位名称“%s”与已有机关“%s”（编号 %d）只差一个简繁两用的字（如“於”“于”），已作为同一机关载入：如是两个机关，请核对", it.agency, a.plain, a.id),
		})
	}
	w.others = make([]int64, len(w.findings))
	if last := p.currentOf(agencyYear{a.id, r.Year - 1}); last != nil {
		for _, f := range priorYearFindings(r.Year, it.cells, last.prior) {
			w.findings = append(w.findings, f)
			w.others = append(w.others, last.id)
		}
	}
	if it.hasSig && p.st.sim != nil {
		self := &sigEntry{report: w.id, agency: a.id, name: it.agency, year: r.Year}
		isCurrent := func(report, agency int64, year int) bool {
			cur := p.currentOf(agencyYear{agency, year})
			return cur != nil && cur.id == report
		}
		fs, others := similarFindings(self, r.Sections, it.sigs, []*simIndex{p.st.sim, p.sim}, &p.st.sim.visits, isCurrent)
		w.findings = append(w.findings, fs...)
		w.others = append(w.others, others...)
		for i, sig := range it.sigs {
			if sig != nil {
				p.sim.add(sigEntry{report: w.id, agency: a.id, name: it.agency, year: r.Year, numeral: r.Sections[i].Numeral}, sig)
			}
		}
	}
	if prev != nil && !it.req.Confirm {
		w.pending = pendingReason(w.findings, p.tablesOf(prev.id), it.tables)
	}
	if w.pending != "" {
		// Stored, but the current version stays current: nothing of the
		// state changes, and no later year is re-checked against it. Nor
		// does the agency move to the region the version states: the pages
		// would show its current reports under a region only a version
		// that may never be confirmed says; Confirm moves it.
		w.current = false
		if moved != nil {
			p.agencies[it.key] = moved
			p.regions = p.regions[:len(p.regions)-1]
		}
		p.newPending = append(p.newPending, pendingRow{w.id, w.pending})
		if it.sha != "" {
			p.bySHA[shaKeyOf(it.sha)] = shaRef{report: w.id, agency: a.id, version: int32(w.version), year: int16(r.Year)}
		}
		p.writes = append(p.writes, w)
		p.pending[w.id] = w
		return w
	}
	if prev != nil {
		if pw := p.pending[prev.id]; pw != nil {
			pw.current = false // an earlier version in this same group
		} else {
			p.retire = append(p.retire, prev.id)
		}
		p.resolve = append(p.resolve, resolveRow{k: k, by: it.req.By})
		// Versions of this group that wait for k are superseded before they
		// are written: they stay as plain history.
		kept := p.newPending[:0]
		for _, r := range p.newPending {
			if pw := p.pending[r.id]; pw == nil || pw.agency != k.agency || pw.it.r.Year != k.year {
				kept = append(kept, r)
			}
		}
		p.newPending = kept
	}
	p.current[k] = rs
	if it.sha != "" {
		p.bySHA[shaKeyOf(it.sha)] = shaRef{report: w.id, agency: a.id, version: int32(w.version), year: int16(r.Year)}
	}
	if next := p.currentOf(agencyYear{a.id, r.Year + 1}); next != nil {
		rc := &recheck{}
		cells := next.prior.values()
		for _, f := range priorYearFindings(r.Year+1, cells, rs.prior) {
			rc.findings = append(rc.findings, f)
			rc.others = append(rc.others, w.id)
		}
		if nw := p.pending[next.id]; nw != nil {
			nw.replacePrior(rc) // not written yet: fix its findings in memory
		} else {
			p.rechecks[next.id] = rc
		}
	}
	p.writes = append(p.writes, w)
	p.pending[w.id] = w
	return w
}

// tablesOf returns the statistics tables of current report id: one written
// in this group, or one stored (read by replacedTables).
func (p *plan) tablesOf(id int64) map[string]bool {
	if w := p.pending[id]; w != nil {
		return w.it.tables
	}
	return p.prevTables[id]
}

// pendingReason says why a new version must wait for its uploader's
// confirmation before it replaces the current one: it has error findings, or
// it lacks a table the current version states figures in. "" means it may
// replace it at once.
func pendingReason(findings []gongkai.Finding, current, next map[string]bool) string {
	var why []string
	if errs, _ := gongkai.CountSeverities(findings); errs > 0 {
		why = append(why, fmt.Sprintf("新版本有 %d 个错误", errs))
	}
	var missing []string
	for _, t := range sortedKeys(current) {
		if !next[t] {
			missing = append(missing, tableName(t))
		}
	}
	if len(missing) > 0 {
		why = append(why, "新版本缺少现行版本已有的"+strings.Join(missing, "、"))
	}
	return strings.Join(why, "；")
}

// tableName is how users know statistics table id: 表三 for "applications".
func tableName(id string) string {
	for _, f := range []string{gongkai.Format2021, gongkai.Format2019, gongkai.FormatPre2019} {
		if ft := gongkai.FormatByID(f); ft != nil {
			if t := ft.Table(id); t != nil && t.Numeral != "" {
				return "表" + t.Numeral
			}
		}
	}
	return id
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	rank := func(id string) int { return strings.Index("表一表二表三表四表五表六", tableName(id)) }
	sort.Slice(keys, func(i, j int) bool { return rank(keys[i]) < rank(keys[j]) })
	return keys
}

// replacedTables reads the statistics tables of the stored current versions
// that reports of group would replace, keyed by report id. Replacements are
// few beside new reports, so this reads little even for a bulk load.
func (db *DB) replacedTables(ctx context.Context, conn *sql.Conn, group []*item) (map[int64]map[string]bool, error) {
	var ids []int64
	for _, it := range group {
		a := db.state.agencies[it.key]
		if a == nil {
			continue
		}
		if cur := db.state.current[agencyYear{a.id, it.r.Year}]; cur != nil {
			ids = append(ids, cur.id)
		}
	}
	out := map[int64]map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := conn.QueryContext(ctx, stmt("report_tables"), ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var table string
		if err := rows.Scan(&id, &table); err != nil {
			return nil, err
		}
		if out[id] == nil {
			out[id] = map[string]bool{}
		}
		out[id][table] = true
	}
	return out, rows.Err()
}

// replacePrior replaces the findings of the rules across years of a report
// not yet written with those of a re-check.
func (w *write) replacePrior(rc *recheck) {
	prior := map[string]bool{}
	for _, id := range priorRuleIDs() {
		prior[id] = true
	}
	var fs []gongkai.Finding
	var others []int64
	for i, f := range w.findings {
		if !prior[f.Rule] || w.others[i] == 0 {
			fs = append(fs, f)
			others = append(others, w.others[i])
		}
	}
	w.findings = append(fs, rc.findings...)
	w.others = append(others, rc.others...)
}

// exec runs the plan's statements and appends inside the open transaction,
// and keeps the regional roll-up (rollup.go) and the agencies' years
// (status.go) in step with them; with bulk (a bulk load's sums, Bulk), the
// roll-ups' sums of its new reports are left to the bulk load.
func (p *plan) exec(ctx context.Context, conn *sql.Conn, now time.Time, bulk *rollupSums) error {
	c := p.rollupChange()
	c.bulk = bulk
	return withRollup(ctx, conn, c, func() error {
		if err := p.writeAll(ctx, conn, now); err != nil {
			return err
		}
		return p.refreshStatus(ctx, conn)
	})
}

// writeAll runs the plan's statements and appends.
func (p *plan) writeAll(ctx context.Context, conn *sql.Conn, now time.Time) error {
	if len(p.retire) > 0 {
		if _, err := conn.ExecContext(ctx, stmt("reports_retire"), p.retire); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, stmt("summary_retire"), p.retire); err != nil {
			return err
		}
		// The copy by cell holds the figures of the current reports up to
		// its watermark and of those its list of stale reports names
		// (0108): a retired one is listed, in this transaction.
		if _, err := conn.ExecContext(ctx, stmt("cells_stale_retire"), p.retire); err != nil {
			return err
		}
	}
	for _, id := range p.confirm {
		if _, err := conn.ExecContext(ctx, stmt("reports_make_current"), id); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, stmt("summary_make_current"), id); err != nil {
			return err
		}
		// Copied now if the copy's runs passed it while it was pending, or
		// taken off the stale list if an older copy holds it (0108).
		res, err := conn.ExecContext(ctx, stmt("cells_confirm"), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n > 0 {
			if _, err := conn.ExecContext(ctx, stmt("cells_confirm_run")); err != nil {
				return err
			}
		}
		if _, err := conn.ExecContext(ctx, stmt("cells_stale_confirm"), id); err != nil {
			return err
		}
	}
	if len(p.retire) > 0 || len(p.confirm) > 0 {
		// What Open holds the copy's list to (0121): the reports up to the
		// watermark that are not current changed.
		if _, err := conn.ExecContext(ctx, stmt("cells_check_write")); err != nil {
			return err
		}
	}
	for _, r := range p.resolve {
		if _, err := conn.ExecContext(ctx, stmt("pending_resolve"), r.k.agency, r.k.year, now, null(r.by), r.confirmed); err != nil {
			return err
		}
	}
	for _, u := range p.regions {
		if _, err := conn.ExecContext(ctx, stmt("agency_region"), u.agency, null(u.place.Province), null(u.place.City),
			null(u.place.County), null(u.place.Level), null(u.place.Code), "report"); err != nil {
			return err
		}
	}
	// Reports of later years already stored, re-checked against a year
	// loaded now: their findings of the rules across years are replaced.
	type recheckRow struct {
		id  int64
		seq int
		rc  *recheck
	}
	var rechecks []recheckRow
	var recheckIDs []int64
	if len(p.rechecks) > 0 {
		for id := range p.rechecks {
			recheckIDs = append(recheckIDs, id)
		}
		if _, err := conn.ExecContext(ctx, stmt("findings_drop_rules"), recheckIDs, priorRuleIDs()); err != nil {
			return err
		}
		seqs := map[int64]int{}
		rows, err := conn.QueryContext(ctx, stmt("findings_next_seq"), recheckIDs)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var seq int
			if err := rows.Scan(&id, &seq); err != nil {
				rows.Close()
				return err
			}
			seqs[id] = seq
		}
		// rows.Err too: a read that ended short (fullread.go) must not
		// number a recheck's findings from 1 beside its old ones.
		if err := closeRows(rows); err != nil {
			return err
		}
		for _, id := range recheckIDs {
			rechecks = append(rechecks, recheckRow{id, max(seqs[id], 1), p.rechecks[id]})
		}
	}

	if len(p.newAgencies) > 0 {
		// The last two columns: the pattern (0073), set with the status
		// row below, and the name rank (0086), NULL until RankAgencies
		// ranks every agency again (region_agencies sorts names till then).
		err := appendRows(conn, "agencies", func(a *duckdb.Appender) error {
			for _, n := range p.newAgencies {
				if err := a.AppendRow(n.id, n.name, n.key, null(n.place.Province), null(n.place.City),
					null(n.place.County), null(n.place.Level), null(n.place.Code), null(n.source), true, now, nil, nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("agencies: %w", err)
		}
	}
	err := appendRows(conn, "reports", func(a *duckdb.Appender) error {
		for _, w := range p.writes {
			r := w.it.r
			errs, warns := gongkai.CountSeverities(w.findings)
			size := r.Source.Size
			if w.it.req.Source != nil {
				size = int64(len(w.it.req.Source))
			}
			if err := a.AppendRow(w.id, w.agency, int32(r.Year), r.Format, null(r.Province), null(r.City),
				null(r.County), null(r.Level), null(r.Published), null(r.Source.Kind), null(r.Source.Name),
				null(w.it.sha), size, now, null(w.it.req.By), int32(w.version), w.current, int32(errs), int32(warns)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reports: %w", err)
	}
	fresh := p.fresh
	figures := 0
	for _, w := range p.writes {
		if w.current {
			figures += len(w.it.r.Values) + len(w.it.derived)
		}
	}
	fresh.cellOf = make([]int32, 0, figures)
	err = appendChunks(conn, "figures", figureTypes, func(c *chunkAppender) error {
		for _, w := range p.writes {
			if w.current {
				fresh.report(w.agency, w.it.r.Year, w.it.values())
			}
			i := 0 // the figure's place in its report
			for k, values := range w.it.values() {
				for _, v := range values {
					measure, applicant := p.textAt(i, textMeasure, v.Measure), p.textAt(i, textApplicant, v.Applicant)
					c.setInt64(0, w.id)
					c.setText(1, measure)
					c.setText(2, applicant)
					if v.Number != nil {
						c.setFloat64(3, *v.Number)
					} else {
						c.setNull(3)
					}
					c.setText(4, p.textAt(i, textUnit, v.Unit))
					c.setText(5, p.textAt(i, textRaw, v.Raw))
					c.setText(6, p.textAt(i, textCell, v.At))
					c.setBool(7, k == 1)
					c.setBool(8, v.Source == gongkai.SourceNarrative)
					i++
					if err := c.endRow(); err != nil {
						return err
					}
					if w.current {
						if err := fresh.figure(measure, applicant); err != nil {
							return err
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("figures: %w", err)
	}
	err = appendRows(conn, "texts", func(a *duckdb.Appender) error {
		for i, t := range p.newTexts {
			if err := a.AppendRow(p.st.nextText+int32(i), t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("texts: %w", err)
	}
	err = appendRows(conn, "findings", func(a *duckdb.Appender) error {
		add := func(id int64, seq int, f gongkai.Finding, other int64) error {
			return a.AppendRow(id, int32(seq), f.Rule, f.Severity, null(f.At), null(f.RowLabel), null(f.ColumnLabel),
				null(f.Measure), null(f.Applicant), f.Message, floatOrNil(f.Expected), floatOrNil(f.Actual), idOrNil(other))
		}
		for _, w := range p.writes {
			for i, f := range w.findings {
				if err := add(w.id, i+1, f, w.others[i]); err != nil {
					return err
				}
			}
		}
		for _, rr := range rechecks {
			for i, f := range rr.rc.findings {
				if err := add(rr.id, rr.seq+i, f, rr.rc.others[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("findings: %w", err)
	}
	err = appendRows(conn, "sections", func(a *duckdb.Appender) error {
		for _, w := range p.writes {
			for i, s := range w.it.r.Sections {
				var sig any
				if w.it.sigs[i] != nil {
					sig = w.it.sigs[i]
				}
				if err := a.AppendRow(w.id, int32(i+1), null(s.Numeral), null(s.Title), s.Text, null(s.At), sig); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sections: %w", err)
	}
	if len(p.newPending) > 0 {
		err = appendRows(conn, "pending", func(a *duckdb.Appender) error {
			for _, r := range p.newPending {
				if err := a.AppendRow(r.id, r.reason, nil, nil, nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("pending: %w", err)
		}
	}
	if len(p.sources) > 0 {
		err = appendRows(conn, "sources", func(a *duckdb.Appender) error {
			for _, s := range p.sources {
				if err := a.AppendRow(s.sha, s.pack, s.offset, s.size); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("sources: %w", err)
		}
	}
	err = appendRows(conn, "report_summary", func(a *duckdb.Appender) error {
		next := 0 // fresh.reports are the current writes, in order
		for _, w := range p.writes {
			errs, warns := gongkai.CountSeverities(w.findings)
			row := summaryRow(w.id, w.agency, w.it.r.Year, w.it.r.Format, w.current, errs, warns, w.it.summary)
			if err := a.AppendRow(row...); err != nil {
				return err
			}
			if w.current {
				fresh.reports[next].summary = row
				next++
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("report summary: %w", err)
	}
	if len(recheckIDs) > 0 {
		if _, err := conn.ExecContext(ctx, stmt("reports_recount"), recheckIDs); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, stmt("summary_recount"), recheckIDs); err != nil {
			return err
		}
	}
	return nil
}

// apply makes a committed plan the writer's state.
func (p *plan) apply() {
	st := p.st
	st.nextAgency, st.nextReport = p.nextAgency, p.nextReport
	for k, a := range p.agencies {
		st.agencies[k] = a
	}
	for k, r := range p.bySHA {
		st.bySHA[k] = r
	}
	for k, r := range p.current {
		st.current[k] = r
	}
	// After the current versions: compared with those the plan held, a
	// new agency-year had none yet, and every new report's version was
	// kept, a million entries at a million reports (~40 MB of heap the
	// collector's limit had to leave room for).
	for k, v := range p.versions {
		// Kept only where a version beyond the current one waits, so that
		// the state stays small at a million reports.
		if cur := st.current[k]; cur != nil && cur.version >= v {
			delete(st.versions, k)
		} else {
			st.versions[k] = v
		}
	}
	for k, id := range p.texts {
		st.texts[k] = id
	}
	st.nextText += int32(len(p.newTexts))
	if st.sim != nil {
		st.sim.merge(p.sim)
	}
}

// null maps an empty string to SQL NULL: unknown stays unknown.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func floatOrNil(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func idOrNil(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
