package labels

import "testing"

// TestTitleMetaPassedOn holds that a verb of passing a report on before a
// title's year (转发, 印发, 报送…) is no part of the agency's name: the name
// is what follows the verb, none when nothing does (who reposts a report
// need not be its agency), and the organ itself before a verb of
// publishing its own. "示例县教育局转发2024年…" was read "示例县教育局转发".
func TestTitleMetaPassedOn(t *testing.T) {
	for _, tt := range []struct {
		title, agency, by string
	}{
		{"示例县教育局转发 2024年政府信息公开工作年度报告", "", "示例县教育局转发"},
		{"示例县教育局印发2024年政府信息公开工作年度报告", "", "示例县教育局印发"},
		{"示例县教育局上报2024年政府信息公开工作年度报告", "", "示例县教育局上报"},
		{"示例县人民政府办公室关于公布2024年政府信息公开工作年度报告的通知", "", "示例县人民政府办公室关于公布"},
		{"示例县人民政府办公室转发示例县青柳镇2024年政府信息公开工作年度报告", "示例县青柳镇", ""},
		{"示例县人民政府关于印发示例县2024年政府信息公开工作年度报告的通知", "示例县", ""},
		{"示例县人民政府办公室转发2024年度示例县青柳镇政府信息公开工作年度报告", "示例县青柳镇", ""},
		{"示例县教育局公开2024年政府信息公开工作年度报告", "示例县教育局", ""},
		{"示例县教育局公布2024年政府信息公开工作年度报告", "示例县教育局", ""},
		// 关于 opening the title is no part of the name.
		{"关于示例县教育局2024年政府信息公开工作年度报告", "示例县教育局", ""},
		{"关于做好2024年政府信息公开工作年度报告", "", ""},
		// A verb inside a name, after no organ's name, is the name's.
		{"示例县新闻发布中心2024年政府信息公开工作年度报告", "示例县新闻发布中心", ""},
		{"示例县教育局2024年政府信息公开工作年度报告", "示例县教育局", ""},
	} {
		a, y := TitleMeta(tt.title, true)
		if a != tt.agency || y != 2024 {
			t.Errorf("TitleMeta(%s) = %q %d, want %q 2024", tt.title, a, y, tt.agency)
		}
		if by := PassedOnBy(tt.title); by != tt.by {
			t.Errorf("PassedOnBy(%s) = %q, want %q", tt.title, by, tt.by)
		}
	}
}
