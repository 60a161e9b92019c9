package ingest

import (
	"errors"
	"strings"
	"testing"

	"gongkai"
)

// TestRound26RoughWhole checks round 26's year's whole said only roughly
// with a smaller exact count after it ("主动公开政府信息N余条…全年制作展板K余个,
// 公开信息M条", the shape of a real 2021 town's page): M was stored as the
// year's proactive items with no word. A count less than the rough whole is
// a part of it: blank, with a warning quoting both. A rough count of the
// whole area, or of every year so far, is no floor of the organ's own year;
// an exact count above the rough one may be the whole.
func TestRound26RoughWhole(t *testing.T) {
	const head = "示例县示例镇2021年政府信息公开工作年度报告\n一、总体情况\n(一)主动公开情况。\n"
	for _, tt := range []struct {
		body string
		want float64 // -1: blank
		said bool    // a warning names the rough whole
	}{
		{"2021年,我单位主动公开政府信息260余条。全年制作展板15余个,公开信息36条。\n", -1, true},
		// A part after 其中 was blank before, with its own warning.
		{"2021年,我单位主动公开政府信息260余条,其中在公示栏公开信息36条。\n", -1, false},
		{"2021年,我单位主动公开政府信息三百余条。全年制作展板15个,公开信息36条。\n", -1, true},
		{"2021年,我单位主动公开政府信息1.2万条。全年制作展板15个,公开信息360条。\n", -1, true},
		// No rough whole: the count stands as before.
		{"全年制作展板15个,公开信息36条。\n", 36, false},
		// The area's rough count, or every year's so far: no floor.
		{"2021年,全县各部门主动公开政府信息2600余条。我镇主动公开政府信息36条。\n", 36, false},
		{"截至2021年底,我镇累计主动公开政府信息2600余条。2021年我镇主动公开政府信息36条。\n", 36, false},
		// An exact count at or above the rough one may be the whole.
		{"我镇主动公开政府信息260余条。全年主动公开政府信息263条。\n", 263, false},
	} {
		r, err := Parse("p.txt", []byte(head+tt.body), Options{})
		if err != nil {
			t.Fatalf("%q: %v", tt.body, err)
		}
		got := -1.0
		if v, ok := r.Lookup("narrative.proactive_items", gongkai.ApplicantTotal); ok && v.Number != nil {
			got = *v.Number
		}
		said := false
		for _, f := range r.Findings {
			if f.Measure == "narrative.proactive_items" && strings.Contains(f.Message, "少于") {
				said = true
			}
		}
		if got != tt.want || said != tt.said {
			t.Errorf("%q: proactive %v (said %v), want %v (said %v)", tt.body, got, said, tt.want, tt.said)
		}
	}
}

// TestRound26RoughLeast checks the floor of a rough figure: more than N for
// N余 and N多, N万 less half its last digit for a bare count in 万, none for
// 约N or a bare count.
func TestRound26RoughLeast(t *testing.T) {
	for _, tt := range []struct {
		match string
		want  float64
		ok    bool
	}{
		{"主动公开政府信息260余条", 260, true},
		{"主动公开政府信息2,600多条", 2600, true},
		{"主动公开政府信息三百余条", 300, true},
		{"主动公开政府信息1.2万条", 11500, true},
		{"主动公开政府信息1.2万余条", 12000, true},
		{"收到申请约30件", 0, false},
		{"主动公开政府信息260条", 0, false},
	} {
		got, ok := roughLeast(tt.match)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: %v %v, want %v %v", tt.match, got, ok, tt.want, tt.ok)
		}
	}
}

