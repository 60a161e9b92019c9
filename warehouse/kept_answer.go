package warehouse

import (
	"context"
	"sync/atomic"
)

// keptAnswer is a yes or no about the whole file, read once by a statement
// and kept for as long as the file is open. It serves questions that only
// a hand edit of the file can change (see reportsInBitYears and
// textsUnique), which no other process can make while this one holds the
// file. The zero value has not read yet.
type keptAnswer struct{ v atomic.Int32 }

const (
	keptYes = 1
	keptNo  = 2
)

// get returns the answer, running the named statement (sql/NAME.sql, one
// boolean) the first time. Its error is the database's; nothing is kept
// then, so the next call reads again.
func (k *keptAnswer) get(ctx context.Context, db *DB, name string) (bool, error) {
	switch k.v.Load() {
	case keptYes:
		return true, nil
	case keptNo:
		return false, nil
	}
	var yes bool
	if err := db.db.QueryRowContext(ctx, stmt(name)).Scan(&yes); err != nil {
		return false, err
	}
	v := int32(keptNo)
	if yes {
		v = keptYes
	}
	k.v.Store(v)
	return yes, nil
}
