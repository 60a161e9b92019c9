package ingest

import (
	"bufio"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gongkai"
	"gongkai/ingest/internal/fixture"
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
			want, blank, findings := readWant(t, wf)
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(filepath.Base(in), data, Options{})
			if err != nil {
				t.Fatalf("rejected: %v", err)
			}
			noTables, tables := false, false
			for _, f := range r.Findings {
				noTables = noTables || (f.Rule == RuleNoTables && f.Severity == gongkai.SeverityError)
			}
			for _, v := range r.Values {
				tables = tables || v.Source != gongkai.SourceNarrative
			}
			if wantNo := r.Year >= 2019 && !tables; noTables != wantNo {
				t.Errorf("year %d, tables %v: no_tables error %v, want %v", r.Year, tables, noTables, wantNo)
			}
			for _, wf := range findings {
				ok := false
				for _, f := range r.Findings {
					ok = ok || f.Rule+" "+f.Measure == wf
				}
				if !ok {
					t.Errorf("no finding %q", wf)
				}
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
// "measure = blank" per line, "! rule measure" for a finding that must be
// there, # for comments.
func readWant(t *testing.T, path string) (map[string]float64, map[string]bool, []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, blank := map[string]float64{}, map[string]bool{}
	var findings []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if f, ok := strings.CutPrefix(line, "!"); ok {
			findings = append(findings, strings.TrimSpace(f))
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
	return want, blank, findings
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

// FuzzReadNarrative feeds arbitrary text to the narrative reader: it must
// not panic, and every figure it reads must be a non-negative number from
// the narrative with its sentence and line.
func FuzzReadNarrative(f *testing.F) {
	fixture.WebSeeds(f, ".txt")
	f.Add([]byte("本年度共受理政府信息公开申请十一件，其中予以公开九件；未发生行政复议。"))
	f.Add([]byte("四、政府信息公开行政复议、行政诉讼情况\n行政复议、行政诉讼0件，维持一百零五件，十十件，二三件。"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var lines []Line
		for i, l := range strings.Split(string(data), "\n") {
			lines = append(lines, Line{N: i + 1, Text: l})
		}
		for _, format := range []string{gongkai.Format2021, gongkai.Format2019, gongkai.FormatPre2019} {
			vals, _ := readNarrative(lines, format, 2021, "示例局")
			for _, v := range vals {
				if v.Number == nil || *v.Number < 0 || v.Source != gongkai.SourceNarrative || v.Raw == "" || !strings.HasPrefix(v.At, "line ") {
					t.Fatalf("bad figure %+v", v)
				}
			}
		}
	})
}

// TestRunningTotals holds that a proactive count that may be the sum of
// every year so far ("截至2015年底我局共主动公开…300条", "累计") is never
// read as the year's, and that a warning at its line says why it is blank,
// in every reader of the narrative (pre-2019 statistics words, pre-2019
// without them, a 2021 page without tables, a 2021 page with tables), while
// a count up to a date that names this year's span is read.
func TestRunningTotals(t *testing.T) {
	const table = "\n二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 1 | 0 | 3 |\n"
	for _, tt := range []struct {
		name, year, body string
		want             float64 // -1: blank with the warning; -3: blank
	}{
		{"pre2019 words, no comma", "2015", "截至2015年底我局共主动公开政府信息300条。\n本年度共受理政府信息公开申请3件，其中同意公开2件，信息不存在1件。", -1},
		{"pre2019 words, comma", "2015", "截至2015年底，我局共主动公开政府信息300条。\n本年度共受理政府信息公开申请3件，其中同意公开2件，信息不存在1件。", -1},
		{"pre2019 words, this year named", "2015", "截至2015年12月31日，本年度共主动公开政府信息300条。\n本年度共受理政府信息公开申请3件，其中同意公开2件，信息不存在1件。", 300},
		{"pre2019 narrative, no comma", "2016", "截至2016年底我乡共主动公开政府信息86条。\n本年度未收到政府信息公开申请。", -1},
		// The report's year set off by a comma at the sentence's head
		// scopes its 累计 to that year ("2025年,某镇累计主动公开…", round
		// 15's brief: read where the sentence's year is the report's).
		{"pre2019 narrative, 累計 after the year and a comma", "2012", "2012年，全局累計主動公開政府信息12條。\n本年度未收到政府信息公開申請。", 12},
		{"pre2019 narrative, 累計 right after the year", "2012", "2012年全局累計主動公開政府信息12條。\n本年度未收到政府信息公開申請。", -1},
		{"pre2019 narrative, 累计 since a site opened", "2016", "2016年，我乡网站开通以来累计主动公开政府信息86条。\n本年度未收到政府信息公开申请。", -1},
		{"pre2019 narrative, 累计 over months", "2016", "2016年，我乡1至11月累计主动公开政府信息86条。\n本年度未收到政府信息公开申请。", -1},
		{"pre2019 narrative, 累计 up to a date after it", "2016", "2016年，我乡累计主动公开政府信息86条（截至12月20日）。\n本年度未收到政府信息公开申请。", -1},
		{"2021 with tables, 累计 after the year and a comma", "2021", "2021年，示例镇累计主动公开政务信息数64条，其中，通过区政府门户网站公开信息9条。" + table, 64},
		{"2021 with tables, 累计 after another year", "2021", "2020年，示例镇累计主动公开政务信息数64条。" + table, -3},
		{"pre2019 narrative, year and total", "2016", "2016年，我乡主动公开政府信息86条，截至年底累计主动公开1200条。\n本年度未收到政府信息公开申请。", 86},
		{"2021 without tables, comma", "2021", "截至2021年12月31日，我街道共主动公开政府信息700条。\n本年度未收到政府信息公开申请。", -1},
		{"2021 without tables, this year named", "2021", "2021年1月1日至12月31日，我街道共主动公开政府信息700条。\n本年度未收到政府信息公开申请。", 700},
		{"2021 with tables, comma", "2021", "截至2021年12月31日，我街道共主动公开政府信息700条。" + table, -1},
		// "全年累计" sums this year alone.
		{"2022 without tables, 全年累计", "2022", "截止2022年12月31日，通过政府门户网站等载体全年累计主动公开政府信息数量46条。\n本年度未收到政府信息公开申请。", 46},
		{"2022 with tables, 全年累计", "2022", "截止2022年12月31日，通过政府门户网站等载体全年累计主动公开政府信息数量46条。" + table, 46},
		{"pre2019 narrative, 全年累计", "2016", "2016年，我乡全年累计主动公开政府信息86条。\n本年度未收到政府信息公开申请。", 86},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := "示例县示例局" + tt.year + "年政府信息公开工作年度报告\n一、总体情况\n" + tt.body + "\n"
			r, err := Parse("page.txt", []byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			v, read := r.Lookup("narrative.proactive_items", gongkai.ApplicantTotal)
			warned := 0
			for _, f := range r.Findings {
				if f.Measure == "narrative.proactive_items" && strings.Contains(f.Message, "历年累计") {
					warned++
					if f.At != "line 3" {
						t.Errorf("warning at %q, want line 3", f.At)
					}
				}
			}
			switch {
			case tt.want == -3 && read:
				t.Errorf("read %v (%+v); want blank: another year's count", read, v)
			case tt.want == -1 && (read || warned != 1):
				t.Errorf("read %v (%+v), %d warnings; want blank with one warning: %+v", read, v, warned, r.Findings)
			case tt.want >= 0 && (!read || v.Number == nil || *v.Number != tt.want || warned != 0):
				t.Errorf("read %v (%+v), %d warnings; want %v and no warning", read, v, warned, tt.want)
			}
		})
	}
}

// TestGovernmentAddressed holds that in the report of an organ that is no
// government, applications made to a government ("向市政府…提出的…申请5件")
// are not read as the organ's, beside tables or without them, while a
// government's own report reads them.
func TestGovernmentAddressed(t *testing.T) {
	const table = "\n二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 1 | 0 | 3 |\n"
	const said = "受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请5件。"
	for _, tt := range []struct {
		agency, body, measure string
		read                  bool
	}{
		{"示例区示例街道办事处", said + table, "narrative.apps_received", false},
		{"示例区示例街道办事处", said, "apps.new", false},
		{"示例市人民政府", said, "apps.new", true},
	} {
		page := tt.agency + "2021年政府信息公开工作年度报告\n一、总体情况\n" + tt.body + "\n"
		r, err := Parse("page.txt", []byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if v, ok := r.Lookup(tt.measure, gongkai.ApplicantTotal); ok != tt.read {
			t.Errorf("%s, %s: read %v (%+v), want %v", tt.agency, tt.measure, ok, v, tt.read)
		}
	}
}

// TestProactiveTotalsAndParts holds the two ways a page states its proactive
// count without the words of one: a bare total ("合计193条") under a
// sub-heading of proactive disclosure, read when the items the sentence
// lists before it add up to it, and a part ("其中主动公开信息1027条") of a
// whole that is the organ's own, read; otherwise blank with a warning that
// says why (unreadProactive says it where no rule of the readers does: one
// channel's count, one kind released). Each holds without tables and beside
// them.
func TestProactiveTotalsAndParts(t *testing.T) {
	const table = "\n二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 1 | 0 | 3 |\n"
	const sub = "（一）主动公开\n1.主动公开政府信息数量\n"
	for _, tt := range []struct {
		name, body string
		want       float64 // -1: blank with a warning holding warn; -2: blank, no warning
		warn       string
	}{
		{"total of its parts", sub + "本年度在门户网站发布工作动态64条，通知公告31条，合计95条。", 95, ""},
		{"total unlike its parts", sub + "本年度在门户网站发布工作动态64条，通知公告30条，合计95条。", -1, "与各项之和不符"},
		{"total under another sub-heading", "（二）依申请公开\n本年度在门户网站发布工作动态64条，通知公告31条，合计95条。", -2, ""},
		{"part of the organ's whole", "2021年，我局共发布各类信息880条，其中主动公开信息612条。", 612, ""},
		{"part of the county's whole", "2021年，全县共发布各类信息880条，其中主动公开信息612条。", -1, "其中"},
		{"part of a proactive whole", "2021年，我局主动公开政府信息880条，其中主动公开规范性文件5条。", 880, ""},
		{"published, the year before", "（一）主动公开信息\n2021年度共计公开各类信息97条，其中工作动态40条。", 97, ""},
		{"published through one channel", "（一）主动公开情况\n全年通过门户网站共公开信息97条，其中，工作动态40条。", 97, ""},
		{"published through two channels", "（一）主动公开情况\n全年通过门户网站共公开信息97条，通过微信公众号公开信息40条。", -1, "某一渠道"},
		{"published, summed over the year", "（一）主动公开情况\n全年累计公开信息97条，内容涵盖工作动态40条。", 97, ""},
		{"published, summed so far", "（一）主动公开情况\n2021年累计公开信息97条。", -1, "截至某日"},
		{"published, summed over the year set off", "（一）主动公开情况\n2021年，累计公开信息97条。", 97, ""},
		{"published by the organ through a column", "（一）主动公开情况\n2021年，我局通过示例管委会网站统计信息栏目公开信息97条。", 97, ""},
		{"a platform's count under its own heading", "（一）主动公开情况\n（四）政府信息公开平台建设情况。\n全年通过统计信息专栏公开政府信息19条。", -1, "不能确定是本机关本年度"},
		{"several channels as one, with one channel's part", "2021年，我局通过县政府网站、微信公众号、镇宣传栏等多种渠道主动公开各类信息97条，其中政务微信公开信息数40条。", 97, ""},
		{"released, in other words", "（一）主动公开情况\n2021年，我局主动发布政府信息97条。", 97, ""},
		{"one kind released", "（一）主动公开情况\n2021年，我局主动发布新闻稿件42条。", -1, "某一类信息"},
		{"an article of the law, not a count", "根据《中华人民共和国政府信息公开条例》第五十条规定，现公布本机关政府信息公开工作年度报告。", -2, ""},
		{"rough, released", "（一）主动公开情况\n2021年，我局通过门户网站等渠道发布各类信息100余条。", -1, "约数"},
		{"articles, one channel", "（一）主动公开情况\n2021年，我局通过区政府网站主动公开政府信息共计36篇。", -1, "不能确定是本机关本年度"},
		{"documents in copies", "（一）主动公开情况\n2021年，我局共印发主动公开文件16份，均通过局网站予以公开。", -1, "不能确定是本机关本年度"},
		{"kinds listed before 等, two channels", "（一）主动公开情况\n全年通过政府网站主动公开财政预决算、招生政策、重要政策解读等信息共计86条。微信公众号发布稿件533条。", -1, "某一渠道"},
		{"released on a line of proactive disclosure, rough", "（一）主动公开\n2021年，我局积极主动公开政府信息。在省级媒体发稿14篇，通过区门户网站、微信公众号分别发布500余条。", -1, "约数"},
		{"aspects, up to a date", "截止到2021年12月，我局主动公开涉及社会救助、安全生产等方面信息97条。", -1, "截至某日"},
	} {
		for _, beside := range []bool{false, true} {
			name := tt.name
			body := tt.body
			if beside {
				name += ", beside tables"
				body += table
			}
			t.Run(name, func(t *testing.T) {
				page := "示例县示例局2021年政府信息公开工作年度报告\n一、总体情况\n" + body + "\n"
				r, err := Parse("page.txt", []byte(page), Options{})
				if err != nil {
					t.Fatal(err)
				}
				v, read := r.Lookup("narrative.proactive_items", gongkai.ApplicantTotal)
				var warned []string
				for _, f := range r.Findings {
					if f.Measure == "narrative.proactive_items" {
						warned = append(warned, f.Message)
					}
				}
				switch {
				case tt.want >= 0 && (!read || v.Number == nil || *v.Number != tt.want || len(warned) != 0):
					t.Errorf("read %v (%+v), warnings %q; want %v and none", read, v, warned, tt.want)
				case tt.want == -1 && (read || len(warned) != 1 || !strings.Contains(warned[0], tt.warn)):
					t.Errorf("read %v (%+v), warnings %q; want blank with one warning holding %q", read, v, warned, tt.warn)
				case tt.want == -2 && (read || len(warned) != 0):
					t.Errorf("read %v (%+v), warnings %q; want blank and none", read, v, warned)
				}
			})
		}
	}
}

// TestSelfByLevel holds that an organ's short name by its level ("区局" in
// the report of a 区's 税务局) is the organ itself, and a higher level's
// ("市局") another organ.
func TestSelfByLevel(t *testing.T) {
	const agency = "国家税务总局示例市东岸区税务局"
	for _, tt := range []struct {
		agency, clause string
		other          bool
	}{
		{agency, "2025年区局共收到依申请公开事项6件", false},
		{agency, "市局转来申请2件", true},
		{agency, "县局收到申请2件", true},
		{agency, "我局收到申请2件", false},
		// 城市 and 市场 hold 市 without naming the city: the last level
		// is not known, so neither short name is taken for the organ.
		{"示例市东岸区城市管理局", "市局转来申请2件", true},
		{"示例市东岸区城市管理局", "区局收到申请2件", true},
		{"示例市东岸区市场监督管理局", "市局转来申请2件", true},
		// A kind of organ right after the year, with no name before it,
		// is the organ itself when its name is of that kind.
		{"示例区北关街道办事处", "2019年度街道发生行政复议案1件", false},
		{"示例区北关街道办事处", "2019年街道收到申请2件", false},
		{"示例区北关街道办事处", "2019年度局收到申请2件", true},
		{"示例区北关街道办事处", "2019年度东关街道收到申请2件", true},
		{"示例县青石镇", "2019年度街道收到申请2件", true},
		// An organ named as a channel's owner does not report the count.
		{"示例县青石镇", "通过市政府镇宣传栏主动公开信息12条", false},
		{"示例县青石镇", "通过县教育局网站公开信息12条", false},
		{"示例县青石镇", "县教育局公开信息12条", true},
	} {
		if got := namesOtherOrgan(tt.clause, tt.agency); got != tt.other {
			t.Errorf("%s, %s: another organ %v, want %v", tt.agency, tt.clause, got, tt.other)
		}
	}
}

// TestSuitsNotSplit holds that a count of suits in a report of a format that
// counts them apart (direct, after review) leaves both blank with one
// warning that says why, while a zero is zero in both and a pre-2019 report
// has one measure for it.
func TestSuitsNotSplit(t *testing.T) {
	for _, tt := range []struct {
		year, body string
		warned     bool
		want       map[string]float64
	}{
		{"2021", "本年度发生政府信息公开行政诉讼3件。", true, nil},
		{"2021", "本年度未发生政府信息公开行政诉讼。", false, map[string]float64{"litigation_direct.total": 0, "litigation_after_review.total": 0}},
		{"2016", "本年度发生政府信息公开行政诉讼3件。", false, map[string]float64{"pre2019.litigation_total": 3}},
	} {
		page := "示例县示例局" + tt.year + "年政府信息公开工作年度报告\n一、总体情况\n" + tt.body + "\n"
		r, err := Parse("page.txt", []byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		warned := 0
		for _, f := range r.Findings {
			if strings.Contains(f.Message, "未分“未经复议直接起诉”") {
				warned++
			}
		}
		if (warned == 1) != tt.warned || warned > 1 {
			t.Errorf("%s %s: %d warnings, want %v", tt.year, tt.body, warned, tt.warned)
		}
		for _, m := range []string{"litigation_direct.total", "litigation_after_review.total", "pre2019.litigation_total"} {
			v, ok := r.Lookup(m, gongkai.ApplicantTotal)
			w, want := tt.want[m]
			if ok != want || ok && (v.Number == nil || *v.Number != w) {
				t.Errorf("%s %s: %s read %v (%+v), want %v %v", tt.year, tt.body, m, ok, v.Number, want, w)
			}
		}
	}
}

// TestHandledAfterReceived holds that a bare 办结 count after a count of
// applications for information earlier in its sentence is the count
// handled, and one after other applications, or alone, is not.
func TestHandledAfterReceived(t *testing.T) {
	for _, tt := range []struct {
		body string
		want float64 // -1: not read
	}{
		{"2023年，我委收到政府信息公开申请44件（其中：网上申请42件，现场申请0件，邮寄2件），上年度结转0件，本年度办结39件。", 39},
		{"2023年，我局收到政府信息公开申请12件，办结12件。", 12},
		{"今年共受理低保申请320件，办结310件。", -1},
		{"主动公开政府信息20条。本年度办结39件。", -1},
	} {
		page := "示例县示例局2023年政府信息公开工作年度报告\n一、总体情况\n" + tt.body + "\n"
		r, err := Parse("page.txt", []byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		v, ok := r.Lookup("apps.total", gongkai.ApplicantTotal)
		if tt.want < 0 && ok || tt.want >= 0 && (!ok || v.Number == nil || *v.Number != tt.want) {
			t.Errorf("%s: apps.total read %v (%+v), want %v", tt.body, ok, v.Number, tt.want)
		}
	}
}

// TestOtherYearBefore holds that a year named before a clause makes its
// counts another year's only when it is not named to compare with.
func TestOtherYearBefore(t *testing.T) {
	for _, tt := range []struct {
		before string
		other  bool
	}{
		{"2022年,", true},
		{"上年,", true},
		{"与2022年相比,", false},
		{"2023年我局收到申请12件,比2022年增加3件,", false},
		{"2022年收到申请10件,较上年增加2件,", true},
		{"2022年收到申请10件,2023年", false},
		{"比2022年增加3件,上年", true},
		{"", false},
	} {
		if got := otherYearBefore(tt.before, 2023); got != tt.other {
			t.Errorf("%q: another year %v, want %v", tt.before, got, tt.other)
		}
	}
}

// TestNormativeDocsInProse holds the counts of normative documents a 2021
// report states in prose to the measures of its table 二, and nothing of
// them to a 2019 report (made and published are other measures there) or
// to documents reviewed, cleaned up or explained.
func TestNormativeDocsInProse(t *testing.T) {
	for _, tt := range []struct {
		format, sentence string
		want             map[string]float64
	}{
		{gongkai.Format2021, "制发行政规范性文件3件,废止行政规范性文件7件,现行有效件数19件。",
			map[string]float64{"normative_docs.issued": 3, "normative_docs.repealed": 7, "normative_docs.in_force": 19}},
		{gongkai.Format2021, "本年度印发规范性文件2件。", map[string]float64{"normative_docs.issued": 2}},
		{gongkai.Format2019, "制发行政规范性文件3件,废止行政规范性文件7件,现行有效件数19件。", map[string]float64{}},
		{gongkai.Format2021, "清理规范性文件35件,审查规范性文件8件,发布规范性文件解读4篇。", map[string]float64{}},
		{gongkai.Format2021, "废止规章2件。", map[string]float64{}},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.sentence}}, tt.format, 2023, "示例局")
		got := map[string]float64{}
		for _, v := range vals {
			if strings.HasPrefix(v.Measure, "normative_docs.") && v.Number != nil {
				got[v.Measure] = *v.Number
			}
		}
		if !maps.Equal(got, tt.want) {
			t.Errorf("%s (%s): %v, want %v", tt.sentence, tt.format, got, tt.want)
		}
	}
}

// TestNamesOwnOrgan holds the tail of the organ's name from its last level
// on (and 办 for 办公室) to the organ itself, and other names to none.
func TestNamesOwnOrgan(t *testing.T) {
	for _, tt := range []struct {
		agency, clause string
		own            bool
	}{
		{"示例市东岸区人民政府办公室", "区政府办公室收到政府信息公开申请47件", true},
		{"示例市东岸区人民政府办公室", "区人民政府办公室收到申请47件", true},
		{"示例市东岸区人民政府办公室", "区政府办收到申请47件", true},
		{"示例市东岸区人民政府办公室", "区教育局收到申请47件", false},
		{"示例市东岸区人民政府办公室", "市政府办公室收到申请47件", false},
		{"示例市东岸区教育局", "区教育局机关收到申请12件", true},
		{"示例市东岸区教育局", "全区教育系统共收到申请80件", false},
		{"示例局", "示例局收到申请3件", false},
	} {
		if got := namesOwnOrgan(tt.clause, tt.agency); got != tt.own {
			t.Errorf("%s, %s: own %v, want %v", tt.agency, tt.clause, got, tt.own)
		}
	}
}

// TestAllUpheld holds "全部维持" after a review count read in its sentence to
// that count upheld, and to nothing after another count or alone.
func TestAllUpheld(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		upheld   float64 // -1: none
	}{
		{"依申请公开答复后被行政复议9件,全部维持。", 9},
		{"因政府信息公开被申请行政复议2件,均予以维持。", 2},
		{"收到政府信息公开申请9件,全部维持。", -1},
		{"全部维持。", -1},
		{"全县共发生行政复议9件,全部维持。", -1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.sentence}}, gongkai.Format2021, 2023, "示例县示例局")
		if got := numberOf(vals, "review.upheld"); got != tt.upheld {
			t.Errorf("%s: upheld %v, want %v", tt.sentence, got, tt.upheld)
		}
	}
}

