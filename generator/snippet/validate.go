package snippet

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/scanner"
	"go/token"
	"go/types"
	"runtime"
	"sync"
	"time"

	"github.com/aymanbagabas/go-udiff"
	"github.com/goexpert/gointernals/generator/diag"
	"github.com/goexpert/gointernals/generator/internal/par"
	"github.com/goexpert/gointernals/generator/snippet/block"
	"github.com/goexpert/gointernals/playground/engine"
)

// Status of a validated snippet.
const (
	StatusOK     = "ok"     // checked, and run where it is a program
	StatusNoRun  = "norun"  // checked; the author says why it cannot run
	StatusFailed = "failed" // something above failed; see the errors
)

// Result is what the manifest records of one snippet.
type Result struct {
	ID     string `json:"id"`
	Page   string `json:"page"`
	Lang   string `json:"language"`
	Index  int    `json:"index"`
	Kind   Kind   `json:"kind"`
	Status string `json:"status"`
	NoRun  string `json:"norun,omitempty"`
	// Unordered: the output's lines may come in any order.
	Unordered bool `json:"unordered,omitempty"`
	// Output is what the program printed (stdout), identical under the
	// toolchain and the interpreter when Status is ok.
	Output string `json:"output,omitempty"`
	Exit   int    `json:"exit"`
	// Engine names the engine the page runs a program with, as the page
	// chooses it on "auto": EngineInterpreter or EngineGo.
	Engine string `json:"engine,omitempty"`
	// Fixed: the author fixed the engine ({engine="exact"}), which the
	// page keeps whatever the reader picks; Engine is then EngineGo.
	Fixed bool `json:"fixed,omitempty"`
	// Pattern is the output block of a snippet with {output="pattern"},
	// which Output matched (MatchPattern); Output is then the build's
	// first run of it, shown on the page as a sample.
	Pattern string `json:"pattern,omitempty"`
	Cached  bool   `json:"-"`
}

// The playground's engines, as Result.Engine names them.
const (
	EngineInterpreter = "yaegi" // the fast engine; the build ran it too
	EngineGo          = "go"    // the exact engine: the Go toolchain, as go run
)

// Options tune validation.
type Options struct {
	// CacheDir keeps results of snippets that passed; "" disables the cache.
	CacheDir string
	// Timeout limits each run of a program (default 10 s).
	Timeout time.Duration
	// BuildTimeout limits each go build of a program (default 1 min).
	BuildTimeout time.Duration
	// Workers is how many snippets are checked at once (default: CPUs).
	Workers int
	// Sandbox confines the programs and their builds (see engine.Sandbox;
	// nil: engine.DefaultSandbox).
	Sandbox *engine.Sandbox
}

// Stats counts the work Validate did, for benchmarks and tests.
type Stats struct {
	Checked   int // snippets checked now (not from the cache)
	Cached    int // results read from the cache
	Toolchain int // programs built and run with the go command
	Engine    int // programs run in the interpreter

	// Time spent, summed over the workers: in go build, in running the
	// built programs, and in the interpreter.
	BuildTime, RunTime, EngineTime time.Duration
}

const validatorVersion = "4" // 3: programs run confined; 4: engine="exact", output="pattern"

// Validate checks every snippet and returns one Result per snippet, in
// order, with every problem found.
func Validate(ctx context.Context, snippets []*Snippet, opts Options) ([]Result, diag.List, Stats) {
	if opts.Timeout == 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.BuildTimeout == 0 {
		opts.BuildTimeout = time.Minute
	}
	if opts.Workers == 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.Sandbox == nil {
		opts.Sandbox = engine.DefaultSandbox
	}
	// The standard library comes from the toolchain's export data (go list
	// -export, kept in the build cache), not from source: measured on the
	// machine of this project, the first check importing fmt, sync, time,
	// context and strings took 0.26 s with "gc" and 0.45-0.52 s with
	// "source", and later importers of the same process 4 ms against 0.4 s.
	v := &validator{opts: opts, imp: importer.ForCompiler(token.NewFileSet(), "gc", nil)}
	// Snippets with the same key (identical code, attributes and output,
	// as twins often are) are proven once; the others share the result.
	keys := make([]string, len(snippets))
	first := map[string]int{}
	var unique []int
	for i, sn := range snippets {
		keys[i] = cacheKey(sn)
		if _, seen := first[keys[i]]; !seen {
			first[keys[i]] = i
			unique = append(unique, i)
		}
	}
	results := make([]Result, len(snippets))
	errs := make([]diag.List, len(snippets))
	par.Each(unique, v.opts.Workers, func(i int) { results[i], errs[i] = v.check(ctx, snippets[i], keys[i]) })
	var again []int
	for i, sn := range snippets {
		j := first[keys[i]]
		if j == i {
			continue
		}
		if len(errs[j]) > 0 {
			again = append(again, i) // its own errors, at its own place
			continue
		}
		r := results[j]
		r.ID, r.Page, r.Lang, r.Index = sn.ID, sn.Page, sn.Lang, sn.Index
		results[i] = r
	}
	par.Each(again, v.opts.Workers, func(i int) { results[i], errs[i] = v.check(ctx, snippets[i], keys[i]) })
	var all diag.List
	for _, e := range errs {
		all = append(all, e...)
	}
	all.Sort()
	return results, all, v.stats
}

