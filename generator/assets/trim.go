package assets

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The Go compiler and linker carry a back end for every architecture Go
// targets, and choose one at run time from GOARCH; the exact engine's
// tools only ever target wasm. wasmOnlyOverlay writes, for go build's
// -overlay, copies of the three places where that choice is made with
// every other architecture's branch removed, and of three more that kept
// other architectures' code in the compiler (below). Nothing else refers
// to those back ends, so the linker's dead-code elimination leaves them
// out: with Go 1.26 the compiler shrinks from 48.2 to 35.8 MB (9.39 to
// 7.59 MB gzipped), and to 29.3 MB (6.58 MB) with the other three, the
// linker from 11.1 to 9.8 MB (2.92 to 2.64 MB). The wasm branch itself is the installed Go's,
// unchanged, and the exact engine's tests compare its programs' output
// with go run's.
//
// A Go release that moves these places makes the build fail here, naming
// what it did not find, rather than ship the untrimmed tools silently.
var wasmOnly = []struct {
	file string // under $GOROOT/src
	trim func(f *ast.File) ([]ast.Node, error)
}{
	// var archInits = map[string]func(*ssagen.ArchInfo){"386": x86.Init, ...}
	{"cmd/compile/main.go", func(f *ast.File) ([]ast.Node, error) { return keepWasmEntries(f, "archInits") }},
	// NewConfig's switch arch { case "amd64": c.lowerValue = rewriteValueAMD64 ... }
	{"cmd/compile/internal/ssa/config.go", func(f *ast.File) ([]ast.Node, error) { return keepWasmCases(f, "NewConfig", "arch") }},
	// main's switch buildcfg.GOARCH { case "386": arch, theArch = x86.Init() ... }
	{"cmd/link/main.go", func(f *ast.File) ([]ast.Node, error) { return keepWasmCases(f, "main", "buildcfg.GOARCH") }},
	// var opcodeTable = [...]opInfo{..., {name: "ADDSS", asm: x86.AADDSS, reg: ...}, ...}
	// and var registersAMD64 = [...]Register{{0, x86.REG_AX, "AX"}, ...}
	{"cmd/compile/internal/ssa/opGen.go", wasmOpsOnly},
	// func simdIntrinsics(addF ...) { addF(simdPackage, "Int8x16.Abs", ..., sys.AMD64); ... }
	{"cmd/compile/internal/ssagen/simdintrinsics.go", func(f *ast.File) ([]ast.Node, error) { return dropOtherArchCalls(f, "simdIntrinsics") }},
	// var Links390x = obj.LinkArch{...}: the ssa package names s390x's
	// types (s390x.CCMask), and that package's initialisation builds
	// this (it holds a map), which names the whole assembler.
	{"cmd/internal/obj/s390x/objz.go", func(f *ast.File) ([]ast.Node, error) { return dropVars(f, "Links390x") }},
}

// wasmOnlyOverlay writes the trimmed files and the overlay's JSON into dir
// and returns the JSON's path.
func wasmOnlyOverlay(goroot, dir string) (string, error) {
	replace := map[string]string{}
	for i, w := range wasmOnly {
		src := filepath.Join(goroot, "src", filepath.FromSlash(w.file))
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, src, nil, parser.ParseComments)
		if err != nil {
			return "", fmt.Errorf("trimming the toolchain to wasm: %w", err)
		}
		removed, err := w.trim(f)
		if err == nil && len(removed) == 0 {
			err = fmt.Errorf("no other architecture's branch to remove")
		}
		if err != nil {
			return "", fmt.Errorf("trimming the toolchain to wasm: %s: %v (update generator/assets/trim.go for this Go release)", w.file, err)
		}
		dropComments(f, removed)
		dropUnusedImports(f)
		var b bytes.Buffer
		if err := format.Node(&b, fset, f); err != nil {
			return "", fmt.Errorf("trimming the toolchain to wasm: %s: %w", w.file, err)
		}
		dst := filepath.Join(dir, fmt.Sprintf("%d-%s", i, filepath.Base(src)))
		if err := os.WriteFile(dst, b.Bytes(), 0o644); err != nil {
			return "", err
		}
		replace[src] = dst
	}
	if err := compilerPatches(goroot, dir, "amd64's float conversions", amd64FloatConversions, replace); err != nil {
		return "", err
	}
	if err := compilerPatches(goroot, dir, "the playground's unsafe conversions", unsafeConversions, replace); err != nil {
		return "", err
	}
	b, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	name := filepath.Join(dir, "overlay.json")
	return name, os.WriteFile(name, b, 0o644)
}

