package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"gongkai/warehouse"
)

func init() {
	commands["user"] = command{
		usage: "user add NAME --role viewer|uploader|analyst|admin [--agency NAME]... --password-stdin | list | disable NAME | enable NAME | passwd NAME --password-stdin    管理账户（服务未运行时）",
		run:   runUser,
	}
	commands["token"] = command{
		usage: "token create NAME [--expires 90d] | list | revoke ID    管理 API 令牌（服务未运行时）",
		run:   runToken,
	}
}

const (
	userUsage  = "用法：gongkai user add NAME --role viewer|uploader|analyst|admin [--agency NAME]... --password-stdin\n      gongkai user list | disable NAME | enable NAME | passwd NAME --password-stdin"
	tokenUsage = "用法：gongkai token create NAME [--expires 90d] | token list | token revoke ID"
)

// stringList is a flag that may be given several times (--agency).
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// cliActor is who the audit log names for a change made on the command
// line: the operating-system user, as far as the environment tells.
func cliActor(e env) warehouse.Actor {
	who := e.getenv("USER")
	if who == "" {
		who = "?"
	}
	return warehouse.Actor{Name: "cli:" + who, Remote: "local"}
}

// readPassword reads the password from the first line of standard input:
// never from the command line, where other users and the shell history
// would see it.
func readPassword(e env) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(e.stdin, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// runUser manages accounts on the warehouse file. It needs the file to
// itself: while `gongkai serve` holds it, the error says so (admins then
// use /admin/users). Exit 2 on bad usage, 1 when the warehouse refuses.
func runUser(ctx context.Context, e env) error {
	if len(e.args) == 0 {
		return usageErrorf("%s", userUsage)
	}
	sub := e.args[0]
	fs := newFlags("user "+sub, e)
	dbPath := dbFlag(fs, e)
	role := fs.String("role", "", "角色：viewer、uploader、analyst、admin")
	var agencies stringList
	fs.Var(&agencies, "agency", "上传者可上传的机构（可重复）")
	fromStdin := fs.Bool("password-stdin", false, "从标准输入的第一行读取密码")
	if err := parseFlags(fs, e.args[1:]); err != nil {
		return err
	}
	wantArgs := map[string]int{"add": 1, "list": 0, "disable": 1, "enable": 1, "passwd": 1}
	n, ok := wantArgs[sub]
	if !ok || fs.NArg() != n {
		return usageErrorf("%s", userUsage)
	}
	if (sub == "add" || sub == "passwd") && !*fromStdin {
		return usageErrorf("请用 --password-stdin 从标准输入提供密码（密码不应出现在命令行上）")
	}
	var password string
	if *fromStdin {
		var err error
		if password, err = readPassword(e); err != nil {
			return err
		}
	}
	db, err := warehouse.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	by := cliActor(e)
	switch sub {
	case "add":
		r, err := warehouse.ParseRole(*role)
		if err != nil {
			return err
		}
		u, err := db.CreateUser(ctx, by, warehouse.NewUser{Name: fs.Arg(0), Role: r, Agencies: agencies, Password: password})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已创建用户 %s（%s）\n", u.Name, u.Role.Label())
	case "list":
		us, err := db.Users(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "NAME\tROLE\tSTATUS\tCREATED\tAGENCIES")
		for _, u := range us {
			status := "active"
			if u.Disabled {
				status = "disabled"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", u.Name, u.Role, status, u.CreatedAt.Format("2006-01-02 15:04"), strings.Join(u.Agencies, "; "))
		}
		return w.Flush()
	case "disable", "enable":
		if err := db.SetDisabled(ctx, by, fs.Arg(0), sub == "disable"); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已%s用户 %s\n", map[string]string{"disable": "停用", "enable": "启用"}[sub], fs.Arg(0))
	case "passwd":
		if err := db.SetPassword(ctx, by, fs.Arg(0), password); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已重设用户 %s 的密码，其登录会话已结束\n", fs.Arg(0))
	}
	return nil
}

// runToken manages API tokens. `token create` prints the token once, alone
// on the last line of standard output, so that scripts can take it with
// tail -n 1; only its hash is stored.
func runToken(ctx context.Context, e env) error {
	if len(e.args) == 0 {
		return usageErrorf("%s", tokenUsage)
	}
	sub := e.args[0]
	fs := newFlags("token "+sub, e)
	dbPath := dbFlag(fs, e)
	expires := fs.String("expires", "90d", "有效期，例如 90d、12h；0 表示永不过期")
	if err := parseFlags(fs, e.args[1:]); err != nil {
		return err
	}
	wantArgs := map[string]int{"create": 1, "list": 0, "revoke": 1}
	if n, ok := wantArgs[sub]; !ok || fs.NArg() != n {
		return usageErrorf("%s", tokenUsage)
	}
	ttl, err := warehouse.ParseTokenTTL(*expires)
	if err != nil {
		return err
	}
	var id int64
	if sub == "revoke" {
		if id, err = strconv.ParseInt(strings.TrimPrefix(fs.Arg(0), "#"), 10, 64); err != nil || id <= 0 {
			return usageErrorf("令牌编号应为正整数：%q", fs.Arg(0))
		}
	}
	db, err := warehouse.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	switch sub {
	case "create":
		tok, value, err := db.CreateToken(ctx, cliActor(e), fs.Arg(0), ttl)
		if err != nil {
			return err
		}
		until := "永不过期"
		if tok.ExpiresAt != nil {
			until = "有效至 " + tok.ExpiresAt.Format("2006-01-02 15:04") + " UTC"
		}
		fmt.Fprintf(e.stdout, "已为用户 %s 创建令牌 #%d（%s）。令牌只显示这一次，请立即保存：\n%s\n", tok.User, tok.ID, until, value)
	case "list":
		ts, err := db.Tokens(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tUSER\tCREATED\tEXPIRES\tSTATUS")
		for _, t := range ts {
			exp := "never"
			if t.ExpiresAt != nil {
				exp = t.ExpiresAt.Format("2006-01-02 15:04")
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", t.ID, t.User, t.CreatedAt.Format("2006-01-02 15:04"), exp, t.Status())
		}
		return w.Flush()
	case "revoke":
		if err := db.RevokeToken(ctx, cliActor(e), id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已吊销令牌 #%d\n", id)
	}
	return nil
}
