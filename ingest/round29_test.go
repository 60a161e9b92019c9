package ingest

import (
	"testing"

	"gongkai"
)

// TestRound29NotHeldCountFirst checks a count of applications before its
// reason, the organ's not holding the information given as the one cause of
// 无法提供 ("其中,1件予以公开,2件因本机关不掌握相关政府信息而无法提供,7件结转
// 下年度继续办理", the shape of a real 2024 town's paragraph, fixture
// narrative-2024-town-not-held-count-first): it is table 三's 本机关不掌握
// 相关政府信息, and was passed over with no word. A cause among others
// (等原因) or another reason is not read so.
func TestRound29NotHeldCountFirst(t *testing.T) {
	const lead = "(二)依申请公开 2024年度,全年收到依申请公开件10件,申请人均为自然人。其中,1件予以公开,"
	for _, tt := range []struct {
		rest    string
		notHeld float64 // -1: blank
	}{
		{"2件因本机关不掌握相关政府信息而无法提供,7件结转下年度继续办理。", 2},
		{"2件因本机关不掌握相关信息无法提供,7件结转下年度继续办理。", 2},
		{"2件由于不掌握相关政府信息而无法提供,7件结转下年度继续办理。", 2},
		{"2件因本机关不掌握等原因无法提供,7件结转下年度继续办理。", -1},
		{"2件因需要另行制作而无法提供,7件结转下年度继续办理。", -1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: lead + tt.rest}}, gongkai.Format2021, 2024, "示例县示例镇人民政府")
		if got := numberOf(vals, "apps.unavailable.not_held"); got != tt.notHeld {
			t.Errorf("%s: apps.unavailable.not_held %v, want %v", tt.rest, got, tt.notHeld)
		}
		if got := numberOf(vals, "apps.granted"); got != 1 {
			t.Errorf("%s: apps.granted %v, want 1", tt.rest, got)
		}
	}
}

// TestRound29BareReviewSuit checks a review and a suit named bare (复议,
// 诉讼) in a paragraph on applications ("涉及复议0件,诉讼0件,无被纠错和败诉",
// the shape of a real 2024 town's page, fixture
// narrative-2024-town-one-line-bare-review): they are table 四's, and were
// passed over with no word. A bare 复议 on a line that speaks of no
// disclosure stays unread.
func TestRound29BareReviewSuit(t *testing.T) {
	for _, tt := range []struct {
		line           string
		review, direct float64 // -1: blank
	}{
		{"(二)依申请公开情况。 2024年,示例镇全年共收到依申请公开件1件,已按期答复1件。涉及复议0件,诉讼0件,无被纠错和败诉。", 0, 0},
		{"(二)依申请公开情况。 2024年,示例镇全年共收到依申请公开件3件,已按期答复3件。涉及复议1件,诉讼0件。", 1, 0},
		{"(五)信访工作。全年办理复议2件,诉讼1件。", -1, -1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2024, "西秀区示例镇")
		if got := numberOf(vals, "review.total"); got != tt.review {
			t.Errorf("%s: review.total %v, want %v", tt.line, got, tt.review)
		}
		if got := numberOf(vals, "litigation_direct.total"); got != tt.direct {
			t.Errorf("%s: litigation_direct.total %v, want %v", tt.line, got, tt.direct)
		}
	}
}

