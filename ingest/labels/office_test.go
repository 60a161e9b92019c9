package labels

import (
	"strings"
	"testing"
)

// TestOpeningNames holds the readings of a report's opening that name its
// organ when the title and first sentence do not (session 31): an office
// of the organ named with it, compiling the report or answering for it; the
// organ whose work the report is compiled from; the organ opening the
// first sentence as the one compiling. Each case that must give no name
// names an office that is an organ of its own, several organs, or none.
// Names invented.
func TestOpeningNames(t *testing.T) {
	for _, tt := range []struct {
		fn   string
		s    string
		want string
	}{
		{"compiler", "本报告是根据《条例》要求,由示例县示例镇人民政府党政办公室编制。", "示例县示例镇人民政府"},
		{"compiler", "本报告由示例市示例区教育局办公室编制。", "示例市示例区教育局"},
		{"compiler", "本报告由示例市示例区人民政府办公室编制。", ""},
		{"compiler", "本报告由示例县政务公开领导小组办公室编制。", ""},
		{"compiler", "本报告由示例县人民政府信息公开办编制。", ""},
		{"compiler", "本报告由示例县人民政府办公室委托示例大学办公室编制。", ""},
		{"compiler", "根据条例,由示例县示例镇人民政府党政办公室编制目录。", ""},
		// The report named after the verb, 的 or 了 before it, and an
		// adverb (session 32, review's LOW and 48d69ce's shape).
		{"compiler", "本年报是根据要求,由示例市示例区市场监督管理局办公室编制的2024年度政府信息公开年度报告。", "示例市示例区市场监督管理局"},
		{"compiler", "根据要求,由示例县司法局办公室认真编写了2025年政府信息公开工作年度报告。", "示例县司法局"},
		{"compiler", "本年报由示例县人民政府办公室编制的2024年度政府信息公开工作年度报告。", ""},
		{"compiler", "受示例县人民政府委托,由示例县司法局办公室编制的2024年度政府信息公开工作年度报告。", ""},
		{"compiler", "由示例县司法局办公室编制的工作方案。", ""},
		{"contact", "如本报告有疑问,请联系:示例区示例街道办事处党政综合办公室,地址:示例路1号。", "示例区示例街道办事处"},
		{"contact", "如对本报告有任何疑问,请与示例市示例区统计局办公室联系(地址:示例路3号)。", "示例市示例区统计局"},
		{"contact", "如对本报告有疑问,请与示例市示例区人民政府办公室联系(地址:示例路2号)。", ""},
		{"contact", "如对本报告有疑问,请与示例区政务公开办公室联系。", ""},
		{"contact", "请与示例区示例街道办事处党政综合办公室联系。", ""}, // no report named
		{"work", "现结合示例市示例区商务委员会实际工作,编制本报告。", "示例市示例区商务委员会"},
		{"work", "结合示例县示例局政府信息公开工作实际,编制本报告。", "示例县示例局"},
		{"work", "现结合我局实际工作,编制本报告。", ""},
		{"work", "现结合全区各部门实际工作,编制本报告。", ""},
		{"work", "现结合示例县示例局和示例县某委员会实际工作,编制本报告。", ""},
		{"subject", "示例市示例区司法局(区行政复议局)根据《条例》《办法》等规定编制本报告。", "示例市示例区司法局"},
		{"subject", "示例县示例镇人民政府按照《条例》要求编制本报告。", "示例县示例镇人民政府"},
		{"subject", "为贯彻落实《条例》,根据有关规定编制本报告。", ""},
		{"subject", "示例县政务公开办公室根据《条例》要求编制本报告。", ""},
		// The subject of the overview's first sentence (session 32).
		{"overview", "2025年,示例路街道全面贯彻落实《条例》和上级政府信息公开工作要求。", "示例路街道"},
		{"overview", "2025年以来,示例街道深入学习贯彻上级关于政务公开工作的决策部署。", "示例街道"},
		{"overview", "2025年,示例市司法局在市委、市政府的正确领导下,认真贯彻落实《条例》。", "示例市司法局"},
		{"overview", "2025年,示例管理区在市委的领导下,政府信息公开工作平稳推进。", "示例管理区"},
		{"overview", "2025年,示例区深入推进政务公开工作。", ""}, // an area: its government's or the whole area's
		{"overview", "2025年,我局深入推进政务公开工作。", ""},
		{"overview", "2025年,全区各部门深入推进政务公开工作。", ""},
		{"overview", "2025年,在区委区政府的领导下,深入推进政务公开工作。", ""},
		{"overview", "2025年,示例街道深入推进老旧小区改造。", ""}, // not of disclosure
		// Review's HIGH on the first version: another organ beside the
		// report's own words for itself; a people's government.
		{"overview", "2025年,示例县人民政府高度重视政府信息公开工作,我局认真贯彻落实《条例》。", ""},
		{"overview", "2025年,示例市数据局深入推进政务公开,我中心积极配合。", ""},
		{"overview", "2025年,示例县示例局深入推进政务公开。本局全年主动公开信息50条。", ""},
		{"overview", "2025年,示例县人民政府深入推进政务公开工作。", ""},
		// Round 24 (session 33): a public institution's office for
		// information disclosure; a government's stays uncertain.
		{"contact", "本报告所列数据的统计期限自2016年1月1日起,如有疑问请与示例市某某防治中心政府信息公开办公室联系(地址:示例路5号)。", "示例市某某防治中心"},
		{"contact", "如对本报告有疑问,请与示例县人民政府信息公开办公室联系。", ""},
		{"contact", "如对本报告有疑问,请与示例县政府信息公开办公室联系。", ""},
		{"contact", "如对本报告有疑问,请与示例区信息公开办公室联系。", ""},
		// Round 24: the organ compiling the report named mid-sentence.
		{"clause", "为深入贯彻落实《条例》,保障公众的知情权,示例县示例镇人民政府特此编制2024年度政府信息公开工作年度报告。", "示例县示例镇人民政府"},
		{"clause", "为落实《条例》,示例市示例区统计局编制本报告。", "示例市示例区统计局"},
		{"clause", "为落实《条例》,示例县人民政府办公室特此编制2024年度政府信息公开工作年度报告。", ""},
		{"clause", "为落实《条例》,受示例县人民政府委托,示例县示例局编制本报告。", ""},
		{"clause", "为落实《条例》,汇总各部门情况,示例县政务公开办公室编制本报告。", ""},
		{"clause", "为落实《条例》,我局特此编制2024年度政府信息公开工作年度报告。", ""},
		{"clause", "为落实《条例》,示例县示例局编制工作方案。", ""},
		// Round 24: the overview opens on the organ with no year.
		{"undated", "示例省某某管理局坚持以习近平新时代中国特色社会主义思想为指导,按照政府信息公开要求,依法、及时发布政府信息。", "示例省某某管理局"},
		{"undated", "示例街道认真贯彻落实《条例》,扎实推进政务公开工作。", "示例街道"},
		{"undated", "示例县人民政府高度重视政府信息公开工作。", ""},
		{"undated", "示例区深入推进政务公开工作。", ""},
		{"undated", "我局坚持以公开为常态,不公开为例外。", ""},
		{"undated", "区委区政府高度重视政务公开工作。", ""},
		{"undated", "示例县某局坚持推进政务公开,我中心积极配合。", ""},
		{"undated", "示例县某局坚持推进老旧小区改造。", ""},      // not of disclosure
		{"undated", "2025年,示例街道深入推进政务公开工作。", ""}, // dated: OverviewSubject's
		{"contactorgan", "如本报告有疑问,请联系:示例区人民政府示例街道办事处,地址:示例路1号。", "示例区人民政府示例街道办事处"},
		{"contactorgan", "如对本报告有疑问,请与示例县示例镇人民政府联系。", "示例县示例镇人民政府"},
		{"contactorgan", "如对本报告有疑问,请与示例区人民政府办公室联系。", ""},
		{"contactorgan", "如对本报告有疑问,请与示例区另一街道办事处联系。", ""},
	} {
		var got string
		switch tt.fn {
		case "overview":
			got = OverviewSubject(tt.s)
		case "contactorgan":
			short := map[bool]string{true: "示例镇", false: "示例街道"}[strings.Contains(tt.s, "镇")]
			got = ContactOrgan(tt.s, short)
		case "compiler":
			got, _, _ = CompilerOffice(tt.s)
		case "contact":
			got, _ = ContactOffice(tt.s)
		case "work":
			got = WorkOfName(tt.s)
		case "subject":
			got = SubjectCompiler(tt.s)
		case "undated":
			got = OverviewSubjectUndated(tt.s)
		case "clause":
			got = ClauseCompiler(tt.s)
		}
		if got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.fn, tt.s, got, tt.want)
		}
	}
}
