package labels

import "testing"

// TestCompilerNameByRules holds that a first sentence which names the rules
// the report was compiled by between the compiler and 编制 ("本报告由X按照
// 《…》要求编制", the shape of a real 2024 town's page) names X; the page was
// refused for want of a name. The rules of CompilerName hold as before: an
// office, a hired party or no report named gives none. Names invented.
func TestCompilerNameByRules(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"本报告由示例镇人民政府按照《中华人民共和国政府信息公开条例》(以下简称《条例》)和《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)要求编制。", "示例镇人民政府"},
		{"本报告由示例县司法局根据《条例》规定编制。", "示例县司法局"},
		{"本年度报告由示例县司法局依据《条例》有关规定编制而成。", "示例县司法局"},
		{"本报告由示例县人民政府办公室按照《条例》要求编制。", ""},
		{"本报告由示例县人民政府按照《条例》要求委托示例大学编制。", ""},
		{"该规划由示例市规划局按照《规划法》要求编制。", ""},
	} {
		if got := CompilerName(tt.line); got != tt.want {
			t.Errorf("CompilerName(%s) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