// keepWasmEntries keeps only the "wasm" key of the package-level map
// literal var name, and returns the entries it removed.
func keepWasmEntries(f *ast.File, name string) ([]ast.Node, error) {
	lit := varLiteral(f, name)
	if lit == nil {
		return nil, fmt.Errorf("no map literal var %s", name)
	}
	var kept []ast.Expr
	var removed []ast.Node
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok && isWasm(kv.Key) {
			kept = append(kept, e)
		} else {
			removed = append(removed, e)
		}
	}
	if len(kept) != 1 {
		return nil, fmt.Errorf("var %s has %d \"wasm\" entries, want 1", name, len(kept))
	}
	lit.Elts = kept
	return removed, nil
}

// keepWasmCases keeps only the "wasm" case (and the default) of the
// first switch on tag in function fn, and returns the cases it removed.
func keepWasmCases(f *ast.File, fn, tag string) ([]ast.Node, error) {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Name.Name != fn || fd.Body == nil {
			continue
		}
		var sw *ast.SwitchStmt
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if s, ok := n.(*ast.SwitchStmt); ok && sw == nil && s.Tag != nil && tagString(s.Tag) == tag {
				sw = s
			}
			return sw == nil
		})
		if sw == nil {
			return nil, fmt.Errorf("func %s has no switch %s", fn, tag)
		}
		var kept []ast.Stmt
		var removed []ast.Node
		wasm := 0
		for _, s := range sw.Body.List {
			c := s.(*ast.CaseClause)
			switch {
			case c.List == nil: // default
				kept = append(kept, c)
			case len(c.List) == 1 && isWasm(c.List[0]):
				kept = append(kept, c)
				wasm++
			default:
				for _, e := range c.List {
					if isWasm(e) {
						return nil, fmt.Errorf("func %s: the \"wasm\" case shares its branch", fn)
					}
				}
				removed = append(removed, c)
			}
		}
		if wasm != 1 {
			return nil, fmt.Errorf("func %s: switch %s has %d \"wasm\" cases, want 1", fn, tag, wasm)
		}
		sw.Body.List = kept
		return removed, nil
	}
	return nil, fmt.Errorf("no func %s", fn)
}

// wasmOpsOnly trims the SSA back end's generated tables. opcodeTable is
// one array for every architecture's operations, indexed by the Op
// constants: the other architectures' entries keep their index and name
// (Op.String) and lose the rest, their register masks and instructions.
// Their register tables, named by architecture (registersAMD64,
// gpRegMaskARM64, ...), which only NewConfig's removed cases read, go.
// Then the file names no other architecture's assembler package
// (cmd/internal/obj/x86, ...), whose package initialisation kept each
// whole assembler in the compiler (its LinkArch holds a map, so it is
// built at run time): with them go 3.3 MB of the compiler's 35.8 MB.
func wasmOpsOnly(f *ast.File) ([]ast.Node, error) {
	// The architectures, from their register tables.
	var arches []string
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, s := range g.Specs {
				if v := s.(*ast.ValueSpec); len(v.Names) == 1 && strings.HasPrefix(v.Names[0].Name, "registers") {
					if a := strings.TrimPrefix(v.Names[0].Name, "registers"); a != "Wasm" {
						arches = append(arches, a)
					}
				}
			}
		}
	}
	if len(arches) == 0 {
		return nil, fmt.Errorf("no registers<arch> tables")
	}
	other := func(name, prefix string) bool {
		for _, a := range arches {
			if strings.HasPrefix(name, prefix+a) || prefix == "" && strings.HasSuffix(name, a) {
				return true
			}
		}
		return false
	}
	var ops []string // the Op constants in order: OpInvalid, Op386ADDSS, ...
	var removed []ast.Node
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		switch g.Tok {
		case token.CONST:
			if v := g.Specs[0].(*ast.ValueSpec); v.Names[0].Name == "OpInvalid" {
				for _, s := range g.Specs {
					for _, n := range s.(*ast.ValueSpec).Names {
						ops = append(ops, n.Name)
					}
				}
			}
		case token.VAR:
			var kept []ast.Spec
			for _, s := range g.Specs {
				if v := s.(*ast.ValueSpec); len(v.Names) == 1 && v.Names[0].Name != "opcodeTable" && other(v.Names[0].Name, "") {
					removed = append(removed, s)
				} else {
					kept = append(kept, s)
				}
			}
			g.Specs = kept
		}
	}
	table := varLiteral(f, "opcodeTable")
	if table == nil || len(ops) == 0 || len(table.Elts) != len(ops) {
		return nil, fmt.Errorf("opcodeTable and the Op constants do not match (%d constants)", len(ops))
	}
	wasm := 0
	for i, e := range table.Elts {
		if strings.HasPrefix(ops[i], "OpWasm") {
			wasm++
		}
		lit, ok := e.(*ast.CompositeLit)
		if !ok || !other(ops[i], "Op") {
			continue
		}
		var kept []ast.Expr
		for _, kv := range lit.Elts {
			if kv, ok := kv.(*ast.KeyValueExpr); ok && tagString(kv.Key) == "name" {
				kept = append(kept, kv)
			} else {
				removed = append(removed, kv)
			}
		}
		lit.Elts = kept
	}
	if wasm == 0 {
		return nil, fmt.Errorf("no OpWasm operations")
	}
	return removed, nil
}

