package warehouse

import (
	"context"

	"gongkai/queries"
)

// ComplementForTest runs compare_regions' complement form for f as Query
// would, with its gate on the names' share open (the conditions of
// exactness still apply), and says whether it answered.
func ComplementForTest(ctx context.Context, db *DB, f Filter) (*Table, bool, error) {
	db.complement.mu.Lock()
	db.complement.always = true
	db.complement.mu.Unlock()
	q, _ := queries.Get("compare_regions")
	return db.compareRegionsComplement(ctx, q, f)
}

// AppsComplementForTest runs applications_year_sums' complement form for f
// as Query would, with its gate on the names' share open (the conditions
// of exactness still apply), and says whether it answered.
func AppsComplementForTest(ctx context.Context, db *DB, f Filter) (*Table, bool, error) {
	db.complement.mu.Lock()
	db.complement.always = true
	db.complement.mu.Unlock()
	q, _ := queries.Get("applications_year_sums")
	return db.applicationsComplement(ctx, q, f)
}

// PieceCommonForTest is the complement form's gate for f.
func PieceCommonForTest(ctx context.Context, db *DB, f Filter) (bool, error) {
	db.complement.mu.Lock()
	always := db.complement.always
	db.complement.always = false
	db.complement.mu.Unlock()
	defer func() {
		db.complement.mu.Lock()
		db.complement.always = always
		db.complement.mu.Unlock()
	}()
	piece, _ := nullText(f.Agency).(string)
	return db.pieceCommon(ctx, f, piece)
}

// CompareTopOffForTest makes Query run compare_agencies rather than read
// its kept answers, as Open does for a file whose answers it cannot trust.
func CompareTopOffForTest(db *DB) { db.compareTopOff = true }
