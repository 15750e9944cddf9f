package snippet

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func program(body string) string {
	return "package main\n\nimport \"fmt\"\n\nfunc main() {\n" + body + "}\n"
}

func snip(code string, expected *string) *Snippet {
	return &Snippet{ID: "pt-x-1", Page: "content/pt/x.md", Lang: "pt", Index: 1, Line: 10, Col: 5, Code: code, Expected: expected, ExpectedLine: 30}
}

func str(s string) *string { return &s }

func validate(t *testing.T, opts Options, sns ...*Snippet) ([]Result, string, Stats) {
	t.Helper()
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Second
	}
	res, errs, st := Validate(context.Background(), sns, opts)
	return res, errs.Error(), st
}

func TestValidateCases(t *testing.T) {
	cases := []struct {
		name   string
		sn     *Snippet
		status string
		kind   Kind
		errs   []string // substrings of the error text, in order; none means success
	}{
		{"program with matching output", snip(program("\tfmt.Println(\"hi\")\n"), str("hi\n")), StatusOK, Program, nil},
		{"wrong expected output", snip(program("\tfmt.Println(\"hi\")\n"), str("bye\n")), StatusFailed, Program,
			[]string{"content/pt/x.md:30: snippet 1: go run printed\n\thi\nbut the output block says\n\tbye"}},
		{"missing output block", snip(program("\tfmt.Println(\"hi\")\n"), nil), StatusFailed, Program,
			[]string{"content/pt/x.md:10:5: snippet 1: a program needs its expected output"}},
		{"not gofmt-clean", snip("package main\n\nimport \"fmt\"\n\nfunc main() {\n    fmt.Println(\"hi\")\n}\n", str("hi\n")), StatusFailed, Program,
			[]string{"snippet 1: not gofmt-formatted", "-    fmt.Println(\"hi\")", "+\tfmt.Println(\"hi\")"}},
		// undefined: y sits at line 6, column 14 of the code; the code
		// starts at file line 10, column 5: so 15:18.
		{"type error mapped to the file", snip(program("\tfmt.Println(y)\n"), str("\n")), StatusFailed, Program,
			[]string{"content/pt/x.md:15:18: snippet 1: undefined: y"}},
		{"a program that never ends", snip(program("\tfmt.Println(\"start\")\n\tfor {\n\t}\n"), str("start\n")), StatusFailed, Program,
			[]string{"snippet 1: the program did not end within 1s"}},
		{"an undeclared panic", snip(program("\tfmt.Println(\"a\")\n\tpanic(\"boom\")\n"), str("a\n")), StatusFailed, Program,
			[]string{"go run exited with status 2, want 0 (declare an intended status with {exit=N})"}},
		{"a declared panic", func() *Snippet {
			s := snip(program("\tfmt.Println(\"a\")\n\tpanic(\"boom\")\n"), str("a\n"))
			s.Attrs.Exit = 2
			return s
		}(), StatusOK, Program, nil},
		{"unordered output", func() *Snippet {
			s := snip("package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {\n\t\twg.Add(1)\n\t\tgo func(n int) {\n\t\t\tdefer wg.Done()\n\t\t\tfmt.Println(n)\n\t\t}(i)\n\t}\n\twg.Wait()\n}\n", str("2\n0\n1\n"))
			s.Attrs.Unordered = true
			return s
		}(), StatusOK, Program, nil},
		{"statements fragment", snip("x := 1\nx++\n_ = x\n", nil), StatusOK, Fragment, nil},
		{"statements fragment with an error", snip("x := 1\nx = \"s\"\n_ = x\n", nil), StatusFailed, Fragment,
			[]string{"content/pt/x.md:11:9: snippet 1: cannot use \"s\""}},
		{"declarations fragment", snip("type point struct {\n\tx, y int\n}\n", nil), StatusOK, Fragment, nil},
		{"statements fragment with imports", snip("import (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar mu sync.Mutex\nmu.Lock()\nfmt.Println(\"locked\")\n", nil), StatusOK, Fragment, nil},
		// y sits at line 3, column 13 of the code: 12:17 in the file.
		{"fragment error after its import", snip("import \"fmt\"\n\nfmt.Println(y)\n", nil), StatusFailed, Fragment,
			[]string{"content/pt/x.md:12:17: snippet 1: undefined: y"}},
		{"fragment without its import", snip("fmt.Println(1)\n", nil), StatusFailed, Fragment,
			[]string{"content/pt/x.md:10:5: snippet 1: undefined: fmt"}},
		{"declarations fragment with an import, not gofmt-clean", snip("import \"sync\"\n\ntype counter struct {\n\tmu sync.Mutex\n\tn int\n}\n", nil), StatusFailed, Fragment,
			[]string{"not gofmt-formatted", "-\tn int", "+\tn  int"}},
		{"a deadlock declared as such", func() *Snippet {
			s := snip("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int)\n\tfmt.Println(\"waiting\")\n\tch <- 1\n}\n", str("waiting\n"))
			s.Attrs.Exit = 2
			return s
		}(), StatusOK, Program, nil},
		{"a panic in a goroutine, declared", func() *Snippet {
			s := snip("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() {\n\t\tfmt.Println(\"in goroutine\")\n\t\tpanic(\"boom\")\n\t}()\n\t<-done\n}\n", str("in goroutine\n"))
			s.Attrs.Exit = 2
			return s
		}(), StatusOK, Program, nil},
		{"os.Exit skips deferred calls in both", func() *Snippet {
			s := snip("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tdefer fmt.Println(\"never\")\n\tfmt.Println(\"bye\")\n\tos.Exit(3)\n}\n", str("bye\n"))
			s.Attrs.Exit = 3
			return s
		}(), StatusOK, Program, nil},
		{"package file", snip("package runtime\n\ntype waitq struct {\n\tfirst *sudog\n}\n\ntype sudog struct{}\n", nil), StatusOK, Package, nil},
		{"norun program is still checked", func() *Snippet {
			s := snip(program("\tfmt.Println(\"hi\")\n"), nil)
			s.Attrs.NoRun = "needs a network"
			return s
		}(), StatusNoRun, Program, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// A second for the program that never ends; a busy machine
			// may take longer than that to start the interpreter's child
			// for hello world.
			limit := 30 * time.Second
			if slices.ContainsFunc(tc.errs, func(e string) bool { return strings.Contains(e, "did not end") }) {
				limit = time.Second
			}
			res, errs, _ := validate(t, Options{Timeout: limit}, tc.sn)
			if res[0].Status != tc.status || res[0].Kind != tc.kind {
				t.Errorf("status %s kind %s, want %s %s; errors:\n%s", res[0].Status, res[0].Kind, tc.status, tc.kind, errs)
			}
			if tc.errs == nil && errs != "" {
				t.Errorf("unexpected errors:\n%s", errs)
			}
			rest := errs
			for _, want := range tc.errs {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Errorf("errors lack %q:\n%s", want, errs)
					break
				}
				rest = rest[i+len(want):]
			}
		})
	}
}

