package dashboard

import (
	"strconv"

	"gongkai/warehouse"
)

// agencyURL and reportURL are the pages behind a bar or point; an id that is
// missing gives "" (not clickable).
func agencyURL(id any) string {
	if n := integer(id); n > 0 {
		return "/agencies/" + strconv.FormatInt(n, 10)
	}
	return ""
}

func reportURL(id any) string {
	if n := integer(id); n > 0 {
		return "/reports/" + strconv.FormatInt(n, 10)
	}
	return ""
}

// agencyLink links row i of t to the agency in its agency_id column.
func agencyLink(t *warehouse.Table) func(i int) string {
	return func(i int) string { return agencyURL(get(t, i, "agency_id")) }
}
