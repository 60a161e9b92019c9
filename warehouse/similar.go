package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
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
// in-memory LSH index (sigBands bands of sigRows values), built from the
// stored signatures the first time a report with sections loads, so that
// bulk loads of spreadsheets (which have no narrative) never pay for it.
const (
	minSimilarRunes = 80  // shorter sections are too generic to judge
	similarAbove    = 0.9 // estimated Jaccard at which a warning is given
	sigSize         = 64  // MinHash values per section
	sigRows         = 4   // values per LSH band
	sigBands        = sigSize / sigRows
	shingle         = 4 // characters per n-gram
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
}

type bandKey struct {
	numeral string
	band    int
	hash    uint64
}

// simIndex finds sections whose signatures share a band.
type simIndex struct {
	byBand map[bandKey][]*sigEntry
}

func (ix *simIndex) add(e *sigEntry) {
	for b := range sigBands {
		k := bandKeyOf(e.numeral, b, e.sig)
		ix.byBand[k] = append(ix.byBand[k], e)
	}
}

func bandKeyOf(numeral string, band int, sig []uint32) bandKey {
	var h uint64 = 14695981039346656037
	for _, v := range sig[band*sigRows : (band+1)*sigRows] {
		h = (h ^ uint64(v)) * 1099511628211
	}
	return bandKey{numeral, band, h}
}

// loadSimIndex builds the index from the signatures of current reports.
func loadSimIndex(ctx context.Context, db *sql.DB) (*simIndex, error) {
	ix := &simIndex{byBand: map[bandKey][]*sigEntry{}}
	err := scanRows(ctx, db, stmt("state_fingerprints"), nil, func(rows *sql.Rows) error {
		e := &sigEntry{}
		var sig []any
		if err := rows.Scan(&e.report, &e.agency, &e.name, &e.year, &e.numeral, &sig); err != nil {
			return err
		}
		for _, v := range sig {
			if u, ok := v.(uint32); ok {
				e.sig = append(e.sig, u)
			}
		}
		if len(e.sig) == sigSize {
			ix.add(e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("warehouse: read section fingerprints: %w", err)
	}
	return ix, nil
}

// similarFindings compares the sections of a report being loaded with the
// current reports of other agencies for the same year and of the same agency
// for earlier years, and warns for each section nearly identical to one of
// them. isCurrent tells whether an indexed report is still current.
func similarFindings(self *sigEntry, sections []gongkai.Section, sigs [][]uint32, cands func(bandKey) []*sigEntry,
	isCurrent func(*sigEntry) bool) ([]gongkai.Finding, []int64) {
	var fs []gongkai.Finding
	var others []int64
	for i, s := range sections {
		sig := sigs[i]
		if sig == nil {
			continue
		}
		var best *sigEntry
		bestSim := 0.0
		seen := map[*sigEntry]bool{}
		for b := range sigBands {
			for _, e := range cands(bandKeyOf(s.Numeral, b, sig)) {
				if seen[e] || e.report == self.report {
					continue
				}
				seen[e] = true
				if !(e.year == self.year && e.agency != self.agency) && !(e.agency == self.agency && e.year < self.year) {
					continue
				}
				if sim := similarity(sig, e.sig); sim >= similarAbove && sim > bestSim && isCurrent(e) {
					best, bestSim = e, sim
				}
			}
		}
		if best == nil {
			continue
		}
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
