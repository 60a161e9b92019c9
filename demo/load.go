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
//
// The next batch is generated while the warehouse writes the last one: the
// two take about the same CPU, and a second core would otherwise sit idle.
// At most two batches are in memory.
func LoadGeneratedProgress(ctx context.Context, db *warehouse.DB, seed int64, agencies int, progress func(loaded int)) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []*gongkai.Report) // unbuffered: one batch generated ahead
	genErr := make(chan error, 1)
	go func() {
		defer close(batches)
		batch := make([]*gongkai.Report, 0, loadBatch)
		send := func() error {
			select {
			case batches <- batch:
				batch = make([]*gongkai.Report, 0, loadBatch)
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		err := Each(seed, agencies, func(r *gongkai.Report) error {
			batch = append(batch, r)
			if len(batch) == loadBatch {
				return send()
			}
			return nil
		})
		if err == nil && len(batch) > 0 {
			err = send()
		}
		genErr <- err
	}()
	n := 0
	for batch := range batches {
		if err := Load(ctx, db, batch); err != nil {
			cancel()
			for range batches { // let the generator see the cancel and stop
			}
			return n, err
		}
		n += len(batch)
		if progress != nil {
			progress(n)
		}
	}
	return n, <-genErr
}
