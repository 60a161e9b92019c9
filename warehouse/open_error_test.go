package warehouse

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai"
)

// TestOpenErrorTellsWhy checks that a file gongkai cannot open is named for
// what it is: DuckDB's own messages (as 1.5 and 2.0 word them) for a file a
// newer gongkai wrote, a file another process holds, and a damaged file.
func TestOpenErrorTellsWhy(t *testing.T) {
	tests := []struct {
		name, driver, code, want string
	}{
		{"newer storage version",
			"IO Error: Trying to read a database file with version number 69, but we can only read versions between 64 and 68.\nThe database file was created with a newer version of DuckDB.",
			gongkai.CodeInvalid, "更新版本的 gongkai"},
		{"held by another process",
			`IO Error: Could not set lock on file "/x/w.duckdb": Conflicting lock is held in /usr/bin/gongkai (PID 7).`,
			gongkai.CodeConflict, "正被另一个进程使用"},
		{"checksum of a block",
			"Data Corruption Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at location 0",
			gongkai.CodeInvalid, "已损坏"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := openError("/x/w.duckdb", errors.New(tc.driver))
			if gongkai.ErrorCode(err) != tc.code || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("openError: code %s, %q; want %s saying %q", gongkai.ErrorCode(err), err, tc.code, tc.want)
			}
		})
	}

	// A real damaged header: the message must not send the user looking for
	// another process ("block" holds "lock").
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte{0x50, 0x00}, 12); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Open(context.Background(), path)
	if err == nil || gongkai.ErrorCode(err) == gongkai.CodeConflict {
		t.Errorf("Open of a damaged file: %v; want an error that does not blame another process", err)
	}
}
