package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"math/bits"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode"

	"gongkai"
)

// 内容雷同: the 2021 notice names copying another organ's report as
// misconduct. A narrative section nearly identical to the same section of
// another agency's report of the same year, or of the agency's own earlier
// years, gets a warning naming that report.
//
// Sections are compared by the Jaccard similarity of their sets of character
// 4-grams, estimated from a MinHash signature of sigSize values stored with
// the section (store.sections.fingerprint). Candidates come from an
// in-memory index (simIndex), built from the stored signatures the first
// time a report with sections loads, so that bulk loads of spreadsheets
// (which have no narrative) never pay for it.
const (
	minSimilarRunes = 80  // shorter sections are too generic to judge
	similarAbove    = 0.9 // estimated Jaccard at which a warning is given
	sigSize         = 64  // MinHash values per section
	shingle         = 4   // characters per n-gram
	ruleSimilar     = "similar_text"
)

// The MinHash functions: h_i(x) = (a_i·x + b_i) >> 32 with fixed odd a_i, so
// that signatures stored yesterday compare with those made today.
var minhashParams = sync.OnceValue(func() [sigSize][2]uint64 {
	rng := rand.New(rand.NewPCG(2021, 30))
	var p [sigSize][2]uint64
	for i := range p {
		p[i] = [2]uint64{rng.Uint64() | 1, rng.Uint64()}
	}
	return p
})

