package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestRound19SampleSaysWhyBlank checks the shapes of round 19's real pages
// (2019-2025 street offices and bureaus) whose counts were blank with no
// word: each is now read where the words are certain, or blank with a
// warning that names the measure.
func TestRound19SampleSaysWhyBlank(t *testing.T) {
	for _, tt := range []struct {
		line, measure string
		want          float64 // -1: blank
		warned        bool    // a finding names the measure
	}{
		// Every application received handled, said with a bare 办结: those
		// carried in and handled are not said.
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,已按规定时限和程序办结,未发生因信息公开申请引发的行政复议或行政诉讼。", "apps.total", -1, true},
		{"(二)依申请公开情况。2025年依申请公开共受理4件,为信函申请,按时办结,完成率100%。", "apps.total", -1, true},
		{"(二)依申请公开情况。2025年依申请公开共受理4件,已办结。", "apps.total", -1, true},
		// None carried in: the count handled is the count received.
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,已按规定时限和程序办结。", "apps.total", 3, false},
		// A part, or a count in words, handled is not every one (review s28),
		// and how many were is not said: blank, said (fixes s29).
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,已部分办结。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,已基本办结。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,已大部分办理完毕。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,已有两件办结。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,已将其中一件办结。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,均已部分答复。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,已部分办理完毕。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,均已全部办结。", "apps.total", 3, false},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,均已受理并部分答复。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,大多数均已答复。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,大部分均已办结。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,已有一件办理完成。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,无上年度结转,全部依法受理并按期答复。", "apps.total", 3, false},
		// A count of its own stays what it was.
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,已办结2件。", "apps.total", 2, false},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,按时办结2件。", "apps.total", -1, true},
		// Not every application: a part, or not handled.
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,其中2件已办结。", "apps.total", -1, true},
		{"(二)依申请公开情况。全年共收到政府信息公开申请3件,尚未办结。", "apps.total", -1, false},
		// Applications of one kind of applicant, the count before the noun.
		{"(二)依申请公开情况。2025年1月1日至2025年12月31日,全街收到3件由自然人发起的政府信息公开申请,并依法规范受理、答复。", "apps.new", -1, true},
		{"(二)依申请公开情况。2025年,我局收到3件企业提出的申请。", "apps.new", -1, true},
		{"(二)依申请公开情况。2025年,我局收到3件政府信息公开申请。", "apps.new", 3, false},
		// None of reviews or suits of one cause only (fixes s28).
		{"(二)依申请公开。2025年,我办共收到公开政府信息申请2件,已全部答复。未出现因答复不当引起的行政复议、行政诉讼等情况。", "review.total", -1, true},
		{"(二)依申请公开。2025年,我办共收到公开政府信息申请2件,已全部答复。未出现因答复不当引起的行政复议、行政诉讼等情况。", "litigation_direct.total", -1, true},
		{"(二)依申请公开。2025年,未发生因政府信息公开违法引起的行政复议。", "review.total", -1, true},
		{"(二)依申请公开。2025年,未发生因政府信息公开引起的行政复议、行政诉讼。", "review.total", 0, false},
		// None by letter: one way's none.
		{"(二)依申请公开工作情况。2025 年,全年未收到依申请公开来信,无意见投诉情况。", "apps.new", -1, true},
		{"(二)依申请公开工作情况。2025年未收到信息公开申请来信。", "apps.new", -1, true},
		{"(二)依申请公开工作情况。2025年未收到依申请公开申请。", "apps.new", 0, false},
		{"(二)依申请公开工作情况。2025年未收到群众来信。", "apps.new", -1, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2025, "示例市示例局")
		got := numberOf(vals, tt.measure)
		warned := namesMeasure(finds, tt.measure)
		if got != tt.want || warned != tt.warned {
			t.Errorf("%s: %s %v (warned %v), want %v (warned %v)", tt.line, tt.measure, got, warned, tt.want, tt.warned)
		}
	}
}

