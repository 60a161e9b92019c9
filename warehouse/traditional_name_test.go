package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"testing"

	"gongkai"
)

// TestTraditionalNameOneAgency builds the state an older loader left: an
// agency stored under a name with traditional characters the readers did
// not fold then ("涇溪县…", its key the name itself), and uploads the same
// agency's year again as the readers read it now ("泾溪县…"). The year must
// be current once, under the agency already stored: a second agency would
// count the year twice in every total. A name that differs by a character
// simplified writing uses too (於 for 于, as an older reader folded a
// title's) is the same agency, with a warning that says so; two stored
// agencies whose names fold to one refuse the upload, naming both.
func TestTraditionalNameOneAgency(t *testing.T) {
	tests := []struct {
		name     string
		stored   []string // agencies as the older loader stored them, each with its 2023 report current
		upload   string
		agencies int   // agencies after the upload
		current  int   // current 2023 reports after the upload
		version  int   // the upload's version; 0 when it is refused
		refused  []int // the stored agencies (by index in stored) a refusal names
		warned   bool  // the upload carries a warning that its name differs from the one stored
	}{
		{name: "traditional stored, simplified read now", stored: []string{"涇溪县教育体育局"}, upload: "泾溪县教育体育局",
			agencies: 1, current: 1, version: 2},
		{name: "every character traditional", stored: []string{"澤陽縣衛生健康局"}, upload: "泽阳县卫生健康局",
			agencies: 1, current: 1, version: 2},
		{name: "simplified stored, traditional typed in a cover cell", stored: []string{"泾溪县教育体育局"}, upload: "涇溪县教育体育局",
			agencies: 1, current: 1, version: 2},
		{name: "a character of simplified writing: one agency, said", stored: []string{"于溪镇人民政府"}, upload: "於溪镇人民政府",
			agencies: 1, current: 1, version: 2, warned: true},
		{name: "two stored agencies fold to one", stored: []string{"涇溪县教育体育局", "泾溪县教育体育局"}, upload: "泾溪县教育体育局",
			agencies: 2, current: 2, refused: []int{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			db := openTest(t)
			// Loaded under placeholder names, then renamed as the older
			// loader stored them: its key was the name with no fold.
			var reqs []LoadRequest
			for i := range tt.stored {
				reqs = append(reqs, LoadRequest{Report: sampleReport("待改名机关"+string(rune('甲'+i)), 2023, 0, 0)})
			}
			var ids []int64
			for _, r := range load(t, db, reqs...) {
				ids = append(ids, r.AgencyID)
			}
			for i, name := range tt.stored {
				if _, err := db.db.Exec(`UPDATE store.agencies SET name = $1, name_key = $1 WHERE agency_id = $2`, name, ids[i]); err != nil {
					t.Fatal(err)
				}
			}
			path := db.Path()
			db.Close()
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()

			r := sampleReport(tt.upload, 2023, 0, 0)
			r.Source.SHA256 = strings.Repeat("ab", 32) // a corrected file, not the one stored
			res, err := db.Load(ctx, []LoadRequest{{Report: r}})
			switch {
			case tt.refused != nil:
				var ge *gongkai.Error
				if !errors.As(err, &ge) || ge.Code != gongkai.CodeConflict {
					t.Fatalf("Load: %v, want a conflict", err)
				}
				for _, i := range tt.refused {
					if id := ids[i]; !strings.Contains(ge.Message, "编号") || !strings.Contains(ge.Message, itoa(id)) {
						t.Errorf("refusal %q does not name agency %d", ge.Message, id)
					}
				}
				if n := count(t, db, `SELECT count(*) FROM store.reports`); n != len(tt.stored) {
					t.Errorf("%d reports stored after the refusal, want %d", n, len(tt.stored))
				}
				// The agency the state does not key is still there for
				// an administrator's correction.
				if err := db.SetAgencyRegion(ctx, ids[len(ids)-1], Region{Province: "甲省"}); err != nil {
					t.Errorf("SetAgencyRegion of the second agency: %v", err)
				}
			case err != nil:
				t.Fatalf("Load: %v", err)
			default:
				if res[0].Version != tt.version {
					t.Errorf("version %d, want %d", res[0].Version, tt.version)
				}
				if tt.agencies == len(tt.stored) && res[0].AgencyID != ids[0] {
					t.Errorf("loaded under agency %d, want the stored %d", res[0].AgencyID, ids[0])
				}
				warned := false
				for _, f := range res[0].Findings {
					warned = warned || f.Rule == "agency" && strings.Contains(f.Message, tt.stored[0]) && strings.Contains(f.Message, tt.upload)
				}
				if warned != tt.warned {
					t.Errorf("warned %v, want %v: %+v", warned, tt.warned, res[0].Findings)
				}
			}
			if n := count(t, db, `SELECT count(*) FROM store.agencies`); n != tt.agencies {
				t.Errorf("%d agencies, want %d", n, tt.agencies)
			}
			if n := count(t, db, `SELECT count(*) FROM store.reports WHERE year = 2023 AND is_current`); n != tt.current {
				t.Errorf("2023 is current %d times, want %d", n, tt.current)
			}
			// What a total reads: the year's new applications, once per
			// current report.
			var sum sql.NullFloat64
			if err := db.db.QueryRow(`SELECT sum(value) FROM report_values WHERE year = 2023 AND measure = 'apps.new' AND applicant = 'total'`).Scan(&sum); err != nil {
				t.Fatal(err)
			}
			if want := 60 * float64(tt.current); sum.Float64 != want {
				t.Errorf("2023 apps.new sums to %v, want %v", sum.Float64, want)
			}
		})
	}
}

// TestTraditionalNameUploader checks that an uploader bound to an agency by
// its name in traditional script may upload its reports as read now, and
// may not upload another agency's.
func TestTraditionalNameUploader(t *testing.T) {
	u := &User{Role: RoleUploader, Agencies: []string{"涇溪县教育体育局", "於溪镇人民政府"}}
	for name, want := range map[string]bool{
		"泾溪县教育体育局": true,
		"涇溪县教育体育局": true,
		"於溪镇人民政府":  true,
		"于溪镇人民政府":  true, // loaded as the same agency, said (TestTraditionalNameOneAgency)
		"泾溪县卫生健康局": false,
	} {
		if got := u.MayUploadFor(name); got != want {
			t.Errorf("MayUploadFor(%q) = %v, want %v", name, got, want)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