// TestSemicolonLeans checks that a sentence joined by a semicolon lends its
// words of applications to a bare 办结 or 答复 only when it is all the
// organ's own of the year, and that a count of applications received and
// answered in one, or of 依申请公开 with no verb, is neither count read.
func TestSemicolonLeans(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		handled  float64 // -1: blank
		received float64 // -1: blank
		warned   bool    // a warning for apps.new or apps.total
	}{
		{"全年共收到依申请公开申请15件,其中网络申请1件;答复完毕15件。", 15, 15, false},
		{"全年共收到依申请公开申请15件;办结14件。", 14, 15, false},
		{"区行政服务中心收到政府信息公开申请3件;办结3件。", -1, -1, true}, // another organ's: said to be left out
		{"全区共收到政府信息公开申请50件;答复完毕48件。", -1, -1, true},
		{"2022年收到政府信息公开申请6件;办结6件。", -1, -1, false},
		{"受理低保申请320件;办结310件。", -1, -1, false},
		{"年内受理并办结依申请公开23件。", -1, -1, true},
		{"共收到并答复政府信息公开申请7件。", -1, -1, true},
		{"共收到并办理依申请公开政府信息24件。", -1, 24, false},
		{"2023年度我局发生依申请公开1次。", -1, -1, true},
		{"依申请公开0件,网上公开了21件。", -1, -1, true},
		{"因依申请公开引起行政复议0件。", -1, -1, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: tt.sentence}}, gongkai.Format2021, 2023, "示例县示例局")
		handled, received := -1.0, -1.0
		for _, v := range vals {
			if v.Number == nil {
				continue
			}
			switch v.Measure {
			case "apps.total":
				handled = *v.Number
			case "apps.new":
				received = *v.Number
			}
		}
		warned := false
		for _, f := range finds {
			warned = warned || f.Measure == "apps.new" || f.Measure == "apps.total"
		}
		if handled != tt.handled || received != tt.received || warned != tt.warned {
			t.Errorf("%s: handled %v, received %v, warned %v; want %v, %v, %v", tt.sentence, handled, received, warned, tt.handled, tt.received, tt.warned)
		}
	}
}

