package warehouse

import "strings"

// pendingErrorPrefix is what DuckDB's fetch of a failed statement puts
// before the error of its task when the statement's tasks were run outside
// DuckDB's own loop (runloop.go).
const pendingErrorPrefix = "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\nError: "

// duckError returns the text of a DuckDB error as DuckDB's own run loop
// would have given it: without the fetch's prefix of a failed task. It
// never fails.
func duckError(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, pendingErrorPrefix); i >= 0 {
		msg = msg[:i] + msg[i+len(pendingErrorPrefix):]
	}
	return msg
}
