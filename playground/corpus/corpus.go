// Package corpus reads the playground's test programs (the corpus and the
// other programs under playground/engine/testdata): Go programs that end
// in a comment giving what go run prints on standard output, and its exit
// status when it is not 0:
//
//	// Exit: 2
//	// Output:
//	// the first line
//	// the second line
//
// The engine's tests and the site's browser tests read them here.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Program is a test program and what go run does with it.
type Program struct {
	Name   string // the file's base name (Load)
	Source string // the whole file
	Code   string // the program without its trailing comment
	Want   string // what go run prints on standard output
	Exit   int    // go run's exit status
}

// Parse reads a program's trailing comment: the last "// Output:" line,
// each line after it less its "//" and one space, and a "// Exit: N" line
// right before it.
func Parse(src string) (Program, error) {
	p := Program{Source: src}
	lines := strings.Split(strings.TrimRight(src, "\n"), "\n")
	at := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i] == "// Output:" {
			at = i
			break
		}
	}
	if at < 0 {
		return p, fmt.Errorf("no // Output: comment at its end")
	}
	var want strings.Builder
	for _, l := range lines[at+1:] {
		want.WriteString(strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ") + "\n")
	}
	p.Want = want.String()
	start := at
	if at > 0 && strings.HasPrefix(lines[at-1], "// Exit: ") {
		start = at - 1
		var err error
		if p.Exit, err = strconv.Atoi(strings.TrimPrefix(lines[at-1], "// Exit: ")); err != nil {
			return p, fmt.Errorf("line %d: %v", at, err)
		}
	}
	p.Code = strings.Join(lines[:start], "\n") + "\n"
	return p, nil
}

// Load reads and parses the files pattern matches (filepath.Glob), in
// the order of their names; an error names the file.
func Load(pattern string) ([]Program, error) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	var out []Program
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		p, err := Parse(string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		p.Name = filepath.Base(f)
		out = append(out, p)
	}
	return out, nil
}
