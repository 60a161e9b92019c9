package demo

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"gongkai"
	"gongkai/ingest"
	"gongkai/region"
	"gongkai/template"
)

// generateSet returns a small demo set, failing with the reason when the
// division data was not embedded.
func generateSet(tb testing.TB, seed int64, agencies int) *Set {
	tb.Helper()
	s, err := GenerateSet(seed, agencies)
	if errors.Is(err, region.ErrNoData) {
		tb.Fatalf("%v (the division data is an npm asset; `make test` copies it)", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := generateSet(t, 7, 60), generateSet(t, 7, 60)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different sets")
	}
	c := generateSet(t, 8, 60)
	if reflect.DeepEqual(a.Reports, c.Reports) {
		t.Error("seeds 7 and 8 gave the same reports")
	}
	if got := Generate(7, 60); !reflect.DeepEqual(got, a.Reports) {
		t.Error("Generate differs from GenerateSet")
	}
}

// TestGenerateShape checks every report against the format it claims: each
// cell of the format once, measures from the catalogue, the workbook's
// locations, and the demo source.
func TestGenerateShape(t *testing.T) {
	s := generateSet(t, 1, DefaultAgencies)
	cat := gongkai.CatalogueByCode()
	agencies := map[string]bool{}
	levels := map[string]int{}
	old := map[string]bool{}
	for _, a := range s.Anomalies {
		if a.Kind == AnomalyOldFormat {
			old[a.Agency] = true
		}
	}
	for _, r := range s.Reports {
		agencies[r.Agency] = true
		levels[r.Level]++
		want := gongkai.Format2021
		if r.Year < 2021 || (r.Year <= 2022 && old[r.Agency]) {
			want = gongkai.Format2019
		}
		if r.Format != want {
			t.Errorf("%s %d: format %s, want %s", r.Agency, r.Year, r.Format, want)
		}
		if r.Source.Kind != SourceKind || r.Source.Name != "demo/"+r.Agency+"-"+itoa(r.Year)+".xlsx" || len(r.Source.SHA256) != 64 {
			t.Errorf("%s %d: source %+v", r.Agency, r.Year, r.Source)
		}
		if r.Province == "" || r.Level == "" {
			t.Errorf("%s: no place (%q, %q)", r.Agency, r.Province, r.Level)
		}
		seen := map[[2]string]bool{}
		for _, v := range r.Values {
			if _, ok := cat[v.Measure]; !ok {
				t.Fatalf("%s %d: measure %q not in the catalogue", r.Agency, r.Year, v.Measure)
			}
			k := [2]string{v.Measure, v.Applicant}
			if seen[k] {
				t.Fatalf("%s %d: %s × %s twice", r.Agency, r.Year, v.Measure, v.Applicant)
			}
			seen[k] = true
			if v.At == "" || v.Raw == "" {
				t.Fatalf("%s %d: %s without location or raw text: %+v", r.Agency, r.Year, v.Measure, v)
			}
		}
		if n := cells(r.Format); len(r.Values) != n+3 {
			t.Errorf("%s %d: %d values, want the format's %d cells and 3 narrative figures", r.Agency, r.Year, len(r.Values), n)
		}
	}
	if len(agencies) != DefaultAgencies {
		t.Errorf("%d agencies, want %d", len(agencies), DefaultAgencies)
	}
	for _, lv := range region.Levels {
		if levels[lv] == 0 {
			t.Errorf("no reports of level %s", lv)
		}
	}
}

// cells counts the figure cells of a format's tables.
func cells(format string) int {
	f := gongkai.FormatByID(format)
	n := 0
	for _, t := range f.Tables {
		for _, b := range t.Blocks {
			for _, r := range b.Rows {
				if !r.Group {
					n += len(b.Columns)
				}
			}
		}
	}
	return n
}

func TestGenerateLocations(t *testing.T) {
	s := generateSet(t, 1, 20)
	want := map[string]map[[2]string]string{
		gongkai.Format2021: {
			{"apps.new", "natural"}:                    "表三!D5",
			{"apps.granted", "total"}:                  "表三!J7",
			{"apps.carried_out", "total"}:              "表三!J29",
			{"rules.issued", "total"}:                  "表二!B4",
			{"licensing.decisions", "total"}:           "表二!B8",
			{"fees.amount_wan", "total"}:               "表二!B15",
			{"review.upheld", "total"}:                 "表四!A5",
			{"litigation_after_review.total", "total"}: "表四!O5",
			{"narrative.proactive_items", "total"}:     "封面!B9",
		},
		gongkai.Format2019: {
			{"apps.other", "total"}:            "表三!J25",
			{"apps.carried_out", "total"}:      "表三!J27",
			{"licensing.items_delta", "total"}: "表二!C8",
			{"procurement.amount", "total"}:    "表二!C19",
		},
	}
	checked := map[string]bool{}
	for _, r := range s.Reports {
		if checked[r.Format] {
			continue
		}
		checked[r.Format] = true
		for k, at := range want[r.Format] {
			v, ok := r.Lookup(k[0], k[1])
			if !ok || v.At != at {
				t.Errorf("%s format %s: %s × %s at %q, want %q", r.Agency, r.Format, k[0], k[1], v.At, at)
			}
		}
	}
}

// TestGenerateConsistent checks the figures keep the rules wherever no fault
// was put in: every column balances, 上年结转 follows last year, and the
// faults are where the set says.
func TestGenerateConsistent(t *testing.T) {
	s := generateSet(t, 3, DefaultAgencies)
	faults := map[string]map[int]string{}
	counts := map[string]int{}
	for _, a := range s.Anomalies {
		if faults[a.Agency] == nil {
			faults[a.Agency] = map[int]string{}
		}
		if a.Kind != AnomalyOldFormat {
			faults[a.Agency][a.Year] = a.Kind
		}
		counts[a.Kind]++
	}
	for _, k := range []string{AnomalyMissing, AnomalyCarryBreak, AnomalyRowSum, AnomalyTotal, AnomalyNarrative, AnomalyOldFormat} {
		if counts[k] < 2 {
			t.Errorf("%d anomalies of kind %s, want at least 2", counts[k], k)
		}
	}
	num := func(r *gongkai.Report, m, a string) float64 {
		v, ok := r.Lookup(m, a)
		if !ok || v.Number == nil {
			return 0
		}
		return *v.Number
	}
	byKey := map[string]*gongkai.Report{}
	for _, r := range s.Reports {
		byKey[r.Agency+"/"+itoa(r.Year)] = r
	}
	for _, r := range s.Reports {
		fault := faults[r.Agency][r.Year]
		if fault == AnomalyMissing {
			t.Errorf("%s %d is meant to be missing", r.Agency, r.Year)
		}
		balanced := true
		for _, a := range gongkai.Applicants {
			if num(r, "apps.new", a)+num(r, "apps.carried_in", a) != num(r, "apps.total", a)+num(r, "apps.carried_out", a) {
				balanced = false
			}
		}
		if balanced != (fault != AnomalyTotal) {
			t.Errorf("%s %d (fault %q): balanced = %v", r.Agency, r.Year, fault, balanced)
		}
		narrative := num(r, "narrative.penalty", "total") == num(r, "penalty.decisions", "total")
		if narrative != (fault != AnomalyNarrative) {
			t.Errorf("%s %d (fault %q): narrative agrees = %v", r.Agency, r.Year, fault, narrative)
		}
		if items := num(r, "narrative.proactive_items", "total"); items < 50 || items > 3000 {
			t.Errorf("%s %d: %v items proactively published", r.Agency, r.Year, items)
		}
		prev := byKey[r.Agency+"/"+itoa(r.Year-1)]
		if prev == nil {
			continue
		}
		carried := true
		for _, a := range gongkai.Applicants {
			if num(r, "apps.carried_in", a) != num(prev, "apps.carried_out", a) {
				carried = false
			}
		}
		if carried != (fault != AnomalyCarryBreak) {
			t.Errorf("%s %d (fault %q): carry-over holds = %v", r.Agency, r.Year, fault, carried)
		}
	}
	for agency, years := range faults {
		for year, kind := range years {
			if _, ok := byKey[agency+"/"+itoa(year)]; ok == (kind == AnomalyMissing) {
				t.Errorf("%s %d (%s): present = %v", agency, year, kind, ok)
			}
		}
	}
}

// TestGenerateDistributions checks the set looks like real reports: most
// organs get few applications, natural persons dominate, licensing is heavy
// tailed and concentrated in 市场监管 and 行政审批.
func TestGenerateDistributions(t *testing.T) {
	s := generateSet(t, 1, DefaultAgencies)
	var few, many, reports int
	var natural, total float64
	maxLicensing := map[bool]float64{}
	zeroLicensing := 0
	for _, r := range s.Reports {
		reports++
		v, _ := r.Lookup("apps.new", gongkai.ApplicantTotal)
		switch n := *v.Number; {
		case n <= 20:
			few++
		case n >= 100:
			many++
		}
		nv, _ := r.Lookup("apps.new", gongkai.ApplicantNatural)
		natural += *nv.Number
		total += *v.Number
		l, _ := r.Lookup("licensing.decisions", gongkai.ApplicantTotal)
		if *l.Number == 0 {
			zeroLicensing++
		}
		big := strings.Contains(r.Agency, "市场监督") || strings.Contains(r.Agency, "行政审批")
		maxLicensing[big] = max(maxLicensing[big], *l.Number)
	}
	if few < reports*7/10 || many == 0 {
		t.Errorf("%d of %d reports with ≤20 applications, %d with ≥100", few, reports, many)
	}
	if natural < total*0.6 {
		t.Errorf("natural persons filed %v of %v applications", natural, total)
	}
	if zeroLicensing < reports/5 || maxLicensing[true] < 1000 || maxLicensing[true] <= maxLicensing[false] {
		t.Errorf("licensing: %d reports with none; max %v in 市场监管/行政审批, %v elsewhere", zeroLicensing, maxLicensing[true], maxLicensing[false])
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{DefaultAgencies, 20000} {
		b.Run(itoa(n), func(b *testing.B) {
			for b.Loop() {
				if s := Generate(1, n); len(s) == 0 {
					b.Fatal("no reports")
				}
			}
		})
	}
}

func TestEachMatchesGenerate(t *testing.T) {
	want := Generate(5, 30)
	var got []*gongkai.Report
	err := Each(5, 30, func(r *gongkai.Report) error {
		got = append(got, r)
		return nil
	})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("Each gave %d reports (err %v), Generate %d", len(got), err, len(want))
	}
	stop := errors.New("stop")
	n := 0
	err = Each(5, 30, func(*gongkai.Report) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("Each after an error: %v after %d reports", err, n)
	}
}

// TestGenerateFindings checks that validation finds the planted faults in
// table 三 and nothing in the reports without one, besides the warnings of
// the reports on their year's older form and of those published late.
func TestGenerateFindings(t *testing.T) {
	s := generateSet(t, 3, DefaultAgencies)
	faults := map[string]string{}
	for _, a := range s.Anomalies {
		if a.Kind != AnomalyOldFormat {
			faults[a.Agency+"/"+itoa(a.Year)] = a.Kind
		}
	}
	for _, r := range s.Reports {
		rules := map[string]bool{}
		for _, f := range r.Findings {
			rules[f.Rule] = true
		}
		var want []string
		switch faults[r.Agency+"/"+itoa(r.Year)] {
		case AnomalyRowSum: // the column of the broken cell no longer adds up either
			want = []string{"R2", "R1"}
		case AnomalyTotal:
			want = []string{"R1", "stated_balance"}
		case AnomalyNarrative:
			want = []string{"narrative"}
		}
		if r.Year >= 2021 && r.Format == gongkai.Format2019 { // AnomalyOldFormat
			want = append(want, "format")
		}
		if due := ingest.Deadline(r); !due.IsZero() && r.Published > due.Format("2006-01-02") {
			want = append(want, "deadline")
		}
		if len(rules) != len(want) {
			t.Errorf("%s %d (fault %q): findings %v, want rules %v", r.Agency, r.Year, faults[r.Agency+"/"+itoa(r.Year)], r.Findings, want)
			continue
		}
		for _, w := range want {
			if !rules[w] {
				t.Errorf("%s %d: no %s finding among %v", r.Agency, r.Year, w, r.Findings)
			}
		}
	}
}

// TestWorkbookRoundTrip writes demo reports of both formats into the official
// workbook (template.WriteFilled) and reads them back: every figure the
// workbook holds comes back with the same number at the same cell, and
// validation finds the same faults.
func TestWorkbookRoundTrip(t *testing.T) {
	s := generateSet(t, 3, DefaultAgencies)
	faulty := map[string]bool{}
	narrative := map[string]bool{} // its finding comes from the page, not the workbook
	for _, a := range s.Anomalies {
		switch a.Kind {
		case AnomalyRowSum, AnomalyTotal:
			faulty[a.Agency+"/"+itoa(a.Year)] = true
		case AnomalyNarrative:
			narrative[a.Agency+"/"+itoa(a.Year)] = true
		}
	}
	picked := map[string]bool{}
	for _, r := range s.Reports {
		kind := r.Format
		if faulty[r.Agency+"/"+itoa(r.Year)] {
			kind += " faulty"
		}
		if picked[kind] || narrative[r.Agency+"/"+itoa(r.Year)] {
			continue
		}
		picked[kind] = true
		var buf bytes.Buffer
		if err := template.WriteFilled(&buf, r); err != nil {
			t.Fatalf("%s %d: %v", r.Agency, r.Year, err)
		}
		got, err := ingest.Parse(r.Source.Name, buf.Bytes(), ingest.Options{})
		if err != nil {
			t.Fatalf("%s %d: %v", r.Agency, r.Year, err)
		}
		if got.Agency != r.Agency || got.Year != r.Year || got.Format != r.Format {
			t.Errorf("read back as %s %d %s, want %s %d %s", got.Agency, got.Year, got.Format, r.Agency, r.Year, r.Format)
		}
		for _, v := range r.Values {
			if v.At == narrativeAt {
				continue // the narrative is not in the workbook
			}
			g, ok := got.Lookup(v.Measure, v.Applicant)
			if !ok || g.At != v.At || !sameNumber(g.Number, v.Number) {
				t.Errorf("%s %d: %s × %s = %v at %s; read back %v at %s (found %v)",
					r.Agency, r.Year, v.Measure, v.Applicant, v.Raw, v.At, g.Raw, g.At, ok)
			}
		}
		if len(got.Findings) != len(r.Findings) {
			t.Errorf("%s %d: %d findings read back, %d generated", r.Agency, r.Year, len(got.Findings), len(r.Findings))
		}
	}
	if len(picked) != 4 {
		t.Errorf("checked %v, want both formats with and without faults", picked)
	}
}

// TestGeneratePublished checks the publication dates follow the deadline
// ingest applies: most reports on time, a small share late (each with
// ingest's warning), and townships, which have no deadline, never warned.
// Before, every level drew a date in January–March and no report carried
// the warning, though two in three departments' dates were past theirs.
func TestGeneratePublished(t *testing.T) {
	s := generateSet(t, 3, DefaultAgencies)
	late, due, townships := 0, 0, 0
	for _, r := range s.Reports {
		d, err := time.Parse("2006-01-02", r.Published)
		if err != nil || d.Year() != r.Year+1 {
			t.Errorf("%s %d: published %q, want a date of %d", r.Agency, r.Year, r.Published, r.Year+1)
			continue
		}
		warned := slices.ContainsFunc(r.Findings, func(f gongkai.Finding) bool { return f.Rule == "deadline" })
		deadline := ingest.Deadline(r)
		if deadline.IsZero() {
			townships++
			if warned {
				t.Errorf("%s %d: a deadline warning without a deadline", r.Agency, r.Year)
			}
			continue
		}
		due++
		if d.After(deadline) {
			late++
		}
		if warned != d.After(deadline) {
			t.Errorf("%s %d published %s, due %s: warned %v", r.Agency, r.Year, r.Published, deadline.Format("2006-01-02"), warned)
		}
	}
	if townships == 0 || late < due*2/100 || late > due*10/100 {
		t.Errorf("%d of %d reports with a deadline published late, want 2–10 %%; %d townships", late, due, townships)
	}
}

// TestDeadlineRoundTrip writes every late demo report, every one on its
// year's older form, and as many on time as late, into the official workbook and reads it back through ingest: the findings
// are the ones the demo attached, rule, place and message alike (the
// deadline's, the older form's, the tables' rules), so that the bench's
// findings are the ones an upload of the same report gets. (Reports with
// the narrative's fault are left out: the workbook has no narrative.)
func TestDeadlineRoundTrip(t *testing.T) {
	s := generateSet(t, 3, DefaultAgencies)
	narrative := map[string]bool{}
	for _, a := range s.Anomalies {
		if a.Kind == AnomalyNarrative {
			narrative[a.Agency+"/"+itoa(a.Year)] = true
		}
	}
	late, onTime, oldForm := 0, 0, 0
	for _, r := range s.Reports {
		if narrative[r.Agency+"/"+itoa(r.Year)] {
			continue
		}
		isLate := slices.ContainsFunc(r.Findings, func(f gongkai.Finding) bool { return f.Rule == "deadline" })
		isOld := slices.ContainsFunc(r.Findings, func(f gongkai.Finding) bool { return f.Rule == "format" })
		if !isLate && !isOld && onTime >= late {
			continue
		}
		switch {
		case isOld:
			oldForm++
		case isLate:
			late++
		default:
			onTime++
		}
		var buf bytes.Buffer
		if err := template.WriteFilled(&buf, r); err != nil {
			t.Fatalf("%s %d: %v", r.Agency, r.Year, err)
		}
		got, err := ingest.Parse(r.Source.Name, buf.Bytes(), ingest.Options{})
		if err != nil {
			t.Fatalf("%s %d: %v", r.Agency, r.Year, err)
		}
		if got.Published != r.Published {
			t.Errorf("%s %d: published %q read back, %q generated", r.Agency, r.Year, got.Published, r.Published)
		}
		if !reflect.DeepEqual(findingTexts(got.Findings), findingTexts(r.Findings)) {
			t.Errorf("%s %d: findings read back\n%q\ngenerated\n%q", r.Agency, r.Year, findingTexts(got.Findings), findingTexts(r.Findings))
		}
	}
	if late < 20 || oldForm < 2 {
		t.Errorf("%d late reports and %d on an older form in the set: too few to check", late, oldForm)
	}
}

// findingTexts returns each finding as one line of what a reader sees.
func findingTexts(fs []gongkai.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s %s %s %s×%s %s|%s %s", f.Rule, f.Severity, f.At, f.Measure, f.Applicant, f.RowLabel, f.ColumnLabel, f.Message)
	}
	return out
}

func sameNumber(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// BenchmarkEach streams the large set without keeping it, as a loader of
// 100,000 reports should.
func BenchmarkEach(b *testing.B) {
	for b.Loop() {
		n := 0
		if err := Each(1, 20000, func(*gongkai.Report) error { n++; return nil }); err != nil || n == 0 {
			b.Fatal(err, n)
		}
	}
}
