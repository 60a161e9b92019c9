package demo

import (
	"context"
	"fmt"

	"gongkai"
	"gongkai/warehouse"
)

// Versions says how many later versions LoadVersions adds to a loaded demo
// set: a confirmed re-upload of one report in ReuploadEvery (it retires the
// version loaded before) and a version waiting for confirmation of one in
// PendingEvery (an error finding keeps it pending; the version before stays
// current). 0 adds none of that kind.
type Versions struct {
	ReuploadEvery, PendingEvery int
}

// BenchVersions is the share of versions `gongkai demo --versions` and the
// scale bench's -scale-versions load: 3 % of the reports re-uploaded and
// 0.3 % waiting. No real share is measured; these are the shares session
// 32's review measured figure_totals with (docs/scaling.md says why they
// are plausible): enough that every query over all figures meets retired
// and pending versions in every row group.
var BenchVersions = Versions{ReuploadEvery: 33, PendingEvery: 300}

// LoadVersions loads later versions of the set EachShape(seed, agencies,
// shape) gives (already loaded by LoadGeneratedShape) as uploads do, in
// groups of loadBatch through warehouse.DB.Load: a re-upload is the report
// again under a file name of its own, its figures unchanged, confirmed by
// its uploader; a pending version the same with one error finding more. It
// returns how many of each it loaded. Its error is EachShape's, Load's, or
// says which version the warehouse stored otherwise than asked (taken as a
// duplicate, pending when confirmed, current when it should wait): the set
// loaded must be the one given.
func LoadVersions(ctx context.Context, db *warehouse.DB, seed int64, agencies int, shape Shape, v Versions) (reuploads, pending int, err error) {
	var batch []warehouse.LoadRequest
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := db.Load(ctx, batch)
		if err != nil {
			return err
		}
		for i, r := range res {
			switch {
			case r.Err != nil:
				return fmt.Errorf("demo: version %s: %w", batch[i].Report.Source.Name, r.Err)
			case r.Duplicate || r.Version < 2 || r.Pending == batch[i].Confirm:
				return fmt.Errorf("demo: version %s stored as version %d, duplicate %v, pending %v", batch[i].Report.Source.Name,
					r.Version, r.Duplicate, r.Pending)
			}
		}
		batch = batch[:0]
		return nil
	}
	i := 0
	err = EachShape(seed, agencies, shape, func(r *gongkai.Report) error {
		i++
		c := *r
		switch {
		case v.ReuploadEvery > 0 && i%v.ReuploadEvery == 0:
			c.Source.Name, c.Source.SHA256 = fmt.Sprintf("更正-%d-%s", i, r.Source.Name), ""
			batch = append(batch, warehouse.LoadRequest{Report: &c, By: LoadedBy, Confirm: true})
			reuploads++
		case v.PendingEvery > 0 && i%v.PendingEvery == 1:
			c.Source.Name, c.Source.SHA256 = fmt.Sprintf("待确认-%d-%s", i, r.Source.Name), ""
			c.Findings = append(append([]gongkai.Finding(nil), r.Findings...), gongkai.Finding{Rule: "R1",
				Severity: gongkai.SeverityError, At: "表三!C33", Message: "演示：合计不等于各项之和"})
			batch = append(batch, warehouse.LoadRequest{Report: &c, By: LoadedBy})
			pending++
		default:
			return nil
		}
		if len(batch) >= loadBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return reuploads, pending, err
}