// TestRound26CostNotProceeding checks round 26's statement of no expense
// related to suits and reviews ("未产生与诉讼(行政复议、行政申诉)有关的费用支出",
// the shape of a real 2016 county police bureau's page, the old 条例's
// section of costs): it was stored as review.total 0. It denies the
// expense, not the proceedings. A statement of no review is still read.
func TestRound26CostNotProceeding(t *testing.T) {
	const before = "安排2名民警承担示例县公安局政府信息公开工作。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"未产生与诉讼(行政复议、行政申诉)有关的费用支出。", -1},
		{"未发生与行政复议相关的支出。", -1},
		{"未发生因政府信息公开申请行政复议、提起行政诉讼的情况。", 0},
		{"未发生行政复议,也未产生有关费用。", 0},
		// The expense joined to the proceedings by 及: none of either.
		{"未发生行政复议及相关支出。", 0},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			lines := []Line{{N: 1, Text: "一、总体情况"}, {N: 2, Text: before + tt.line}}
			vals, _ := readNarrative(lines, format, 2016, "示例县公安局")
			if got := numberOf(vals, "review.total"); got != tt.want {
				t.Errorf("%s %s: review.total %v, want %v", format, tt.line, got, tt.want)
			}
		}
	}
}

// TestRound26HandledDone checks round 26's handled total said as 办理完成
// ("收到…申请N件,结转上年度…K件,共办理完成M件,结转下年度继续办理L件", the shape of
// a real 2020 provincial office's page): M was passed over with no word.
// It is the year's handled total. 办理完成 with no count after it says every
// one received handled, and after a term those handled in time, as before.
func TestRound26HandledDone(t *testing.T) {
	const head = "(二)依申请公开。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"2020年收到政府信息公开申请160件,结转上年度政府信息公开申请7件,共办理完成164件,结转下年度继续办理3件。", 164},
		{"2020年收到政府信息公开申请16件,共办理完毕16件。", 16},
		// After a count carried in, 已办理完成 may be of those carried in
		// (review, session 35): not the year's whole.
		{"2020年收到申请10件,上年度结转申请2件,已办理完成2件,本年度申请已全部办结。", -1},
		{"2020年收到申请10件,上年结转2件,已办理完成2件。", -1},
		{"2020年收到申请10件,上年结转2件,办理完成2件。", -1},
		{"2020年收到政府信息公开申请16件,并已办理完成。", -1},
		{"2020年受理依申请公开3件,无上年度结转,已在规定时限内办理完毕2件。", -1},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2019, 2020, "示例省人民政府办公厅")
		if got := numberOf(vals, "apps.total"); got != tt.want {
			t.Errorf("%s: apps.total %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestRound26OutcomeAfterCount checks round 26's outcomes of reviews said
// after their counts ("发生行政复议N件,其中K件维持,L件尚未审结", the shape of a
// real 2020 provincial office's page): both were passed over with no word.
// They are the review's upheld and pending, as "维持K件" before the count is.
func TestRound26OutcomeAfterCount(t *testing.T) {
	for _, tt := range []struct {
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"因政府信息公开发生行政复议5件,其中4件维持,1件尚未审结。", "review.upheld", 4},
		{"因政府信息公开发生行政复议5件,其中4件维持,1件尚未审结。", "review.pending", 1},
		{"因政府信息公开被申请行政复议3件,2件维持原行政行为,1件被纠正。", "review.upheld", 2},
		{"因政府信息公开被申请行政复议3件,2件维持原行政行为,1件被纠正。", "review.corrected", 1},
		{"因政府信息公开被申请行政复议3件,维持2件,纠正1件。", "review.corrected", 1},
		{"因政府信息公开被申请行政复议2件,1件维持原决定,1件正在审理中。", "review.pending", 1},
		// A count of applications with words after it is no outcome.
		{"收到政府信息公开申请5件,3件维持不变。", "review.upheld", -1},
	} {
		lines := []Line{{N: 1, Text: "(四)行政复议、行政诉讼情况。" + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2020, "示例省人民政府办公厅")
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s: %s %v, want %v", tt.line, tt.measure, got, tt.want)
		}
	}
}

// TestRound26EveryAppsNextSentence checks round 26's "所有申请均已…办结" in the
// sentence after the count received on its line ("共收到…N宗政府信息公开申请,…,
// 上年结转为0宗。主要涉及…等方面,所有申请均已做到按时办结", the shape of a real 2024
// district bureau's page): it was passed over with no word. With none
// carried in said, the count handled is the count received; without, blank
// with the warning "均已办结" beside the count has.
func TestRound26EveryAppsNextSentence(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
		said bool    // a warning names apps.total
	}{
		{"2024年共收到社会各界6宗政府信息公开申请,均通过网上申请,上年结转为0宗。主要涉及示例事项等方面,所有申请均已做到按时办结。", 6, false},
		{"2024年共收到政府信息公开申请6件,上年结转0件。上述申请均已按时答复。", 6, false},
		{"2024年共收到政府信息公开申请6件。所有申请均已按时办结。", -1, true},
		// Another matter's answers are not the applications'.
		{"2024年共收到政府信息公开申请6件,上年结转0件。群众来信均已按时答复。", -1, false},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2024, "示例区示例局")
		if got, said := numberOf(vals, "apps.total"), namesMeasure(finds, "apps.total"); got != tt.want || said != tt.said {
			t.Errorf("%s: apps.total %v (said %v), want %v (said %v)", tt.line, got, said, tt.want, tt.said)
		}
	}
}

