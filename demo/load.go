package demo

import (
	"context"

	"gongkai"
	"gongkai/warehouse"
)

// LoadedBy is what the warehouse records as the loader of demo reports.
const LoadedBy = "demo"

// loadBatch is how many reports go to the warehouse in one call, so that
// memory stays bounded however large the set: one of the warehouse's
// commit groups.
const loadBatch = 4096

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

// LoadGenerated generates the set Generate(seed, agencies) returns and loads
// it batch by batch, never holding more than a batch in memory, and returns
// how many reports it loaded. Its errors are Each's and Load's.
func LoadGenerated(ctx context.Context, db *warehouse.DB, seed int64, agencies int) (int, error) {
	return LoadGeneratedProgress(ctx, db, seed, agencies, nil)
}

// LoadGeneratedProgress is LoadGenerated that calls progress (when not nil)
// with the number of reports loaded so far after every batch, so that a
// national set's load of several minutes shows how far it is.
func LoadGeneratedProgress(ctx context.Context, db *warehouse.DB, seed int64, agencies int, progress func(loaded int)) (int, error) {
	n := 0
	batch := make([]*gongkai.Report, 0, loadBatch)
	flush := func() error {
		err := Load(ctx, db, batch)
		if err == nil {
			n += len(batch)
			if progress != nil {
				progress(n)
			}
		}
		batch = batch[:0]
		return err
	}
	err := Each(seed, agencies, func(r *gongkai.Report) error {
		batch = append(batch, r)
		if len(batch) == loadBatch {
			return flush()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	return n, err
}
