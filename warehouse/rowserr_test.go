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
// and fails for a function that never asks that rows' Err (rows.Err(),
// closeRows(rows), or rows handed to another function that reads them):
// a read that ended short (fullread.go) is an error only rows.Err reports,
// and a loop that closes its rows without asking drops it, reading part of
// a result as the whole.
func TestRowLoopsAskErr(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	loops := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
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
			// The rows of this function's own loops (not those of the
			// function literals inside it, checked on their own).
			asked := map[string]bool{}
			var looped []*ast.ForStmt
			ast.Inspect(body, func(m ast.Node) bool {
				if _, ok := m.(*ast.FuncLit); ok {
					return false
				}
				switch s := m.(type) {
				case *ast.ForStmt:
					if _, ok := nextOf(s.Cond); ok {
						looped = append(looped, s)
					}
				case *ast.CallExpr:
					if sel, ok := s.Fun.(*ast.SelectorExpr); ok {
						if id, ok := sel.X.(*ast.Ident); ok && sel.Sel.Name == "Err" {
							asked[id.Name] = true
						}
					}
					for _, a := range s.Args {
						if id, ok := a.(*ast.Ident); ok {
							asked[id.Name] = true // handed on: the callee reads (and asks)
						}
					}
				}
				return true
			})
			for _, s := range looped {
				loops++
				v, _ := nextOf(s.Cond)
				if !asked[v] {
					t.Errorf("%s: the loop over %s.Next() never asks %s.Err(): a short read would pass as the whole", fset.Position(s.Pos()), v, v)
				}
			}
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
