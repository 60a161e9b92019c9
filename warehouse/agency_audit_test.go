package warehouse

import (
	"context"
	"database/sql"
	"testing"
)

// TestAgencyRegionAudited: an admin's correction of an agency's region and
// its audit entry stand or fall together. With the audit log unable to take
// the entry (its table renamed away), the correction fails and the region
// stays; with the log back, both are written. The dashboard wrote the entry
// after the correction's commit and only logged a failure, so a correction
// could stand with no entry.
func TestAgencyRegionAudited(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	res := load(t, db, LoadRequest{Report: sampleReport("某某委员会", 2021, 0, 0)})
	id := res[0].AgencyID
	province := func() string {
		var p sql.NullString
		if err := db.db.QueryRow("SELECT province FROM agencies WHERE agency_id = ?", id).Scan(&p); err != nil {
			t.Fatal(err)
		}
		return p.String
	}
	entries := func() int {
		log, err := db.AuditLog(ctx, AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range log {
			if e.Action == "agency.region" {
				n++
			}
		}
		return n
	}
	before := province()
	e := &AuditEntry{Actor: "admin", Remote: "192.0.2.1", Action: "agency.region", Agency: "某某委员会", Detail: "测试"}

	if _, err := db.db.Exec("ALTER TABLE auth.audit_log RENAME TO audit_log_away"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegionAudited(ctx, id, Region{Province: "云南省", Level: "省级部门"}, e); err == nil {
		t.Error("the correction stood though its audit entry could not be written")
	}
	if got := province(); got != before {
		t.Errorf("after a correction whose audit entry failed the province is %q, was %q", got, before)
	}
	if _, err := db.db.Exec("ALTER TABLE auth.audit_log_away RENAME TO audit_log"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegionAudited(ctx, id, Region{Province: "云南省", Level: "省级部门"}, e); err != nil {
		t.Fatal(err)
	}
	if got, n := province(), entries(); got != "云南省" || n != 1 {
		t.Errorf("after the correction: province %q, %d audit entries; want 云南省 and 1", got, n)
	}
}