// fingerprint returns the MinHash signature of text's character 4-grams
// (white space ignored), or nil when the text is too short to judge.
func fingerprint(text string) []uint32 {
	runes := []rune(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text))
	if len(runes) < minSimilarRunes {
		return nil
	}
	params := minhashParams()
	sig := make([]uint32, sigSize)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	var buf [shingle * 4]byte
	for i := 0; i+shingle <= len(runes); i++ {
		n := 0
		for _, r := range runes[i : i+shingle] {
			n += copy(buf[n:], string(r))
		}
		h.Reset()
		h.Write(buf[:n])
		x := h.Sum64()
		for k, p := range params {
			if v := uint32((p[0]*x + p[1]) >> 32); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// similarity estimates the Jaccard similarity of two signatures.
func similarity(a, b []uint32) float64 {
	if len(a) != sigSize || len(b) != sigSize {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / sigSize
}

// sigEntry is one stored section signature.
type sigEntry struct {
	report, agency int64
	name           string // the agency's name, for the message
	year           int
	numeral        string
	sig            []uint32
	seq            int64 // the order entries joined the index: of two equal matches, the earlier wins
}

// minSame is the number of equal signature values at which two sections are
// similar: the least s with s/sigSize ≥ similarAbove.
var minSame = func() int {
	s := 0
	for float64(s)/sigSize < similarAbove {
		s++
	}
	return s
}()

// sigBlocks is how many blocks a signature is cut into for the index. Two
// similar signatures differ in at most sigSize−minSame values, so with one
// block more than that, at least one block is equal in both (pigeonhole):
// looking up a signature's blocks finds every similar one, and only a pair
// of sections alike in most of their text shares a block of about ten values
// by chance. This is what keeps the check from slowing down as boilerplate
// accumulates: the old index of 4-value bands put most copies of a stock
// paragraph in one bucket and compared each new report with all of them.
var sigBlocks = sigSize - minSame + 1

// blockRange returns the values of block b.
func blockRange(b int) (int, int) {
	return b * sigSize / sigBlocks, (b + 1) * sigSize / sigBlocks
}

// sigCluster is the sections of one numeral and year with one signature:
// copied word for word, they are compared once, whatever their number.
type sigCluster struct {
	numeral string
	year    int
	sig     []uint32
	members []*sigEntry // in seq order
	visit   uint64      // the last search that compared it
}

// blockKey hashes a numeral, a year, a block number (−1 for the whole
// signature) and the block's values: a hash, not a struct of the four, for
// the index's memory on a national warehouse. A collision only adds a
// candidate, which is then compared in full, numeral and year included.
func blockKey(numeral string, year, block int, values []uint32) uint64 {
	h := hashValues(values)
	for i := 0; i < len(numeral); i++ {
		h = (h ^ uint64(numeral[i])) * 1099511628211
	}
	h = (h ^ uint64(year)) * 1099511628211
	return (h ^ uint64(block+1)) * 1099511628211
}

// blockEntry is a cluster in a block's bucket with a sketch of its
// signature: two bits of each value. Values that differ in the sketch differ,
// so a sketch that differs in more than sigSize−minSame values rules the
// cluster out without touching it: a scan of a bucket reads contiguous
// memory, and only the few clusters the sketch lets through are compared in
// full. Buckets of common boilerplate grow with the warehouse; this keeps
// what each entry costs to a few nanoseconds.
type blockEntry struct {
	c      *sigCluster
	sketch sketch
}

type sketch [2]uint64

func sketchOf(sig []uint32) sketch {
	var s sketch
	for i, v := range sig {
		s[i/32] |= uint64(v&3) << (2 * (i % 32))
	}
	return s
}

// differ is how many values the sketches show to differ: a lower bound of
// how many the signatures differ in.
func (s sketch) differ(t sketch) int {
	const low = 0x5555555555555555
	n := 0
	for i := range s {
		x := s[i] ^ t[i]
		n += bits.OnesCount64((x | x>>1) & low)
	}
	return n
}

// simIndex finds, for a section, the similar sections of other agencies in
// the same year (through the blocks of their signatures) and of the same
// agency in other years (through the agency's own list, a few per year).
type simIndex struct {
	clusters map[uint64][]*sigCluster // by the key of the whole signature (block −1)
	byBlock  map[uint64][]blockEntry
	byAgency map[int64][]*sigEntry
	entries  []*sigEntry // an overlay's entries in seq order, merged by apply
	nextSeq  int64
	visits   uint64
}

func newSimIndex() *simIndex {
	return &simIndex{clusters: map[uint64][]*sigCluster{}, byBlock: map[uint64][]blockEntry{},
		byAgency: map[int64][]*sigEntry{}}
}

func hashValues(vs []uint32) uint64 {
	var h uint64 = 14695981039346656037
	for _, v := range vs {
		h = (h ^ uint64(v)) * 1099511628211
	}
	return h
}

// add indexes e; entries must come in seq order.
func (ix *simIndex) add(e *sigEntry) {
	ix.byAgency[e.agency] = append(ix.byAgency[e.agency], e)
	whole := blockKey(e.numeral, e.year, -1, e.sig)
	for _, c := range ix.clusters[whole] {
		if c.numeral == e.numeral && c.year == e.year && slicesEqual(c.sig, e.sig) {
			c.members = append(c.members, e)
			return
		}
	}
	c := &sigCluster{numeral: e.numeral, year: e.year, sig: e.sig, members: []*sigEntry{e}}
	ix.clusters[whole] = append(ix.clusters[whole], c)
	sk := sketchOf(e.sig)
	for b := range sigBlocks {
		lo, hi := blockRange(b)
		k := blockKey(e.numeral, e.year, b, e.sig[lo:hi])
		ix.byBlock[k] = append(ix.byBlock[k], blockEntry{c, sk})
	}
}

func slicesEqual(a, b []uint32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// loadSimIndex builds the index from the signatures of current reports, in
// the order they were loaded.
func loadSimIndex(ctx context.Context, db *sql.DB) (*simIndex, error) {
	ix := newSimIndex()
	names := map[string]string{} // one copy of each agency's name
	err := scanRows(ctx, db, stmt("state_fingerprints"), nil, func(rows *sql.Rows) error {
		e := &sigEntry{}
		var sig []any
		if err := rows.Scan(&e.report, &e.agency, &e.name, &e.year, &e.numeral, &sig); err != nil {
			return err
		}
		if n, ok := names[e.name]; ok {
			e.name = n
		} else {
			names[e.name] = e.name
		}
		e.sig = make([]uint32, 0, sigSize)
		for _, v := range sig {
			if u, ok := v.(uint32); ok {
				e.sig = append(e.sig, u)
			}
		}
		if len(e.sig) == sigSize {
			e.seq = ix.nextSeq
			ix.nextSeq++
			ix.add(e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("warehouse: read section fingerprints: %w", err)
	}
	return ix, nil
}

// match is the best similar section found so far: most equal values, then
// the first 4-value band the two share, then the earliest loaded — the order
// in which the check has always named its match.
type match struct {
	e          *sigEntry
	same, band int
}

func (m *match) better(e *sigEntry, same, band int) bool {
	if m.e == nil || same != m.same {
		return m.e == nil || same > m.same
	}
	if band != m.band {
		return band < m.band
	}
	return e.seq < m.e.seq
}

// firstBand is the first of the 4-value bands in which a and b agree: the
// index the check used before found candidates band by band, and named the
// first found of equal matches, which the warnings stored since then name.
func firstBand(a, b []uint32) int {
	const rows = 4
	for band := 0; band < sigSize/rows; band++ {
		if slicesEqual(a[band*rows:(band+1)*rows], b[band*rows:(band+1)*rows]) {
			return band
		}
	}
	return sigSize / rows
}

// equalValues counts the values a and b share, or returns less than minSame
// as soon as too many differ.
func equalValues(a, b []uint32) int {
	miss := 0
	for i := range a {
		if a[i] != b[i] {
			if miss++; miss > sigSize-minSame {
				return 0
			}
		}
	}
	return sigSize - miss
}

// search improves m with the sections of ix similar to section numeral of
// self with signature sig: other agencies' of the same year, the agency's
// own of earlier years, current ones only. visit marks the clusters compared
// in this search, so that one found through several blocks counts once.
func (ix *simIndex) search(m *match, self *sigEntry, numeral string, sig []uint32, visit uint64, isCurrent func(*sigEntry) bool) {
	sk := sketchOf(sig)
	for b := range sigBlocks {
		lo, hi := blockRange(b)
		for _, be := range ix.byBlock[blockKey(numeral, self.year, b, sig[lo:hi])] {
			if be.sketch.differ(sk) > sigSize-minSame {
				continue
			}
			c := be.c
			if c.visit == visit || c.year != self.year || c.numeral != numeral {
				continue
			}
			c.visit = visit
			same := equalValues(sig, c.sig)
			if same < minSame {
				continue
			}
			band := firstBand(sig, c.sig)
			// Members share the signature and come in seq order: the first
			// current one of another agency is the cluster's best, and once
			// one is not better than m, no later one is.
			for _, e := range c.members {
				if !m.better(e, same, band) {
					break
				}
				if e.agency != self.agency && e.report != self.report && isCurrent(e) {
					m.e, m.same, m.band = e, same, band
					break
				}
			}
		}
	}
	for _, e := range ix.byAgency[self.agency] {
		if e.year >= self.year || e.numeral != numeral {
			continue
		}
		same := equalValues(sig, e.sig)
		if same < minSame {
			continue
		}
		if band := firstBand(sig, e.sig); m.better(e, same, band) && isCurrent(e) {
			m.e, m.same, m.band = e, same, band
		}
	}
}

// similarFindings compares the sections of a report being loaded with the
// current reports of other agencies for the same year and of the same agency
// for earlier years, in each of indexes, and warns for each section nearly
// identical to one of them. isCurrent tells whether an indexed report is
// still current; visits numbers the searches.
func similarFindings(self *sigEntry, sections []gongkai.Section, sigs [][]uint32, indexes []*simIndex,
	visits *uint64, isCurrent func(*sigEntry) bool) ([]gongkai.Finding, []int64) {
	var fs []gongkai.Finding
	var others []int64
	for i, s := range sections {
		sig := sigs[i]
		if sig == nil {
			continue
		}
		var m match
		for _, ix := range indexes {
			*visits++
			ix.search(&m, self, s.Numeral, sig, *visits, isCurrent)
		}
		best := m.e
		if best == nil {
			continue
		}
		bestSim := float64(m.same) / sigSize
		whose := best.name
		if best.agency == self.agency {
			whose = "本机关"
		}
		fs = append(fs, gongkai.Finding{
			Rule: ruleSimilar, Severity: gongkai.SeverityWarning, At: s.At,
			RowLabel: strings.TrimSpace(s.Numeral + "、" + s.Title),
			Message: fmt.Sprintf("内容雷同：第%s部分“%s”与%s%d年报告（报告#%d）的同一部分几乎相同（相似度约 %.0f%%）",
				s.Numeral, s.Title, whose, best.year, best.report, bestSim*100),
		})
		others = append(others, best.report)
	}
	return fs, others
}
