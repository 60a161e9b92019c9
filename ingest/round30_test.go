package ingest

import (
	"testing"

	"gongkai/ingest/labels"
)

// TestRound30PurposeOfName checks the organ a page's first sentence does its
// disclosure work for ("为认真做好X政府信息公开工作,我局…", the shape of a real
// 2022 city bureau's page with no title, fixture
// narrative-2022-purpose-clause-name): it is the agency only when the
// sentence goes on with the organ's own word for itself of the same kind.
func TestRound30PurposeOfName(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"为认真做好示例市示例健康局政府信息公开工作,我局按照《条例》的有关要求,精心组织。", "示例市示例健康局"},
		{"为做好示例县示例委员会政府信息公开工作,我委严格按照《条例》要求。", "示例县示例委员会"},
		{"为进一步做好示例区示例局的政府信息公开工作,本局按照要求编制本报告。", "示例区示例局"},
		{"为认真做好示例市示例健康局政府信息公开工作,我委按照要求。", ""},       // another kind of organ speaks
		{"为认真做好示例县人民政府办公室政府信息公开工作,我办按照要求。", ""},     // an office: none (as WorkOfName)
		{"为认真做好全市政府信息公开工作,我局按照要求。", ""},             // an area, no organ
		{"为认真做好示例市示例健康局政府信息公开工作,各单位按照要求。", ""},      // no self word
		{"根据《条例》,为做好示例市示例健康局政府信息公开工作,我局编制本报告。", ""}, // not the sentence's opening
	} {
		if got := labels.PurposeOfName(tt.line); got != tt.want {
			t.Errorf("PurposeOfName(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