// TestRound29SwappedCarriedOver checks 结转 written with its characters
// swapped before the next year ("无转结下年度继续办理件", the same page's): the
// none carried over is read as "无结转下年度…" is; it was passed over with no
// word.
func TestRound29SwappedCarriedOver(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64
	}{
		{"(二)依申请公开情况。2024年,示例镇全年共收到依申请公开件1件,已按期答复1件,无转结下年度继续办理件。", 0},
		{"(二)依申请公开情况。2024年,示例镇全年共收到依申请公开件3件,已答复2件,转结至下一年度办理1件。", 1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2024, "西秀区示例镇")
		if got := numberOf(vals, "apps.carried_out"); got != tt.want {
			t.Errorf("%s: apps.carried_out %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestRound29ChineseDigitsOneByOne checks Chinese numerals written digit by
// digit ("一零", "二〇"): no count, as "二三" is none. "行政复议一零件" was
// stored as 0 reviews. 零 before a digit inside a number ("一百零五") stands.
func TestRound29ChineseDigitsOneByOne(t *testing.T) {
	for s, want := range map[string]int{"一零": -1, "二〇": -1, "零零": -1, "二三": -1, "一百零五": 105, "十": 10, "零": 0, "两": 2, "一千零一": 1001} {
		got, ok := chineseNumber(s)
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("chineseNumber(%q) = %d (ok %v), want %d", s, got, ok, want)
		}
	}
	vals, _ := readNarrative([]Line{{N: 1, Text: "(二)依申请公开。2024年度街道受理群众依申请公开件9件,行政复议一零件。"}}, gongkai.Format2021, 2024, "示例街道办事处")
	if got := numberOf(vals, "review.total"); got != -1 {
		t.Errorf("行政复议一零件: review.total %v, want blank", got)
	}
}

// TestRound29AllNatural checks '申请人均为自然人' in a clause of its own after
// the count received ("全年收到依申请公开件10件,申请人均为自然人", fixture
// narrative-2024-town-not-held-count-first): natural persons 10 and the five
// legal columns 0. They were passed over with no word. A part named first,
// or the words in another sentence, give none.
func TestRound29AllNatural(t *testing.T) {
	for _, tt := range []struct {
		line              string
		natural, business float64 // -1: blank
	}{
		{"(二)依申请公开 2024年度,全年收到依申请公开件10件,申请人均为自然人。", 10, 0},
		{"(二)依申请公开 2024年度,全年收到政府信息公开申请4件,均为公民申请。", 4, 0},
		{"(二)依申请公开 2024年度,全年收到依申请公开件10件,其中3件申请人均为自然人。", -1, -1},
		{"(二)依申请公开 2024年度,全年收到依申请公开件10件,申请人多为自然人。", -1, -1},
	} {
		vals, _ := readNarrative([]Line{{N: 1, Text: tt.line}}, gongkai.Format2021, 2024, "示例县示例镇人民政府")
		got := map[string]float64{gongkai.ApplicantNatural: -1, gongkai.ApplicantBusiness: -1}
		for _, v := range vals {
			if v.Measure == "apps.new" && v.Number != nil {
				got[v.Applicant] = *v.Number
			}
		}
		if got[gongkai.ApplicantNatural] != tt.natural || got[gongkai.ApplicantBusiness] != tt.business {
			t.Errorf("%s: natural %v business %v, want %v %v", tt.line, got[gongkai.ApplicantNatural], got[gongkai.ApplicantBusiness], tt.natural, tt.business)
		}
	}
}

// TestRound29StreetKindBeforeWork checks a street named by its kind alone
// before its own work ("抓紧抓实抓细街道各项工作", fixture
// narrative-2020-street-kind-before-work): the street itself, not another
// organ ("抓细街道"), in a street's report. Its count was left blank, said
// to be maybe another organ's. Another street named, or the words in a
// bureau's report, still name another organ.
func TestRound29StreetKindBeforeWork(t *testing.T) {
	for _, tt := range []struct {
		clause, agency string
		want           bool
	}{
		{"统筹推进疫情防控和抓紧抓实抓细街道各项工作", "西秀区示例街道", false},
		{"切实做好街道各项工作", "西秀区示例街道办事处", false},
		{"会同示例路街道开展联合检查", "西秀区示例街道", true},
		{"统筹推进疫情防控和抓紧抓实抓细街道各项工作", "西秀区示例局", true},
	} {
		if got := namesOtherOrgan(tt.clause, tt.agency); got != tt.want {
			t.Errorf("namesOtherOrgan(%q, %q) = %v, want %v", tt.clause, tt.agency, got, tt.want)
		}
	}
}
