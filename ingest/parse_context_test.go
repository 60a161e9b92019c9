package ingest

import (
	"context"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gongkai"
)

// countdown is a context whose Err turns to context.Canceled after n
// calls, and which counts them: where the work looks at it, and how often.
type countdown struct {
	context.Context
	n, calls atomic.Int64
}

func (c *countdown) Err() error {
	c.calls.Add(1)
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestParseStopsWhenDone holds ParseContext to the request's context: done
// before it starts, or while the narrative's rules run (the costly part: 2 MB
// of ~4 kB sentences take ~3–7 s of CPU), it returns a CodeTimeout error
// naming the file and saying nothing was stored, never a partial report;
// the context is looked at between lines (about once a line of the page,
// not once a rune); a live context parses as Parse does. Figures invented.
func TestParseStopsWhenDone(t *testing.T) {
	report, err := os.ReadFile("testdata/web/shape2-label-notes.txt")
	if err != nil {
		t.Fatal(err)
	}
	clause := "全年共收到政府信息公开申请12件,"
	sentence := "(二)依申请公开情况。" + strings.Repeat(clause, 3900/len(clause)) + "。\n"
	slow := string(report) + strings.Repeat(sentence, 40)
	lines := strings.Count(slow, "\n") + 1
	opts := Options{Agency: "示例市示例局", Year: 2021}

	live := &countdown{Context: context.Background()}
	live.n.Store(1 << 40)
	r, err := ParseContext(live, "慢.txt", []byte(slow), opts)
	if err != nil || r == nil {
		t.Fatalf("a live context: %v", err)
	}
	if calls := live.calls.Load(); calls < 40 || calls > int64(2*lines+10) {
		t.Errorf("the context was looked at %d times for %d lines: want about once a line", calls, lines)
	}
	want, _ := Parse("慢.txt", []byte(slow), opts)
	if len(r.Values) != len(want.Values) || len(r.Findings) != len(want.Findings) {
		t.Errorf("a live context: %d values, %d findings; Parse: %d, %d", len(r.Values), len(r.Findings), len(want.Values), len(want.Findings))
	}

	expired, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	for _, tt := range []struct {
		name string
		ctx  context.Context
		want string
	}{
		{"cancelled before", func() context.Context { c := &countdown{Context: context.Background()}; return c }(), "请求已取消"},
		{"cancelled in the narrative", func() context.Context {
			c := &countdown{Context: context.Background()}
			c.n.Store(2 + 10) // the two checks around the reader, then ten lines
			return c
		}(), "请求已取消"},
		{"past its deadline", expired, "超过了请求的时限"},
	} {
		r, err := ParseContext(tt.ctx, "慢.txt", []byte(slow), opts)
		msg := gongkai.ErrorMessage(err)
		if r != nil || gongkai.ErrorCode(err) != gongkai.CodeTimeout || !strings.HasPrefix(msg, "慢.txt：") ||
			!strings.Contains(msg, tt.want) || !strings.Contains(msg, "未保存任何内容") {
			t.Errorf("%s: report %v, error %v; want no report and a timeout naming the file", tt.name, r != nil, err)
		}
	}
}
