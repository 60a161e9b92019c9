package dashboard

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
	"gongkai/demo"
	"gongkai/warehouse"
)

// TestFilterOptionsFollowData holds the filter bar's kept choices (kept.go)
// to the data: after a load of a report with a new year, province and city,
// and after an administrator moves its agency to another region, the very
// next page offers the new choices and no longer the old ones, with the
// page cache on and off.
func TestFilterOptionsFollowData(t *testing.T) {
	ctx := context.Background()
	db, err := loadWarehouse(filepath.Join(t.TempDir(), "kept.duckdb"), demo.Generate(fixtureSeed, 3))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	handlers := map[string]http.Handler{
		"cache on":  New(db, testLogger(t), Options{Public: true}),
		"cache off": New(db, testLogger(t), Options{Public: true, CacheEntries: -1}),
	}
	check := func(when string, want, not []string) {
		t.Helper()
		for name, h := range handlers {
			for _, path := range []string{"/applications", "/quality?year=2021"} {
				status, body := fetch(t, h, path)
				if status != http.StatusOK {
					t.Fatalf("%s, %s %s: %d %s", when, name, path, status, snippet(body))
				}
				bar := body[strings.Index(body, "<main>"):]
				for _, w := range want {
					if !strings.Contains(bar, w) {
						t.Errorf("%s, %s %s: the filter bar lacks %s", when, name, path, w)
					}
				}
				for _, w := range not {
					if strings.Contains(bar, w) {
						t.Errorf("%s, %s %s: the filter bar still offers %s", when, name, path, w)
					}
				}
			}
		}
	}
	year, prov, city := `<option value="2025"`, `<option>海南省</option>`, `>三亚市</option>`
	newProv, newCity := `<option>西藏自治区</option>`, `>拉萨市</option>`
	check("before the load", nil, []string{year, prov, city, newProv, newCity})

	r := &gongkai.Report{Agency: "三亚市某局", Year: 2025, Format: gongkai.Format2021, Province: "海南省", City: "三亚市",
		Values: []gongkai.Value{{Measure: "apps.new", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(2), Raw: "2"}},
		Source: gongkai.Source{Kind: "demo", Name: "new.xlsx"}}
	gen := db.Generation()
	res, err := db.Load(ctx, []warehouse.LoadRequest{{Report: r, Source: []byte("new"), By: "test"}})
	if err != nil || res[0].Err != nil {
		t.Fatalf("load: %v %v", err, res)
	}
	if db.Generation() == gen {
		t.Fatal("a load did not change the warehouse's generation")
	}
	check("after the load", []string{year, prov, city}, []string{newProv, newCity})

	if err := db.SetAgencyRegion(ctx, res[0].AgencyID, warehouse.Region{Province: "西藏自治区", City: "拉萨市", Level: "市级部门"}); err != nil {
		t.Fatal(err)
	}
	check("after the region correction", []string{year, newProv, newCity}, []string{prov, city})
}
