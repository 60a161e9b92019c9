package warehouse

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestRowLoopsAskErr walks the package's code for `for rows.Next()` loops
// and fails for a function that never asks that rows' Err (rows.Err(), or
// rows handed to a function of the package that asks it, as closeRows):
// a read that ended short (fullread.go) is an error only rows.Err reports,
// and a loop that closes its rows without asking drops it, reading part of
// a result as the whole.
func TestRowLoopsAskErr(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	decls := map[string][]*ast.FuncDecl{} // by name: functions and methods
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls[fd.Name.Name] = append(decls[fd.Name.Name], fd)
			}
		}
	}
	// asksParam reports whether every function of the package named name
	// asks the Err of its i-th parameter (or hands it on to one that does);
	// a function outside the package, or a recursion, does not count.
	visiting := map[*ast.FuncDecl]bool{}
	var asked func(body *ast.BlockStmt, v string) bool
	asksParam := func(name string, i int) bool {
		fds := decls[name]
		for _, fd := range fds {
			var params []string
			for _, f := range fd.Type.Params.List {
				for _, n := range f.Names {
					params = append(params, n.Name)
				}
			}
			if i >= len(params) || visiting[fd] {
				return false
			}
			visiting[fd] = true
			ok := asked(fd.Body, params[i])
			delete(visiting, fd)
			if !ok {
				return false
			}
		}
		return len(fds) > 0
	}
	// asked reports whether body (not the function literals inside it)
	// asks v.Err() or hands v to a package function that asks it.
	asked = func(body *ast.BlockStmt, v string) bool {
		found := false
		ast.Inspect(body, func(m ast.Node) bool {
			if _, ok := m.(*ast.FuncLit); ok || found {
				return false
			}
			c, ok := m.(*ast.CallExpr)
			if !ok {
				return true
			}
			callee := ""
			switch fn := c.Fun.(type) {
			case *ast.Ident:
				callee = fn.Name
			case *ast.SelectorExpr:
				callee = fn.Sel.Name
				if id, ok := fn.X.(*ast.Ident); ok && id.Name == v && callee == "Err" {
					found = true
					return false
				}
			}
			for i, a := range c.Args {
				if id, ok := a.(*ast.Ident); ok && id.Name == v && asksParam(callee, i) {
					found = true
					return false
				}
			}
			return true
		})
		return found
	}
	loops := 0
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			var body *ast.BlockStmt
			switch fn := n.(type) {
			case *ast.FuncDecl:
				body = fn.Body
			case *ast.FuncLit:
				body = fn.Body
			default:
				return true
			}
			if body == nil {
				return true
			}
			// This function's own loops (those of the function literals
			// inside it are checked on their own).
			ast.Inspect(body, func(m ast.Node) bool {
				if _, ok := m.(*ast.FuncLit); ok {
					return false
				}
				if s, ok := m.(*ast.ForStmt); ok {
					if v, ok := nextOf(s.Cond); ok {
						loops++
						if !asked(body, v) {
							t.Errorf("%s: the loop over %s.Next() never asks %s.Err(): a short read would pass as the whole", fset.Position(s.Pos()), v, v)
						}
					}
				}
				return true
			})
			return true
		})
	}
	if loops < 10 {
		t.Errorf("found %d row loops: the walk misses them", loops)
	}
}

// nextOf returns v when cond is v.Next().
func nextOf(cond ast.Expr) (string, bool) {
	c, ok := cond.(*ast.CallExpr)
	if !ok || len(c.Args) != 0 {
		return "", false
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Next" {
		return "", false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", false
	}
	return id.Name, true
}