// dropOtherArchCalls removes, from the body of function fn, the calls
// whose last arguments name architecture families (sys.AMD64, ...) none
// of which is sys.Wasm: intrinsics the wasm back end never looks up.
func dropOtherArchCalls(f *ast.File, fn string) ([]ast.Node, error) {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != fn || fd.Body == nil {
			continue
		}
		var kept []ast.Stmt
		var removed []ast.Node
		for _, st := range fd.Body.List {
			if es, ok := st.(*ast.ExprStmt); ok {
				if call, ok := es.X.(*ast.CallExpr); ok && otherArchsOnly(call.Args) {
					removed = append(removed, st)
					continue
				}
			}
			kept = append(kept, st)
		}
		fd.Body.List = kept
		return removed, nil
	}
	return nil, fmt.Errorf("no func %s", fn)
}

// otherArchsOnly reports whether args end in sys.<family> selectors,
// none of them sys.Wasm.
func otherArchsOnly(args []ast.Expr) bool {
	n := 0
	for i := len(args) - 1; i >= 0; i-- {
		t := tagString(args[i])
		if !strings.HasPrefix(t, "sys.") {
			break
		}
		if t == "sys.Wasm" {
			return false
		}
		n++
	}
	return n > 0
}

// dropVars removes the package-level vars named.
func dropVars(f *ast.File, names ...string) ([]ast.Node, error) {
	var removed []ast.Node
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		var kept []ast.Spec
		for _, s := range g.Specs {
			if v := s.(*ast.ValueSpec); len(v.Names) == 1 && slices.Contains(names, v.Names[0].Name) {
				removed = append(removed, s)
			} else {
				kept = append(kept, s)
			}
		}
		g.Specs = kept
	}
	if len(removed) != len(names) {
		return nil, fmt.Errorf("found %d of the vars %v", len(removed), names)
	}
	return removed, nil
}

// tagString is the source form of a switch tag: an identifier or a selector.
func tagString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return tagString(e.X) + "." + e.Sel.Name
	}
	return ""
}

func isWasm(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	s, err := strconv.Unquote(lit.Value)
	return err == nil && s == "wasm"
}

// dropComments drops the comments inside removed nodes, which would
// otherwise be printed beside whatever code follows.
func dropComments(f *ast.File, removed []ast.Node) {
	// Sorted by position, so that each comment looks up the one removed
	// node that starts before it: opGen.go has tens of thousands.
	removed = slices.SortedFunc(slices.Values(removed), func(a, b ast.Node) int { return int(a.Pos() - b.Pos()) })
	var kept []*ast.CommentGroup
	for _, c := range f.Comments {
		i, _ := slices.BinarySearchFunc(removed, c.Pos(), func(n ast.Node, p token.Pos) int { return int(n.Pos() - p) })
		// removed[i-1] is the last to start before c; removed[i] may start at c.
		inside := i < len(removed) && removed[i].Pos() == c.Pos() && c.End() <= removed[i].End() ||
			i > 0 && c.End() <= removed[i-1].End()
		if !inside {
			kept = append(kept, c)
		}
	}
	f.Comments = kept
}

// dropUnusedImports removes the imports the trimmed file no longer names
// (the other architectures' packages), which the compiler would reject.
func dropUnusedImports(f *ast.File) {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		var kept []ast.Spec
		for _, s := range g.Specs {
			is := s.(*ast.ImportSpec)
			path, _ := strconv.Unquote(is.Path.Value)
			name := path[strings.LastIndex(path, "/")+1:]
			if is.Name != nil {
				name = is.Name.Name
			}
			if name == "_" || name == "." || used[name] {
				kept = append(kept, s)
			}
		}
		g.Specs = kept
	}
	var imports []*ast.ImportSpec
	for _, is := range f.Imports {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				for _, s := range g.Specs {
					if s == is {
						imports = append(imports, is)
					}
				}
			}
		}
	}
	f.Imports = imports
}
