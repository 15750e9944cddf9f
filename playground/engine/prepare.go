package engine

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/goexpert/gointernals/playground/symbols"
	"github.com/traefik/yaegi/interp"
)

// Prepared is a program after the source pass between the reader's code
// and the interpreter: parsed (a syntax error gets Go's own wording and
// position), then lowered (lower.go) into code the interpreter runs as Go
// would. The build and the browser share it, so both run the same code.
type Prepared struct {
	Source   string // the reader's program
	Code     string // what the interpreter runs
	pm       *posMap
	findings []Finding
	errs     []Finding
	// counted says every go statement of the program counts the
	// goroutine it starts (goStart in lower.go), so the count is
	// runtime.NumGoroutine's; otherwise it is read from the runtime's
	// goroutine stacks, a cost that grows with every goroutine.
	counted bool
	// resets: Reset is anywhere in the code, a method value or a comment
	// among them, which leaves a timer's time unknown to the hand-over's
	// decision (wakers).
	resets bool
	// asserts and named are what goRuntimeError needs of the program's
	// types (assertions in rterrors.go); ownTypes, typeInDoubt: true
	// unless go/types saw that the program declares no type.
	asserts  map[[2]int]string
	named    map[string]bool
	ownTypes bool
}

// checks are what Go's compiler rejects and the interpreter would run
// anyway, each in the compiler's words and at its positions, from the
// syntax tree and the parser's resolution of identifiers. Each has its
// own file and test. go/types (typecheck.go) finds more, but its words
// are not the compiler's: what it finds that these lack only hands the
// program over.
var checks = []func(*token.FileSet, *ast.File) []Finding{
	unused,         // unused.go: variables, imports
	mismatches,     // mismatch.go: assignment of a call's results
	missingReturns, // terminating.go
	branches,       // branches.go: break, continue, fallthrough, goto, labels
	typeSwitchUnused,
	overflows,    // overflow.go: an integer literal its declared type cannot hold
	incomparable, // comparable.go: == on a type parameter constrained by any
	mapElemAddr,  // mapaddr.go: &m[k], a pointer method on m[k]
}