// TestYearsPart: the report's year's part of a count of information
// published proactively over every year is the year's count; another year's
// part, a part of one kind, or a part of a whole of this year alone is not.
func TestYearsPart(t *testing.T) {
	tests := []struct {
		clause, before string
		want           float64
		ok             bool
	}{
		{"其中2018年度55条", "经过梳理和编目,我局历年累计主动公开信息210条,", 55, true},
		{"其中2014年主动公开政府信息130条", "我局到2014年底累计共主动公开政府信息1323条,", 130, true},
		{"其中本年度新增40条", "历年累计主动公开政府信息900条,", 40, true},
		{"其中2017年度55条", "我局历年累计主动公开信息210条,", 0, false},
		{"其中2018年度55条", "我局主动公开信息210条,", 0, false},
		{"其中2018年度政策文件55条", "我局历年累计主动公开信息210条,", 0, false},
		{"其中2018年度55件", "我局历年累计受理申请210件,", 0, false},
	}
	for _, tt := range tests {
		got, ok := yearsPart(tt.clause, tt.before, 2018+map[bool]int{true: -4}[strings.Contains(tt.before, "2014")])
		if ok != tt.ok || got != tt.want {
			t.Errorf("yearsPart(%q, %q) = %v, %v; want %v, %v", tt.clause, tt.before, got, ok, tt.want, tt.ok)
		}
	}
}

// TestReportWithoutTitle holds that a page whose text has no title is still
// read as a report when a sentence names the report of a year, or when its
// headings name the parts every report has (proactive disclosure,
// applications, and reviews and suits or the management of information),
// the agency and year given by the uploader; and that a guide to disclosure,
// which names the first two parts only, is still rejected. Real pages of
// both shapes (a 2020 street office's, a 2013 town's, a 2021 county
// bureau's) were rejected as no report ("未找到表二、表三、表四").
func TestReportWithoutTitle(t *testing.T) {
	cases := []struct {
		name, text string
		year       int
		agency     string
		want       map[string]float64 // figures read from the narrative
		reject     bool
	}{
		{name: "report named in a sentence", year: 2020, agency: "示例区示例街道办事处", text: "根据《中华人民共和国政府信息公开条例》的规定，现公布示例区示例街道2020年政府信息公开工作年度报告。\n" +
			"一、总体情况\n（一）加大政府信息主动公开力度\n2020年，示例街道主动公开政府信息218条。\n（二）依申请公开政府信息情况\n2020年，示例街道未收到政府信息公开申请。\n",
			want: map[string]float64{"narrative.proactive_items": 218, "apps.new": 0}},
		{name: "sections of the old 条例", year: 2013, text: "2013年，我镇认真贯彻《条例》，扎实推进政府信息公开工作。现将2013年工作情况报告如下：\n" +
			"一、基本情况\n2013年，我镇认真执行《条例》规定。\n二、主动公开政府信息情况\n2013年，我镇主动公开政府信息共152条。\n" +
			"三、依申请公开政府信息情况\n全年未收到政府信息公开申请。\n四、因政府信息公开申请行政复议和提起行政诉讼的情况\n全年未发生因政府信息公开而被申请行政复议、提起行政诉讼的案件。\n",
			want: map[string]float64{"narrative.proactive_items": 152, "apps.new": 0, "review.total": 0, "pre2019.litigation_total": 0}},
		{name: "sections of the 2021 format", year: 2021, text: "一、总体情况\n（一）主动公开情况\n2021年，我局主动公开政府信息91条。\n" +
			"（二）依申请公开情况\n2021年，我局未收到政府信息公开申请。\n（三）政府信息管理情况\n我局安排专人负责信息公开工作。\n",
			want: map[string]float64{"narrative.proactive_items": 91, "apps.new": 0}},
		{name: "a guide to disclosure", year: 2021, reject: true, text: "一、主动公开\n（一）公开范围\n本机关主动公开机构职能等信息，共12类。\n" +
			"二、依申请公开\n（一）申请的提出\n申请人可以通过网络、信函提出申请，1个工作日内登记。\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			agency := c.agency
			if agency == "" {
				agency = "示例单位"
			}
			r, err := Parse("page.txt", []byte(c.text), Options{Agency: agency, Year: c.year})
			if c.reject {
				if err == nil || !strings.Contains(gongkai.ErrorMessage(err), "未找到表二") {
					t.Fatalf("err = %v, want the rejection of a page that is no report", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for m, want := range c.want {
				v, ok := r.Lookup(m, gongkai.ApplicantTotal)
				if !ok || v.Number == nil || *v.Number != want {
					t.Errorf("%s = %+v, want %v", m, v, want)
				}
			}
		})
	}
}

// TestYearOpenedTotalBeside holds a 累计 in a sentence opening with the
// report's year and a comma to the sums over more years it may be: the
// year's own count stated beside it ("其中本年度…97条", "全年新增97条",
// "本年度受理3件"), the year named again for a part, or a figure stated
// before it. The running total is never read as the year's (bad); a
// figure, when read, is the year's (want, 0: blank is right too).
func TestYearOpenedTotalBeside(t *testing.T) {
	for _, tt := range []struct {
		name, year, body, measure string
		bad, want                 float64
	}{
		{"the year's part beside", "2021", "2021年，示例镇累计主动公开政府信息1200条，其中本年度主动公开97条。\n本年度未收到政府信息公开申请。", "narrative.proactive_items", 1200, 0},
		{"new this year beside", "2021", "2021年，示例镇累计主动公开政府信息1200条，全年新增97条。\n本年度未收到政府信息公开申请。", "narrative.proactive_items", 1200, 0},
		{"the year named again for a part", "2021", "2021年，示例镇网站累计主动公开信息1500条，其中2021年公开120条。\n本年度未收到政府信息公开申请。", "narrative.proactive_items", 1500, 0},
		{"growing year on year", "2021", "2021年，示例镇累计主动公开政府信息1200条，逐年递增。\n本年度未收到政府信息公开申请。", "narrative.proactive_items", 1200, 0},
		{"the year's figure first", "2016", "2016年，我镇主动公开政府信息86条，累计主动公开政府信息1200条。\n本年度未收到政府信息公开申请。", "narrative.proactive_items", 1200, 86},
		{"applications, this year's beside", "2021", "2021年，示例镇主动公开政府信息97条。\n2021年，示例镇累计受理政府信息公开申请15件，本年度受理3件。", "apps.new", 15, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := "示例县示例镇" + tt.year + "年政府信息公开工作年度报告\n一、总体情况\n" + tt.body + "\n"
			r, err := Parse("page.txt", []byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			v, read := r.Lookup(tt.measure, gongkai.ApplicantTotal)
			switch {
			case read && v.Number != nil && *v.Number == tt.bad:
				t.Errorf("read %v, a sum over more years than %s", *v.Number, tt.year)
			case tt.want != 0 && (!read || v.Number == nil || *v.Number != tt.want):
				t.Errorf("read %v (%+v); want %v", read, v, tt.want)
			}
		})
	}
}

// TestZeroOfAPartInWords holds a zero stated as 为零 of a part of the
// applications received ("其中不予公开的申请事项为零") to that part: the
// count received stated before it is read, not contradicted by a 0.
func TestZeroOfAPartInWords(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		want       float64
	}{
		{"withheld none", "本年度共受理依申请公开5件，其中不予公开的申请事项为零。", 5},
		{"none to complete", "本年度收到政府信息公开申请2件，补正申请事项为零。", 2},
		{"none handled", "全镇政府信息公开依申请办理事项为零。", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := "示例县示例镇2012年政府信息公开工作年度报告\n一、政府信息主动公开情况\n全年我镇主动公开信息38条。\n二、政府依申请公开政府信息和不予公开信息情况\n" + tt.body + "\n"
			r, err := Parse("page.txt", []byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			v, read := r.Lookup("apps.new", gongkai.ApplicantTotal)
			if !read || v.Number == nil || *v.Number != tt.want {
				t.Errorf("read %v (%+v); want %v: %+v", read, v, tt.want, r.Findings)
			}
		})
	}
}

// TestRound16ReadsWhereTheyMustNot tries the readings round 16 added (table
// 三's reasons withheld, reviews closing a 其中 list of outcomes, table 二's
// counts in 条, 新收 under the heading of applications, the count handled
// of "无上年结转…均已答复") on the sentence shapes where they must not read:
// each case's measure must be blank, or read as given.
func TestRound16ReadsWhereTheyMustNot(t *testing.T) {
	for _, tt := range []struct {
		lines   []string
		measure string
		want    float64 // -1: blank
	}{
		// Found to be no secret. Withheld for the one reason the words
		// give (the row's label and its group's, "属于国家秘密" under "不予
		// 公开") is that row's (session 31: it was said to fit no row).
		{[]string{"(二)依申请公开。2025年收到申请9件,经审查不属于国家秘密的信息6件予以公开。"}, "apps.withheld.state_secret", -1},
		{[]string{"(二)依申请公开。2025年收到申请9件,因属于国家秘密不予公开2件。"}, "apps.withheld.state_secret", 2},
		{[]string{"(二)依申请公开。2025年收到申请9件,因属于国家秘密和第三方合法权益不予公开2件。"}, "apps.withheld.state_secret", -1},
		{[]string{"(二)依申请公开。2025年收到申请9件,其中予以公开7件,属于国家秘密2件。"}, "apps.withheld.state_secret", 2},
		// No application in the sentence's subject: a count of secrets.
		{[]string{"(三)政府信息管理。全年定密属于国家秘密的文件3件。"}, "apps.withheld.state_secret", -1},
		// A 其中 of the reviews, or a review named before in the list.
		{[]string{"2025年因政府信息公开被申请行政复议5件,其中引发行政复议后又起诉1件。"}, "review.total", 5},
		{[]string{"(二)依申请公开。收到申请9件。其中予以公开7件,行政复议纠正1件,因政府信息公开引发行政复议2件。"}, "review.total", -1},
		{[]string{"(二)依申请公开。收到申请9件。其中行政复议1件,因政府信息公开引发行政复议2件。"}, "review.total", -1},
		{[]string{"(二)依申请公开。收到申请9件。其中予以公开7件,结转下年度办理1件,因政府信息公开引发行政复议2件。"}, "review.total", 2},
		// Table 二's words in 条 only on a line naming all three counts.
		{[]string{"(三)政府信息管理。发布规范性文件解读信息3条,废止规范性文件1件,现行有效规范性文件12件。"}, "normative_docs.issued", -1},
		{[]string{"(三)政府信息管理。本年度规范性文件发布4条。"}, "normative_docs.issued", -1},
		{[]string{"(三)政府信息管理。本年度规范性文件发布4条,废止数量1条,现行有效数量6条。"}, "normative_docs.issued", 4},
		// 新收 with a way of applying before any 其中, or outside the heading.
		{[]string{"(二)依申请公开情况。2025年通过信函新收2件,通过网站新收5件。"}, "apps.new", -1},
		{[]string{"(一)主动公开情况。2025年新收41件。"}, "apps.new", -1},
		{[]string{"(二)依申请公开情况。2025年新收41件,上一年度结转2件。"}, "apps.new", 41},
		// Every application answered: the count handled only with none
		// carried in and none carried out.
		{[]string{"(二)依申请公开。2025年收到申请7件,均已按时答复。"}, "apps.total", -1},
		{[]string{"(二)依申请公开。2025年收到申请7件,无上年度结转,除1件结转下年度办理外均已答复。"}, "apps.total", -1},
		{[]string{"(二)依申请公开。2025年收到申请7件,无上年度结转,均已按时答复。"}, "apps.total", 7},
	} {
		var lines []Line
		for i, s := range tt.lines {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2025, "示例市示例局")
		got := numberOf(vals, tt.measure)
		if got != tt.want {
			t.Errorf("%v: %s %v, want %v", tt.lines, tt.measure, got, tt.want)
		}
	}
}

// TestReceivedNoneOfAPart holds that a bare none after a label is read as
// no application received only when the label names all the applications
// received, the organ's own: a none of a part, a channel, another count or
// a thing that is not an application for information stored 0 with no
// finding (3bb3b4f), whatever came in otherwise.
func TestReceivedNoneOfAPart(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		none       bool // read as none received
	}{
		{"the label of all received", "我局2009年度依申请受理信息公开申请：无。", true},
		{"a list item", "1.本年度受理政府信息公开申请：无。", true},
		{"the organ by its name", "示例县示例局2009年度受理信息公开申请：无。", true},
		{"those not accepted", "不予受理信息公开申请：无。", false},
		{"those refused to accept", "未予受理信息公开申请：无。", false},
		{"one channel", "通过网络受理信息公开申请：无；当面受理信息公开申请3件。", false},
		{"one channel of a list", "1.当面受理信息公开申请：无。\n2.网上受理信息公开申请：3件。", false},
		{"by letter", "以信函方式受理信息公开申请：无。", false},
		{"online", "网上受理信息公开申请：无。", false},
		{"reviews", "收到信息公开行政复议申请：无。", false},
		{"carried in", "上年度结转受理信息公开申请：无。", false},
		{"withdrawn", "收到申请人撤回的信息公开申请：无。", false},
		{"of private information", "受理涉及个人隐私的信息公开申请：无。", false},
		{"for fee relief", "接到减免收费的信息公开申请：无。", false},
		{"a fee's", "受理依申请公开的收费申请：无。", false},
		{"passed on", "转送其他机关办理的受理信息公开申请：无。", false},
		{"a part after 其中", "其中，受理信息公开申请：无。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := "示例县示例局2009年政府信息公开年度报告\n一、主动公开信息情况\n2009年,我局利用县政府网站主动公开政府信息共计15条。\n二、依申请公开政府信息情况\n" + tt.body + "\n"
			r, err := Parse("page.txt", []byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			v, read := r.Lookup("apps.new", gongkai.ApplicantTotal)
			none := read && v.Number != nil && *v.Number == 0
			if none != tt.none {
				t.Errorf("read as none received: %v, want %v (%+v, %+v)", none, tt.none, v, r.Findings)
			}
		})
	}
}