// TestRound26DealtApart checks round 26's count 办理 with the applicants and
// ways between the verb and the applications, and 合计 before the count
// ("累计办理公民、法人或其他组织通过市政府门户网站、邮寄等途径依申请公开信息合计N件,
// 已全部按期限答复办结", the shape of a real 2023 county-level city's page):
// received or handled the words do not say, and both were blank with no
// word. Now said, as "办理依申请公开N件" is.
func TestRound26DealtApart(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, line := range []string{
		"2023年度,示例市累计办理公民、法人或其他组织通过市政府门户网站、邮寄等途径依申请公开信息合计9件,已全部按期限答复办结。",
		"2023年度,我市办理依申请公开信息合计9件,已全部按期限答复办结。",
	} {
		lines := []Line{{N: 1, Text: head + line}}
		vals, finds := readNarrative(lines, gongkai.Format2021, 2023, "示例市人民政府")
		if numberOf(vals, "apps.new") != -1 || numberOf(vals, "apps.total") != -1 {
			t.Errorf("%s: apps.new %v, apps.total %v, want both blank", line, numberOf(vals, "apps.new"), numberOf(vals, "apps.total"))
		}
		if !namesMeasure(finds, "apps.new") || !namesMeasure(finds, "apps.total") {
			t.Errorf("%s: no warning for apps.new and apps.total", line)
		}
	}
}

// TestRound26LicensingRecords checks round 26's records of licensing
// published ("其中双公示系统中公开行政许可信息N项", the shape of a real 2025 zone
// bureau's page, beside its table): they were stored as narrative.licensing,
// the table said to disagree. They are no count of decisions: blank, with
// errDecisionsPublished's warning. A count of decisions is read as before.
func TestRound26LicensingRecords(t *testing.T) {
	var nf narrativeFigure
	for _, f := range narrativeFigures {
		if f.measure == "narrative.licensing" {
			nf = f
		}
	}
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
		said bool
	}{
		{"2025年全年公开286条信息,其中双公示系统中公开行政许可信息38项,行政处罚2项。", -1, true},
		{"全年作出行政许可决定38件。", 38, false},
		{"全年办理行政许可38件。", 38, false},
	} {
		v, ok, total := findNarrative([]Line{{N: 1, Text: tt.line}}, nf, "示例开发区社会事业局", 2025)
		got := -1.0
		if ok && v.Number != nil {
			got = *v.Number
		}
		said := total != nil && strings.Contains(total.Message, "公开（公示）")
		if got != tt.want || said != tt.said {
			t.Errorf("%s: %v (said %v), want %v (said %v)", tt.line, got, said, tt.want, tt.said)
		}
	}
}

