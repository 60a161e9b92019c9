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
	for start := 0; start < len(reports); start += loadBatch {
		if _, err := db.LoadPrepared(ctx, prepare(reports[start:min(start+loadBatch, len(reports))])); err != nil {
			return err
		}
	}
	return nil
}

// prepare makes a batch of reports ready for the warehouse as loaded by
// LoadedBy.
func prepare(reports []*gongkai.Report) *warehouse.Prepared {
	reqs := make([]warehouse.LoadRequest, 0, len(reports))
	for _, r := range reports {
		reqs = append(reqs, warehouse.LoadRequest{Report: r, By: LoadedBy})
	}
	return warehouse.Prepare(reqs)
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
// The next batch is generated and prepared (warehouse.Prepare) while the
// warehouse writes the last one, on the second core, which would otherwise
// sit idle. At most two batches are in memory.
func LoadGeneratedProgress(ctx context.Context, db *warehouse.DB, seed int64, agencies int, progress func(loaded int)) (int, error) {
	return LoadGeneratedShape(ctx, db, seed, agencies, TwoProvinces, progress)
}

// LoadGeneratedShape is LoadGeneratedProgress with the agencies drawn from
// the roster of the given shape (EachShape). Its errors are EachShape's and
// Load's.
func LoadGeneratedShape(ctx context.Context, db *warehouse.DB, seed int64, agencies int, shape Shape, progress func(loaded int)) (int, error) {
	return loadGenerated(ctx, db, seed, agencies, shape, nil, progress)
}

// loadGenerated is LoadGeneratedShape that loads only the reports keep
// keeps (all when keep is nil): BenchmarkLoadGenerated loads the Country
// set without the two provinces into a two-province warehouse, new
// agencies only.
func loadGenerated(ctx context.Context, db *warehouse.DB, seed int64, agencies int, shape Shape, keep func(*gongkai.Report) bool, progress func(loaded int)) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type batch struct {
		n        int
		prepared *warehouse.Prepared
	}
	batches := make(chan batch) // unbuffered: one batch generated ahead
	genErr := make(chan error, 1)
	go func() {
		defer close(batches)
		reports := make([]*gongkai.Report, 0, loadBatch)
		send := func() error {
			select {
			case batches <- batch{len(reports), prepare(reports)}:
				reports = make([]*gongkai.Report, 0, loadBatch)
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		err := EachShape(seed, agencies, shape, func(r *gongkai.Report) error {
			if keep != nil && !keep(r) {
				return nil
			}
			reports = append(reports, r)
			if len(reports) == loadBatch {
				return send()
			}
			return nil
		})
		if err == nil && len(reports) > 0 {
			err = send()
		}
		genErr <- err
	}()
	// One bulk load: the roll-ups' sums of every batch are merged once at
	// the end (warehouse.DB.Bulk), not each batch's into the groups it
	// touches, which for the country's thousands of places were most of them.
	n := 0
	err := db.Bulk(ctx, func() error {
		for b := range batches {
			if _, err := db.LoadPrepared(ctx, b.prepared); err != nil {
				cancel()
				for range batches { // let the generator see the cancel and stop
				}
				return err
			}
			n += b.n
			if progress != nil {
				progress(n)
			}
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, <-genErr
}
