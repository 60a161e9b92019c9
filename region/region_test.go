package region

import (
	"errors"
	"testing"
)

// atlas returns the embedded divisions, failing the test with the reason
// when the build did not embed them.
func atlas(tb testing.TB) *Atlas {
	tb.Helper()
	a, err := Load()
	if errors.Is(err, ErrNoData) {
		tb.Fatalf("%v (the division data is an npm asset; `make test` copies it)", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func TestDerive(t *testing.T) {
	a := atlas(t)
	tests := []struct {
		agency string
		want   Place
	}{
		// Departments and governments at each level.
		{"安顺市应急管理局", Place{"贵州省", "安顺市", "", LevelCityDept, "520400"}},
		{"安顺市人民政府", Place{"贵州省", "安顺市", "", LevelCityGov, "520400"}},
		{"贵州省应急管理厅", Place{"贵州省", "", "", LevelProvinceDept, "520000"}},
		{"贵州省人民政府", Place{"贵州省", "", "", LevelProvinceGov, "520000"}},
		{"西秀区人民政府", Place{"贵州省", "安顺市", "西秀区", LevelCountyGov, "520402"}},
		{"西秀区教育局", Place{"贵州省", "安顺市", "西秀区", LevelCountyDept, "520402"}},
		{"安顺市西秀区应急管理局", Place{"贵州省", "安顺市", "西秀区", LevelCountyDept, "520402"}},
		{"贵州省安顺市西秀区人民政府", Place{"贵州省", "安顺市", "西秀区", LevelCountyGov, "520402"}},
		{"浙江省市场监督管理局", Place{"浙江省", "", "", LevelProvinceDept, "330000"}},
		{"杭州市西湖区人民政府", Place{"浙江省", "杭州市", "西湖区", LevelCountyGov, "330106"}},
		// Short forms.
		{"安顺应急管理局", Place{"贵州省", "安顺市", "", LevelCityDept, "520400"}},
		{"贵州安顺市人民政府", Place{"贵州省", "安顺市", "", LevelCityGov, "520400"}},
		{"黔东南州人民政府", Place{"贵州省", "黔东南苗族侗族自治州", "", LevelCityGov, "522600"}},
		{"黔东南苗族侗族自治州财政局", Place{"贵州省", "黔东南苗族侗族自治州", "", LevelCityDept, "522600"}},
		{"广西壮族自治区人民政府", Place{"广西壮族自治区", "", "", LevelProvinceGov, "450000"}},
		{"广西交通运输厅", Place{"广西壮族自治区", "", "", LevelProvinceDept, "450000"}},
		{"新疆发展和改革委员会", Place{"新疆维吾尔自治区", "", "", LevelProvinceDept, "650000"}},
		{"镇宁县人民政府", Place{"贵州省", "安顺市", "镇宁布依族苗族自治县", LevelCountyGov, "520423"}},
		// A short form followed by a division suffix is some other name.
		{"安顺镇人民政府", Place{Level: LevelTownship}},
		// Municipalities: the city level is empty, districts are counties.
		{"北京市应急管理局", Place{"北京市", "", "", LevelProvinceDept, "110000"}},
		{"北京市朝阳区人民政府", Place{"北京市", "", "朝阳区", LevelCountyGov, "110105"}},
		// Ambiguous: 朝阳区 is in Beijing and in Changchun; 西湖区 in
		// Hangzhou and Nanchang. The level is sure, the place is not.
		{"朝阳区人民政府", Place{Level: LevelCountyGov}},
		{"西湖区市场监督管理局", Place{Level: LevelCountyDept}},
		// 吉林 is both a province and a city of it.
		{"吉林发展和改革委员会", Place{Province: "吉林省", Code: "220000"}},
		// Townships and street offices.
		{"某某镇人民政府", Place{Level: LevelTownship}},
		{"某某街道办事处", Place{Level: LevelTownship}},
		{"某某乡人民政府", Place{Level: LevelTownship}},
		{"西秀区某某镇人民政府", Place{"贵州省", "安顺市", "西秀区", LevelTownship, "520402"}},
		// A township named after its county or city with no organ word
		// (real reports title themselves so): a township, not a department.
		{"西秀区某某镇", Place{"贵州省", "安顺市", "西秀区", LevelTownship, "520402"}},
		{"安顺市西秀区某某乡", Place{"贵州省", "安顺市", "西秀区", LevelTownship, "520402"}},
		{"西秀区某某街道", Place{"贵州省", "安顺市", "西秀区", LevelTownship, "520402"}},
		{"安顺市某某镇", Place{"贵州省", "安顺市", "", LevelTownship, "520400"}},
		// Words that name a kind of place are no township's name.
		{"西秀区城镇", Place{"贵州省", "安顺市", "西秀区", LevelCountyDept, "520402"}},
		{"西秀区乡镇", Place{"贵州省", "安顺市", "西秀区", LevelCountyDept, "520402"}},
		{"西秀区统筹城乡", Place{"贵州省", "安顺市", "西秀区", LevelCountyDept, "520402"}},
		{"西秀区小城镇", Place{"贵州省", "安顺市", "西秀区", LevelCountyDept, "520402"}},
		// A bare township name with no division before it stays unknown.
		{"某某镇", Place{}},
		// 乡 inside a department's name is no township.
		{"安顺市住房和城乡建设局", Place{"贵州省", "安顺市", "", LevelCityDept, "520400"}},
		{"安顺市乡村振兴局", Place{"贵州省", "安顺市", "", LevelCityDept, "520400"}},
		// Unknown stays empty.
		{"", Place{}},
		{"国家税务总局", Place{}},
		{"某某县人民政府", Place{}},
		{" 安顺市 应急管理局 ", Place{"贵州省", "安顺市", "", LevelCityDept, "520400"}},
	}
	for _, tt := range tests {
		if got := a.Derive(tt.agency); got != tt.want {
			t.Errorf("Derive(%q) = %+v, want %+v", tt.agency, got, tt.want)
		}
	}
	if got := Derive("安顺市应急管理局"); got.City != "安顺市" {
		t.Errorf("package Derive = %+v", got)
	}
}

func TestShortForms(t *testing.T) {
	tests := []struct {
		name string
		kind int8
		want []string
	}{
		{"贵州省", kindProvince, []string{"贵州"}},
		{"宁夏回族自治区", kindProvince, []string{"宁夏"}},
		{"新疆维吾尔自治区", kindProvince, []string{"新疆"}},
		{"西藏自治区", kindProvince, []string{"西藏"}},
		{"内蒙古自治区", kindProvince, []string{"内蒙古"}},
		{"安顺市", kindCity, []string{"安顺"}},
		{"大兴安岭地区", kindCity, []string{"大兴安岭"}},
		{"黔西南布依族苗族自治州", kindCity, []string{"黔西南", "黔西南州"}},
		{"三都水族自治县", kindCounty, []string{"三都县", "三都自治县"}},
		{"西秀区", kindCounty, nil},
	}
	for _, tt := range tests {
		got := shortForms(tt.name, tt.kind)
		if len(got) != len(tt.want) {
			t.Errorf("shortForms(%q) = %q, want %q", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("shortForms(%q) = %q, want %q", tt.name, got, tt.want)
			}
		}
	}
}

func TestLookups(t *testing.T) {
	a := atlas(t)
	ps := a.Provinces()
	if len(ps) < 31 || ps[0] != (Division{"110000", "北京市"}) {
		t.Fatalf("Provinces() = %d, first %+v; want 31+ starting with 北京市", len(ps), ps[0])
	}
	cities := a.Cities("贵州省")
	if !hasDivision(cities, "安顺市") || hasDivision(cities, "西秀区") {
		t.Errorf("Cities(贵州省) = %v", cities)
	}
	if got := a.Counties("贵州省", "安顺市"); !hasDivision(got, "西秀区") || len(got) != 6 {
		t.Errorf("Counties(贵州省, 安顺市) = %v", got)
	}
	if got := a.Counties("北京市", ""); !hasDivision(got, "朝阳区") {
		t.Errorf("Counties(北京市, \"\") = %v", got)
	}
	if got := a.Children("520400"); !hasDivision(got, "平坝区") {
		t.Errorf("Children(520400) = %v", got)
	}
	if got := a.Cities("不存在省"); got != nil {
		t.Errorf("Cities(不存在省) = %v, want nil", got)
	}
}

func TestParseRejects(t *testing.T) {
	for _, data := range []string{"", "{}", "[]", `[{"code":"5","name":""}]`} {
		if _, err := Parse([]byte(data)); err == nil {
			t.Errorf("Parse(%q): no error", data)
		}
	}
}

func hasDivision(ds []Division, name string) bool {
	for _, d := range ds {
		if d.Name == name {
			return true
		}
	}
	return false
}

func BenchmarkDerive(b *testing.B) {
	a := atlas(b)
	names := []string{"安顺市应急管理局", "贵州省安顺市西秀区人民政府", "某某镇人民政府", "朝阳区人民政府", "国家税务总局安顺市税务局"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		a.Derive(names[i%len(names)])
	}
}

// FuzzDerive checks that no name makes Derive panic or invent a level, and
// that whatever place it names is one the divisions have.
func FuzzDerive(f *testing.F) {
	for _, s := range []string{"安顺市应急管理局", "西秀区某某镇人民政府", "朝阳区人民政府", "吉林", "\xff安顺", "黔东南州"} {
		f.Add(s)
	}
	a := atlas(f)
	known := map[string]bool{"": true}
	for _, l := range Levels {
		known[l] = true
	}
	f.Fuzz(func(t *testing.T, name string) {
		p := a.Derive(name)
		if !known[p.Level] {
			t.Fatalf("Derive(%q) level %q", name, p.Level)
		}
		if p.City != "" && !hasDivision(a.Cities(p.Province), p.City) {
			t.Fatalf("Derive(%q) = %+v: no such city", name, p)
		}
		if p.County != "" && !hasDivision(a.Counties(p.Province, p.City), p.County) {
			t.Fatalf("Derive(%q) = %+v: no such county", name, p)
		}
	})
}
