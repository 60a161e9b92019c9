package warehouse

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The boilerplate the similarity fixture copies: real reports reuse a few
// stock paragraphs, with the agency's name and a few words changed.
var simTemplates = []string{
	"本年度，%s坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政府信息公开条例各项要求，" +
		"围绕中心工作，持续深化重点领域信息公开，加强政策解读和回应关切，规范依申请公开办理流程，" +
		"完善政府信息公开平台建设，推进基层政务公开标准化规范化，政府信息公开工作取得新成效。",
	"%s高度重视政府信息公开工作，成立了由主要负责同志任组长的政务公开工作领导小组，明确分管领导和工作机构，" +
		"配备专职工作人员，将政务公开纳入年度绩效考核，形成了主要领导亲自抓、分管领导具体抓、工作人员抓落实的工作格局。",
	"%s全年通过门户网站主动公开政府信息，及时更新机构职能、规划计划、财政预决算、行政许可和行政处罚等信息，" +
		"做好政策文件的解读和发布，利用政务新媒体扩大传播范围，主动回应社会关切，保障人民群众的知情权、参与权和监督权。",
}

// simWords are the words a copying agency swaps in, so that copies range
// from identical to merely alike.
var simWords = []string{"认真", "扎实", "全力", "积极", "稳步", "切实", "不断", "进一步"}

// similarFixture returns reports whose narrative sections copy a few
// paragraphs many times over: identical copies, copies with one to five
// words changed, the agency's own earlier years, re-uploads that replace a
// version, sections too short to judge, and unrelated text. The same seed
// gives the same reports.
func similarFixture(seed uint64, agencies int) [][]*gongkai.Report {
	rng := rand.New(rand.NewPCG(seed, 11))
	edit := func(s string, n int) string {
		for range n {
			w := simWords[rng.IntN(len(simWords))]
			runes := []rune(s)
			at := rng.IntN(len(runes))
			s = string(runes[:at]) + w + string(runes[at:])
		}
		return s
	}
	section := func(agency string, i int) gongkai.Section {
		var text string
		switch k := rng.IntN(20); {
		case k == 0:
			text = "本年度无特别事项。"
		case k == 1:
			text = fmt.Sprintf("%s今年的重点工作第%d项：编号%d的目录梳理、第%d批过期文件清理、%d名工作人员培训，"+
				"下一步将继续完善制度，提高答复质量，确保按期办结每一件申请，接受社会监督，提升群众满意度。",
				agency, rng.IntN(1000), rng.IntN(100000), rng.IntN(1000), rng.IntN(500))
		default:
			tpl := simTemplates[(i+rng.IntN(2))%len(simTemplates)]
			name := agency
			if rng.IntN(3) == 0 {
				name = "本机关" // the most common copy: no name at all
			}
			text = edit(strings.Replace(tpl, "%s", name, 1), rng.IntN(4))
		}
		numerals := []string{"一", "二", "三"}
		return gongkai.Section{Numeral: numerals[i], Title: "第" + numerals[i] + "部分", Text: text, At: fmt.Sprintf("line %d", 3+i*10)}
	}
	var batches [][]*gongkai.Report
	for _, years := range [][]int{{2020, 2021}, {2022, 2019}, {2021, 2023}} {
		var batch []*gongkai.Report
		for a := range agencies {
			name := fmt.Sprintf("第%03d号测试局", a)
			for _, y := range years {
				if rng.IntN(8) == 0 {
					continue // no report that year
				}
				r := sampleReport(name, y, 0, 0)
				r.Source.Name = fmt.Sprintf("%s-%d-%d.xlsx", name, y, len(batches))
				r.Sections = nil
				for i := range 1 + rng.IntN(3) {
					r.Sections = append(r.Sections, section(name, i))
				}
				batch = append(batch, r)
			}
		}
		rng.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
		batches = append(batches, batch)
	}
	return batches
}

// TestSimilarGolden pins the 内容雷同 warnings of a fixture of heavily copied
// boilerplate: which sections are flagged, the report each names and the
// similarity it quotes. The first batch loads in one call (one group), the
// second in calls of a few reports, the third after reopening the file, so
// that candidates come from the group being written, from the writer's
// memory and from the stored signatures.
func TestSimilarGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	batches := similarFixture(7, 150)
	reqs := func(rs []*gongkai.Report) []LoadRequest {
		out := make([]LoadRequest, len(rs))
		for i, r := range rs {
			out[i] = LoadRequest{Report: r}
		}
		return out
	}
	load(t, db, reqs(batches[0])...)
	for start := 0; start < len(batches[1]); start += 7 {
		load(t, db, reqs(batches[1][start:min(start+7, len(batches[1]))])...)
	}
	db.Close()
	if db, err = Open(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	load(t, db, reqs(batches[2])...)

	rows, err := db.db.Query(`SELECT report_id, seq, "at", message FROM findings WHERE rule = 'similar_text' ORDER BY report_id, seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got strings.Builder
	n := 0
	for rows.Next() {
		var id, seq int64
		var at, msg string
		if err := rows.Scan(&id, &seq, &at, &msg); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&got, "%d\t%d\t%s\t%s\n", id, seq, at, msg)
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d similarity warnings: the fixture no longer exercises the check", n)
	}
	golden := filepath.Join("testdata", "similar.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got.String() != string(want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("similarity warnings differ from %s at line %d:\n got: %s\nwant: %s", golden, i+1, g, w)
			}
		}
	}
}
