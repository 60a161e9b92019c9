package ingest

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gongkai"
)

// TestTableless parses every report in testdata/web that has a hand-written
// expected-values file (<fixture>.want) and holds what its narrative yields
// to it: every "measure = figure" read, from the narrative, at a line; every
// "measure = blank" not read; and no narrative figure the file does not
// list, so that a figure read wrong, or read where the sentence could mean
// two things, fails. A report of 2019 or later without tables must carry the
// no_tables error; it must load all the same.
func TestTableless(t *testing.T) {
	wants, err := filepath.Glob("testdata/web/*.want")
	if err != nil {
		t.Fatal(err)
	}
	if len(wants) < 5 {
		t.Fatalf("found %d expected-values files, want at least 5", len(wants))
	}
	for _, wf := range wants {
		in := strings.TrimSuffix(wf, ".want")
		t.Run(filepath.Base(in), func(t *testing.T) {
			want, blank := readWant(t, wf)
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(filepath.Base(in), data, Options{})
			if err != nil {
				t.Fatalf("rejected: %v", err)
			}
			noTables := false
			for _, f := range r.Findings {
				noTables = noTables || (f.Rule == RuleNoTables && f.Severity == gongkai.SeverityError)
			}
			if wantNo := r.Year >= 2019; noTables != wantNo {
				t.Errorf("year %d: no_tables error %v, want %v", r.Year, noTables, wantNo)
			}
			for m, w := range want {
				v, ok := r.Lookup(m, gongkai.ApplicantTotal)
				switch {
				case !ok || v.Number == nil:
					t.Errorf("%s: not read, want %v", m, w)
				case *v.Number != w:
					t.Errorf("%s = %v (%q), want %v", m, *v.Number, v.Raw, w)
				case v.Source != gongkai.SourceNarrative || !strings.HasPrefix(v.At, "line "):
					t.Errorf("%s: source %q at %q, want the narrative at a line", m, v.Source, v.At)
				}
			}
			for m := range blank {
				if v, ok := r.Lookup(m, gongkai.ApplicantTotal); ok && v.Number != nil {
					t.Errorf("%s = %v from %q, want blank", m, *v.Number, v.Raw)
				}
			}
			for _, v := range r.Values {
				if _, listed := want[v.Measure]; v.Source == gongkai.SourceNarrative && !listed {
					t.Errorf("unexpected figure %s = %v from %q (%s)", v.Measure, num(*v.Number), v.Raw, v.At)
				}
			}
		})
	}
}

// readWant reads an expected-values file: "measure = figure" or
// "measure = blank" per line, # for comments.
func readWant(t *testing.T, path string) (map[string]float64, map[string]bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, blank := map[string]float64{}, map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m, v, ok := strings.Cut(line, "=")
		m, v = strings.TrimSpace(m), strings.TrimSpace(v)
		if !ok || m == "" {
			t.Fatalf("%s: bad line %q", path, line)
		}
		if _, known := gongkai.CatalogueByCode()[m]; !known {
			t.Fatalf("%s: unknown measure %q", path, m)
		}
		if v == "blank" {
			blank[m] = true
			continue
		}
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("%s: bad figure in %q", path, line)
		}
		want[m] = n
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return want, blank
}

// TestChineseNumber reads the numerals reports write counts in.
func TestChineseNumber(t *testing.T) {
	for s, want := range map[string]int{
		"一": 1, "两": 2, "十": 10, "十一": 11, "二十": 20, "二十三": 23, "一百零五": 105, "一百一十": 110,
		"三百": 300, "一千零二十": 1020, "两万": 20000, "零": 0, "一万二千": 12000,
	} {
		if got, ok := chineseNumber(s); !ok || got != want {
			t.Errorf("chineseNumber(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"二三", "十十", "一二〇"} {
		if got, ok := chineseNumber(s); ok {
			t.Errorf("chineseNumber(%q) = %d, want no number", s, got)
		}
	}
}
