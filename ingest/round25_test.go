package ingest

import (
	"testing"

	"gongkai"
	"gongkai/ingest/doc"
	"gongkai/ingest/labels"
)

// TestRound25SiteChannel checks round 25's site named by a word ending in 网
// ("通过某某网主动公开信息N条", the shape of a real 2024 city bureau's page,
// beside its platform's, website's and WeChat's counts): the site is a
// channel, so its count on a line of channels is one channel's part, not the
// year's whole. A whole said alone, or a site that is the line's only
// channel, is still read; 网上 (online) is not a site's name.
func TestRound25SiteChannel(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"2024年在市政府信息公开平台主动公开信息31条;门户网站公开信息12条,通过示例某某网主动公开信息2870条;通过微信公众号发布信息410条。", -1},
		{"通过示例气象网公开信息2870条,通过微信公众号公开信息410条。", -1},
		{"通过门户网站公开信息12条,在示例信息网发布信息85条。", -1},
		// The line's only channel: the whole.
		{"全年通过示例某某网主动公开信息2870条。", 2870},
		// A whole with the channels after it.
		{"全年主动公开政府信息55条,其中通过示例某某网主动公开40条,通过微信公众号公开15条。", 55},
		// 网上 is online, not a site: one count, read.
		{"全年在网上主动公开政府信息66条。", 66},
	} {
		lines := []Line{{N: 1, Text: "(一)主动公开情况。" + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2024, "示例市某某局")
		if got := numberOf(vals, "narrative.proactive_items"); got != tt.want {
			t.Errorf("%s: proactive %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestRound25InfoboxTitle checks round 25's encyclopedia infobox line ("•
// 中文名:YYYY年度政府信息公开年度报告", the shape of a real 2010 report copied
// into an encyclopedia's page): the label and its bullet are no agency's
// name; the label before a named title leaves the name.
func TestRound25InfoboxTitle(t *testing.T) {
	for _, tt := range []struct {
		line, want string
	}{
		{"  • 中文名:2010年度政府信息公开年度报告", ""},
		{"中文名称:2010年度政府信息公开年度报告", ""},
		{"• 中文名:示例市法制办公室2010年度政府信息公开年度报告", "示例市法制办公室"},
		{"示例市法制办公室2010年度政府信息公开年度报告", "示例市法制办公室"},
	} {
		if got, _ := labels.TitleMeta(tt.line, true); got != tt.want {
			t.Errorf("%q: agency %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestRound25PartsListed checks a probe of round 25: a report's list of its
// parts cut short after the applications' section ("全文包括:总体情况,…,收到
// 和处理政府信息公开申请情况等3项内容", the shape of a real 2023 county
// bureau's first sentence, with fewer parts named) was stored as 3
// applications received. The parts are no count; a count in 项 of
// applications is still read.
func TestRound25PartsListed(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"本报告全文包括:总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况等3项内容。", -1},
		{"本报告由总体情况、收到和处理政府信息公开申请情况等六个部分组成。", -1},
		{"全年共收到政府信息公开申请3项。", 3},
	} {
		lines := []Line{{N: 1, Text: tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2023, "示例县某局")
		if got := numberOf(vals, "apps.new"); got != tt.want {
			t.Errorf("%s: apps.new %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestRound25Period checks round 25's statistics periods: one naming the
// statute's coming into force after its start, with a comma before its end
// (a real 2009 street office's), and one whose start lost its 年 (a real
// 2023 county bureau's, on a site that drops the character). Both pages were
// refused as no report for want of a period. A run of digits before the
// year is no year.
func TestRound25Period(t *testing.T) {
	for _, tt := range []struct {
		line string
		want int // 0: no period
	}{
		{"本报告中所列数据的统计期限自2009年1月1日《条例》实施之日起,至2009年12月31日止。", 2009},
		{"本报告中使用数据统计期限为20231月1日至12月31日。", 2023},
		{"统计期限自2024年1月1日起至2024年12月31日止。", 2024},
		{"统计期限为120231月1日至12月31日。", 0},
	} {
		p, ok := labels.StatPeriod([]doc.Line{{N: 1, Text: tt.line}})
		got := 0
		if ok {
			got = p.Year
		}
		if got != tt.want {
			t.Errorf("%s: period year %d, want %d", tt.line, got, tt.want)
		}
	}
}

// TestRound25OfficeOf checks round 25's contact offices: a bureau's own
// office named with its 局 ("示例区某某局局党政办公室", a real 2024 district
// bureau's; the organ was read as "…局局", a wrong identity), and a bureau
// whose name joins two matters with 和 ("示例区水务和湖泊局党政办公室", a real
// 2025 district bureau's, refused for want of a name). Two organs joined by
// 和 still give none.
func TestRound25OfficeOf(t *testing.T) {
	for _, tt := range []struct {
		office, want string
	}{
		{"示例区某某局局党政办公室", "示例区某某局"},
		{"示例区某某局局办公室", "示例区某某局"},
		{"示例区水务和湖泊局党政办公室", "示例区水务和湖泊局"},
		{"示例县人力资源和社会保障局办公室", "示例县人力资源和社会保障局"},
		{"示例区某某局和某某委办公室", ""},
		{"示例镇党委和政府办公室", ""},
		{"示例区某某局办公室", "示例区某某局"},
	} {
		if got := labels.OfficeOf(tt.office); got != tt.want {
			t.Errorf("%s: organ %q, want %q", tt.office, got, tt.want)
		}
	}
}

// TestRound25OverviewLeadership checks round 25's overview that opens on the
// year, then the leadership the organ works under, then the organ
// ("YYYY年,在市委市政府的正确领导下,示例市某某局结合…实际", a real 2025
// municipal bureau's page, refused for want of a name). A government, an
// area's whole or a party committee after the leadership still gives none.
func TestRound25OverviewLeadership(t *testing.T) {
	for _, tt := range []struct {
		line, want string
	}{
		{"2025年,在市委市政府的正确领导下,示例市某某局结合本行业工作实际,坚持以新思想为指导,全面、及时地公开政府信息。", "示例市某某局"},
		{"2025年,在区委区政府的坚强领导下,示例区某某街道认真贯彻落实《条例》,做好政府信息公开工作。", "示例区某某街道"},
		{"2025年,在市委市政府的正确领导下,全区各部门认真贯彻落实《条例》,做好政府信息公开工作。", ""},
		{"2025年,在上级的指导下,示例县人民政府认真贯彻落实《条例》,做好政府信息公开工作。", ""},
	} {
		if got := labels.OverviewSubject(tt.line); got != tt.want {
			t.Errorf("%s: subject %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestRound25ProactiveYou checks round 25's proactive count with 有 before
// it ("其中主动公开信息有N条", a real 2010 township's page, after the count of
// the information it made): the year's items, read; 有 inside other words
// ("主动公开信息中有N条是…") still leaves it unsure.
func TestRound25ProactiveYou(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64 // -1: blank
	}{
		{"我乡在2010年度共计制作、获取政府信息总数96条,其中主动公开信息有71条。", 71},
		{"2010年度主动公开信息有71条。", 71},
		{"2010年主动公开信息中有12条是工作动态。", -1},
	} {
		lines := []Line{{N: 1, Text: "二、主动公开政府信息情况"}, {N: 2, Text: tt.line}}
		vals, _ := readNarrative(lines, gongkai.FormatPre2019, 2010, "示例县某乡人民政府")
		if got := numberOf(vals, "narrative.proactive_items"); got != tt.want {
			t.Errorf("%s: proactive %v, want %v", tt.line, got, tt.want)
		}
	}
}
