package fmtverbs

import (
	"regexp"
	"strings"
	"testing"
)

// TestAnyAsTheExpressions checks Any, with the predicates the playground
// gives it, against the regular expressions it replaced, on format
// strings made of every short sequence of the bytes that matter.
func TestAnyAsTheExpressions(t *testing.T) {
	cases := []struct {
		re *regexp.Regexp
		ok func(flags string, verb byte, end bool) bool
	}{
		{regexp.MustCompile("%[-+# 0-9.*\\[\\]]*T|%[-+ 0-9.*\\[\\]]*#[-+# 0-9.*\\[\\]]*(v|\"|`|$)"), func(f string, v byte, end bool) bool {
			return !end && v == 'T' || strings.Contains(f, "#") && (end || v == 'v' || v == '"' || v == '`')
		}},
		{regexp.MustCompile("%[-# 0-9.*\\[\\]]*\\+[-+# 0-9.*\\[\\]]*(v|\"|`|$)"), func(f string, v byte, end bool) bool {
			return strings.Contains(f, "+") && (end || v == 'v' || v == '"' || v == '`')
		}},
		{regexp.MustCompile(`%[-+# 0-9.*\[\]]*\+[-+# 0-9.*\[\]]*v`), func(f string, v byte, end bool) bool {
			return strings.Contains(f, "+") && !end && v == 'v'
		}},
	}
	alphabet := []string{"%", "+", "#", "-", "1", ".", "*", "[", "]", " ", "v", "T", "d", "\"", "`", "x", "é"}
	var all []string
	var grow func(s string, n int)
	grow = func(s string, n int) {
		all = append(all, s)
		if n == 0 {
			return
		}
		for _, a := range alphabet {
			grow(s+a, n-1)
		}
	}
	grow("", 4)
	all = append(all, `"%+v\n"`, `"%T"`, `"%#v"`, `"%-8.3+v"`, `"100%% %[1]+v"`, "`%#`", `"%#`)
	for i, c := range cases {
		for _, s := range all {
			if got, want := Any(s, c.ok), c.re.MatchString(s); got != want {
				t.Errorf("expression %d on %q: Any %v, the expression %v", i, s, got, want)
			}
		}
	}
}
