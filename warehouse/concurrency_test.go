package warehouse

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// valuesPerSample is how many value rows a sampleReport stores (with the
// derived ones).
const valuesPerSample = 7*7 + 3 + 7

func TestQueryNamed(t *testing.T) {
	db := openTest(t)
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 0, 0)},
		LoadRequest{Report: sampleReport("乙局", 2021, 0, 0)},
		LoadRequest{Report: sampleReport("甲局", 2022, 0, 0)})
	tests := []struct {
		f    Filter
		want string
	}{
		{Filter{}, "2021:2 2022:1"},
		{Filter{YearFrom: 2022}, "2022:1"},
		{Filter{Agency: "乙"}, "2021:1"},
		{Filter{Province: "无此省"}, ""},
	}
	for _, tt := range tests {
		tb, err := db.Query(context.Background(), "reports_per_year", tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range tb.Rows {
			got = append(got, fmt.Sprintf("%v:%v", r[0], r[1]))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%+v: %v, want %s", tt.f, got, tt.want)
		}
	}
	if _, err := db.Query(context.Background(), "no_such_query", Filter{}); err == nil {
		t.Error("unknown query ran")
	}
}

// TestReadWhileLoading reads through the sandbox and a named query while a
// load commits group after group: every read sees whole reports only, and
// reads do not wait for the load to end.
func TestReadWhileLoading(t *testing.T) {
	db := openTest(t)
	n := groupSize + groupSize/4 // two groups, so that a read can fall between their commits
	reqs := make([]LoadRequest, n)
	for i := range reqs {
		reqs[i] = LoadRequest{Report: sampleReport(fmt.Sprintf("机关%04d", i), 2021, 0, 0)}
	}
	done := make(chan struct{})
	var loadErr error
	go func() {
		defer close(done)
		_, loadErr = db.Load(context.Background(), reqs)
	}()
	var seen []int64
	for reading := true; reading; {
		select {
		case <-done:
			reading = false
		default:
		}
		tb, err := db.SQL(context.Background(), "SELECT count(*) AS v, count(DISTINCT report_id) AS r FROM report_values")
		if err != nil {
			t.Fatal(err)
		}
		v, r := tb.Rows[0][0].(int64), tb.Rows[0][1].(int64)
		if v != r*valuesPerSample {
			t.Fatalf("a reader saw %d values of %d reports: a report was half-written", v, r)
		}
		if _, err := db.Query(context.Background(), "reports_per_year", Filter{}); err != nil {
			t.Fatal(err)
		}
		seen = append(seen, r)
	}
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	between := 0
	for i, r := range seen {
		if i > 0 && r < seen[i-1] {
			t.Errorf("reads went back in time: %v", seen)
		}
		if r > 0 && r < int64(n) {
			between++
		}
	}
	if between == 0 {
		t.Errorf("no read completed while the load ran (saw %v)", seen)
	}
	t.Logf("%d reads, %d of them during the load", len(seen), between)
}

// TestCrashDuringLoad kills (SIGKILL) a child process in the middle of
// loading many reports, then reopens the file: only whole reports are there,
// and the warehouse loads and answers as before.
func TestCrashDuringLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "crash.duckdb")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), "GONGKAI_CRASH_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it after a few groups have committed, while it keeps loading.
	sc := bufio.NewScanner(out)
	groups := 0
	for sc.Scan() && groups < 5 {
		if strings.HasPrefix(sc.Text(), "committed") {
			groups++
		}
	}
	time.Sleep(30 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if groups < 5 {
		t.Fatalf("the child committed %d groups before it ended", groups)
	}

	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after the crash: %v", err)
	}
	defer db.Close()
	reports := count(t, db, "SELECT count(*) FROM store.reports")
	if reports < 5*groupSize {
		t.Errorf("%d reports survived, want at least the %d committed", reports, 5*groupSize)
	}
	if n := count(t, db, "SELECT count(*) FROM store.report_values"); n != reports*valuesPerSample {
		t.Errorf("%d values for %d reports: a report is partly there", n, reports)
	}
	if n := count(t, db, "SELECT count(*) FROM store.findings"); n != reports {
		t.Errorf("%d findings for %d reports, want one each", n, reports)
	}
	if n := count(t, db, "SELECT count(*) FROM (SELECT DISTINCT report_id FROM store.report_values) JOIN store.reports USING (report_id)"); n != reports {
		t.Errorf("values of %d reports match a report row, want %d", n, reports)
	}
	res := load(t, db, LoadRequest{Report: sampleReport("机关00000", 2021, 0, 0), Source: []byte("after the crash")})
	if res[0].Version != 2 {
		t.Errorf("after the crash the first agency's next version is %d, want 2", res[0].Version)
	}
	t.Logf("%d reports survived the kill", reports)
}

// TestCrashChild is the child of TestCrashDuringLoad: it loads until killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("GONGKAI_CRASH_DB")
	if path == "" {
		t.Skip("run by TestCrashDuringLoad")
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	for g := 0; ; g++ {
		reqs := make([]LoadRequest, groupSize)
		for i := range reqs {
			reqs[i] = LoadRequest{Report: sampleReport(fmt.Sprintf("机关%05d", g*groupSize+i), 2021, 0, 0)}
		}
		if _, err := db.Load(context.Background(), reqs); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("committed %d\n", g)
	}
}
