// Portions of this file are derived from cmd/compile/internal/syntax/
// branches.go of the Go distribution: Copyright 2017 The Go Authors. All
// rights reserved. Use of that source code is governed by a BSD-style
// license that can be found in the Go distribution's LICENSE file.

package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// branches finds the misuses of labels and branch statements that Go's
// parser rejects (cmd/compile/internal/syntax/branches.go, whose logic
// this ports from the compiler's syntax tree to go/ast): a break or
// continue outside a loop, switch or select, a misplaced fallthrough, a
// labelled break or continue whose label does not name an enclosing
// statement, a label defined twice, never used or never defined, a goto
// that jumps over a variable declaration or into a block. yaegi v0.16.1
// ran such programs (a break outside a loop left the function; a
// fallthrough in the final case was ignored), where go build fails. The
// words and the positions are the compiler's; each function body,
// function literals included, has its own labels.
func branches(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	errf := func(pos token.Pos, format string, args ...any) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "branch",
			Message: fmt.Sprintf(format, args...)})
	}
	at := func(pos token.Pos) string {
		p := fset.Position(pos)
		return fmt.Sprintf("./main.go:%d:%d", p.Line, p.Column) // as go build names the file
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				checkBranches(n.Body, errf, at)
			}
		case *ast.FuncLit:
			checkBranches(n.Body, errf, at)
		}
		return true
	})
	return out
}

type branchErrf func(pos token.Pos, format string, args ...any)

func checkBranches(body *ast.BlockStmt, errf branchErrf, at func(token.Pos) string) {
	ls := &labelScope{errf: errf, at: at, labels: map[string]*label{}}
	fwdGotos := ls.blockBranches(nil, targets{caseIndex: -1}, nil, body.Lbrace, body.List)
	// Forward gotos left: the label was never defined, or it is inside a
	// block the goto cannot reach.
	for _, fwd := range fwdGotos {
		name := fwd.Label.Name
		if l := ls.labels[name]; l != nil {
			l.used = true // no "defined and not used" as well
			errf(fwd.Label.Pos(), "goto %s jumps into block starting at %s", name, at(l.parent.start))
		} else {
			errf(fwd.Label.Pos(), "label %s not defined", name)
		}
	}
	for _, name := range ls.order {
		if l := ls.labels[name]; !l.used {
			errf(l.lstmt.Label.Pos(), "label %s defined and not used", name)
		}
	}
}

type labelScope struct {
	errf   branchErrf
	at     func(token.Pos) string
	labels map[string]*label
	order  []string
}

type label struct {
	parent *block
	lstmt  *ast.LabeledStmt
	used   bool
}

type block struct {
	parent *block
	start  token.Pos
	lstmt  *ast.LabeledStmt // the labelled statement this block belongs to, or nil
}

// targets are the statements a break or continue may leave.
type targets struct {
	breaks     ast.Stmt // *ast.ForStmt, *ast.RangeStmt, a switch or a select, or nil
	continues  ast.Stmt // *ast.ForStmt, *ast.RangeStmt, or nil
	caseIndex  int      // case of the immediately enclosing switch, or < 0
	caseCount  int      // the number of cases of that switch
	typeSwitch bool     // breaks is a type switch
}

func (ls *labelScope) declare(b *block, s *ast.LabeledStmt) *label {
	name := s.Label.Name
	if alt := ls.labels[name]; alt != nil {
		ls.errf(s.Label.Pos(), "label %s already defined at %s", name, ls.at(alt.lstmt.Label.Pos()))
		return alt
	}
	l := &label{parent: b, lstmt: s}
	ls.labels[name] = l
	ls.order = append(ls.order, name)
	return l
}

func (ls *labelScope) gotoTarget(b *block, name string) *ast.LabeledStmt {
	if l := ls.labels[name]; l != nil {
		l.used = true
		for ; b != nil; b = b.parent {
			if l.parent == b {
				return l.lstmt
			}
		}
	}
	return nil
}

var invalidTarget = new(ast.LabeledStmt)

func (ls *labelScope) enclosingTarget(b *block, name string) *ast.LabeledStmt {
	if l := ls.labels[name]; l != nil {
		l.used = true
		for ; b != nil; b = b.parent {
			if l.lstmt == b.lstmt {
				return l.lstmt
			}
		}
		return invalidTarget
	}
	return nil
}