type validator struct {
	opts  Options
	impMu sync.Mutex // the gc importer keeps the packages it read in a map of its own, unguarded
	imp   types.Importer

	statsMu sync.Mutex
	stats   Stats
}

func (v *validator) count(f func(*Stats)) {
	v.statsMu.Lock()
	f(&v.stats)
	v.statsMu.Unlock()
}

// problem builds errors at the snippet's place.
type problem struct {
	sn   *Snippet
	errs diag.List
}

// at reports a problem at line:col of the snippet's code (1-based).
func (p *problem) at(line, col int, format string, args ...any) {
	fileLine, fileCol := p.sn.Line, p.sn.Col
	if line > 0 {
		fileLine += line - 1
		fileCol += max(col, 1) - 1
	}
	p.errs.Add(p.sn.Page, fileLine, fileCol, "snippet %d: %s", p.sn.Index, fmt.Sprintf(format, args...))
}

func (v *validator) check(ctx context.Context, sn *Snippet, key string) (Result, diag.List) {
	res := Result{ID: sn.ID, Page: sn.Page, Lang: sn.Lang, Index: sn.Index, Status: StatusFailed, NoRun: sn.Attrs.NoRun, Unordered: sn.Attrs.Unordered, Fixed: sn.Attrs.Exact}
	if sn.Attrs.Pattern && sn.Expected != nil {
		res.Pattern = *sn.Expected
	}
	if cached, ok := v.load(key, sn); ok {
		v.count(func(s *Stats) { s.Cached++ })
		return cached, nil
	}
	v.count(func(s *Stats) { s.Checked++ })
	pr := &problem{sn: sn}

	p, err := block.Parse(sn.Code)
	if p != nil {
		res.Kind = p.Kind
	}
	if err != nil {
		pr.positioned(err, p)
		return res, pr.errs
	}
	if formatted, ferr := gofmt(p.Kind, sn.Code); ferr == nil && formatted != sn.Code {
		pr.at(0, 0, "not gofmt-formatted; gofmt would change it like this:\n%s", udiff.Unified("snippet", "gofmt", sn.Code, formatted))
	}
	if hugeConstants(p, pr) {
		return res, pr.errs
	}
	v.typeCheck(p, pr)
	if len(pr.errs) > 0 {
		return res, pr.errs
	}

	switch {
	case p.Kind != Program:
		res.Status = StatusOK
		if sn.Attrs.NoRun != "" {
			res.Status = StatusNoRun
		}
	case sn.Attrs.NoRun != "":
		res.Status = StatusNoRun
	default:
		v.runProgram(ctx, sn, pr, &res)
		if len(pr.errs) > 0 {
			return res, pr.errs
		}
		res.Status = StatusOK
	}
	v.store(key, res)
	return res, nil
}

// typeCheck runs go/types over the snippet, errors at file positions.
func (v *validator) typeCheck(p *block.Parsed, pr *problem) {
	embedded := embeddedHints(p.File)
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			v.impMu.Lock()
			defer v.impMu.Unlock()
			return v.imp.Import(path)
		}),
		// Soft errors ("declared and not used") fail a build too.
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				pos := te.Fset.Position(te.Pos)
				pr.at(pos.Line-p.Offset, pos.Column, "%s%s", te.Msg, embedded[te.Pos])
			}
		},
	}
	_, _ = conf.Check(p.File.Name.Name, p.Fset, []*ast.File{p.File}, nil)
}

// embeddedHints explains, at the type of each embedded struct field, what
// a line with a name alone means: a field written "qcount // total" with
// its type forgotten is valid syntax, an embedded field of type qcount, and
// the compiler's "undefined: qcount" alone does not say so.
func embeddedHints(f *ast.File) map[token.Pos]string {
	hints := map[token.Pos]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok {
			return true
		}
		for _, field := range st.Fields.List {
			if id, ok := field.Type.(*ast.Ident); ok && len(field.Names) == 0 {
				hints[id.Pos()] = fmt.Sprintf(" (a struct field is a name and a type: %s alone declares an embedded field of type %s)", id.Name, id.Name)
			}
		}
		return true
	})
	return hints
}

// positioned reports a parse error list at the snippet's positions.
func (pr *problem) positioned(err error, p *block.Parsed) {
	offset := 0
	if p != nil {
		offset = p.Offset
	}
	var list scanner.ErrorList
	if !errors.As(err, &list) {
		pr.at(0, 0, "%v", err)
		return
	}
	for _, e := range list {
		pr.at(e.Pos.Line-offset, e.Pos.Column, "%s", e.Msg)
	}
}

// gofmt formats code as the gofmt command would. A fragment that starts
// with imports is formatted in two parts, since go/format takes a list of
// declarations or of statements, not both.
func gofmt(k Kind, code string) (string, error) {
	imports, rest := block.Split(code)
	if k != Fragment || imports == "" {
		b, err := format.Source([]byte(code))
		return string(b), err
	}
	a, err := format.Source([]byte(imports))
	if err != nil {
		return "", err
	}
	b, err := format.Source([]byte(rest))
	return string(a) + string(b), err
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