// TestRound26SystemWholeOrganPart checks round 26's count of the items a
// police system published with the bureau's own part after it ("主动发布各类信息
// N条,…,其中,局机关发布信息M条", the shape of a real 2016 county bureau's page,
// after a sentence naming every police organ of the county): N was stored
// as the bureau's with no word. Which one the report means is unsaid: blank,
// with a warning. A whole whose parts are kinds, not the organ, stands.
func TestRound26SystemWholeOrganPart(t *testing.T) {
	for _, tt := range []struct {
		body   string
		format string
		want   float64 // -1: blank
	}{
		{"一、总体情况\n2016年度,全县公安机关主动通过政府网站发布信息。主动发布各类信息236条,其中,局机关发布信息41条。\n二、依申请公开政府信息情况\n2016年度,我局未收到政府信息公开申请。\n", "2016", -1},
		{"一、总体情况\n(一)主动公开情况。2021年主动公开政府信息236条,其中局机关公开41条。\n(二)依申请公开情况。2021年,我局未收到政府信息公开申请。\n", "2021", -1},
		{"一、总体情况\n(一)主动公开情况。2021年主动公开政府信息236条,其中工作动态41条。\n(二)依申请公开情况。2021年,我局未收到政府信息公开申请。\n", "2021", 236},
	} {
		page := "示例县公安局" + tt.format + "年政府信息公开工作年度报告\n" + tt.body
		r, err := Parse("p.txt", []byte(page), Options{})
		if err != nil {
			t.Fatalf("%q: %v", tt.body, err)
		}
		got := -1.0
		if v, ok := r.Lookup("narrative.proactive_items", gongkai.ApplicantTotal); ok && v.Number != nil {
			got = *v.Number
		}
		if got != tt.want || (tt.want < 0) != namesMeasure(r.Findings, "narrative.proactive_items") {
			t.Errorf("%q: proactive %v (said %v), want %v", tt.body, got, namesMeasure(r.Findings, "narrative.proactive_items"), tt.want)
		}
	}
}