// TestRound16AskedAndStillOpen tries two readings of a54829d on shapes
// where they stored a wrong figure with no finding: a reason of table 三
// before the count of what was asked for or touched on, whose outcome the
// words after it give (published, not withheld), and "无上年度结转,均已答复"
// beside a count still open or carried into the next year, whose count
// handled is not the count received. Each measure must be blank.
func TestRound16AskedAndStillOpen(t *testing.T) {
	for _, tt := range []struct {
		line, measure string
	}{
		{"(二)依申请公开情况。2025年收到申请9件,其中申请公开过程性信息3件,经审查后予以公开2件。", "apps.withheld.process_info"},
		{"(二)依申请公开情况。2025年收到申请9件,其中申请公开行政执法案卷信息的5件均已公开。", "apps.withheld.enforcement_file"},
		{"(二)依申请公开情况。2025年收到申请9件,涉及内部事务信息2件,经审查予以公开。", "apps.withheld.internal_affairs"},
		{"(二)依申请公开情况。2025年收到申请9件,其中涉及保护第三方合法权益的申请2件,经征求意见后予以公开。", "apps.withheld.third_party"},
		{"(二)依申请公开情况。2025年收到申请9件,其中申请公开属于国家秘密信息的2件,经审查部分公开。", "apps.withheld.state_secret"},
		{"(二)依申请公开情况。2025年收到政府信息公开申请7件,无上年度结转,均已答复,其中2件结转至2026年。", "apps.total"},
		{"(二)依申请公开情况。2025年收到政府信息公开申请7件,无上年度结转,均已按时答复,其中1件延期至下年度答复。", "apps.total"},
		{"(二)依申请公开情况。2025年收到政府信息公开申请7件,无上年度结转,均已受理并答复,1件待答复。", "apps.total"},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, "示例市示例局")
		for _, v := range vals {
			if v.Measure == tt.measure && v.Number != nil {
				t.Errorf("%s: %s read as %v, want blank", tt.line, tt.measure, *v.Number)
			}
		}
	}
	// The shape the readings were made for still reads.
	vals, _ := readNarrative([]Line{{N: 1, Text: "(二)依申请公开情况。2025年收到申请9件,其中予以公开7件,属于国家秘密1件,其他法律行政法规禁止公开1件。"}}, gongkai.Format2021, 2025, "示例市示例局")
	read := 0
	for _, v := range vals {
		if (v.Measure == "apps.withheld.state_secret" || v.Measure == "apps.withheld.prohibited_by_law") && v.Number != nil && *v.Number == 1 {
			read++
		}
	}
	if read != 2 {
		t.Errorf("the reasons of a list of outcomes: %d of 2 read: %+v", read, vals)
	}
}