// TestValidateEngineChoice holds the build to the page's choice of
// engine: a program the interpreter would run differently (Detect says
// so) or cannot run is checked against go run alone, since the page runs
// it with the Go toolchain; the rest must also agree in the interpreter.
func TestValidateEngineChoice(t *testing.T) {
	cases := []struct {
		name, code, want, engine string
		errs                     []string
	}{
		{"plain program: the interpreter", program("\tfmt.Println(\"hi\")\n"), "hi\n", EngineInterpreter, nil},
		// Go initializes b first, since f reads it; the interpreter
		// follows the declarations and would print 0.
		{"package initialization order: the toolchain", "package main\n\nimport \"fmt\"\n\nvar a = f()\nvar b = 2\n\nfunc f() int { return b * 10 }\n\nfunc main() {\n\tfmt.Println(a)\n}\n", "20\n", EngineGo, nil},
		{"range over a function: the toolchain", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tseq := func(yield func(int) bool) { yield(0) }\n\tfor i := range seq {\n\t\tfmt.Println(i)\n\t}\n}\n", "0\n", EngineGo, nil},
		// Handed to the toolchain is not a free pass: go run still checks it.
		{"the toolchain's output still checked", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tseq := func(yield func(int) bool) { yield(0) }\n\tfor i := range seq {\n\t\tfmt.Println(i)\n\t}\n}\n", "1\n", "",
			[]string{"snippet 1: go run printed\n\t0\nbut the output block says\n\t1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			res, errs, _ := validate(t, Options{Timeout: 30 * time.Second}, snip(tc.code, &want))
			if tc.errs == nil {
				if errs != "" || res[0].Status != StatusOK || res[0].Engine != tc.engine {
					t.Errorf("status %s, engine %q, want ok with %q; errors:\n%s", res[0].Status, res[0].Engine, tc.engine, errs)
				}
				return
			}
			for _, w := range tc.errs {
				if !strings.Contains(errs, w) {
					t.Errorf("errors lack %q:\n%s", w, errs)
				}
			}
		})
	}
}