// TestRound26NoneUnderProceedingsHeading checks round 26's statement of no
// review or suit at all under a sub-heading of them ("(四)行政复议、行政诉讼情况。
// 2024年,区教育局未发生行政复议、行政诉讼事项", the shape of a real 2024 district
// bureau's page): none of any of the organ's work, so none from disclosure;
// both were blank with no word. A statement of one kind of work, of another
// organ, or under another heading stays unread.
func TestRound26NoneUnderProceedingsHeading(t *testing.T) {
	const agency = "示例市示例区教育局"
	for _, tt := range []struct {
		head, line string
		want       float64 // -1: blank
	}{
		{"(四)行政复议、行政诉讼情况。", "2024年,区教育局未发生行政复议、行政诉讼事项。", 0},
		{"(四)行政复议、行政诉讼情况。", "2024年,我局未发生行政复议、行政诉讼。", 0},
		{"(四)行政复议、行政诉讼情况。", "2024年,行政执法工作均无被申请行政复议。", -1},
		{"(四)行政复议、行政诉讼情况。", "2024年,区法院未发生行政复议。", -1},
		{"(三)监督保障情况。", "2024年,区教育局未发生行政复议、行政诉讼事项。", -1},
	} {
		lines := []Line{{N: 1, Text: "一、总体情况"}, {N: 2, Text: tt.head + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2024, agency)
		if got := numberOf(vals, "review.total"); got != tt.want {
			t.Errorf("%s%s: review.total %v, want %v", tt.head, tt.line, got, tt.want)
		}
	}
}

// TestRound26OverviewYear checks round 26's pages with no title and no
// period whose overview opens on the year ("一、总体情况" then "2020年,示例省人民政府
// 办公厅认真落实…", the shape of a real 2020 provincial office's page; "2019年
// 我局政府信息公开工作运行良好", "根据《条例》要求,2010年,我局继续开展…"): they were
// refused for want of a year. The year is the opening's, with a warning. A
// later year named on the page, an opening with no year, or a table of
// another year's format leaves it unsure: refused as before.
func TestRound26OverviewYear(t *testing.T) {
	const table = "二、主动公开政府信息情况\n第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 2 |\n"
	// The parts of a report, so that the page is no fragment of one.
	const parts = "(一)主动公开情况。全年主动公开信息25条。\n(二)依申请公开情况。全年收到政府信息公开申请2件。\n(三)政府信息管理情况。严格落实审查制度。\n"
	for _, tt := range []struct {
		page string
		want int // 0: refused for want of a year
	}{
		{"一、总体情况\n2020年,示例省人民政府办公厅认真落实条例,政府信息公开工作取得新进展。\n" + parts, 2020},
		{"一、总体情况\n2019年我局政府信息公开工作运行良好。\n" + parts, 2019},
		{"一、概述\n根据《条例》要求,2010年,我局继续开展政府信息公开工作。\n" + parts, 2010},
		{"一、总体情况\n2020年,我局政府信息公开工作运行良好。\n" + parts + "2021年将进一步做好公开工作。\n", 0},
		{"一、总体情况\n本年度我局政府信息公开工作运行良好。\n" + parts, 0},
		{"一、总体情况\n2016年度,我局政府信息公开工作运行良好。\n" + parts + table, 0},
	} {
		r, err := Parse("p.txt", []byte(tt.page), Options{Agency: "示例省人民政府办公厅"})
		got := 0
		if err == nil {
			got = r.Year
		} else if !errors.Is(err, ErrNoYear) {
			t.Errorf("%q: %v", tt.page, err)
			continue
		}
		said := false
		if err == nil {
			for _, f := range r.Findings {
				said = said || f.Rule == "period" && strings.Contains(f.Message, "首句")
			}
		}
		if got != tt.want || said != (tt.want != 0) {
			t.Errorf("%q: year %d (said %v), want %d", tt.page, got, said, tt.want)
		}
	}
}

// TestRound26QuotedTitleYear checks round 26's report whose opening sentence
// quotes its title with last year's number ("我镇认真编制了《示例镇2020年政府信息公开
// 工作年度报告》…统计期限自2021年1月1日起至12月31日止", then "2021年度,我镇…" opening
// the overview; the shape of a real 2021 town's page): it was stored under
// the quoted year, with the period's warning. Where the period and the
// overview's opening agree on another year, that year is the report's, said.
// A title of its own, or a quote the overview does not gainsay, keeps its year.
func TestRound26QuotedTitleYear(t *testing.T) {
	const opening = "根据《中华人民共和国政府信息公开条例》,我镇认真编制了《示例县示例镇2020年政府信息公开工作年度报告》。本年度报告所列数据的统计期限自2021年1月1日起至12月31日止,全文可在示例县人民政府门户网站查阅。\n"
	const parts = "(一)主动公开情况。全年主动公开政府信息88条。\n(二)依申请公开情况。全年未收到政府信息公开申请。\n(三)政府信息管理情况。严格落实审查制度。\n"
	for _, tt := range []struct {
		page string
		want int
		said bool // the year taken from the period is said
	}{
		{opening + "一、总体情况\n2021年度,我镇认真贯彻落实政府信息公开相关规定。\n" + parts, 2021, true},
		{opening + "一、总体情况\n2020年度,我镇认真贯彻落实政府信息公开相关规定。\n" + parts, 2020, false},
		{opening + "一、总体情况\n我镇认真贯彻落实政府信息公开相关规定。\n" + parts, 2020, false},
		{"示例县示例镇2020年政府信息公开工作年度报告\n本年度报告所列数据的统计期限自2021年1月1日起至12月31日止。\n一、总体情况\n2021年度,我镇认真贯彻落实政府信息公开相关规定。\n" + parts, 2020, false},
	} {
		r, err := Parse("p.txt", []byte(tt.page), Options{})
		if err != nil {
			t.Fatalf("%q: %v", tt.page, err)
		}
		said := false
		for _, f := range r.Findings {
			said = said || f.Rule == "period" && strings.Contains(f.Message, "所引的报告标题")
		}
		if r.Year != tt.want || said != tt.said {
			t.Errorf("%q: year %d (said %v), want %d (said %v)", tt.page, r.Year, said, tt.want, tt.said)
		}
	}
}