// TestAreaPartsOnlyWhenTheyAct holds 1066c0c's scope of a clause with no
// count to the clauses that name the area's parts as the ones acting: parts
// named as an object or a circumstance of the organ's own work left its
// count blank as a part of another total (a figure lost, under a message
// naming a 其中 the sentence does not have).
func TestAreaPartsOnlyWhenTheyAct(t *testing.T) {
	for _, tt := range []struct {
		body string
		want float64 // -1: blank
	}{
		{"2021年，我局督促各部门及时公开信息，主动公开政府信息120条。", 120},
		{"2021年，在各级领导的关心支持下，主动公开政府信息120条。", 120},
		{"我镇指导各村做好政务公开工作，全年主动公开政府信息120条。", 120},
		{"2021年，我局通过局属网站和政务新媒体，主动公开政府信息120条。", 120},
		{"2021年，通过政府网站、微信公众号分别发布信息，主动公开政府信息120条。", 120},
		{"为方便各类主体查询，本年度主动公开政府信息120条。", 120},
		{"2021年，依托所属门户网站，主动公开政府信息120条。", 120},
		{"2021年，全县各级行政机关通过政府信息公开专栏，主动公开政府信息120条。", -1},
		{"2021年，我局及下属各单位通过政府网站，主动公开政府信息120条。", -1},
		{"全县各部门依托政府网站，主动公开政府信息120条。", -1},
	} {
		page := "示例县示例镇2021年政府信息公开工作年度报告\n一、总体情况\n" + tt.body + "\n本年度未收到政府信息公开申请。\n"
		r, err := Parse("page.txt", []byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := -1.0
		if v, read := r.Lookup("narrative.proactive_items", gongkai.ApplicantTotal); read && v.Number != nil {
			got = *v.Number
		}
		if got != tt.want {
			t.Errorf("%s: read %v, want %v", tt.body, got, tt.want)
		}
	}
}

// TestYearOpenedTotalSince: a 累计 after the report's year and a comma is
// not the year's when the sentence says it runs from before the year
// ("现已累计", "建成后累计") or states a part over more than the year ("其中
// 近三年"); each stored the running total as the year's with no finding.
func TestYearOpenedTotalSince(t *testing.T) {
	for _, body := range []string{
		"2021年，示例镇累计主动公开政府信息1200条，其中近三年公开300条。",
		"2021年，示例镇政府网站现已累计主动公开信息1200条。",
		"2021年，示例镇政府信息公开平台建成后累计主动公开政府信息1200条。",
		"2021年，示例镇政府网站多年来累计主动公开信息1200条。",
	} {
		page := "示例县示例镇2021年政府信息公开工作年度报告\n一、总体情况\n" + body + "\n本年度未收到政府信息公开申请。\n"
		r, err := Parse("page.txt", []byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if v, read := r.Lookup("narrative.proactive_items", gongkai.ApplicantTotal); read && v.Number != nil {
			t.Errorf("%s: read %v, a sum over more years than 2021", body, *v.Number)
		}
	}
	// The shape the reading was made for still reads.
	page := "示例县示例镇2021年政府信息公开工作年度报告\n一、总体情况\n2021年,示例镇累计主动公开政务信息145条。\n本年度未收到政府信息公开申请。\n"
	r, err := Parse("page.txt", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v, read := r.Lookup("narrative.proactive_items", gongkai.ApplicantTotal); !read || v.Number == nil || *v.Number != 145 {
		t.Errorf("the year's own 累计: read %v %+v, want 145", read, v)
	}
}

// TestOrganNamedKeepsAreaScope: the organ named in a clause with no count
// after the whole area's count ("经我办督促", "在我局指导下", "本机关高度重视")
// does not make the counts after it the organ's own; 1066c0c's reset of the
// scope there stored the area's figures as the organ's with no finding.
func TestOrganNamedKeepsAreaScope(t *testing.T) {
	for _, tt := range []struct{ body, measure string }{
		{"全区各部门共受理政府信息公开申请100件，经我办督促，结转下年度5件。", "apps.carried_out"},
		{"全区各部门共受理政府信息公开申请100件，在我局指导下，办结95件。", "apps.total"},
		{"全县共收到政府信息公开申请100件，本机关高度重视，予以公开80件。", "apps.granted"},
	} {
		page := "示例县示例镇2021年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息120条。\n" + tt.body + "\n"
		r, err := Parse("page.txt", []byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if v, read := r.Lookup(tt.measure, gongkai.ApplicantTotal); read && v.Number != nil {
			t.Errorf("%s: %s read as the organ's own %v", tt.body, tt.measure, *v.Number)
		}
	}
}

// TestNoneWithheldExists: "不存在不予公开政府信息" is none withheld (the old
// 条例's count) only where the statement ends with it; "不存在不予公开的信息
// 被申请人起诉的情况" is of suits.
func TestNoneWithheldExists(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		want     float64 // -1: blank
	}{
		{"2012年未收到政府信息公开申请,也不存在不予公开政府信息。", 0},
		{"本年度不存在不予公开的政府信息的情况。", 0},
		{"本年度不存在不予公开的信息被申请人起诉的情况。", -1},
	} {
		lines := []Line{{N: 1, Text: "二、依申请公开政府信息和不予公开政府信息的情况"}, {N: 2, Text: tt.sentence}}
		vals, _ := readNarrative(lines, gongkai.FormatPre2019, 2012, "示例局")
		got := numberOf(vals, "pre2019.apps_withheld")
		if got != tt.want {
			t.Errorf("%s: withheld %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

// TestRound17ReadsWhereTheyMustNot holds round 17's three corrections of
// silently wrong readings (the review's LOW items of session 25) and tries
// each on the shapes where the reading they narrowed must still be made:
//   - a statement of none before a colon is a label of the count after it
//     ("逾期未受理信息公开申请:无" is none not accepted in time, not none
//     received);
//   - a review or suit named as the cause of applications is no review or
//     suit ("未出现因行政复议、信访、举报、诉讼引发的…申请");
//   - a count received with those carried in stated inside it ("其中上年度
//     结转2件", "含上年度结转2件") is no count newly received.
func TestRound17ReadsWhereTheyMustNot(t *testing.T) {
	for _, tt := range []struct {
		lines   []string
		measure string
		want    float64 // -1: blank
	}{
		// A label before a colon.
		{[]string{"(二)依申请公开。逾期未受理信息公开申请:无。"}, "apps.new", -1},
		{[]string{"(二)依申请公开。未受理信息公开申请:0件。"}, "apps.new", -1},
		{[]string{"(二)依申请公开。本年度逾期未受理信息公开申请。"}, "apps.new", -1},
		{[]string{"(二)依申请公开。本年度未受理信息公开申请。"}, "apps.new", 0},
		{[]string{"(二)依申请公开。本年度未收到政府信息公开申请。"}, "apps.new", 0},
		{[]string{"(二)依申请公开。本年度未收到政府信息公开申请,无上年度结转。"}, "apps.new", 0},
		{[]string{"(二)依申请公开。我局2025年度依申请受理信息公开申请:无。"}, "apps.new", 0},
		// A review or suit as the cause of applications.
		{[]string{"(四)监督保障。今年未出现因行政复议、信访、举报、诉讼引发的政府信息公开申请。"}, "review.total", -1},
		{[]string{"(四)监督保障。今年未出现因行政复议、信访、举报、诉讼引发的政府信息公开申请。"}, "litigation_direct.total", -1},
		{[]string{"(四)监督保障。全年没有因行政诉讼而提出的政府信息公开申请。"}, "litigation_direct.total", -1},
		{[]string{"(四)监督保障。本年度未发生因政府信息公开申请引发的行政复议。"}, "review.total", 0},
		{[]string{"(四)监督保障。本年度不存在因信息公开申请引起的行政复议和行政诉讼情况。"}, "review.total", 0},
		{[]string{"(四)监督保障。本年度不存在因信息公开申请引起的行政复议和行政诉讼情况。"}, "litigation_direct.total", 0},
		{[]string{"(四)监督保障。本年度未发生因政府信息公开引发的行政复议、诉讼。"}, "litigation_direct.total", 0},
		// Carried in stated inside the count received.
		{[]string{"(二)依申请公开。2025年新收政府信息公开申请10件,其中上年度结转2件。"}, "apps.new", -1},
		{[]string{"(二)依申请公开。2025年新收政府信息公开申请10件,其中上年度结转2件。"}, "apps.carried_in", 2},
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请10件(含上年度结转2件)。"}, "apps.new", -1},
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请10件,包括上一年度结转2件。"}, "apps.new", -1},
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请10件。其中上年度结转2件。"}, "apps.new", -1},
		// The new ones named with nothing else after the count received
		// (fixes s34): certain.
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请12件,其中新收10件,上年度结转2件。"}, "apps.new", 10},
		{[]string{"(二)依申请公开。2025年新收政府信息公开申请10件,上年度结转2件。"}, "apps.new", 10},
		{[]string{"(二)依申请公开。2025年新收政府信息公开申请10件,另有上年度结转2件。"}, "apps.new", 10},
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请10件(不含上年度结转2件)。"}, "apps.new", 10},
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请10件,其中网上申请8件。上年度结转2件。"}, "apps.new", 10},
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请10件。上年度结转2件,其中予以公开1件。"}, "apps.new", 10},
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请10件,其中予以公开8件。结转下年度2件。"}, "apps.new", 10},
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请30件(其中:网上申请28件,邮寄2件),上年度结转1件。"}, "apps.new", 30},
		{[]string{"(二)依申请公开。2025年收到政府信息公开申请10件,其中上年度结转0件。"}, "apps.new", 10},
	} {
		var lines []Line
		for i, s := range tt.lines {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2025, "示例市示例局")
		got := numberOf(vals, tt.measure)
		if got != tt.want {
			t.Errorf("%v: %s %v, want %v", tt.lines, tt.measure, got, tt.want)
		}
	}
}

// readOne returns the figure readNarrative reads for measure from lines of
// a 2025 report, -1 when it is blank.
func readOne(t *testing.T, lines []string, measure string) float64 {
	t.Helper()
	var ls []Line
	for i, s := range lines {
		ls = append(ls, Line{N: i + 1, Text: s})
	}
	vals, _ := readNarrative(ls, gongkai.Format2021, 2025, "示例市示例局")
	got := numberOf(vals, measure)
	return got
}

// TestNewlyReceivedOnlyOfApplications holds that a bare 新收 count under the
// heading of applications (a54829d) is the applications received only when
// nothing after it says what else it counts: "新收2件行政复议申请", "新收3件
// 举报投诉", "新收12件人大建议和政协提案", "新收12件,均为咨询类事项,不属于政府
// 信息公开申请" and "新收63件,其中依申请公开申请60件,咨询3件" were each stored
// as apps.new, with no word.
func TestNewlyReceivedOnlyOfApplications(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		body string
		want float64 // -1: blank
	}{
		{"2025年新收2件行政复议申请,均已办结。", -1},
		{"本年度新收3件举报投诉,均已办结。", -1},
		{"2025年新收12件人大建议和政协提案。", -1},
		{"2025年新收12件,均为咨询类事项,不属于政府信息公开申请。", -1},
		{"2025年新收63件,其中依申请公开申请60件,咨询3件。", -1},
		// The heading's noun, as a54829d reads it.
		{"2025年新收63件,上一年度结转1件,共计64件。", 63},
		{"2025年新收12件(含转办件5件)。", 12},
		{"2025年新收63件。其中,通过信函提交申请的6件。", 63},
		{"2025年新收63件,均为政府信息公开申请,已全部办结。", 63},
	} {
		if got := readOne(t, []string{head + tt.body}, "apps.new"); got != tt.want {
			t.Errorf("%s: apps.new %v, want %v", tt.body, got, tt.want)
		}
	}
	// A count of other things no longer stands against the none stated.
	if got := readOne(t, []string{head + "2025年本机关共收到政府信息公开申请0件。新收12件网民留言,均已回复。"}, "apps.new"); got != 0 {
		t.Errorf("apps.new %v beside 新收12件网民留言, want 0", got)
	}
}

// TestDocsInTiaoOnlyOnATiaoLine holds that a count in 条 on a line naming
// table 二's three counts (a54829d) is one of documents only when the line
// writes the repealed and in-force counts in 条 too and nothing follows the
// count: "…废止2件,现行有效30件,清理结果已在网站发布,发布3条" and "…现行有效
// 规范性文件5件,本年度废止1件,发布2条" had 3 and 2 stored as the documents
// issued, with no word.
func TestDocsInTiaoOnlyOnATiaoLine(t *testing.T) {
	const head = "(三)政府信息管理。"
	for _, tt := range []struct {
		body string
		want float64 // -1: blank
	}{
		{"对规范性文件进行清理,废止2件,现行有效30件,清理结果已在网站发布,发布3条。", -1},
		{"我局现行有效规范性文件5件,本年度废止1件,发布2条。", -1},
		{"本年度出台规范性文件2件,废止1件,现行有效5件,(含新发布3条政策解读)。", 2},
		{"本年度制发规范性文件3件,废止1件,现行有效20件,全年发布120条。", 3},
		// The shape a54829d reads.
		{"本年度行政规范性文件发布0条,废止数量0条,现行有效数量0条。", 0},
		{"规范性文件:发布4条,废止1条,现行有效9条。", 4},
	} {
		if got := readOne(t, []string{head + tt.body}, "normative_docs.issued"); got != tt.want {
			t.Errorf("%s: normative_docs.issued %v, want %v", tt.body, got, tt.want)
		}
	}
}

// TestRound17SampleReadsWhereTheyMustNot holds the readings round 17's
// sample of real pages added or narrowed, each tried on the shapes where it
// must not apply: table 四's suits by their columns, an outcome after a
// suit named 复议后起诉, none withheld in quotes, 已…办理完毕 as every
// application answered, and the organ's own short name 应急局.
func TestRound17SampleReadsWhereTheyMustNot(t *testing.T) {
	for _, tt := range []struct {
		format  string
		lines   []string
		measure string
		want    float64 // -1: blank
	}{
		// The suits by their columns, alone or after 其中.
		{gongkai.Format2019, []string{"(二)依申请公开。全年共收到行政复议1件;未经复议直接诉讼0件,复议后诉讼2件。"}, "litigation_direct.total", 0},
		{gongkai.Format2019, []string{"(二)依申请公开。全年共收到行政复议1件;未经复议直接诉讼0件,复议后诉讼2件。"}, "litigation_after_review.total", 2},
		{gongkai.Format2021, []string{"(四)复议诉讼。因政府信息公开被提起行政诉讼3件,其中未经复议直接起诉2件。"}, "litigation_direct.total", 2},
		// Not an outcome of a suit, not outside disclosure, not the old form.
		{gongkai.Format2021, []string{"(四)复议诉讼。本年度未经复议直接起诉的案件结果维持1件。"}, "litigation_direct.total", -1},
		{gongkai.Format2021, []string{"(四)行政执法。全年作出行政处罚决定12件,当事人未经复议直接起诉1件。"}, "litigation_direct.total", -1},
		{gongkai.FormatPre2019, []string{"(四)复议诉讼。因政府信息公开未经复议直接起诉1件。"}, "litigation_direct.total", -1},
		// An outcome after 复议后起诉 is no review's; after a review it is.
		{gongkai.Format2021, []string{"(四)复议诉讼。因政府信息公开被提起行政诉讼1件,其中复议后起诉1件,结果维持1件。"}, "review.upheld", -1},
		{gongkai.Format2021, []string{"(四)复议诉讼。因政府信息公开引发行政复议2件,结果维持2件。"}, "review.upheld", 2},
		{gongkai.Format2021, []string{"(四)复议诉讼。因政府信息公开未经复议直接起诉1件,因政府信息公开引发行政复议2件,结果维持2件。"}, "review.upheld", 2},
		// None withheld in quotes, at the statement's end only.
		{gongkai.FormatPre2019, []string{"(二)依申请公开。2025年未收到信息公开的申请和未涉及“不予公开”的政府信息。"}, "pre2019.apps_withheld", 0},
		{gongkai.FormatPre2019, []string{"(二)依申请公开。2025年未涉及“不予公开”的政府信息被申请人起诉的情况。"}, "pre2019.apps_withheld", -1},
		// 已…办理完毕 with none carried in and none carried out.
		{gongkai.Format2021, []string{"(二)依申请公开。2025年受理依申请公开3件,无上年度结转,已在规定时限内办理完毕。"}, "apps.total", 3},
		{gongkai.Format2021, []string{"(二)依申请公开。2025年受理依申请公开3件,已办结2件。"}, "apps.total", 2},
		{gongkai.Format2021, []string{"(二)依申请公开。2025年受理依申请公开3件,无上年度结转,已在规定时限内办理完毕2件。"}, "apps.total", -1},
		// A semicolon list after a count so far is not the year's; after
		// none, or on the next line, it is.
		{gongkai.Format2021, []string{"(一)主动公开。截至2025年底,累计主动公开信息900条;行政许可处理决定数量32件。"}, "licensing.decisions", -1},
		{gongkai.Format2021, []string{"(一)主动公开。2025年主动公开信息90条;行政许可处理决定数量32件。"}, "licensing.decisions", 32},
		{gongkai.Format2021, []string{"(一)主动公开。截至2025年底,累计主动公开信息900条。行政许可处理决定数量32件。"}, "licensing.decisions", 32},
		{gongkai.Format2021, []string{"(一)主动公开。截至2025年底,累计主动公开信息900条;", "行政许可处理决定数量32件。"}, "licensing.decisions", 32},
	} {
		var lines []Line
		for i, s := range tt.lines {
			lines = append(lines, Line{N: i + 1, Text: s})
		}
		vals, _ := readNarrative(lines, tt.format, 2025, "示例市示例局")
		got := numberOf(vals, tt.measure)
		if got != tt.want {
			t.Errorf("%s %v: %s %v, want %v", tt.format, tt.lines, tt.measure, got, tt.want)
		}
	}
	// The organ's own short name, at its own level only.
	for _, tt := range []struct {
		clause string
		other  bool
	}{
		{"2021年,区应急局主动公开政府信息27条", false},
		{"2021年,示例区应急局主动公开政府信息27条", false},
		{"2021年,市应急局主动公开政府信息27条", true},
		{"2021年,区水利局主动公开政府信息27条", true},
		{"2021年,区卫健局主动公开政府信息27条", true},
	} {
		if got := namesOtherOrgan(tt.clause, "示例市示例区应急管理局"); got != tt.other {
			t.Errorf("namesOtherOrgan(%q) = %v, want %v", tt.clause, got, tt.other)
		}
	}
}

// TestRulesInForceNotNormativeDocs holds that a count in force after 规章, on
// a line that names normative documents elsewhere, is the rules' and not
// the normative documents': "本年度制定规章1件,废止0件,现行有效5件;另制发
// 规范性文件2件" stored 5 as normative_docs.in_force, with no word.
func TestRulesInForceNotNormativeDocs(t *testing.T) {
	const head = "(三)政府信息管理。"
	for _, tt := range []struct {
		body          string
		norm, ruleNow float64 // -1: blank
	}{
		{"本年度制定规章1件,废止0件,现行有效5件;另制发规范性文件2件。", -1, 5},
		{"规章:本年制发0件,废止0件,现行有效3件。规范性文件:制发2件,废止1件。", -1, 3},
		{"本年度新制定规章2件,现行有效15件;规范性文件制发3件。", -1, 15},
		// The documents' own count in force, as before.
		{"本年度制发规范性文件3件,废止1件,现行有效20件。", 20, -1},
		// The rules' count in force with their kind before the verb: blank
		// with no word when this test was written (ruleNow), read since
		// round 18 (ruleWithVerb).
		{"规章现行有效12件,规范性文件现行有效30件。", 30, 12},
	} {
		if got := readOne(t, []string{head + tt.body}, "normative_docs.in_force"); got != tt.norm {
			t.Errorf("%s: normative_docs.in_force %v, want %v", tt.body, got, tt.norm)
		}
		if got := readOne(t, []string{head + tt.body}, "rules.in_force"); got != tt.ruleNow {
			t.Errorf("%s: rules.in_force %v, want %v", tt.body, got, tt.ruleNow)
		}
	}
}

// TestManyYearsNotTheYears holds that a count over a span of several years
// ("近三年", "多年来", "三年来", "近年来") is not read as the year's: each was
// stored as the report's figure, with no word.
func TestManyYearsNotTheYears(t *testing.T) {
	for _, tt := range []struct {
		line, measure string
		want          float64 // -1: blank
	}{
		{"(一)主动公开情况。近三年主动公开政府信息300条。", "narrative.proactive_items", -1},
		{"(二)依申请公开情况。近三年共收到政府信息公开申请30件。", "apps.new", -1},
		{"(二)依申请公开情况。多年来共收到政府信息公开申请30件。", "apps.new", -1},
		{"(二)依申请公开情况。三年来共收到政府信息公开申请30件。", "apps.new", -1},
		{"(二)依申请公开情况。近年来共收到政府信息公开申请30件。", "apps.new", -1},
		{"(二)依申请公开情况。近三年来,我局共收到政府信息公开申请30件。", "apps.new", -1},
		{"(二)依申请公开情况。2025年收到申请9件。近三年因政府信息公开引发行政复议5件。", "review.total", -1},
		{"(二)依申请公开情况。2025年收到申请9件,其中予以公开7件,结转下年度1件,近三年因政府信息公开引发行政复议5件。", "review.total", -1},
		// One year is the year's; a comparison after the count leaves it.
		{"(一)主动公开情况。一年来,我局主动公开政府信息100条。", "narrative.proactive_items", 100},
		{"(一)主动公开情况。过去一年,我局主动公开政府信息100条。", "narrative.proactive_items", 100},
		{"(一)主动公开情况。2025年主动公开政府信息100条,为近三年最多。", "narrative.proactive_items", 100},
		{"(二)依申请公开情况。2025年收到政府信息公开申请9件。", "apps.new", 9},
	} {
		if got := readOne(t, []string{tt.line}, tt.measure); got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestNoneRepeatedAfterColon holds that a statement of none whose colon
// gives none again ("本年度未收到政府信息公开申请:无") is read as none, while
// a label of a part ("逾期未受理信息公开申请:无", d78a58f) is not: d78a58f
// left the first blank, with no word, where its zero had been read right.
func TestNoneRepeatedAfterColon(t *testing.T) {
	for _, tt := range []struct {
		line, measure string
		want          float64 // -1: blank
	}{
		{"(二)依申请公开。本年度未收到政府信息公开申请:无。", "apps.new", 0},
		{"(二)依申请公开。本年度未收到政府信息公开申请:0件。", "apps.new", 0},
		{"(二)依申请公开。未收到政府信息公开申请:无。", "apps.new", 0},
		{"(二)依申请公开。本年度未发生因政府信息公开引发的行政复议:无。", "review.total", 0},
		// Labels of a part, or a count after the colon: no none of the whole.
		{"(二)依申请公开。逾期未受理信息公开申请:无。", "apps.new", -1},
		{"(二)依申请公开。未受理信息公开申请:0件。", "apps.new", -1},
		{"(二)依申请公开。本年度未收到政府信息公开申请:3件。", "apps.new", -1},
	} {
		if got := readOne(t, []string{tt.line}, tt.measure); got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestPre2019HandledInTime holds that an old report's count handled in
// time, or late, is its own row and not the count handled: "按时办结数517件,
// 延期办结8件" stored 517 as apps.total. A bare 办结 is the total still.
func TestPre2019HandledInTime(t *testing.T) {
	for _, tt := range []struct {
		body    string
		measure string
		want    float64 // -1: blank
	}{
		{"我办按时办结数60件,延期办结4件。", "apps.total", -1},
		{"我办按时办结数60件,延期办结4件。", "pre2019.apps_on_time", 60},
		{"我办按时办结数60件,延期办结4件。", "pre2019.apps_extended", 4},
		{"我办共办结64件,其中按时办结60件。", "apps.total", 64},
		{"我办共办结64件,其中按时办结60件。", "pre2019.apps_on_time", 60},
		{"我办共办结64件,均按时办结。", "pre2019.apps_on_time", -1},
		{"我办办结64件,按时办结率100%。", "apps.total", 64},
		{"我办逾期办结2件。", "apps.total", -1},
	} {
		page := "示例市示例办公室2018年政府信息公开工作年度报告\n一、政府信息主动公开情况\n2018年我办主动公开政府信息共215条。\n二、政府信息依申请公开情况\n(一)申请情况。2018年我办收到依申请公开共64件。\n(二)申请处理情况。" + tt.body + "其中同意公开答复41件,申请信息不存在的18件。\n"
		r, err := Parse("page.txt", []byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := numberOf(r.Values, tt.measure)
		if got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.body, tt.measure, got, tt.want)
		}
	}
}

// TestOutcomeAfterReviewIsTheReviews checks that only a 复议后 going on to a
// suit names table 四's suit (suitColumns): an outcome after "经行政复议后" or
// "复议后" alone is the review's, and was left blank with no word (review of
// 7598e2d).
func TestOutcomeAfterReviewIsTheReviews(t *testing.T) {
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"(四)复议诉讼。因政府信息公开收到行政复议申请2件,经行政复议后维持原行政行为2件。", "review.upheld", 2},
		{"(四)复议诉讼。因政府信息公开申请行政复议3件,行政复议后被纠正1件。", "review.corrected", 1},
		{"(四)复议诉讼。因政府信息公开被申请行政复议3件,复议后维持2件,纠正1件。", "review.upheld", 2},
		{"(四)复议诉讼。因政府信息公开被申请行政复议3件,复议后维持2件,纠正1件。", "review.corrected", 1},
		{"(四)复议诉讼。因政府信息公开被申请行政复议3件,经复议后,维持2件,纠正1件。", "review.upheld", 2},
		{"(四)复议诉讼。因政府信息公开被申请行政复议2件,其中经行政复议后维持1件。", "review.upheld", 1},
		// A suit after the review is still a suit, its outcome no review's.
		{"(四)复议诉讼。因政府信息公开被提起行政诉讼1件,其中复议后起诉1件,结果维持1件。", "review.upheld", -1},
		{"(四)复议诉讼。因政府信息公开被提起行政诉讼1件,其中行政复议后提起诉讼1件,结果维持1件。", "review.upheld", -1},
		{"(四)复议诉讼。因政府信息公开引发行政复议2件,复议后提起行政诉讼1件。", "litigation_after_review.total", 1},
		{"(四)复议诉讼。因政府信息公开被提起行政诉讼2件,其中未经复议直接起诉1件,复议后起诉1件。", "litigation_after_review.total", 1},
		{"(四)复议诉讼。因政府信息公开被提起行政诉讼2件,其中未经复议直接起诉1件,复议后起诉1件。", "litigation_direct.total", 1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, "示例市示例局")
		got := numberOf(vals, tt.measure)
		if got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestPre2019NotHandledInTime checks that a count of those not handled in
// time or not put off ("未按时办结0件", "未能按期办结3件") is not read as
// pre2019.apps_on_time or pre2019.apps_extended (review of 7598e2d: it was
// stored as the count handled in time).
func TestPre2019NotHandledInTime(t *testing.T) {
	for _, tt := range []struct {
		body    string
		measure string
		want    float64 // -1: blank
	}{
		{"我办办结64件,未按时办结0件。", "pre2019.apps_on_time", -1},
		{"我办办结64件,其中未能按期办结3件。", "pre2019.apps_on_time", -1},
		{"我办办结64件,不能按时办结的3件。", "pre2019.apps_on_time", -1},
		{"我办办结64件,没有按时办结3件。", "pre2019.apps_on_time", -1},
		{"我办办结64件,未延期办结64件。", "pre2019.apps_extended", -1},
		{"我办办结64件,未能按期办结3件。", "apps.total", 64},
		// What the rules read stays read.
		{"我办按时办结数60件,延期办结4件。", "pre2019.apps_on_time", 60},
		{"我办按时办结数60件,延期办结4件。", "pre2019.apps_extended", 4},
		{"我办办结64件,不能按时办结需延期办结的2件。", "pre2019.apps_extended", 2},
		{"我办办结64件,无延期办结0件。", "pre2019.apps_extended", 0},
	} {
		page := "示例市示例办公室2018年政府信息公开工作年度报告\n一、政府信息主动公开情况\n2018年我办主动公开政府信息共215条。\n二、政府信息依申请公开情况\n(一)申请情况。2018年我办收到依申请公开共64件。\n(二)申请处理情况。" + tt.body + "其中同意公开答复41件,申请信息不存在的18件。\n"
		r, err := Parse("page.txt", []byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := numberOf(r.Values, tt.measure)
		if got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.body, tt.measure, got, tt.want)
		}
	}
}

// TestRound18ReadsWhereTheyMustNot holds round 18's readings and the shapes
// each must leave alone. A sentence whose subject is several organs
// (jointSubject) gives none of them a count: "市政府本级、政府办办理…申请61件,
// 办结54件,…行政复议7件" stored 54 and 7 as the office's own; a subject of
// one organ, a list of channels, applicants or months, a preposition before
// the list, or a whole area's parts is not such a subject. Rules counted
// with verb and kind in one piece ("制定规章1件", "规章现行有效12件") are
// read, and only then; "尚未办结0件" is a review's pending count only right
// after the review; a count before its noun ("收到7条依申请公开政府信息的
// 申请") is read only when the verb of receiving and that noun are all its
// clause says.
func TestRound18ReadsWhereTheyMustNot(t *testing.T) {
	for _, tt := range []struct {
		agency, line, measure string
		want                  float64 // -1: blank
	}{
		// Several organs as the subject: blank (each failed on main).
		{"示例市人民政府办公室", "(二)依申请公开。2025年市政府本级、政府办办理政府信息公开申请61件,办结54件,结转下一年办理7件,行政复议7件,复议后起诉1件。", "apps.total", -1},
		{"示例市人民政府办公室", "(二)依申请公开。2025年市政府本级、政府办办理政府信息公开申请61件,办结54件,结转下一年办理7件,行政复议7件,复议后起诉1件。", "review.total", -1},
		{"示例市人民政府办公室", "(二)依申请公开。2025年市政府本级、政府办办理政府信息公开申请61件,办结54件,结转下一年办理7件,行政复议7件,复议后起诉1件。", "litigation_after_review.total", -1},
		{"示例市人民政府办公室", "(二)依申请公开。2025年市政府本级、政府办办理政府信息公开申请61件,办结54件,结转下一年办理7件,行政复议7件,复议后起诉1件。", "apps.carried_out", -1},
		{"示例市示例局", "(二)依申请公开。2025年我局与区信访局共同办理政府信息公开申请3件,办结3件。", "apps.total", -1},
		// A zero of the organs together is each one's zero.
		{"示例市人民政府办公室", "(二)依申请公开。2025年,市政府本级、政府办共收到政府信息公开申请61件,结转下一年办理0件。", "apps.carried_out", 0},
		{"示例市人民政府办公室", "(二)依申请公开。2025年,市政府本级、政府办共收到政府信息公开申请61件,结转下一年办理0件。", "apps.new", -1},
		// Not several organs: read as before.
		{"示例市示例局", "(二)依申请公开。2025年我局收到政府信息公开申请10件,办结10件。", "apps.total", 10},
		{"示例市人力资源和社会保障局", "(二)依申请公开。2025年市人力资源和社会保障局收到政府信息公开申请10件。", "apps.new", 10},
		{"示例市示例局", "(一)主动公开。通过门户网站、政务微博主动公开政府信息300条。", "narrative.proactive_items", 300},
		{"示例市示例局", "(一)主动公开。2025年,在区委、区政府的领导下,我局主动公开政府信息300条。", "narrative.proactive_items", 300},
		{"示例市示例局", "(二)依申请公开。2025年,按照市政府、区政府要求,我局收到政府信息公开申请10件。", "apps.new", 10},
		// Rules with verb and kind together.
		{"示例市示例局", "(三)规章。本年度制定规章1件。", "rules.issued", 1},
		{"示例市示例局", "(三)规章。2025年制定规章1件,废止规章0件,现行有效规章12件。", "rules.in_force", 12},
		{"示例市示例局", "(三)规章。本年度制定规章1件,废止0件,现行有效5件;另制发规范性文件2件。", "rules.issued", 1},
		{"示例市示例局", "(三)规章。本年度制定规章1件,废止0件,现行有效5件;另制发规范性文件2件。", "normative_docs.in_force", -1},
		{"示例市示例局", "(三)规章。现行有效的规章12件。", "rules.in_force", 12},
		{"示例市示例局", "(三)规章。本年度参与制定规章1件。", "rules.issued", -1},
		{"示例市示例局", "(三)规章。本年度制定规章制度5件。", "rules.issued", -1},
		{"示例市示例局", "(三)规章。本年度制定市政府规章1件。", "rules.issued", -1},
		{"示例市示例局", "(三)规章。规章和规范性文件现行有效12件。", "rules.in_force", -1},
		{"示例市示例局", "(三)规章。规章和规范性文件现行有效12件。", "normative_docs.in_force", -1},
		{"示例市示例局", "(三)规章。本年度公开规章1件。", "rules.issued", -1},
		// 尚未办结 after a review, and where it is not the review's.
		{"示例市示例局", "(四)复议诉讼。全年因政府信息公开共收到行政复议1件,维持结果1件,尚未办结0件。", "review.pending", 0},
		{"示例市示例局", "(四)复议诉讼。本年度因政府信息公开发生行政复议1件,尚未办结1件。", "review.pending", 1},
		{"示例市示例局", "(四)复议诉讼。本年度因政府信息公开发生行政复议1件,收到申请10件,尚未办结2件。", "review.pending", -1},
		{"示例市示例局", "(四)复议诉讼。本年度因政府信息公开发生行政复议1件,尚未办结的申请2件。", "review.pending", -1},
		{"示例市示例局", "(四)复议诉讼。本年度因政府信息公开发生行政诉讼1件,尚未办结1件。", "review.pending", -1},
		{"示例市示例局", "(四)复议诉讼。本年度因政府信息公开发生行政复议1件,行政诉讼1件,尚未办结1件。", "review.pending", -1},
		{"示例市示例局", "(二)依申请公开。本年度收到政府信息公开申请10件,尚未办结2件。", "review.pending", -1},
		// A count before its noun.
		{"示例市示例委员会", "(二)依申请公开。2025年度,我委收到7条依申请公开政府信息的申请,并已办理完成。", "apps.new", 7},
		{"示例市示例委员会", "(二)依申请公开。2025年度,我委收到7条依申请公开政府信息的申请,并已办理完成。", "apps.total", -1},
		{"示例市示例委员会", "(二)依申请公开。本年度收到7条依申请公开政府信息的咨询。", "apps.new", -1},
		{"示例市示例委员会", "(二)依申请公开。本年度收到7件行政复议申请。", "apps.new", -1},
		{"示例市示例委员会", "(二)依申请公开。本年度网上收到7条依申请公开政府信息的申请。", "apps.new", -1},
		{"示例市示例委员会", "(二)依申请公开。本年度收到市政府转来的7条依申请公开政府信息的申请。", "apps.new", -1},
		{"示例市示例委员会", "(二)依申请公开。本年度收到7条依申请公开政府信息的申请和2件行政复议申请。", "apps.new", -1},
		{"示例市示例委员会", "(二)依申请公开。其中收到7条依申请公开政府信息的申请。", "apps.new", -1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, tt.agency)
		got := numberOf(vals, tt.measure)
		if got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestJointSubject holds which subjects are several organs named together.
func TestJointSubject(t *testing.T) {
	for _, tt := range []struct {
		clause string
		joint  bool
	}{
		{"2025年市政府本级、政府办办理政府信息公开申请61件", true},
		{"2025年我局和下属单位共收到政府信息公开申请10件", true},
		{"我局与区信访局共同办理政府信息公开申请3件", true},
		{"市政府办公室、市大数据局共主动公开信息300条", true},
		{"2025年我局收到政府信息公开申请10件", false},
		{"2025年市人力资源和社会保障局收到政府信息公开申请10件", false},
		{"2025年网上申请、信函申请共10件", false},
		{"2025年公民、法人和其他组织提出政府信息公开申请10件", false},
		{"通过门户网站、政务微博主动公开政府信息300条", false},
		{"向市政府、区政府申请公开政府信息10件", false},
		{"全区各部门、各镇街共收到申请100件", false},
		{"2025年1月、2月收到政府信息公开申请2件", false},
		{"规章和规范性文件现行有效12件", false},
		{"予以公开、部分公开共8件", false},
	} {
		if got := jointSubject(tt.clause); got != tt.joint {
			t.Errorf("jointSubject(%q) = %v, want %v", tt.clause, got, tt.joint)
		}
	}
}

// TestRound18SampleReadsWhereTheyMustNot holds the readings round 18's
// sample fixed and the shapes each must leave alone: not holding the
// information named as one reason among others ("因本机关不掌握等原因无法提供
// 846件") is no count of it (it was stored as one); the organ's short name
// with 市场监管 ("嘉兴市市场监管局") is its own, the tail of another's
// ("杭州市市场监管局", "省市场监管局") is not; "部分予以公开" is granted in
// part; an outcome after its count ("对其中3件予以公开") is read when it is
// all its clause says, of applications the sentence said received.
func TestRound18SampleReadsWhereTheyMustNot(t *testing.T) {
	for _, tt := range []struct {
		agency, line, measure string
		want                  float64 // -1: blank
	}{
		{"示例市示例委员会", "(二)依申请公开。其中,因本机关不掌握等原因无法提供846件,占71%。", "apps.unavailable.not_held", -1},
		{"示例市示例委员会", "(二)依申请公开。本年度收到申请40件,因本机关不掌握等情形无法提供12件。", "apps.unavailable.not_held", -1},
		{"示例市示例委员会", "(二)依申请公开。本年度收到申请40件,由于本机关不掌握相关政府信息而无法提供29件。", "apps.unavailable.not_held", 29},
		{"示例市示例委员会", "(二)依申请公开。本年度收到申请40件,本机关不掌握相关政府信息29件,等待补正3件。", "apps.unavailable.not_held", 29},
		{"示例市市场监督管理局", "(二)依申请公开。2025年,示例市市场监管局受理政府信息依申请公开11件。", "apps.new", 11},
		{"示例市市场监督管理局", "(二)依申请公开。2025年,市场监管局受理政府信息依申请公开11件。", "apps.new", 11},
		{"示例市示例区市场监督管理局", "(二)依申请公开。2025年,区市场监管局收到政府信息公开申请11件。", "apps.new", 11},
		{"示例市示例区市场监督管理局", "(二)依申请公开。2025年,示例区市场监管局收到政府信息公开申请11件。", "apps.new", 11},
		{"示例市市场监督管理局", "(二)依申请公开。2025年,省市场监管局收到政府信息公开申请11件。", "apps.new", -1},
		{"示例市市场监督管理局", "(二)依申请公开。2025年,杭州市市场监管局收到政府信息公开申请11件。", "apps.new", -1},
		{"示例市示例区市场监督管理局", "(二)依申请公开。2025年,市市场监管局收到政府信息公开申请11件。", "apps.new", -1},
		{"示例市市场监督管理局", "(二)依申请公开。2025年,县市场监管局收到政府信息公开申请11件。", "apps.new", -1},
		{"示例县示例局", "(二)依申请公开。2025年收到政府信息公开申请40件,予以公开35件;部分予以公开1件。", "apps.partial", 1},
		{"示例县示例局", "(二)依申请公开。2025年收到政府信息公开申请40件,予以公开35件;部分予以公开1件。", "apps.granted", 35},
		{"示例县示例局", "(二)依申请公开。2025年收到政府信息公开申请40件,予以公开及部分予以公开36件。", "apps.partial", -1},
		{"示例县示例局", "(二)依申请公开。2025年收到政府信息公开申请40件,予以公开及部分予以公开36件。", "apps.granted", -1},
		// The outcome after its count, of the applications received.
		{"示例区示例局", "(二)依申请公开。今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分公开,1件不公开并告知行政查询途径。", "apps.granted", 3},
		{"示例区示例局", "(二)依申请公开。今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分公开,1件不公开并告知行政查询途径。", "apps.partial", 1},
		{"示例区示例局", "(二)依申请公开。今年共收到政府信息公开申请5件,3件予以公开答复。", "apps.granted", -1},
		{"示例区示例局", "(二)依申请公开。今年共收到政府信息公开申请5件,其中3件经审查予以公开。", "apps.granted", -1},
		{"示例区示例局", "(二)依申请公开。今年共收到行政复议申请5件,其中3件予以公开。", "apps.granted", -1},
		{"示例区示例局", "(一)主动公开。今年主动公开政府信息20条,其中18件予以公开。", "apps.granted", -1},
		// The outcomes of the applications, in a sentence of their own,
		// are read; the suggestions' after them on the line are not
		// (round 28: the other topic is looked for in the outcomes'
		// sentence, no longer on the whole line, which left 3 blank).
		{"示例区示例局", "(二)依申请公开。今年共收到政府信息公开申请5件,对其中3件予以公开。另收到人大建议3件,其中2件予以公开。", "apps.granted", 3},
		{"示例区示例局", "(二)依申请公开。另收到人大建议3件,其中2件予以公开。", "apps.granted", -1},
		{"示例区示例局", "(二)依申请公开。本年度上年结转的申请中,2件予以公开。", "apps.granted", -1},
		{"示例区示例局", "(二)依申请公开。上年结转申请2件,1件予以公开。", "apps.granted", -1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, tt.agency)
		got := numberOf(vals, tt.measure)
		if got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestCutLineAboutItsParagraph holds that a line the page's reader cut from
// a paragraph of 600 bytes or more is about what the paragraph is about:
// the outcomes after "办理结果如下:" were passed over with no word, cut from
// the sentence naming the applications. A paragraph that names no
// application gives its outcomes none either, and a line not cut is read as
// before.
func TestCutLineAboutItsParagraph(t *testing.T) {
	long := "(二)依申请公开:2025年示例县住建局依申请信息公开办理有52件,均为自然人申请。"
	outcomes := "办理结果如下:予以公开24件;部分予以公开2件;由于本机关不掌握相关政府信息而无法提供19件。"
	filler := "我局持续优化工作流程,明确专人负责,严格审核把关,确保答复内容准确、程序规范、送达及时,切实保障申请人的合法权益。"
	read := func(lines []Line) float64 {
		vals, _ := readNarrative(lines, gongkai.Format2021, 2025, "示例县住建局")
		for _, v := range vals {
			if v.Measure == "apps.granted" && v.Number != nil {
				return *v.Number
			}
		}
		return -1
	}
	// Cut from one published line (the same number): read.
	if got := read([]Line{{N: 5, Text: long}, {N: 5, Text: outcomes}, {N: 5, Text: filler}}); got != 24 {
		t.Errorf("cut from a paragraph on applications: granted %v, want 24", got)
	}
	// Lines of their own (other numbers): as before, not read.
	if got := read([]Line{{N: 5, Text: long}, {N: 6, Text: outcomes}}); got != -1 {
		t.Errorf("a line of its own: granted %v, want blank", got)
	}
	// Cut from a paragraph that names no application: not read.
	if got := read([]Line{{N: 5, Text: "(一)主动公开:2025年主动公开信息96条。"}, {N: 5, Text: outcomes}}); got != -1 {
		t.Errorf("cut from a paragraph on proactive disclosure: granted %v, want blank", got)
	}
}

// TestPartsAcrossSemicolons holds that items published proactively listed
// after 其中 across semicolons are parts of the count before them: "…公开各类
// 信息288条。其中…指南1条;…主动公开信息45条;…共241条" stored 45 as the
// year's items (the 288 itself was not read there: no word of proactive
// disclosure stood over it). A count before any 其中, or in a sentence after
// a full stop, is read as before.
func TestPartsAcrossSemicolons(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"(一)主动公开。在区政府门户网站公开各类信息288条。其中主动公开政府信息公开指南1条;结合机构职责主动公开信息45条;其他信息共241条。", 288},
		{"(一)主动公开。在区政府门户网站公开各类信息288条。其中政府信息公开指南1条;主动公开信息45条。", 288},
		{"(一)主动公开。2025年主动公开政府信息300条;其中网站200条,微信100条。", 300},
		{"(一)主动公开。其中网站200条。2025年主动公开政府信息300条。", 300},
		{"(一)主动公开。2025年主动公开政府信息300条;通过网站公开200条。", 300},
		// The total unread (no word of proactive disclosure before it):
		// the part is no total either.
		{"(三)政府信息管理。按照要求在区政府门户网站公开各类信息288条。其中政府信息公开指南1条;结合机构职责主动公开信息45条;其他信息共241条。", -1},
	} {
		if got := readOne(t, []string{tt.line}, "narrative.proactive_items"); got != tt.want {
			t.Errorf("%s: proactive %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestCarriedAfterAProceedingIsNotTheApplications checks that a count
// carried in or over after a review or suit the sentence names after its
// applications is not read as the applications' (review s27: "引发行政复议
// 2件,结转下年度1件" stored apps.carried_out 1).
func TestCarriedAfterAProceedingIsNotTheApplications(t *testing.T) {
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"(四)复议诉讼。本年度因政府信息公开引发行政复议2件,结转下年度1件。", "apps.carried_out", -1},
		{"(四)复议诉讼。本年度因政府信息公开引发行政复议2件,其中上年结转1件。", "apps.carried_in", -1},
		{"(四)复议诉讼。本年度因政府信息公开被申请行政复议2件(含上年度结转1件),均维持。", "apps.carried_in", -1},
		{"(四)复议诉讼。本年度因政府信息公开被提起行政诉讼2件,结转至下一年度审理1件。", "apps.carried_out", -1},
		{"(四)复议诉讼。本年度因政府信息公开被申请行政复议2件,维持1件,结转下年度1件。", "apps.carried_out", -1},
		{"(四)复议诉讼。本年度收到政府信息公开行政复议申请2件,结转下年度1件。", "apps.carried_out", -1},
		// The applications' own stay read, after a proceeding too.
		{"(二)依申请公开。本年度收到政府信息公开申请10件,办结8件,结转下年度2件。", "apps.carried_out", 2},
		{"(二)依申请公开。本年度收到政府信息公开申请10件,其中上年结转1件。", "apps.carried_in", 1},
		{"(二)依申请公开。本年度未发生行政复议,收到政府信息公开申请5件,结转下年度1件。", "apps.carried_out", 1},
		{"(二)依申请公开。本年度新收政府信息公开申请10件,上年结转政府信息公开申请1件。", "apps.carried_in", 1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, "示例市示例局")
		got := numberOf(vals, tt.measure)
		if got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}
