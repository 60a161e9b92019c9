package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
var minhashParams = sync.OnceValue(func() *[sigSize][2]uint64 {
	rng := rand.New(rand.NewPCG(2021, 30))
	p := new([sigSize][2]uint64)
	for i := range p {
		p[i] = [2]uint64{rng.Uint64() | 1, rng.Uint64()}
	}
	return p
})

// fingerprint returns the MinHash signature of text's character 4-grams
// (white space ignored), or nil when the text is too short to judge.
//
// A 4-gram is hashed as the FNV-1a (64 bits) of its characters' UTF-8 (a
// byte that is not UTF-8 counts as U+FFFD), written out here rather than
// through hash/fnv and a copy of each character: that was a third of its
// cost, and fingerprint is ~5 % of a demo load's CPU. Signatures stored
// before stay comparable: TestFingerprintAsBefore holds it to the former
// code.
func fingerprint(text string) []uint32 {
	// The characters kept, as UTF-8 one after the other, and where each
	// starts (the last entry is the end).
	enc := make([]byte, 0, len(text))
	starts := make([]int32, 0, utf8.RuneCountInString(text)+1)
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		starts = append(starts, int32(len(enc)))
		enc = utf8.AppendRune(enc, r)
	}
	runes := len(starts)
	if runes < minSimilarRunes {
		return nil
	}
	starts = append(starts, int32(len(enc)))
	params := minhashParams()
	var sig [sigSize]uint32
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	const (
		fnvOffset = 14695981039346656037
		fnvPrime  = 1099511628211
	)
	for i := 0; i+shingle <= runes; i++ {
		x := uint64(fnvOffset)
		for _, c := range enc[starts[i]:starts[i+shingle]] {
			x ^= uint64(c)
			x *= fnvPrime
		}
		for k := range sig {
			if v := uint32((params[k][0]*x + params[k][1]) >> 32); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig[:]
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

// sigEntry is a section signature's context: the report, its agency (id,
// and name for the message), its year and the section's numeral.
type sigEntry struct {
	report, agency int64
	name           string
	year           int
	numeral        string
}

// minSame is the number of equal signature values at which two sections are
// similar: the least s with s/sigSize ≥ similarAbove.
var minSame = func() int {
	s := 0
	for float64(s)/sigSize < similarAbove {
		s++
	}
	if s != minSameConst {
		panic("warehouse: minSameConst is not the least s with s/sigSize ≥ similarAbove")
	}
	return s
}()

// minSameConst is minSame as a constant, for probeBlocks.
const minSameConst = 58

// probeBlocks is how many blocks of a signature a search looks up. Two
// similar signatures differ in at most sigSize−minSame values, so in at most
// that many of the blocks a signature is cut into: among any probeBlocks of
// them, one is equal in both (pigeonhole), and looking up those finds every
// similar signature. Only a pair of sections alike in most of their text
// shares a block of several values by chance.
//
// Every signature is indexed under all its sigBlocks blocks, more than
// probeBlocks, so that a search can skip the blocks whose buckets hold the
// most entries: a block made only of a stock paragraph's values lands in a
// bucket of every section that copies the paragraph, while a block holding
// a value of the agency's own words (its name, its figures) is shared by
// few. Which blocks a search skips changes how much it reads, never what it
// finds.
const probeBlocks = sigSize - minSameConst + 1

// sigBlocks is how many blocks a signature is cut into: of 5 or 6 values.
// Each costs an index entry per distinct signature.
const sigBlocks = 12

// A search needs sigBlocks ≥ probeBlocks (this fails to compile otherwise).
const _ = uint(sigBlocks - probeBlocks)

// probeBlock is one of a search's blocks: its entry in byBlock and the
// number of clusters in its bucket (0 when it has none).
type probeBlock struct {
	v    int32
	size int
}

// blockRange returns the values of block b.
func blockRange(b int) (int, int) {
	return b * sigSize / sigBlocks, (b + 1) * sigSize / sigBlocks
}

// The index holds a signature of every narrative section of every current
// report, about a million at national scale. It is kept in flat, chunked
// tables linked by int32 numbers instead of pointers: a third of the memory
// of a pointer graph, and nothing for the garbage collector to scan, which
// at a million reports had become a fifth of a load's CPU.

// simEntry is an indexed section: seq is its place in the index's entries.
type simEntry struct {
	report, agency int64
	name           int32 // in simIndex.names
	cluster        int32
	nextMember     int32 // the cluster's next entry in seq order, or none
	prevOfAgency   int32 // the agency's previous entry, or none
}

// simCluster is the sections of one numeral and year with one signature:
// copied word for word, they are compared once, whatever their number.
type simCluster struct {
	year, numeral int32  // numeral in simIndex.numerals
	first, last   int32  // members (simEntry) in seq order
	visit         uint64 // the last search that compared it
}

// none ends the int32 links of the index.
const none = -1

// blockKey hashes a numeral, a year, a block number and the block's values,
// folded to 32 bits: a hash, not a struct of the four, for the index's
// memory on a national warehouse (a map slot of 8 bytes, not 16: ~1.8
// million keys at a million demo reports). A collision only merges two
// buckets, adding candidates, which are then compared in full, numeral and
// year included: a search still finds every signature that shares a block
// with it.
func blockKey(numeral string, year, block int, values []uint32) uint32 {
	h := hashValues(values)
	for i := 0; i < len(numeral); i++ {
		h = (h ^ uint64(numeral[i])) * 1099511628211
	}
	h = (h ^ uint64(year)) * 1099511628211
	h = (h ^ uint64(block+1)) * 1099511628211
	return uint32(h ^ h>>32)
}

// blockEntry is a cluster in a block's bucket with a sketch of its
// signature: three bits of each value. Values that differ in the sketch differ,
// so a sketch that differs in more than sigSize−minSame values rules the
// cluster out without touching it: a scan of a bucket reads contiguous
// memory, and only the few clusters the sketch lets through are compared in
// full. Buckets of common boilerplate grow with the warehouse; this keeps
// what each entry costs to a few nanoseconds.
//
// Entries are most of the index's memory (~10 million at a million demo
// reports, 9 or 10 of a signature's 12 blocks being boilerplate), so the
// sketch is kept as 32-bit halves: 28 bytes an entry, not 32 with the
// padding of 64-bit words.
type blockEntry struct {
	sketch  [2 * len(sketch{})]uint32
	cluster int32
}

func newBlockEntry(s sketch, cluster int32) blockEntry {
	e := blockEntry{cluster: cluster}
	for k, w := range s {
		e.sketch[2*k], e.sketch[2*k+1] = uint32(w), uint32(w>>32)
	}
	return e
}

// differ is how many values e's sketch and s show to differ. Written out,
// not as a loop over the words: the compiler then loads each pair of
// halves as one word (the loop cost a scan of a bucket a third more).
func (e *blockEntry) differ(s sketch) int {
	h := &e.sketch
	x := (uint64(h[0]) | uint64(h[1])<<32) ^ s[0]
	x |= (uint64(h[2]) | uint64(h[3])<<32) ^ s[1]
	x |= (uint64(h[4]) | uint64(h[5])<<32) ^ s[2]
	return bits.OnesCount64(x)
}

// A sketch is three words (differ is written out for three).
const _ = uint(len(sketch{}) - 3)
const _ = uint(3 - len(sketch{}))

// sketch holds bits 0, 1 and 2 of each of the sigSize values, one word
// per bit. Three bits rather than two: at a million reports the boilerplate
// buckets hold thousands of clusters whose signatures differ in 7 to 10
// values, and with two bits a quarter to a half of them passed the sketch
// and cost two cache misses each to be ruled out (a fifth of the load's CPU).
type sketch [3]uint64

// A sketch has one word per bit: a signature of more than 64 values would
// need more (this fails to compile then).
const _ = uint64(64 - sigSize)

func sketchOf(sig []uint32) sketch {
	var s sketch
	for i, v := range sig {
		for k := range s {
			s[k] |= uint64(v>>k&1) << i
		}
	}
	return s
}

// firstVisit tells whether search visit meets c for the first time, and
// marks it met.
func (c *simCluster) firstVisit(visit uint64) bool {
	if c.visit == visit {
		return false
	}
	c.visit = visit
	return true
}

// clusterSet is a small set of cluster numbers, open addressing in an
// array: a search meets a few dozen clusters, and this keeps them in the
// cache instead of writing a mark into each.
type clusterSet struct {
	slots [256]int32 // cluster number + 1; 0 is empty
	n     int
}

// met tells whether search visit met cluster c of ix before, and
// remembers it: in the set while half its slots are free, then with a mark
// in the cluster.
func (s *clusterSet) met(ix *simIndex, c int32, visit uint64) bool {
	i := uint32(c) * 2654435761 >> 24
	for ; s.slots[i] != 0; i = (i + 1) & 255 {
		if s.slots[i] == c+1 {
			return true
		}
	}
	if s.n < len(s.slots)/2 {
		s.slots[i] = c + 1
		s.n++
		return false
	}
	return !ix.clusters.at(c).firstVisit(visit)
}

// chunked is a growing table in chunks of chunkSize: growing never copies
// more than one chunk, so that the index's memory does not double for a
// moment every time a table does.
type chunked[T any] struct {
	chunks [][]T
	n      int32
}

const chunkBits = 14
const chunkSize = 1 << chunkBits

func (c *chunked[T]) add(v T) int32 {
	k := int(c.n >> chunkBits)
	if k == len(c.chunks) {
		c.chunks = append(c.chunks, make([]T, 0, 16))
	}
	ch := c.chunks[k]
	if len(ch) == cap(ch) {
		grown := make([]T, len(ch), min(2*cap(ch), chunkSize))
		copy(grown, ch)
		ch = grown
	}
	c.chunks[k] = append(ch, v)
	c.n++
	return c.n - 1
}

func (c *chunked[T]) at(i int32) *T { return &c.chunks[i>>chunkBits][i&(chunkSize-1)] }

// span returns element i as a slice of one.
func (c *chunked[T]) span(i int32) []T {
	j := i & (chunkSize - 1)
	return c.chunks[i>>chunkBits][j : j+1]
}

// simIndex finds, for a section, the similar sections of other agencies in
// the same year (through the blocks of their signatures) and of the same
// agency in other years (through the agency's own list, a few per year).
type simIndex struct {
	base     int64 // the seq of entries[0]: a plan's index continues the writer's
	entries  chunked[simEntry]
	clusters chunked[simCluster]
	// A cluster's signature is its blocks' values, kept once for all the
	// clusters that share a block: refs holds a cluster's blocks (numbers
	// in blocks), and two clusters share a number only when the block's
	// values are equal. Nine or ten of a signature's twelve blocks are
	// boilerplate at a million demo reports: 1.8 million distinct blocks
	// instead of 12 million, 90 MB instead of the signatures' 256.
	refs      chunked[[sigBlocks]int32] // by cluster
	blocks    chunked[blockValues]
	bucketRef []int32 // by bucket: a block's values of its key
	// byBlock finds a block's bucket: most blocks are in one signature
	// only, and map to its cluster (value ≥ 0); a bucket of two or more is
	// a slice of buckets (value −1−i), scanned as contiguous memory.
	byBlock  map[uint32]int32
	buckets  [][]blockEntry
	byAgency map[int64]int32 // → the agency's newest entry
	names    []string
	nameIDs  map[string]int32
	numerals []string
	numIDs   map[string]int32
	visits   uint64
}

// newSimIndex returns an empty index whose first entry has seq base.
func newSimIndex(base int64) *simIndex {
	return &simIndex{base: base, byBlock: map[uint32]int32{},
		byAgency: map[int64]int32{}, nameIDs: map[string]int32{}, numIDs: map[string]int32{}}
}

// nextSeq is the seq the next entry gets.
func (ix *simIndex) nextSeq() int64 { return ix.base + int64(ix.entries.n) }

// blockValues is a block's values; a block of five leaves the last zero.
type blockValues [6]uint32

// A block has at most six values (this fails to compile otherwise).
const _ = uint(len(blockValues{}) - (sigSize+sigBlocks-1)/sigBlocks)

// sigOf returns the signature of cluster ci.
func (ix *simIndex) sigOf(ci int32) [sigSize]uint32 {
	var sig [sigSize]uint32
	r := ix.refs.at(ci)
	for b := range sigBlocks {
		lo, hi := blockRange(b)
		copy(sig[lo:hi], ix.blocks.at(r[b])[:hi-lo])
	}
	return sig
}

// sameBlock tells whether block number ref holds the values vs.
func (ix *simIndex) sameBlock(ref int32, vs []uint32) bool {
	return slicesEqual(ix.blocks.at(ref)[:len(vs)], vs)
}

// keyRef returns a block number of the values of block b under the key
// whose byBlock entry is v: the bucket's, or the single cluster's block b.
// It is a candidate only: keys are hashes, so its values must be compared.
func (ix *simIndex) keyRef(v int32, b int) int32 {
	if v >= 0 {
		return ix.refs.at(v)[b]
	}
	return ix.bucketRef[-1-v]
}

// equalTo counts the values sig shares with cluster ci, or returns less
// than minSame as soon as too many differ, as equalValues; qref holds the
// block numbers of sig's blocks where known (none elsewhere): a block of
// the same number is equal without reading it.
func (ix *simIndex) equalTo(sig []uint32, qref *[sigBlocks]int32, ci int32) int {
	r := ix.refs.at(ci)
	miss := 0
	for b := range sigBlocks {
		if r[b] == qref[b] {
			continue
		}
		lo, hi := blockRange(b)
		vs := ix.blocks.at(r[b])
		for i := lo; i < hi; i++ {
			if sig[i] != vs[i-lo] {
				if miss++; miss > sigSize-minSame {
					return 0
				}
			}
		}
	}
	return sigSize - miss
}

// queryRefs returns the block numbers of sig's blocks found under their
// keys (none where a block is new or its key's values differ).
func (ix *simIndex) queryRefs(sig []uint32, at *[sigBlocks]int32, found *[sigBlocks]bool) [sigBlocks]int32 {
	var q [sigBlocks]int32
	for b := range sigBlocks {
		q[b] = none
		if found[b] {
			lo, hi := blockRange(b)
			if r := ix.keyRef(at[b], b); ix.sameBlock(r, sig[lo:hi]) {
				q[b] = r
			}
		}
	}
	return q
}

func intern(list *[]string, ids map[string]int32, s string) int32 {
	if id, ok := ids[s]; ok {
		return id
	}
	id := int32(len(*list))
	*list = append(*list, s)
	ids[s] = id
	return id
}

func hashValues(vs []uint32) uint64 {
	var h uint64 = 14695981039346656037
	for _, v := range vs {
		h = (h ^ uint64(v)) * 1099511628211
	}
	return h
}

// add indexes the section e with signature sig (sigSize values) as the
// entry of seq nextSeq(); entries must come in seq order.
func (ix *simIndex) add(e sigEntry, sig []uint32) {
	num := intern(&ix.numerals, ix.numIDs, e.numeral)
	id := ix.entries.add(simEntry{report: e.report, agency: e.agency, name: intern(&ix.names, ix.nameIDs, e.name),
		nextMember: none, prevOfAgency: none})
	ent := ix.entries.at(id)
	if prev, ok := ix.byAgency[e.agency]; ok {
		ent.prevOfAgency = prev
	}
	ix.byAgency[e.agency] = id
	// A cluster of this numeral, year and signature shares every block
	// with it, so it is in each block's bucket: in the smallest of them,
	// and in none when a block is new. (A map of whole signatures found it
	// before: a million keys, 26 MB, at a million demo reports.)
	var keys [sigBlocks]uint32
	var at [sigBlocks]int32
	var found [sigBlocks]bool
	all, smallest, size := true, 0, 0
	for b := range sigBlocks {
		lo, hi := blockRange(b)
		keys[b] = blockKey(e.numeral, e.year, b, sig[lo:hi])
		v, ok := ix.byBlock[keys[b]]
		if !ok {
			all = false
			continue
		}
		at[b], found[b] = v, true
		n := 1
		if v < 0 {
			n = len(ix.buckets[-1-v])
		}
		if size == 0 || n < size {
			smallest, size = b, n
		}
	}
	sk := sketchOf(sig)
	q := ix.queryRefs(sig, &at, &found)
	if all {
		same := func(ci int32) bool {
			c := ix.clusters.at(ci)
			return c.numeral == num && int(c.year) == e.year && ix.equalTo(sig, &q, ci) == sigSize
		}
		found := int32(none)
		if v := at[smallest]; v >= 0 {
			if same(v) {
				found = v
			}
		} else {
			for i := range ix.buckets[-1-v] {
				if be := &ix.buckets[-1-v][i]; be.differ(sk) == 0 && same(be.cluster) {
					found = be.cluster
					break
				}
			}
		}
		if found != none {
			c := ix.clusters.at(found)
			ent.cluster = found
			ix.entries.at(c.last).nextMember = id
			c.last = id
			return
		}
	}
	ci := ix.clusters.add(simCluster{year: int32(e.year), numeral: num, first: id, last: id})
	for b := range sigBlocks {
		if q[b] == none {
			var vs blockValues
			lo, hi := blockRange(b)
			copy(vs[:], sig[lo:hi])
			q[b] = ix.blocks.add(vs)
		}
	}
	ix.refs.add(q)
	ent.cluster = ci
	for b, k := range keys {
		be := newBlockEntry(sk, ci)
		switch v, ok := ix.byBlock[k]; {
		case !ok:
			ix.byBlock[k] = ci
		case v >= 0:
			ix.byBlock[k] = -1 - int32(len(ix.buckets))
			vsig := ix.sigOf(v)
			ix.buckets = append(ix.buckets, []blockEntry{newBlockEntry(sketchOf(vsig[:]), v), be})
			ix.bucketRef = append(ix.bucketRef, q[b])
		default:
			ix.buckets[-1-v] = appendEntry(ix.buckets[-1-v], be)
		}
	}
}

// appendEntry appends e to bucket b, growing it by a quarter rather than
// append's half to double: the buckets' spare capacity was a quarter of
// their memory (3.3 million entries of 13.3 at a million demo reports).
func appendEntry(b []blockEntry, e blockEntry) []blockEntry {
	if len(b) == cap(b) {
		grown := make([]blockEntry, len(b), len(b)+max(2, len(b)/4))
		copy(grown, b)
		b = grown
	}
	return append(b, e)
}

// merge adds the entries of a plan's index, which continues ix's seq.
func (ix *simIndex) merge(o *simIndex) {
	for i := int32(0); i < o.entries.n; i++ {
		oe := o.entries.at(i)
		c := o.clusters.at(oe.cluster)
		sig := o.sigOf(oe.cluster)
		ix.add(sigEntry{report: oe.report, agency: oe.agency, name: o.names[oe.name], year: int(c.year),
			numeral: o.numerals[c.numeral]}, sig[:])
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
	ix := newSimIndex(0)
	sig := make([]uint32, 0, sigSize)
	err := scanRows(ctx, db, stmt("state_fingerprints"), nil, func(rows *sql.Rows) error {
		var e sigEntry
		var values []any
		if err := rows.Scan(&e.report, &e.agency, &e.name, &e.year, &e.numeral, &values); err != nil {
			return err
		}
		sig = sig[:0]
		for _, v := range values {
			if u, ok := v.(uint32); ok {
				sig = append(sig, u)
			}
		}
		if len(sig) == sigSize {
			ix.add(e, sig)
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
	found      bool
	e          sigEntry
	seq        int64
	same, band int
}

func (m *match) better(seq int64, same, band int) bool {
	if !m.found || same != m.same {
		return !m.found || same > m.same
	}
	if band != m.band {
		return band < m.band
	}
	return seq < m.seq
}

// take makes entry id of ix the match.
func (m *match) take(ix *simIndex, id int32, same, band int) {
	ent := ix.entries.at(id)
	c := ix.clusters.at(ent.cluster)
	m.found, m.same, m.band, m.seq = true, same, band, ix.base+int64(id)
	m.e = sigEntry{report: ent.report, agency: ent.agency, name: ix.names[ent.name], year: int(c.year),
		numeral: ix.numerals[c.numeral]}
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
// own of earlier years, current ones only (isCurrent tells). visit numbers
// the search, for the marks it leaves when it meets many clusters. Which
// match wins does not depend on the order in which candidates are met:
// better is a total order. TestSimilarSearchExhaustive holds the search to
// a comparison with every indexed section.
func (ix *simIndex) search(m *match, self *sigEntry, numeral string, sig []uint32, visit uint64,
	isCurrent func(report, agency int64, year int) bool) {
	num, ok := ix.numIDs[numeral]
	if !ok {
		return // no section of this numeral: nothing to compare with
	}
	sk := sketchOf(sig)
	var probe [sigBlocks]probeBlock
	var at [sigBlocks]int32
	var found [sigBlocks]bool
	for b := range sigBlocks {
		lo, hi := blockRange(b)
		if v, ok := ix.byBlock[blockKey(numeral, self.year, b, sig[lo:hi])]; ok {
			probe[b] = probeBlock{v: v, size: 1}
			if v < 0 {
				probe[b].size = len(ix.buckets[-1-v])
			}
			at[b], found[b] = v, true
		}
	}
	q := ix.queryRefs(sig, &at, &found)
	// The agency's own sections first: a match found there bounds how
	// many blocks the search must look up.
	ix.searchOwn(m, self, num, sig, &q, isCurrent)
	for i := 1; i < sigBlocks; i++ { // by size, fewest first: a dozen blocks
		for j := i; j > 0 && probe[j].size < probe[j-1].size; j-- {
			probe[j], probe[j-1] = probe[j-1], probe[j]
		}
	}
	// A cluster shares several blocks with a similar signature, so it is
	// met in several buckets: seen remembers the ones compared, in a small
	// table that stays in the cache; visit marks the rest once it is full.
	// Comparing one twice would only cost time: better is a total order.
	var seen clusterSet
	var one [1]blockEntry // a block of one signature's bucket
	for k, pb := range probe {
		// Every match better than m has at least m.same values equal, so it
		// differs in at most sigSize−m.same blocks: one more block than
		// that, any of them, finds it. The bound only tightens as m
		// improves, so stopping here misses nothing.
		need := probeBlocks
		if m.found {
			need = sigSize - m.same + 1
		}
		if k >= need {
			break
		}
		var bucket []blockEntry
		switch {
		case pb.size == 0:
			continue
		case pb.v >= 0:
			// The search's own sketch: a signature alone in its
			// bucket is compared in full (its sketch is not kept:
			// making it would read the signature anyway).
			one[0] = newBlockEntry(sk, pb.v)
			bucket = one[:]
		default:
			bucket = ix.buckets[-1-pb.v]
		}
		for i := range bucket {
			be := &bucket[i]
			if be.differ(sk) > sigSize-max(minSame, m.same) || seen.met(ix, be.cluster, visit) {
				continue
			}
			same := ix.equalTo(sig, &q, be.cluster)
			if same < minSame {
				continue
			}
			c := ix.clusters.at(be.cluster)
			if int(c.year) != self.year || c.numeral != num {
				continue // another block with the same hash
			}
			csig := ix.sigOf(be.cluster)
			band := firstBand(sig, csig[:])
			// Members share the signature and come in seq order: the first
			// current one of another agency is the cluster's best, and once
			// one is not better than m, no later one is.
			for id := c.first; id != none; {
				e := ix.entries.at(id)
				if !m.better(ix.base+int64(id), same, band) {
					break
				}
				if e.agency != self.agency && e.report != self.report && isCurrent(e.report, e.agency, int(c.year)) {
					m.take(ix, id, same, band)
					break
				}
				id = e.nextMember
			}
		}
	}
}

// searchOwn improves m with the agency's own sections of earlier years:
// a few a year, in its list.
func (ix *simIndex) searchOwn(m *match, self *sigEntry, num int32, sig []uint32, q *[sigBlocks]int32,
	isCurrent func(report, agency int64, year int) bool) {
	head, ok := ix.byAgency[self.agency]
	if !ok {
		return
	}
	for id := head; id != none; {
		e := ix.entries.at(id)
		cur := id
		id = e.prevOfAgency
		c := ix.clusters.at(e.cluster)
		if int(c.year) >= self.year || c.numeral != num {
			continue
		}
		same := ix.equalTo(sig, q, e.cluster)
		if same < minSame {
			continue
		}
		csig := ix.sigOf(e.cluster)
		if band := firstBand(sig, csig[:]); m.better(ix.base+int64(cur), same, band) && isCurrent(e.report, e.agency, int(c.year)) {
			m.take(ix, cur, same, band)
		}
	}
}

// similarFindings compares the sections of a report being loaded with the
// current reports of other agencies for the same year and of the same agency
// for earlier years, in each of indexes, and warns for each section nearly
// identical to one of them. isCurrent tells whether an indexed report is
// still current; visits numbers the searches.
func similarFindings(self *sigEntry, sections []gongkai.Section, sigs [][]uint32, indexes []*simIndex,
	visits *uint64, isCurrent func(report, agency int64, year int) bool) ([]gongkai.Finding, []int64) {
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
		if !m.found {
			continue
		}
		best := m.e
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
