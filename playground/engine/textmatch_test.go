package engine

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// texts returns every string of at most n of the pieces, joined.
func texts(n int, pieces ...string) []string {
	all := []string{""}
	last := []string{""}
	for range n {
		var next []string
		for _, s := range last {
			for _, p := range pieces {
				next = append(next, s+p)
			}
		}
		all = append(all, next...)
		last = next
	}
	return all
}

// TestTextMatchAsTheExpressions holds each function of textmatch.go to
// the regular expression it stands for, on every short text made of the
// pieces that matter to it (and of pieces that do not).
func TestTextMatchAsTheExpressions(t *testing.T) {
	check := func(name, in, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s(%q) = %q, the expression gives %q", name, in, got, want)
		}
	}
	subs := func(m []string) string {
		if m == nil {
			return "no match"
		}
		return strings.Join(m, "|")
	}
	pos := texts(5, "12", "3", ":", ": ", " ", "x", "\n", "é", "_")

	position := regexp.MustCompile(`^(\d+):(\d+): `)
	for _, s := range pos {
		want := subs(position.FindStringSubmatch(s))
		if want != "no match" {
			want += "|" + s[len(position.FindString(s)):]
		}
		got := "no match"
		if l, c, rest, ok := leadingPosition(s); ok {
			got = subs([]string{s[:len(s)-len(rest)], l, c, rest})
		}
		check("leadingPosition", s, got, want)
	}

	anyPosition := regexp.MustCompile(`\b(\d+):(\d+):`)
	repl := func(l, c string) string { return "<" + l + "," + c + ">" }
	for _, s := range pos {
		want := anyPosition.ReplaceAllStringFunc(s, func(m string) string {
			sub := anyPosition.FindStringSubmatch(m)
			return repl(sub[1], sub[2])
		})
		check("replacePositions", s, replacePositions(s, repl), want)
	}

	previous := regexp.MustCompile(`(\d+:\d+: (\S+) redeclared in this block)\n\tprevious declaration at _\.go:(\d+:\d+)`)
	for _, s := range texts(4, "5:6: ", "x", "7", ":", " ", "\t", redeclaredMiddle, redeclaredMiddle+"3:4", "\n") {
		check("redeclaredAsGo", s, redeclaredAsGo(s), previous.ReplaceAllString(s, "$1\n\t$3: other declaration of $2"))
	}

	assertion := regexp.MustCompile(`^(\d+):(\d+): interface conversion: interface \{\} is (\w+), not (\w+)$`)
	for _, s := range texts(4, "1:2: ", "interface conversion: interface {} is ", "int", ", not ", "é", " ", "\n", ",") {
		got := "no match"
		if l, c, x, y, ok := yaegiAssertionParts(s); ok {
			got = subs([]string{s, l, c, x, y})
		}
		check("yaegiAssertionParts", s, got, subs(assertion.FindStringSubmatch(s)))
	}

	typeWords := regexp.MustCompile(`^(?:runtime error: )?(?:comparing uncomparable type|hash of unhashable type(:?)) (.*)$`)
	for _, s := range texts(4, "runtime error: ", "comparing uncomparable type", "hash of unhashable type", ":", " ", "main.T", "\n") {
		want := "no match"
		if m := typeWords.FindStringSubmatch(s); m != nil {
			want = fmt.Sprint(m[1] != "", m[2])
		}
		got := "no match"
		if colon, typ, ok := typeWordsParts(s); ok {
			got = fmt.Sprint(colon, typ)
		}
		check("typeWordsParts", s, got, want)
	}

	traceLine := regexp.MustCompile(`^(\d+):\d+: panic: [^\n]*\n$`)
	for _, s := range texts(5, "4:5: ", "panic: ", "boom", "\n", ":", "7") {
		want := "no match"
		if m := traceLine.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		got := "no match"
		if l, ok := traceLineNumber(s); ok {
			got = l
		}
		check("traceLineNumber", s, got, want)
	}

	branch := regexp.MustCompile(`^(goto \S+ jumps |invalid (break|continue) label |label \S+ (declared and not used|not declared|already declared)|(break|continue) not in |fallthrough statement out of place|cannot fallthrough)`)
	for _, s := range texts(4, "goto ", "label ", "L", " ", "\t", "jumps ", "declared and not used", "not declared", "already declared", "invalid ", "break ", "continue ", "label ", "not in ", "fallthrough statement out of place", "cannot fallthrough") {
		check("isBranchError", s, fmt.Sprint(isBranchError(s)), fmt.Sprint(branch.MatchString(s)))
	}

	stubFunc := regexp.MustCompile(`(?m)^func (\w+)\[.*\) (?:iter\.Seq|func)`)
	for _, s := range texts(4, "func ", "All", "[", "]", ") iter.Seq", ") func", ")", " ", "\n", "x") {
		var want []string
		for _, m := range stubFunc.FindAllStringSubmatch(s, -1) {
			want = append(want, m[1])
		}
		if got := funcResultNames(s); !slices.Equal(got, want) {
			t.Errorf("funcResultNames(%q) = %q, the expression gives %q", s, got, want)
		}
	}

	unexported := regexp.MustCompile(`\.[a-z_]`)
	methods := regexp.MustCompile(`interface\{[^}]`)
	for _, s := range texts(4, ".", "a", "_", "Z", "interface{", "}", "é", "\n", "x") {
		check("hasUnexportedName", s, fmt.Sprint(hasUnexportedName(s)), fmt.Sprint(unexported.MatchString(s)))
		check("hasMethodsLiteral", s, fmt.Sprint(hasMethodsLiteral(s)), fmt.Sprint(methods.MatchString(s)))
	}
}
