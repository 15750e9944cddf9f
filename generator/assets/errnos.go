package assets

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
)

// Under GOOS=js the syscall package names errors in words of its own
// ("open x.txt: No such file or directory"), where go run on Linux, the
// output the playground is compared with, says "no such file or
// directory". linuxErrnoOverlay writes, for go list's -overlay when the
// standard library's archives are built, a copy of syscall/tables_js.go
// whose errorstr table has Linux's words for every errno Linux has (by
// name, from zerrors_linux_amd64.go); the errno numbers and everything
// else stay js/wasm's. It returns the file it replaces and the copy's
// path, for stdOverlay.
func linuxErrnoOverlay(goroot, dir string) (orig, dst string, err error) {
	src := filepath.Join(goroot, "src", "syscall")
	linux, err := linuxErrorWords(filepath.Join(src, "zerrors_linux_amd64.go"))
	if err != nil {
		return "", "", fmt.Errorf("the errno words: %w", err)
	}
	js := filepath.Join(src, "tables_js.go")
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, js, nil, parser.ParseComments)
	if err != nil {
		return "", "", fmt.Errorf("the errno words: %w", err)
	}
	table := varLiteral(f, "errorstr")
	if table == nil {
		return "", "", fmt.Errorf("the errno words: %s has no var errorstr (update generator/assets/errnos.go for this Go release)", js)
	}
	changed := 0
	for _, e := range table.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		name, ok := kv.Key.(*ast.Ident)
		lit, ok2 := kv.Value.(*ast.BasicLit)
		if !ok || !ok2 {
			continue
		}
		if words, ok := linux[name.Name]; ok {
			lit.Value = strconv.Quote(words)
			changed++
		}
	}
	if changed < 20 {
		return "", "", fmt.Errorf("the errno words: only %d of %s's errors matched Linux's (update generator/assets/errnos.go)", changed, js)
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return "", "", err
	}
	dst = filepath.Join(dir, "tables_js.go")
	return js, dst, os.WriteFile(dst, b.Bytes(), 0o644)
}

// linuxErrorWords reads Linux's errno names and words from zerrors_linux_*.go:
// the constants (ENOENT = Errno(0x2)) and the errors table (2: "no such
// file or directory").
func linuxErrorWords(path string) (map[string]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	numbers := map[string]int64{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if len(v.Names) != 1 || len(v.Values) != 1 {
				continue
			}
			call, ok := v.Values[0].(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				continue
			}
			if fn, ok := call.Fun.(*ast.Ident); !ok || fn.Name != "Errno" {
				continue
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				continue
			}
			if n, err := strconv.ParseInt(lit.Value, 0, 64); err == nil {
				numbers[v.Names[0].Name] = n
			}
		}
	}
	table := varLiteral(f, "errors")
	if table == nil {
		return nil, fmt.Errorf("%s has no var errors", path)
	}
	words := map[int64]string{}
	for _, e := range table.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		k, ok := kv.Key.(*ast.BasicLit)
		v, ok2 := kv.Value.(*ast.BasicLit)
		if !ok || !ok2 {
			continue
		}
		n, err := strconv.ParseInt(k.Value, 0, 64)
		s, err2 := strconv.Unquote(v.Value)
		if err == nil && err2 == nil {
			words[n] = s
		}
	}
	byName := map[string]string{}
	for name, n := range numbers {
		if w, ok := words[n]; ok {
			byName[name] = w
		}
	}
	if len(byName) == 0 {
		return nil, fmt.Errorf("%s: no errno words found", path)
	}
	return byName, nil
}

// varLiteral is the composite literal that package-level var name is
// set to, or nil.
func varLiteral(f *ast.File, name string) *ast.CompositeLit {
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if len(v.Names) == 1 && v.Names[0].Name == name && len(v.Values) == 1 {
				lit, _ := v.Values[0].(*ast.CompositeLit)
				return lit
			}
		}
	}
	return nil
}
