package demo

import (
	"context"

	"gongkai"
	"gongkai/warehouse"
)

// LoadedBy is what the warehouse records as the loader of demo reports.
const LoadedBy = "demo"

// loadBatch is how many reports go to the warehouse in one call, so that
// memory stays bounded however large the set.
const loadBatch = 2048

// Load stores reports in db as loaded by "demo". A report already loaded
// (same agency, year and content) is skipped as a duplicate. Its error is the
// warehouse's first failure, a *gongkai.Error; reports of earlier batches
// stay loaded, each whole.
func Load(ctx context.Context, db *warehouse.DB, reports []*gongkai.Report) error {
	reqs := make([]warehouse.LoadRequest, 0, min(len(reports), loadBatch))
	for start := 0; start < len(reports); start += loadBatch {
		reqs = reqs[:0]
		for _, r := range reports[start:min(start+loadBatch, len(reports))] {
			reqs = append(reqs, warehouse.LoadRequest{Report: r, By: LoadedBy})
		}
		if _, err := db.Load(ctx, reqs); err != nil {
			return err
		}
	}
	return nil
}