// Prepare parses src, lowers it, and runs Detect on the lowered code.
func Prepare(src string) (*Prepared, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		return nil, eofPosition(src, err)
	}
	var errs []Finding
	for _, check := range checks {
		errs = append(errs, check(fset, file)...)
	}
	// go run says a package is not main before anything else, and the
	// linker that main is missing only once the rest compiles.
	if miss := mainPackage(fset, file); miss != nil && (file.Name.Name != "main" || len(errs) == 0) {
		errs = miss
	}
	// Before lowering, which rewrites the tree: the reader's program is
	// what Go's type checker judges.
	// Selections too: what changes a variable in place (x.f = ..., a pointer
	// method on x) is told by them (ifacealias.go's unchangedLocals); without
	// them an interface holding x was taken to hold it unchanged (a blind
	// pass's: var s Speaker = d; d.Name = "fido" spoke as fido).
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Instances: map[*ast.Ident]types.Instance{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	typeErrs, skip := typeCheckInfo(fset, file, info)
	errs = withoutRedeclaredUnused(errs, typeErrs)
	// With the program's types, the values that become interface values
	// are known (aliasConversions). A program with a type error does not
	// run in the interpreter; one go/types could not judge (skip: what
	// the model lacks, which the interpreter mostly refuses too) that
	// declares a method is handed over, since which of its values become
	// interface values is not known.
	var aliases []Finding
	var asserts map[[2]int]string
	var named map[string]bool
	ownTypes := true
	var typed *types.Info // nil unless go/types judged the program right
	switch {
	case len(typeErrs) == 0 && skip == "":
		typed = info
		aliases = append(aliasConversions(fset, file, info), ifaceEqualities(fset, file, info)...)
		asserts, named, ownTypes = assertions(fset, info)
		aliases = append(aliases, fmtMethodsLeft(fset, file, info)...)
		aliases = append(aliases, deferredFmtLeft(fset, file, info)...)
		aliases = append(aliases, ownTypeAssertions(fset, file, info)...)
		aliases = append(aliases, interfaceUpgrades(fset, file, info)...)
		aliases = append(aliases, genericValues(fset, file, info)...)
		aliases = append(aliases, contextKeysLeft(fset, file, info)...)
		aliases = append(aliases, floatConversionsLeft(fset, file, info)...)
		aliases = append(aliases, rangeOverFuncs(fset, file, info)...)
		aliases = append(aliases, initSequence(fset, file, info)...)
		aliases = append(aliases, emptyAssertions(fset, file, info)...)
		aliases = append(aliases, nestedInstances(fset, file, info)...)
		aliases = append(aliases, repeatedInstanceValues(fset, file, info)...)
		aliases = append(aliases, selfInstances(fset, file, info)...)
	case skip != "" && declaresAnyMethod(file) && !strings.HasPrefix(skip, unknownPackage):
		// A package the check does not know, the interpreter lacks too
		// (library.prepare): Detect names it, and Go runs the program.
		aliases = []Finding{{Line: 1, Col: 1, Construct: "interface holds a copy", Message: "the page's type checker cannot check this program (" + skip + "), so it cannot rule out what the interpreter gets wrong in a program with types with methods: a value of one put in an interface may follow later changes to its variable, where Go keeps a copy"}}
	}
	aliases = append(aliases, ownPredeclared(fset, file, typed)...)
	aliases = append(aliases, godebugDirectives(fset, file)...)
	aliases = append(aliases, blankFields(fset, file)...)
	origFset, origFile := fset, file
	code, pm, clashes := lower(fset, file, src, typed)
	p := &Prepared{Source: src, Code: code, pm: pm, findings: clashes, asserts: asserts, named: named, ownTypes: ownTypes, resets: strings.Contains(code, "Reset")}
	fset = token.NewFileSet()
	file, err = parser.ParseFile(fset, "main.go", code, 0)
	if err != nil {
		// The reader's program parsed; what the rewrites made of it does
		// not: a bug of the source pass, which the interpreter would
		// report as the reader's syntax error. Go runs the program.
		line, col := 1, 1
		if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
			line, col = pm.position(list[0].Pos.Line, list[0].Pos.Column)
		}
		if last := strings.Count(src, "\n") + 1; line > last {
			line, col = last, 1 // in the helpers after the reader's last line
		}
		p.findings = append(p.findings, Finding{Line: line, Col: col, Construct: unparsedConstruct, Unsupported: true,
			Message: "the playground's source pass cannot make this run right in the interpreter: what it makes of the program here does not parse"})
	} else {
		p.counted = everyGoCounted(file)
		// The helpers appended after the reader's last line are the source
		// pass's own, known to run right: what the check sees in them is
		// not the reader's (a call of a helper is named where it is made).
		last := strings.Count(src, "\n") + 1
		for _, f := range detect(fset, file, typed != nil) {
			f.Line, f.Col = pm.position(f.Line, f.Col)
			switch {
			case f.Construct == refusedConstruct:
				errs = append(errs, f) // refused.go
			case f.Line <= last:
				p.findings = append(p.findings, f)
			}
		}
	}
	// What only types would prove a compile error is named, so that
	// Automatic lets the compiler say it (suspects.go).
	p.findings = append(p.findings, suspects(origFset, origFile)...)
	p.findings = append(p.findings, unlisted(typeErrs, errs)...)
	p.findings = append(p.findings, aliases...)
	sortFindings(p.findings)
	sortFindings(errs)
	p.errs = errs
	return p, nil
}

// Errors lists what Go's compiler rejects and the interpreter would run
// anyway (unused.go), in the compiler's words and at the reader's
// positions. Run reports them as go run reports compile errors; they are
// not Findings: Go reports them too, so no other engine is needed.
func (p *Prepared) Errors() []Finding { return p.errs }

// ErrorsComplete reports whether Errors are all the compile errors go
// build would report, as far as the interpreter can tell: it compiles the
// rest of the program (without running it), and it stops at the first
// error it finds, which Errors would then lack ("undefined: y" after
// "declared and not used: x"). Automatic hands an incomplete list to the
// Go compiler.
//
// Ten errors or more are never complete: go build stops at the tenth with
// "too many errors", which the check does not imitate.
//
// Nor is a list beside what suspects.go names, or a type error the list
// lacks (typecheck.go): go build may reject that too.
//
// A list refusing an import the playground does not offer is complete
// (see MoreErrors), whatever go/types or the source pass suspect.
func (p *Prepared) ErrorsComplete() bool {
	if p.refused() {
		return true
	}
	for _, f := range p.findings {
		if f.Construct == suspectConstruct {
			return false
		}
	}
	return len(p.errs) < 10 && p.MoreErrors() == ""
}

