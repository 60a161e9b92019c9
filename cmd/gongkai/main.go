// Command gongkai is the data warehouse and dashboard for government
// information-disclosure annual reports. See README.md and docs/.
//
// main only wires the process to run, so that tests can call run with their
// own arguments, environment and streams.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"gongkai"
)

func main() {
	startServeAgain(os.Args[1:])
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ee *exitError
		if !errors.As(err, &ee) || ee.msg != "" {
			fmt.Fprintln(os.Stderr, "gongkai:", message(err))
		}
	}
	os.Exit(exitCode(err))
}

// env is what every command gets: its arguments after the command name, the
// process environment, and the standard streams.
type env struct {
	args   []string
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand. Each lives in its own file.
type command struct {
	usage string
	run   func(ctx context.Context, e env) error
}

// commands lists the subcommands by name; the files that define them register
// here, so that adding a command touches its own file and this table only.
var commands = map[string]command{}

// run executes one gongkai command line. It returns nil on success, an
// *exitError carrying the exit status for usage errors (2) and partial
// failures (1), and any other error for a failure (1).
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stdout)
		if len(args) == 0 {
			return &exitError{code: 2}
		}
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		printUsage(stderr)
		return usageErrorf("未知命令 %q", args[0])
	}
	return cmd.run(ctx, env{args: args[1:], getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr})
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "gongkai — 政府信息公开工作年度报告数据仓库与看板")
	fmt.Fprintln(w, "\n用法：gongkai 命令 [选项]\n\n命令：")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %s\n", commands[n].usage)
	}
	fmt.Fprintln(w, "\n所有命令都接受 --db PATH（默认 data/gongkai.duckdb，也可用环境变量 GONGKAI_DB 设置）。")
}

// exitError carries a process exit status. An empty msg means the command
// has already told the user what went wrong.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageErrorf reports bad command-line usage (exit status 2).
func usageErrorf(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

// message returns what the user sees for err: the user-safe message of a
// gongkai.Error, the text of an exitError, and for anything else the error
// itself (a command line user is the operator, so detail helps).
func message(err error) string {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.msg
	}
	var ge *gongkai.Error
	if errors.As(err, &ge) {
		return ge.Error()
	}
	return err.Error()
}

// newFlags returns a flag set for a command that writes its own usage to
// stderr and reports parse errors as usage errors.
func newFlags(name string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// parseFlags parses args into fs, allowing flags after positional
// arguments ("ingest a.xlsx --year 2021"), and maps failures to usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return &exitError{code: 0}
			}
			return usageErrorf("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return fs.Parse(append([]string{"--"}, positional...))
}

// dbFlag adds the --db flag every command takes. Its default is
// $GONGKAI_DB, or data/gongkai.duckdb.
func dbFlag(fs *flag.FlagSet, e env) *string {
	def := strings.TrimSpace(e.getenv("GONGKAI_DB"))
	if def == "" {
		def = "data/gongkai.duckdb"
	}
	return fs.String("db", def, "DuckDB 数据库文件路径")
}
