package warehouse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gongkai"
)

// boilerplate is a synthetic narrative section long enough to judge.
const boilerplate = "本年度，%s坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政府信息公开条例各项要求，" +
	"围绕中心工作，持续深化重点领域信息公开，加强政策解读和回应关切，规范依申请公开办理流程，" +
	"完善政府信息公开平台建设，推进基层政务公开标准化规范化，政府信息公开工作取得新成效。"

func withSection(r *gongkai.Report, text string) *gongkai.Report {
	r.Sections = []gongkai.Section{{Numeral: "一", Title: "总体情况", Text: text, At: "line 3"}}
	return r
}

func similarOf(res LoadResult) []gongkai.Finding {
	var out []gongkai.Finding
	for _, f := range res.Findings {
		if f.Rule == ruleSimilar {
			out = append(out, f)
		}
	}
	return out
}

func TestSimilarSections(t *testing.T) {
	db := openTest(t)
	text := func(agency string) string { return strings.Replace(boilerplate, "%s", agency, 1) }
	a := load(t, db, LoadRequest{Report: withSection(sampleReport("甲局", 2021, 0, 0), text("甲局"))})
	if f := similarOf(a[0]); len(f) != 0 {
		t.Errorf("the first report has similarity findings: %+v", f)
	}
	tests := []struct {
		name   string
		r      *gongkai.Report
		reopen bool
		want   bool
	}{
		{"another agency, same year, copied", withSection(sampleReport("乙局", 2021, 0, 0), text("乙局")), false, true},
		{"another agency, same year, own words", withSection(sampleReport("丙局", 2021, 0, 0),
			"本机关今年重点推进了三件事：一是梳理公开目录，二是清理过期文件，三是培训工作人员。"+
				"下一步将继续完善制度，提高答复质量，确保按期办结每一件申请，并接受社会监督，不断提升群众满意度和获得感。"), false, false},
		{"same agency, later year, copied", withSection(sampleReport("甲局", 2022, 0, 0), text("甲局")), false, true},
		{"another agency, earlier year", withSection(sampleReport("丁局", 2020, 0, 0), text("丁局")), false, false},
		{"short section", withSection(sampleReport("戊局", 2021, 0, 0), "本年度无特别事项。"), false, false},
		{"after reopening", withSection(sampleReport("己局", 2021, 0, 0), text("己局")), true, true},
	}
	for _, tt := range tests {
		if tt.reopen {
			path := db.Path()
			db.Close()
			var err error
			if db, err = Open(context.Background(), path); err != nil {
				t.Fatal(err)
			}
			defer db.Close()
		}
		res := load(t, db, LoadRequest{Report: tt.r})
		got := similarOf(res[0])
		if (len(got) > 0) != tt.want {
			t.Errorf("%s: similarity findings %+v, want %v", tt.name, got, tt.want)
			continue
		}
		if tt.want && (got[0].Severity != gongkai.SeverityWarning || !strings.Contains(got[0].Message, "内容雷同") || got[0].At != "line 3") {
			t.Errorf("%s: finding %+v", tt.name, got[0])
		}
	}
	if n := count(t, db, "SELECT count(*) FROM findings WHERE rule = 'similar_text' AND other_report_id IS NOT NULL"); n != 3 {
		t.Errorf("%d stored similarity findings, want 3", n)
	}
}

func TestFingerprint(t *testing.T) {
	long := strings.Replace(boilerplate, "%s", "甲局", 1)
	if fingerprint("太短") != nil {
		t.Error("a short text has a fingerprint")
	}
	if s := similarity(fingerprint(long), fingerprint(long)); s != 1 {
		t.Errorf("identical texts: %v", s)
	}
	if s := similarity(fingerprint(long), fingerprint(" "+strings.ReplaceAll(long, "，", "， "))); s != 1 {
		t.Errorf("white space changes the fingerprint: %v", s)
	}
	if s := similarity(fingerprint(long), fingerprint(strings.Repeat("完全不同的另一段文字内容，", 10))); s > 0.2 {
		t.Errorf("unrelated texts: %v", s)
	}
}

