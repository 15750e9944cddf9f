package snippet

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A pattern is the output block of a program written
// ```go {engine="exact" output="pattern"}: what go run prints, line for
// line, with the parts that vary between runs written as placeholders.
// Everything else on a line is literal.
//
//   - {{n}}: an integer in decimal (digits, after an optional minus sign);
//   - {{n MIN..MAX}}: such an integer from MIN to MAX, both included;
//     either bound may be left out ({{n 8388608..}}, {{n ..100}});
//   - {{*}}: any text within the line, none included.
//
// "{{" always opens a placeholder. The output must have as many lines as
// the pattern, each matching its own.

// patternLine is one line of a pattern, compiled.
type patternLine struct {
	text   string
	re     *regexp.Regexp
	bounds []bounds // one per {{n}}, in order
}

type bounds struct {
	text     string // the placeholder as written
	col      int    // 1-based byte column of the placeholder in its line
	min, max *int64
}

// PatternError is a problem with a pattern or a mismatch, at a line and a
// column of the pattern (both 1-based).
type PatternError struct {
	Line, Col int
	Msg       string
}

func (e *PatternError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

var placeholder = regexp.MustCompile(`\{\{(.*?)\}\}`)

// compilePattern reads a pattern, refusing an unknown or unclosed
// placeholder and bounds that do not read as integers.
func compilePattern(pattern string) ([]patternLine, error) {
	var out []patternLine
	for i, line := range strings.Split(strings.TrimSuffix(pattern, "\n"), "\n") {
		pl := patternLine{text: line}
		var re strings.Builder
		re.WriteString("^")
		rest, at := line, 0
		for {
			open := strings.Index(rest, "{{")
			if open < 0 {
				re.WriteString(regexp.QuoteMeta(rest))
				break
			}
			m := placeholder.FindStringSubmatchIndex(rest[open:])
			if m == nil || m[0] != 0 {
				return nil, &PatternError{i + 1, at + open + 1, "a {{ opens a placeholder that is not closed by }} on its line"}
			}
			re.WriteString(regexp.QuoteMeta(rest[:open]))
			col := at + open + 1
			inside := strings.TrimSpace(rest[open+m[2] : open+m[3]])
			whole := rest[open : open+m[1]]
			switch {
			case inside == "*":
				re.WriteString(`(?:.*?)`)
			case inside == "n" || strings.HasPrefix(inside, "n "):
				b := bounds{text: whole, col: col}
				if r := strings.TrimSpace(strings.TrimPrefix(inside, "n")); r != "" {
					lo, hi, ok := strings.Cut(r, "..")
					if !ok {
						return nil, &PatternError{i + 1, col, fmt.Sprintf("%s: write bounds as {{n MIN..MAX}}, either of them may be left out", whole)}
					}
					var err error
					if b.min, err = bound(lo); err != nil {
						return nil, &PatternError{i + 1, col, fmt.Sprintf("%s: %q is not an integer", whole, lo)}
					}
					if b.max, err = bound(hi); err != nil {
						return nil, &PatternError{i + 1, col, fmt.Sprintf("%s: %q is not an integer", whole, hi)}
					}
					if b.min != nil && b.max != nil && *b.min > *b.max {
						return nil, &PatternError{i + 1, col, fmt.Sprintf("%s: no integer is from %d to %d", whole, *b.min, *b.max)}
					}
				}
				pl.bounds = append(pl.bounds, b)
				re.WriteString(`(-?[0-9]+)`)
			default:
				return nil, &PatternError{i + 1, col, fmt.Sprintf("unknown placeholder %s: the placeholders are {{n}}, {{n MIN..MAX}} and {{*}}", whole)}
			}
			at += open + m[1]
			rest = rest[open+m[1]:]
		}
		re.WriteString("$")
		pl.re = regexp.MustCompile(re.String())
		out = append(out, pl)
	}
	return out, nil
}

func bound(s string) (*int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return &n, err
}

// MatchPattern reports whether output matches pattern (see the syntax
// above): nil, or a *PatternError at the pattern's line and column that
// says what differs.
func MatchPattern(pattern, output string) error {
	lines, err := compilePattern(pattern)
	if err != nil {
		return err
	}
	got := strings.Split(strings.TrimSuffix(output, "\n"), "\n")
	if output == "" {
		got = nil
	}
	for i, pl := range lines {
		if i >= len(got) {
			return &PatternError{i + 1, 1, fmt.Sprintf("go run printed %d lines, the pattern has %d", len(got), len(lines))}
		}
		m := pl.re.FindStringSubmatch(got[i])
		if m == nil {
			return &PatternError{i + 1, 1, fmt.Sprintf("go run printed %q, which does not match %q", got[i], pl.text)}
		}
		for j, b := range pl.bounds {
			n, err := strconv.ParseInt(m[j+1], 10, 64)
			switch {
			case err != nil:
				return &PatternError{i + 1, b.col, fmt.Sprintf("%s: %s is out of range for an int64", b.text, m[j+1])}
			case b.min != nil && n < *b.min:
				return &PatternError{i + 1, b.col, fmt.Sprintf("%s: go run printed %d, less than %d", b.text, n, *b.min)}
			case b.max != nil && n > *b.max:
				return &PatternError{i + 1, b.col, fmt.Sprintf("%s: go run printed %d, more than %d", b.text, n, *b.max)}
			}
		}
	}
	if len(got) > len(lines) || !strings.HasSuffix(output, "\n") && output != "" {
		if len(got) > len(lines) {
			return &PatternError{len(lines), 1, fmt.Sprintf("go run printed %d lines, the pattern has %d", len(got), len(lines))}
		}
		return &PatternError{len(lines), 1, "go run's output does not end with a newline, the pattern's does"}
	}
	return nil
}
