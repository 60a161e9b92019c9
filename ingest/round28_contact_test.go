package ingest

import (
	"os"
	"strings"
	"testing"

	"gongkai"
)

// TestRound28ContactSelf checks a line of contact that names the organ
// itself ("如对本年度报告有任何疑问,请与示例县卫生健康局联系。", the shape of a
// real 2021 county bureau's page with no title) in a report that calls
// itself 我局: the organ is taken, with an error finding, for nothing but
// that word ties the contact to the report's organ; a contact that names
// another organ (review's reproducers: a parent bureau on its 分局's page,
// another bureau) reads the same and waits the same. The page was refused
// for want of a name. A government, an office, a township, or a report
// that never says 我局, gives none.
func TestRound28ContactSelf(t *testing.T) {
	data, err := os.ReadFile("testdata/web/identity-2021-contact-self.txt")
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	const contact = "请与示例县卫生健康局联系"
	if !strings.Contains(page, contact) || !strings.Contains(page, "我局") {
		t.Fatal("the fixture no longer has the shape this test varies")
	}
	for _, tt := range []struct {
		from, to, want string
	}{
		{"", "", "示例县卫生健康局"},
		{contact, "请与示例市生态环境局联系", "示例市生态环境局"},     // maybe a parent's: said as an error
		{contact, "请与示例县数据资源管理局联系", "示例县数据资源管理局"}, // maybe another's: the same
		{contact, "请与示例县人民政府办公室联系", ""},
		{contact, "请与示例县政务公开办联系", ""},
		{contact, "请与卫生健康局联系", ""},      // placed nowhere
		{"我局", "本机关", ""},               // the report never says 我局
		{contact, "请与示例县卫生健康委员会联系", ""}, // 委员会: the report would say 我委
	} {
		p := page
		if tt.from != "" {
			p = strings.ReplaceAll(p, tt.from, tt.to)
		}
		r, err := Parse("identity-2021-contact-self.txt", []byte(p), Options{})
		got := ""
		if err == nil {
			got = r.Agency
		}
		if got != tt.want {
			t.Errorf("%q → %q: agency %q (%v), want %q", tt.from, tt.to, got, err, tt.want)
			continue
		}
		if got == "" {
			continue
		}
		said := false
		for _, f := range r.Findings {
			if f.Rule == "agency" && f.Severity == gongkai.SeverityError {
				said = true
			}
		}
		if !said {
			t.Errorf("%q → %q: agency %q with no error finding (a warning lets it replace the organ's current version)", tt.from, tt.to, got)
		}
	}
}