// TestRound19SampleReads checks the shapes of round 19's real pages whose
// figures were blank with no word and are certain: outcomes listed in a
// sentence after 其中, a zero as 零复议, documents repealed and in force in
// other words, the organ's name before 接到, and the counts of 不予处理 and
// 其他处理 that fit no row (said to). Each case beside one that must not read.
func TestRound19SampleReads(t *testing.T) {
	const recv = "(二)依申请公开。2024年,我委共收到政府信息公开申请23件,包括自然人申请21件(市发展改革委转办2件),法人或其他组织申请2件。"
	for _, tt := range []struct {
		agency, line, measure string
		want                  float64 // -1: blank
		warned                bool    // a finding names the measure or its row
	}{
		{"示例区发展和改革委员会", recv + "其中11件已公开;7件部分公开;5条本机关不掌握相关政府信息。", "apps.granted", 11, false},
		{"示例区发展和改革委员会", recv + "其中11件已公开;7件部分公开;5条本机关不掌握相关政府信息。", "apps.partial", 7, false},
		{"示例区发展和改革委员会", recv + "其中11件已公开;7件部分公开;5条本机关不掌握相关政府信息。", "apps.unavailable.not_held", 5, false},
		{"示例区发展和改革委员会", recv + "其中11件予以公开,7件部分公开。", "apps.partial", 7, false},
		// 已公开 alone may be information already published.
		{"示例区发展和改革委员会", recv + "其中11件已公开。", "apps.granted", -1, false},
		// Not a list of the applications received: those carried in, named alone (warned since session 33).
		{"示例区发展和改革委员会", "(二)依申请公开。上年结转申请3件。其中2件予以公开;1件部分公开。", "apps.granted", -1, true},
		{"示例区发展和改革委员会", recv + "另有11件予以公开。", "apps.granted", -1, false},
		{"示例区发展和改革委员会", recv + "其中11件予以公开。上年结转2件,2件予以公开。", "apps.granted", -1, true},
		{"示例区发展和改革委员会", "(二)依申请公开。共收到行政复议申请5件。其中3件予以公开;1件部分公开。", "apps.granted", -1, false},
		{"示例区发展和改革委员会", "(一)主动公开。今年主动公开信息50条。其中11件已公开;7件部分公开。", "apps.partial", -1, false},
		// A list that may be a part's, or of the year's received beside those carried in (review s28):
		// beside a count carried in, blank with a warning since session 32 (it was no word).
		{"示例区发展和改革委员会", "(二)依申请公开。共收到政府信息公开申请21件,其中网上申请12件。其中9件予以公开;3件部分公开。", "apps.granted", -1, false},
		{"示例区发展和改革委员会", "(二)依申请公开。今年共收到政府信息公开申请5件,其中网上申请3件,对其中2件予以公开。", "apps.granted", -1, false},
		{"示例区发展和改革委员会", "(二)依申请公开。今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分公开。上年结转2件已办结。", "apps.granted", -1, true},
		{"示例区发展和改革委员会", "(二)依申请公开。今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分公开。上年无结转。", "apps.granted", 3, false},
		{"示例区发展和改革委员会", "(二)依申请公开。今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分公开。去年结转2件已办结。", "apps.granted", -1, true},
		{"示例区发展和改革委员会", "(二)依申请公开。今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分公开。上年度遗留的2件已办结。", "apps.partial", -1, true},
		{"示例区发展和改革委员会", "(二)依申请公开。今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分公开。上年结转两件已办结。", "apps.granted", -1, true},
		{"示例区发展和改革委员会", "(二)依申请公开。今年共收到政府信息公开申请5件,对其中3件予以公开,1件部分公开,结转下年度1件。", "apps.granted", 3, false},
		{"示例区发展和改革委员会", "(二)依申请公开。共收到政府信息公开申请21件,包括网上申请12件。其中9件予以公开;3件部分公开。", "apps.granted", -1, false},
		// A bare 公开 set against 不予公开 after the count received; none withheld is none for each reason.
		{"示例镇人民政府", "(二)依申请公开情况。2024年本镇共收到依申请公开0件,公开0件,不予公开0件,行政复议0件,行政诉讼0件", "apps.granted", 0, false},
		{"示例镇人民政府", "(二)依申请公开情况。2024年本镇共收到依申请公开0件,公开0件,不予公开0件,行政复议0件,行政诉讼0件", "apps.withheld.third_party", 0, false},
		{"示例镇人民政府", "(二)依申请公开情况。2024年我镇共收到依申请公开5件,公开3件,不予公开2件。", "apps.granted", 3, false},
		{"示例镇人民政府", "(二)依申请公开情况。2024年我镇共收到依申请公开5件,公开3件,不予公开2件。", "apps.withheld.third_party", -1, false},
		{"示例镇人民政府", "(二)依申请公开情况。2024年我镇共收到依申请公开5件,公开3件。", "apps.granted", -1, false},
		// A part's none is not every application's: said since session 40
		// where it follows the part (errOutcomeAfterPart; blank before, with
		// no word).
		{"示例镇人民政府", "(二)依申请公开情况。2024年共收到申请5件。其中网上申请3件,不予公开0件;信函申请2件,不予公开1件。", "apps.withheld.third_party", -1, true},
		{"示例镇人民政府", "(二)依申请公开情况。2024年共收到申请5件。其中网上申请3件,不予公开1件;信函申请2件,不予公开0件。", "apps.withheld.third_party", -1, false},
		{"示例镇人民政府", "(二)依申请公开情况。2024年共收到申请5件,其中网上申请3件,公开2件,不予公开0件。", "apps.withheld.third_party", -1, true},
		{"示例镇人民政府", "(二)依申请公开情况。2024年共收到申请5件,其中网上申请3件,公开2件,不予公开0件。", "apps.granted", -1, false},
		{"示例镇人民政府", "(二)依申请公开情况。2024年我镇上年结转2件,公开1件,不予公开1件。", "apps.granted", -1, false},
		// Every review upheld, the result after the verb.
		{"示例市示例局", "(三)复议诉讼。因政府信息公开工作被申请行政复议或提起行政诉讼中,行政复议5件,均维持结果;行政诉讼2件。", "review.upheld", 5, false},
		{"示例市示例局", "(三)复议诉讼。因政府信息公开工作被申请行政复议或提起行政诉讼中,行政复议5件,均为维持。", "review.upheld", 5, false},
		{"示例市示例局", "(三)复议诉讼。因政府信息公开工作被申请行政复议或提起行政诉讼中,行政复议5件,大部分维持结果。", "review.upheld", -1, false},
		// None of either proceeding, 零 before its noun.
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,均能按程序高效办结。全年实现答复“零复议、零诉讼”。", "review.total", 0, false},
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,均能按程序高效办结。全年实现答复“零复议、零诉讼”。", "litigation_direct.total", 0, false},
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,复议一零件。", "review.total", -1, false},
		{"示例街道办事处", "(五)改进措施。下一步,街道将力争实现答复“零复议、零诉讼”。", "review.total", -1, false},
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,确保零复议零诉讼。", "litigation_direct.total", -1, false},
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,持续保持零复议。", "review.total", -1, false},
		// 不予处理 and 其他处理 fit no row of the 2021 table 三; a zero is every row's.
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,其中包括予以公开3件,无法提供1件,不予处理3件,其他处理2件。", "apps.not_processed", -1, true},
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,其中包括予以公开3件,无法提供1件,不予处理3件,其他处理2件。", "apps.other", -1, true},
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,其中予以公开6件,不予处理0件,其他处理0件。", "apps.not_processed.duplicate", 0, false},
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,其中予以公开6件,不予处理0件,其他处理0件。", "apps.other.no_fee", 0, false},
		{"示例街道办事处", "(二)依申请公开。2024年度街道受理群众依申请公开件9件,其中重复申请不予处理2件。", "apps.not_processed", -1, false},
		{"示例街道办事处", "(二)依申请公开。2024年共收到申请5件。其中网上申请3件,不予处理0件;信函申请2件,不予处理1件。", "apps.not_processed.duplicate", -1, false},
		{"示例街道办事处", "(二)依申请公开。2024年共收到申请5件,其中网上申请3件,其他处理0件。", "apps.other.no_fee", -1, false},
		// Documents repealed (废除) and in force (正在实施).
		{"示例街道办事处", "(一)主动公开。2024年街道制定规范性文件0件,废除规范性文件1件,正在实施的规范性文件3件。", "normative_docs.repealed", 1, false},
		{"示例街道办事处", "(一)主动公开。2024年街道制定规范性文件0件,废除规范性文件1件,正在实施的规范性文件3件。", "normative_docs.in_force", 3, false},
		{"示例街道办事处", "(一)主动公开。2024年街道正在实施的项目3个。", "normative_docs.in_force", -1, false},
		// The organ's name before 接到, the noun after the count with 的.
		{"示例街道办事处", "(二)政府信息依申请公开情况。2024年,示例街道接到2项政府信息公开的申请。", "apps.new", 2, false},
		{"示例街道办事处", "(二)政府信息依申请公开情况。2024年,示例区教育局接到2项政府信息公开的申请。", "apps.new", -1, true},
		{"示例市示例局", "(二)政府信息依申请公开情况。2024年,市政府办公室接到2项政府信息公开的申请。", "apps.new", -1, true},
		{"示例市示例局", "(二)政府信息依申请公开情况。2024年,区人民政府接到2项政府信息公开的申请。", "apps.new", -1, true},
		{"示例市示例局", "(二)政府信息依申请公开情况。2024年,示例市人民政府接到2项政府信息公开的申请。", "apps.new", -1, true},
		{"示例市示例局", "(二)政府信息依申请公开情况。2024年,市政府信息公开办公室接到2项政府信息公开的申请。", "apps.new", -1, true},
		{"示例市示例局", "(二)政府信息依申请公开情况。2024年,示例市示例局收到2件政府信息公开的申请。", "apps.new", 2, false},
	} {
		vals, finds := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2024, tt.agency)
		got := numberOf(vals, tt.measure)
		warned := false
		for _, f := range finds {
			name := map[string]string{"apps.not_processed": "不予处理", "apps.other": "其他处理"}[tt.measure]
			warned = warned || f.Measure == tt.measure || name != "" && strings.Contains(f.Message, name+"3件") ||
				tt.measure == "apps.other" && strings.Contains(f.Message, "其他处理2件")
		}
		if got != tt.want || warned != tt.warned {
			t.Errorf("%s: %s %v (warned %v), want %v (warned %v)", tt.line, tt.measure, got, warned, tt.want, tt.warned)
		}
	}
}
