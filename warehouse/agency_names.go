package warehouse

import (
	"context"
	"slices"
	"sync"
)

// agencyNameCache keeps agencies' names by id, as sql/agency_names.sql
// read them, for region_agencies' ranked form (agencyNames). A name is kept
// for as long as the file is open: no writer changes an agency's name
// (loads add agencies, SetAgencyRegion moves one, RankAgencies ranks them;
// agency_region.sql, agency_ranks_set.sql and the status updates leave the
// name), agencies are never deleted, and no other process writes the file
// while this one holds it, so that only a hand edit of the closed file
// changes a name, which a new open reads afresh. The form runs only while
// each id is in store.agencies once (agencyIDsUnique), so an id names one
// agency.
type agencyNameCache struct {
	mu sync.RWMutex
	m  map[int64]string
}

// agencyNamesMax bounds the names kept: past it, names are read and not
// kept (at 1M reports store.agencies holds 170,068 agencies).
const agencyNamesMax = 1 << 18

// agencyNames returns the names of the agencies ids, from those kept and,
// for the others, from store.agencies (sql/agency_names.sql), which it
// keeps. ok is false when some id names no agency (the form listed one
// that is not there: not on a file Open accepted); its error is the
// database's.
func (db *DB) agencyNames(ctx context.Context, ids []int64) (names map[int64]string, ok bool, err error) {
	c := &db.names
	names = make(map[int64]string, len(ids))
	var miss []int64
	c.mu.RLock()
	for _, id := range ids {
		if n, found := c.m[id]; found {
			names[id] = n
		} else {
			miss = append(miss, id)
		}
	}
	c.mu.RUnlock()
	if len(miss) == 0 {
		return names, true, nil
	}
	slices.Sort(miss)
	miss = slices.Compact(miss)
	rows, err := db.db.QueryContext(ctx, stmt("agency_names"), idList(miss))
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	read := make(map[int64]string, len(miss))
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, false, err
		}
		read[id] = name
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[int64]string{}
	}
	for id, n := range read {
		names[id] = n
		if len(c.m) < agencyNamesMax {
			c.m[id] = n
		}
	}
	c.mu.Unlock()
	return names, len(read) == len(miss), nil
}

// fillAgencyNames sets the agency column of t, rows of region_agencies'
// ranked form (NULL there), to the names of the agencies of its agency_id
// column (agencyNames). ok is false when some agency has no name to give:
// the caller then runs a form that reads the names itself.
func (db *DB) fillAgencyNames(ctx context.Context, t *Table) (ok bool, err error) {
	idCol, nameCol := slices.Index(t.Columns, "agency_id"), slices.Index(t.Columns, "agency")
	if idCol < 0 || nameCol < 0 {
		return false, nil
	}
	ids := make([]int64, 0, len(t.Rows))
	for _, r := range t.Rows {
		id, isInt := r[idCol].(int64)
		if !isInt {
			return false, nil
		}
		ids = append(ids, id)
	}
	names, ok, err := db.agencyNames(ctx, ids)
	if err != nil || !ok {
		return false, err
	}
	for i, r := range t.Rows {
		r[nameCol] = names[ids[i]]
	}
	return true, nil
}
