package snippet

import (
	"strings"
	"testing"
)

func TestMatchPattern(t *testing.T) {
	cases := []struct {
		pattern, output string
		err             string // "" for a match, else the error's text
	}{
		{"HeapAlloc: {{n}} KB\n", "HeapAlloc: 10466 KB\n", ""},
		{"delta: {{n}}\n", "delta: -3\n", ""},
		{"grew by: {{n 8..}} MB\n", "grew by: 10 MB\n", ""},
		{"grew by: {{n 8..}} MB\n", "grew by: 7 MB\n", "1:10: {{n 8..}}: go run printed 7, less than 8"},
		{"a\nper goroutine: {{n 1024..8192}} bytes\n", "a\nper goroutine: 9000 bytes\n", "2:16: {{n 1024..8192}}: go run printed 9000, more than 8192"},
		{"up to: {{n ..100}}\n", "up to: 100\n", ""},
		{"took {{*}} ms, {{n}} cycles\n", "took 0.25 ms, 3 cycles\n", ""},
		{"took {{*}}\n", "took \n", ""},
		// Literal text is literal: a dot or a parenthesis is no regexp.
		{"f(x) = 1.5\n", "f(x) = 1.5\n", ""},
		{"f(x) = 1.5\n", "f(x) = 105\n", `1:1: go run printed "f(x) = 105", which does not match "f(x) = 1.5"`},
		{"NumGC: {{n}}\n", "NumGC: many\n", `1:1: go run printed "NumGC: many", which does not match "NumGC: {{n}}"`},
		{"a\nb\n", "a\n", "2:1: go run printed 1 lines, the pattern has 2"},
		{"a\n", "a\nb\n", "1:1: go run printed 2 lines, the pattern has 1"},
		{"a\n", "a", "1:1: go run's output does not end with a newline, the pattern's does"},
		// Bad patterns, at the placeholder.
		{"x {{n}} and {{float}}\n", "x 1 and 2\n", "1:13: unknown placeholder {{float}}: the placeholders are {{n}}, {{n MIN..MAX}} and {{*}}"},
		{"ok\nHeapAlloc: {{n KB\n", "ok\nHeapAlloc: 1 KB\n", "2:12: a {{ opens a placeholder that is not closed by }} on its line"},
		{"{{n 8}}\n", "8\n", "1:1: {{n 8}}: write bounds as {{n MIN..MAX}}, either of them may be left out"},
		{"{{n 8..x}}\n", "8\n", `1:1: {{n 8..x}}: "x" is not an integer`},
		{"{{n 9..8}}\n", "8\n", "1:1: {{n 9..8}}: no integer is from 9 to 8"},
	}
	for _, c := range cases {
		err := MatchPattern(c.pattern, c.output)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.err {
			t.Errorf("MatchPattern(%q, %q):\n got %q\nwant %q", c.pattern, c.output, got, c.err)
		}
	}
}

// TestValidatePattern: a program written {engine="exact"
// output="pattern"} runs with go run alone, its output is matched against
// the pattern and recorded, and a mismatch or a bad pattern is an error at
// the pattern's line and column in the file (the output block's lines
// start at line 30, column 5 here).
func TestValidatePattern(t *testing.T) {
	code := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tvar m runtime.MemStats\n\truntime.ReadMemStats(&m)\n\tfmt.Println(\"NumGC:\", m.NumGC)\n\tfmt.Println(\"HeapAlloc:\", m.HeapAlloc>>10, \"KB\")\n}\n"
	mk := func(pattern string) *Snippet {
		s := snip(code, str(pattern))
		s.ExpectedCol = 5
		s.Attrs.Exact, s.Attrs.Pattern = true, true
		return s
	}
	res, errs, st := validate(t, Options{}, mk("NumGC: {{n 0..}}\nHeapAlloc: {{n 1..}} KB\n"))
	if errs != "" {
		t.Fatalf("a matching pattern failed:\n%s", errs)
	}
	r := res[0]
	if r.Status != StatusOK || r.Engine != EngineGo || !r.Fixed || r.Pattern != "NumGC: {{n 0..}}\nHeapAlloc: {{n 1..}} KB\n" || MatchPattern(r.Pattern, r.Output) != nil {
		t.Errorf("recorded %+v", r)
	}
	if st.Engine != 0 {
		t.Errorf("the interpreter ran %d times; engine=\"exact\" is go run's alone", st.Engine)
	}
	cases := []struct{ pattern, want string }{
		// HeapAlloc is more than 0 KB: the bound is at line 2, column 12
		// of the pattern, so 31:16 in the file.
		{"NumGC: {{n 0..}}\nHeapAlloc: {{n ..0}} KB\n", "content/pt/x.md:31:16: snippet 1: {{n ..0}}: go run printed "},
		{"NumGC: {{n}}\nHeap: {{n}} KB\n", "content/pt/x.md:31:5: snippet 1: go run printed \"HeapAlloc: "},
		{"NumGC: {{n}}\nHeapAlloc: {{kb}} KB\n", "content/pt/x.md:31:16: snippet 1: unknown placeholder {{kb}}"},
	}
	for _, c := range cases {
		_, errs, _ := validate(t, Options{}, mk(c.pattern))
		if !strings.Contains(errs, c.want) {
			t.Errorf("pattern %q:\n got %s\nwant it to contain %q", c.pattern, errs, c.want)
		}
	}
}

// TestExactKeyIgnoresTheInterpreter: the cache key of a program written
// {engine="exact"}, which the interpreter never runs, does not hold the
// engine's version (a digest of the interpreter's sources), so a change
// to the interpreter keeps its recorded sample; any other program's does.
func TestExactKeyIgnoresTheInterpreter(t *testing.T) {
	exact := snip(program("\tfmt.Println(1)\n"), str("{{n}}\n"))
	exact.Attrs.Exact, exact.Attrs.Pattern = true, true
	plain := snip(program("\tfmt.Println(1)\n"), str("1\n"))
	if keyWith(exact, "a") != keyWith(exact, "b") {
		t.Error("the interpreter's version changed the key of an engine=\"exact\" program")
	}
	if keyWith(plain, "a") == keyWith(plain, "b") {
		t.Error("the interpreter's version did not change the key of a program it runs")
	}
}

// TestValidateGoDebug: a program written {godebug="gctrace=1"} runs with
// that GODEBUG, and its output is stdout and stderr in the order written:
// the runtime's trace line, then the program's. runtime.GC returns before
// the trace is written (gcMarkTermination wakes its waiters first, and
// prints on another thread), so a program that prints right after it
// interleaves its line with the trace's pieces; ReadMemStats stops the
// world, which waits for the worldsema the GC drops after printing.
func TestValidateGoDebug(t *testing.T) {
	code := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\truntime.GC()\n\tvar m runtime.MemStats\n\truntime.ReadMemStats(&m)\n\tfmt.Println(\"done\")\n}\n"
	s := snip(code, str("gc 1 @{{*}}s {{n}}%: {{*}} (forced)\ndone\n"))
	s.Attrs.Exact, s.Attrs.Pattern, s.Attrs.GoDebug = true, true, "gctrace=1"
	res, errs, _ := validate(t, Options{}, s)
	if errs != "" {
		t.Fatalf("the trace was not matched:\n%s", errs)
	}
	if !strings.HasPrefix(res[0].Output, "gc 1 @") || !strings.HasSuffix(res[0].Output, "(forced)\ndone\n") {
		t.Errorf("recorded %q", res[0].Output)
	}
}