// The notes' two original bugs must keep failing with their messages.
func TestOriginalBugsFail(t *testing.T) {
	handshake, err := os.ReadFile("testdata/handshake_original.go")
	if err != nil {
		t.Fatal(err)
	}
	_, errs, _ := validate(t, Options{}, snip(string(handshake), str("Goroutine: Initializing...\nMain: Initialization completed\n")))
	// <-done is at line 13, column 4 of the program.
	if !strings.Contains(errs, "content/pt/x.md:22:8: snippet 1: undefined: done") {
		t.Errorf("the original handshake should fail with undefined: done, got:\n%s", errs)
	}
	hchan, err := os.ReadFile("testdata/hchan_original.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, errs, _ = validate(t, Options{}, snip(string(hchan), nil))
	// Go parses a field without a type as an embedded field: valid syntax,
	// so the compiler's verdict is a type error, and the message says why.
	for _, want := range []string{
		"snippet 1: not gofmt-formatted",
		"content/pt/x.md:11:9: snippet 1: undefined: qcount (a struct field is a name and a type: qcount alone declares an embedded field of type qcount)",
		"content/pt/x.md:12:9: snippet 1: undefined: dataqsize (a struct field is a name and a type",
		"content/pt/x.md:20:9: snippet 1: undefined: lock (",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("the original hchan should fail with %q, got:\n%s", want, errs)
		}
	}
}

func TestCacheSkipsWorkOnUnchangedSnippets(t *testing.T) {
	dir := t.TempDir()
	sns := []*Snippet{snip(program("\tfmt.Println(1)\n"), str("1\n")), snip(program("\tfmt.Println(2)\n"), str("2\n"))}
	sns[1].ID, sns[1].Index = "pt-x-2", 2
	_, errs, st := validate(t, Options{CacheDir: dir}, sns...)
	if errs != "" || st.Toolchain != 2 || st.Engine != 2 || st.Cached != 0 {
		t.Fatalf("cold run: stats %+v, errors %s", st, errs)
	}
	res, errs, st := validate(t, Options{CacheDir: dir}, sns...)
	if errs != "" || st.Toolchain != 0 || st.Engine != 0 || st.Cached != 2 {
		t.Errorf("warm run did work again: stats %+v, errors %s", st, errs)
	}
	if res[1].ID != "pt-x-2" || res[1].Output != "2\n" {
		t.Errorf("cached result mislabelled: %+v", res[1])
	}
	// A change of expected output is a new key: checked again, and failing.
	sns[0].Expected = str("one\n")
	_, errs, st = validate(t, Options{CacheDir: dir}, sns...)
	if errs == "" || st.Toolchain != 1 {
		t.Errorf("a changed snippet was served from the cache: stats %+v", st)
	}
}

func TestTwinsAgree(t *testing.T) {
	pt := []*Snippet{snip("package main\n\n// comentário\nfunc main() {\n\tprintln(\"a\") // um\n}\n", nil)}
	en := []*Snippet{snip("package main\n\n// a comment\nfunc main() {\n\tprintln(\"a\")\n}\n", nil)}
	en[0].Page = "content/en/x.md"
	if errs := TwinsAgree("content/pt/x.md", pt, "content/en/x.md", en); len(errs) != 0 {
		t.Errorf("twins differing only in comments were reported: %v", errs)
	}
	en[0].Code = "package main\n\n// a comment\nfunc main() {\n\tprintln(\"b\")\n}\n"
	errs := TwinsAgree("content/pt/x.md", pt, "content/en/x.md", en)
	if len(errs) != 2 || !strings.Contains(errs.Error(), "content/pt/x.md:14:14: snippet 1 differs from its twin at content/en/x.md:14:14 (snippet 1) in more than comments: `\"a\"` here, `\"b\"` there") {
		t.Errorf("want the difference on both sides, got:\n%v", errs)
	}
	if errs := TwinsAgree("content/pt/x.md", pt, "content/en/x.md", nil); len(errs) != 2 {
		t.Errorf("a missing twin block should be reported on both pages: %v", errs)
	}
}

func TestIdenticalSnippetsAreProvenOnce(t *testing.T) {
	a := snip(program("\tfmt.Println(1)\n"), str("1\n"))
	b := snip(program("\tfmt.Println(1)\n"), str("1\n"))
	b.ID, b.Page, b.Lang = "en-x-1", "content/en/x.md", "en"
	res, errs, st := validate(t, Options{}, a, b)
	if errs != "" || st.Toolchain != 1 || res[1].ID != "en-x-1" || res[1].Status != StatusOK {
		t.Errorf("stats %+v, results %+v, errors %s", st, res, errs)
	}
	// Failing twins each get their own error, at their own place.
	a.Expected, b.Expected = str("2\n"), str("2\n")
	b.ExpectedLine = 99
	_, errs, _ = validate(t, Options{}, a, b)
	if !strings.Contains(errs, "content/pt/x.md:30:") || !strings.Contains(errs, "content/en/x.md:99:") {
		t.Errorf("want an error for each copy, got:\n%s", errs)
	}
}
