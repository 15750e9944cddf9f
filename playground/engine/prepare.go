package engine

import (
	"fmt"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
)

// Prepared is a program after the source pass between the reader's code
// and the interpreter: parsed (a syntax error gets Go's own wording and
// position), then lowered (lower.go) into code the interpreter runs as Go
// would. The build and the browser share it, so both run the same code.
type Prepared struct {
	Source string // the reader's program
	Code   string // what the interpreter runs
	pm     *posMap
}

// Prepare parses src and lowers it.
func Prepare(src string) (*Prepared, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	code, pm := lower(fset, file, src)
	return &Prepared{Source: src, Code: code, pm: pm}, nil
}

// Findings lists what the interpreter would still run differently from Go
// after lowering, at positions of the reader's source.
func (p *Prepared) Findings() []Finding {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", p.Code, 0)
	if err != nil {
		return nil
	}
	found := detect(fset, file)
	for i := range found {
		found[i].Line, found[i].Col = p.pm.position(found[i].Line, found[i].Col)
	}
	return found
}

// Position maps line:col of Code to the reader's source.
func (p *Prepared) Position(line, col int) (int, int) { return p.pm.position(line, col) }

// mapMessage rewrites the "line:col:" positions the interpreter reports
// against Code into positions of the reader's source.
func (p *Prepared) mapMessage(msg string) string {
	return anyPosition.ReplaceAllStringFunc(msg, func(m string) string {
		sub := anyPosition.FindStringSubmatch(m)
		line, _ := strconv.Atoi(sub[1])
		col, _ := strconv.Atoi(sub[2])
		line, col = p.Position(line, col)
		return fmt.Sprintf("%d:%d:", line, col)
	})
}

var anyPosition = regexp.MustCompile(`\b(\d+):(\d+):`)