func (ls *labelScope) blockBranches(parent *block, ctxt targets, lstmt *ast.LabeledStmt, start token.Pos, body []ast.Stmt) []*ast.BranchStmt {
	b := &block{parent: parent, start: start, lstmt: lstmt}
	var varPos token.Pos
	var varName string
	var fwdGotos, badGotos []*ast.BranchStmt
	recordVarDecl := func(pos token.Pos, name string) {
		varPos, varName = pos, name
		// A forward goto so far jumps over it, unless it leaves the block.
		badGotos = append(badGotos[:0], fwdGotos...)
	}
	jumpsOverVarDecl := func(fwd *ast.BranchStmt) bool {
		if varPos.IsValid() {
			for _, bad := range badGotos {
				if fwd == bad {
					return true
				}
			}
		}
		return false
	}
	innerBlock := func(ctxt targets, start token.Pos, body []ast.Stmt) {
		fwdGotos = append(fwdGotos, ls.blockBranches(b, ctxt, lstmt, start, body)...)
	}
	// A fallthrough counts as the last statement even before empty ones.
	list := body
	for len(list) > 0 {
		if _, ok := list[len(list)-1].(*ast.EmptyStmt); !ok {
			break
		}
		list = list[:len(list)-1]
	}
	for stmtIndex, stmt := range list {
		lstmt = nil
	L:
		switch s := stmt.(type) {
		case *ast.DeclStmt:
			if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR && len(g.Specs) > 0 {
				if v, ok := g.Specs[0].(*ast.ValueSpec); ok {
					recordVarDecl(v.Names[0].Pos(), v.Names[0].Name)
				}
			}
		case *ast.LabeledStmt:
			if name := s.Label.Name; name != "_" {
				l := ls.declare(b, s)
				i := 0
				for _, fwd := range fwdGotos {
					if fwd.Label.Name == name {
						l.used = true
						if jumpsOverVarDecl(fwd) {
							ls.errf(fwd.Label.Pos(), "goto %s jumps over declaration of %s at %s", name, varName, ls.at(varPos))
						}
					} else {
						fwdGotos[i] = fwd
						i++
					}
				}
				fwdGotos = fwdGotos[:i]
				lstmt = s
			}
			stmt = s.Stmt
			goto L
		case *ast.BranchStmt:
			if s.Label == nil {
				switch s.Tok {
				case token.BREAK:
					if ctxt.breaks == nil {
						ls.errf(s.Pos(), "break is not in a loop, switch, or select")
					}
				case token.CONTINUE:
					if ctxt.continues == nil {
						ls.errf(s.Pos(), "continue is not in a loop")
					}
				case token.FALLTHROUGH:
					msg := "fallthrough statement out of place"
					switch ctxt.breaks.(type) {
					case *ast.SwitchStmt, *ast.TypeSwitchStmt:
						if ctxt.typeSwitch {
							msg = "cannot fallthrough in type switch"
						} else if ctxt.caseIndex < 0 || stmtIndex+1 < len(list) {
							// nested in a block, or not the last statement
						} else if ctxt.caseIndex+1 == ctxt.caseCount {
							msg = "cannot fallthrough final case in switch"
						} else {
							break L // in its place
						}
					}
					ls.errf(s.Pos(), "%s", msg)
				}
				break
			}
			name := s.Label.Name
			switch s.Tok {
			case token.BREAK:
				if t := ls.enclosingTarget(b, name); t != nil {
					switch t.Stmt.(type) {
					case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
					default:
						ls.errf(s.Label.Pos(), "invalid break label %s", name)
					}
				} else {
					ls.errf(s.Label.Pos(), "break label not defined: %s", name)
				}
			case token.CONTINUE:
				if t := ls.enclosingTarget(b, name); t != nil {
					switch t.Stmt.(type) {
					case *ast.ForStmt, *ast.RangeStmt:
					default:
						ls.errf(s.Label.Pos(), "invalid continue label %s", name)
					}
				} else {
					ls.errf(s.Label.Pos(), "continue label not defined: %s", name)
				}
			case token.GOTO:
				if ls.gotoTarget(b, name) == nil {
					fwdGotos = append(fwdGotos, s) // it may be defined later
				}
			}
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				names := make([]string, len(s.Lhs))
				for i, e := range s.Lhs {
					if id, ok := e.(*ast.Ident); ok { // the parser allows nothing else
						names[i] = id.Name
					}
				}
				recordVarDecl(s.TokPos, strings.Join(names, ", ")) // the compiler's position of :=
			}
		case *ast.BlockStmt:
			innerBlock(targets{breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1, typeSwitch: ctxt.typeSwitch}, s.Lbrace, s.List)
		case *ast.IfStmt:
			inner := targets{breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1, typeSwitch: ctxt.typeSwitch}
			innerBlock(inner, s.Body.Lbrace, s.Body.List)
			switch e := s.Else.(type) {
			case *ast.BlockStmt:
				innerBlock(inner, e.Lbrace, []ast.Stmt{e})
			case *ast.IfStmt:
				innerBlock(inner, e.If, []ast.Stmt{e})
			}
		case *ast.ForStmt:
			innerBlock(targets{breaks: s, continues: s, caseIndex: -1}, s.Body.Lbrace, s.Body.List)
		case *ast.RangeStmt:
			innerBlock(targets{breaks: s, continues: s, caseIndex: -1}, s.Body.Lbrace, s.Body.List)
		case *ast.SwitchStmt:
			inner := targets{breaks: s, continues: ctxt.continues, caseCount: len(s.Body.List)}
			for i, cc := range s.Body.List {
				inner.caseIndex = i
				innerBlock(inner, cc.Pos(), cc.(*ast.CaseClause).Body)
			}
		case *ast.TypeSwitchStmt:
			inner := targets{breaks: s, continues: ctxt.continues, caseCount: len(s.Body.List), typeSwitch: true}
			for i, cc := range s.Body.List {
				inner.caseIndex = i
				innerBlock(inner, cc.Pos(), cc.(*ast.CaseClause).Body)
			}
		case *ast.SelectStmt:
			inner := targets{breaks: s, continues: ctxt.continues, caseIndex: -1}
			for _, cc := range s.Body.List {
				innerBlock(inner, cc.Pos(), cc.(*ast.CommClause).Body)
			}
		}
	}
	return fwdGotos
}
