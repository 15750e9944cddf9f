// Package diag holds the error values every build stage returns.
//
// A build never stops at the first problem: each stage collects what it
// finds into a List, and the build prints them all together, sorted by
// position, so an author fixes a whole batch per run. Every Error names the
// file (as the author sees it, e.g. "content/pt/canais.md"), the line and,
// where known, the column.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem at one place in one input file.
type Error struct {
	Path string // path shown to the author, slash-separated
	Line int    // 1-based; 0 when the problem concerns the whole file
	Col  int    // 1-based; 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Errorf returns an Error at path:line:col.
func Errorf(path string, line, col int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// List is every problem a stage found. A nil or empty List means success.
type List []*Error

// Add appends an error at path:line:col.
func (l *List) Add(path string, line, col int, format string, args ...any) {
	*l = append(*l, Errorf(path, line, col, format, args...))
}

// Sort orders the list by path, line, column, then message, so output is
// stable whatever order parallel stages finished in.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