// MoreErrors returns the first compile error the interpreter finds in
// what Errors leave, as "line:col: message" at the reader's position, or
// "" when it compiles the rest. Its words are the interpreter's, and go
// build may report more after it.
//
// A program importing what the playground refuses (refused.go) has no
// more: the interpreter lacks the package too, and neither engine runs
// the program, whatever else it holds, so the refusal is the answer.
func (p *Prepared) MoreErrors() string {
	if p.refused() {
		return ""
	}
	i := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard})
	if err := useLibrary(i, symbols.Hooks{}, io.Discard, io.Discard, func(int) {}); err != nil {
		return err.Error()
	}
	if _, err := i.Compile(p.Code); err != nil {
		return p.mapMessage(cleanError(p.Code, err))
	}
	return ""
}

// HandOver is Automatic's choice before a run, the one the page and the
// build both make: the findings for which the Go toolchain runs the
// program instead of the interpreter, a message said once after its
// places ("5:2, 6:2: message", groupFindings) a line, or "" when the
// interpreter runs it. A program with Errors stays, since
// Run reports them as go run would; what only the run can tell
// (Finding.AtRunTime) is left to Options.HandOver.
func (p *Prepared) HandOver() string {
	if len(p.errs) > 0 {
		return ""
	}
	return groupFindings(p.findings, func(f Finding) bool { return !f.AtRunTime })
}

// groupFindings is joinFindings for a reader's note: a message said at
// several places is said once, after all of them ("10:7, 12:7: ..."),
// where a list of errors keeps one "line:col: message" a line for the
// page to link each.
func groupFindings(fs []Finding, keep func(Finding) bool) string {
	var order []string
	at := map[string][]string{}
	for _, f := range fs {
		if keep != nil && !keep(f) {
			continue
		}
		if _, ok := at[f.Message]; !ok {
			order = append(order, f.Message)
			at[f.Message] = nil
		}
		if f.Line > 0 {
			at[f.Message] = append(at[f.Message], fmt.Sprintf("%d:%d", f.Line, f.Col))
		}
	}
	lines := make([]string, len(order))
	for i, msg := range order {
		lines[i] = msg
		if pos := at[msg]; len(pos) > 0 {
			lines[i] = strings.Join(pos, ", ") + ": " + msg
		}
	}
	return strings.Join(lines, "\n")
}

// Findings lists what the interpreter would still run differently from Go
// after lowering, at positions of the reader's source. The slice is the
// Prepared's own.
func (p *Prepared) Findings() []Finding { return p.findings }

// Position maps line:col of Code to the reader's source.
func (p *Prepared) Position(line, col int) (int, int) { return p.pm.position(line, col) }

// mapMessage rewrites the "line:col:" positions the interpreter reports
// against Code into positions of the reader's source.
func (p *Prepared) mapMessage(msg string) string {
	return replacePositions(msg, func(l, c string) string {
		line, _ := strconv.Atoi(l)
		col, _ := strconv.Atoi(c)
		line, col = p.Position(line, col)
		return fmt.Sprintf("%d:%d:", line, col)
	})
}

// everyGoCounted reports whether each go statement of the lowered file
// follows a call of goStart.
func everyGoCounted(file *ast.File) bool {
	counted := true
	ast.Inspect(file, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			if _, ok := l.Stmt.(*ast.GoStmt); ok {
				counted = false // goStart went before the label
			}
			return counted
		}
		list := stmtList(n)
		for i, s := range list {
			if _, ok := s.(*ast.GoStmt); ok && (i == 0 || !isGoStart(list[i-1])) {
				counted = false
			}
		}
		return counted
	})
	return counted
}

func isGoStart(s ast.Stmt) bool {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	c, ok := e.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "GoStart" && builtin(sel.X) == "_lowerRT"
}

// withoutRedeclaredUnused drops from errs a variable reported unused where
// go/types reports it redeclared: a second declaration of a name in a
// block declares nothing, and the compiler's one error there is the
// redeclaration (which the interpreter reports too).
func withoutRedeclaredUnused(errs, typeErrs []Finding) []Finding {
	redeclared := map[[2]int]bool{}
	for _, e := range typeErrs {
		if strings.HasSuffix(e.Message, " redeclared in this block") {
			redeclared[[2]int{e.Line, e.Col}] = true
		}
	}
	return slices.DeleteFunc(errs, func(f Finding) bool {
		return f.Construct == "unused" && strings.HasPrefix(f.Message, "declared and not used: ") && redeclared[[2]int{f.Line, f.Col}]
	})
}
