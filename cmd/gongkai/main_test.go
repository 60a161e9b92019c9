package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// runCmd runs a gongkai command line the way main does and returns its
// output and exit status.
func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(string) string { return "" }
	err := run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errb)
	if err != nil {
		errb.WriteString(message(err))
	}
	return out.String(), errb.String(), exitCode(err)
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "用法"},
		{[]string{"help"}, 0, "用法"},
		{[]string{"no-such-command"}, 2, "未知命令"},
	}
	for _, tt := range tests {
		out, errs, code := runCmd(t, "", tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("run %q: exit %d, output %q; want exit %d with %q", tt.args, code, out+errs, tt.code, tt.want)
		}
	}
}
