package gongkai

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestT2SData(t *testing.T) {
	seen := map[rune]int{}
	for i, line := range strings.Split(t2sData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if n := utf8.RuneCountInString(line); n != 2 {
			t.Errorf("t2s.txt line %d: %q has %d characters, want 2", i+1, line, n)
			continue
		}
		r := []rune(line)[0]
		if prev, ok := seen[r]; ok {
			t.Errorf("t2s.txt line %d: %c is listed on line %d too", i+1, r, prev)
		}
		seen[r] = i + 1
	}
}

// TestSimplifiedName checks that agency names fold every traditional
// character the readers fold, and that the characters of simplified
// writing among them (GB 2312 holds them) are told apart for the caller.
func TestSimplifiedName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"涇溪县教育体育局", "泾溪县教育体育局"},     // 涇: a place name's character, outside GB 2312
		{"示例縣衛生健康委員會", "示例县卫生健康委员会"}, // every character of the name folds
		{"示例市示澤区供电公司", "示例市示泽区供电公司"}, // one in the middle
		{"撫遠示例市自然資源局", "抚远示例市自然资源局"}, // a division name's characters (抚远), folded since round 30
		{"於溪镇人民政府", "于溪镇人民政府"},       // as a title's 於 is read
		{"示例县教育局", "示例县教育局"},         // nothing to fold
		{"Ａ示例县　陽光局", "Ａ示例县　阳光局"},     // other characters as they are
		{"", ""},
	}
	for _, tt := range tests {
		if got := SimplifiedName(tt.in); got != tt.want {
			t.Errorf("SimplifiedName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, r := range []rune("於後徵覆谘") {
		if !SimplifiedToo(r) {
			t.Errorf("SimplifiedToo(%c) = false: GB 2312 holds it", r)
		}
	}
	for _, r := range []rune("涇澤縣陽于") {
		if SimplifiedToo(r) {
			t.Errorf("SimplifiedToo(%c) = true", r)
		}
	}
}