// TestSimilarSearchExhaustive holds the index's search, which looks up only
// some blocks of a signature and stops early once a close match bounds the
// rest, to a comparison of each new section with every section indexed
// before it, in the order the check names its match. The signatures are
// dense near-copies of a few stock ones (0 to 12 values changed, some
// changes shared), as boilerplate makes them, so that many sections are
// just above or just below the threshold and buckets are large.
func TestSimilarSearchExhaustive(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	var stock [3][sigSize]uint32
	for i := range stock {
		for k := range stock[i] {
			stock[i][k] = rng.Uint32()
		}
	}
	type indexed struct {
		e   sigEntry
		sig []uint32
		seq int64
	}
	var all []indexed
	ix := newSimIndex(0)
	var visits uint64
	isCurrent := func(report, agency int64, year int) bool { return report%13 != 0 } // some retired
	found := 0
	for n := range 6000 {
		sig := slices.Clone(stock[rng.IntN(len(stock))][:])
		for range rng.IntN(13) {
			sig[rng.IntN(sigSize)] = uint32(rng.IntN(40)) // few distinct values: changes are shared
		}
		self := sigEntry{report: int64(n), agency: int64(rng.IntN(400)), name: fmt.Sprint("机关", n%400),
			year: 2019 + rng.IntN(3), numeral: []string{"一", "二"}[rng.IntN(2)]}
		self.name = fmt.Sprint("机关", self.agency)
		var want match
		for _, o := range all {
			if o.e.numeral != self.numeral || !isCurrent(o.e.report, o.e.agency, o.e.year) {
				continue
			}
			other := o.e.agency != self.agency && o.e.year == self.year
			own := o.e.agency == self.agency && o.e.year < self.year
			same := equalValues(sig, o.sig)
			if (other || own) && same >= minSame && want.better(o.seq, same, firstBand(sig, o.sig)) {
				want = match{found: true, e: o.e, seq: o.seq, same: same, band: firstBand(sig, o.sig)}
			}
		}
		var got match
		visits++
		ix.search(&got, &self, self.numeral, sig, visits, isCurrent)
		if got.found != want.found || got.found && (got.seq != want.seq || got.same != want.same || got.e != want.e) {
			t.Fatalf("section %d: search found %+v, every section compared finds %+v", n, got, want)
		}
		if got.found {
			found++
		}
		all = append(all, indexed{self, sig, ix.nextSeq()})
		ix.add(self, sig)
	}
	if found < 500 {
		t.Fatalf("only %d of 6000 sections have a match: the signatures no longer exercise the search", found)
	}
	t.Logf("%d of 6000 sections matched", found)
}

// TestSimIndexClusters holds the index's clusters to their definition: the
// sections of one numeral, year and signature, members in seq order, found
// through the smallest of the signature's block buckets (a map of whole
// signatures found them before). Signatures are near-copies of one stock,
// so that buckets are large and many blocks are shared by signatures that
// are not identical.
func TestSimIndexClusters(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	var stock [sigSize]uint32
	for k := range stock {
		stock[k] = rng.Uint32()
	}
	type key struct {
		numeral string
		year    int
		sig     [sigSize]uint32
	}
	want := map[key][]int32{}
	ix := newSimIndex(0)
	var distinct [][sigSize]uint32
	for n := range 5000 {
		var sig [sigSize]uint32
		if len(distinct) > 0 && rng.IntN(3) == 0 {
			sig = distinct[rng.IntN(len(distinct))] // a copy word for word
		} else {
			sig = stock
			for range rng.IntN(4) {
				sig[rng.IntN(sigSize)] = uint32(rng.IntN(6))
			}
			distinct = append(distinct, sig)
		}
		e := sigEntry{report: int64(n), agency: int64(rng.IntN(50)), name: "机关", year: 2020 + rng.IntN(2),
			numeral: []string{"一", "二"}[rng.IntN(2)]}
		k := key{e.numeral, e.year, sig}
		want[k] = append(want[k], ix.entries.n)
		ix.add(e, sig[:])
	}
	if int(ix.clusters.n) != len(want) {
		t.Fatalf("%d clusters, want %d", ix.clusters.n, len(want))
	}
	multi := 0
	for k, ids := range want {
		ci := ix.entries.at(ids[0]).cluster
		c := ix.clusters.at(ci)
		if c.numeral != ix.numIDs[k.numeral] || int(c.year) != k.year || ix.sigOf(ci) != k.sig {
			t.Fatalf("entry %d is in a cluster of another numeral, year or signature", ids[0])
		}
		var got []int32
		for id := c.first; id != none; id = ix.entries.at(id).nextMember {
			if ix.entries.at(id).cluster != ci {
				t.Fatalf("entry %d is a member of cluster %d but names %d", id, ci, ix.entries.at(id).cluster)
			}
			got = append(got, id)
		}
		if !slices.Equal(got, ids) || c.last != ids[len(ids)-1] {
			t.Fatalf("cluster %d has members %v (last %d), want %v", ci, got, c.last, ids)
		}
		if len(ids) > 1 {
			multi++
		}
	}
	if multi < 200 {
		t.Fatalf("only %d clusters of two or more: the test no longer exercises joining one", multi)
	}
	t.Logf("%d clusters, %d of two or more", len(want), multi)
}
