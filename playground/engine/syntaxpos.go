package engine

import (
	"errors"
	"go/scanner"
	"strings"
)

// eofPosition puts go/parser's errors at the end of the file where Go's
// compiler puts them: after a final newline, on the line after it, column
// 1 ("10:1: syntax error: unexpected EOF, expected }"). go/token records
// no line that starts at the file's very end, so the parser said 9:3, the
// end of the last line, for a program whose last brace is missing.
func eofPosition(src string, err error) error {
	var list scanner.ErrorList
	if !errors.As(err, &list) || !strings.HasSuffix(src, "\n") {
		return err
	}
	for _, e := range list {
		if e.Pos.Offset == len(src) {
			e.Pos.Line, e.Pos.Column = strings.Count(src, "\n")+1, 1
		}
	}
	return err
}
