package engine

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goexpert/gointernals/playground/corpus"
)

// expectedOutput reads the trailing "// Output:" comment of a program, as
// in yaegi's own _test/ programs (playground/corpus).
func expectedOutput(t *testing.T, src string) string {
	t.Helper()
	p, err := corpus.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return p.Want
}

func run(t *testing.T, src string, timeout time.Duration) (stdout, stderr string, res Result) {
	t.Helper()
	var o, e bytes.Buffer
	res = Run(context.Background(), src, Options{Stdout: &o, Stderr: &e, Timeout: timeout})
	return o.String(), e.String(), res
}

// TestPrograms runs testdata/*.go in the interpreter and with "go run",
// and checks both against the program's // Output: comment.
func TestPrograms(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.go")
	if len(files) == 0 {
		t.Fatal("no programs")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := expectedOutput(t, string(b))
			got, stderr, res := run(t, string(b), 10*time.Second)
			if res.Status != 0 || res.Err != nil || got != want {
				t.Errorf("interpreter: status %d, err %v, stderr %q\ngot:\n%s\nwant:\n%s", res.Status, res.Err, stderr, got, want)
			}
			cmd := exec.Command("go", "run", file)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go run: %v", err)
			}
			if string(out) != want {
				t.Errorf("go run printed:\n%s\nwant:\n%s", out, want)
			}
		})
	}
}

func TestExitStatusAndMessages(t *testing.T) {
	cases := []struct {
		name, src            string
		status               int
		stdout, stderr, errs string
	}{
		{"os.Exit skips deferred calls",
			"package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tdefer fmt.Println(\"deferred\")\n\tfmt.Println(\"before\")\n\tos.Exit(3)\n}\n",
			3, "before\n", "", ""},
		// An exit status is a byte on the machines go run runs on (Linux
		// keeps the code's low 8 bits): 256 ends with 0, -1 with 255.
		{"os.Exit(256) is status 0",
			"package main\n\nimport \"os\"\n\nfunc main() {\n\tos.Exit(256)\n}\n",
			0, "", "", ""},
		{"os.Exit(-1) is status 255",
			"package main\n\nimport \"os\"\n\nfunc main() {\n\tos.Exit(-1)\n}\n",
			255, "", "", ""},
		{"panic exits 2 after deferred calls",
			"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer fmt.Println(\"deferred\")\n\tpanic(\"boom\")\n}\n",
			2, "deferred\n", "panic: boom\n", "panic: boom"},
		{"panic with an error value",
			"package main\n\nimport \"errors\"\n\nfunc main() {\n\tpanic(errors.New(\"bad\"))\n}\n",
			2, "", "panic: bad\n", "panic: bad"},
		{"a recovered panic prints nothing",
			"package main\n\nimport \"fmt\"\n\nfunc f() {\n\tpanic(\"boom\")\n}\n\nfunc main() {\n\tdefer func() { fmt.Println(\"recovered:\", recover()) }()\n\tf()\n}\n",
			0, "recovered: boom\n", "", ""},
		{"a panic after a recovered one prints only its own frames",
			"package main\n\nfunc f() {\n\tdefer func() { recover() }()\n\tpanic(\"first\")\n}\n\nfunc main() {\n\tf()\n\tpanic(\"second\")\n}\n",
			2, "", "panic: second\n", "panic: second"},
		{"a panic in a goroutine ends the program",
			"package main\n\nfunc main() {\n\tgo func() {\n\t\tpanic(\"in goroutine\")\n\t}()\n\tselect {}\n}\n",
			2, "", "panic: in goroutine\n", "panic: in goroutine"},
		{"a goroutine of a named function, sending on a closed channel",
			"package main\n\nfunc send(ch chan int, v int) {\n\tch <- v\n}\n\nfunc main() {\n\tch := make(chan int, 1)\n\tclose(ch)\n\tgo send(ch, 1)\n\tselect {}\n}\n",
			2, "", "panic: send on closed channel\n", "panic: send on closed channel"},
		{"a goroutine that recovers its own panic goes on",
			"package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tgo func() {\n\t\tdefer func() { fmt.Println(\"recovered:\", recover()) }()\n\t\tpanic(\"boom\")\n\t}()\n\ttime.Sleep(100 * time.Millisecond)\n\tfmt.Println(\"after\")\n}\n",
			0, "recovered: boom\nafter\n", "", ""},
		{"compile error at line:col",
			"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(x)\n}\n",
			1, "", "6:14: undefined: x\n", "6:14: undefined: x"},
		{"syntax error at line:col",
			"package main\n\nfunc main() {\n\tx :=\n}\n",
			1, "", "5:1: expected operand, found '}'\n", "5:1: expected operand"},
		{"os.Stdout and os.Args",
			"package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Fprintln(os.Stdout, len(os.Args))\n\tfmt.Fprintln(os.Stderr, \"to stderr\")\n}\n",
			0, "1\n", "to stderr\n", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, res := run(t, tc.src, 10*time.Second)
			if res.Status != tc.status {
				t.Errorf("status %d, want %d (err %v)", res.Status, tc.status, res.Err)
			}
			if !strings.Contains(stdout, tc.stdout) || (tc.stdout == "" && stdout != "") {
				t.Errorf("stdout %q, want %q", stdout, tc.stdout)
			}
			// A panic's message comes first, then the frames it went through.
			if !strings.HasPrefix(stderr, tc.stderr) || (tc.stderr == "" && stderr != "") {
				t.Errorf("stderr %q, want it to start with %q", stderr, tc.stderr)
			}
			if (tc.errs == "") != (res.Err == nil) || (res.Err != nil && !strings.Contains(res.Err.Error(), tc.errs)) {
				t.Errorf("err %v, want %q", res.Err, tc.errs)
			}
		})
	}
}

func TestTimeLimit(t *testing.T) {
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tfmt.Println(\"start\")\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}\n"
	stdout, _, res := run(t, src, 300*time.Millisecond)
	if !res.TimedOut || res.Err != ErrTimeout || stdout != "start\n" {
		t.Errorf("want a timeout after printing start; got %+v, stdout %q", res, stdout)
	}
}

func TestDetect(t *testing.T) {
	src := `package main

import (
	"fmt"
	"net/http"
)

func main() {
	n := 3
	for i := range n {
		go func() { fmt.Println(i) }()
	}
	for i := 0; i < 3; i++ {
		go func() { fmt.Println(i) }()
		i++
	}
	for _, s := range []string{"a"} {
		defer func() { fmt.Println(s) }()
	}
	fmt.Println(min(1, 2), max(3, n))
	seq := func(yield func(int) bool) {}
	for v := range seq {
		fmt.Println(v)
	}
	var i int
	for i = range n {
	}
	_ = http.StatusOK
}
`
	var got []string
	for _, f := range Detect(src) {
		got = append(got, f.String()[:strings.Index(f.String(), ": ")+2]+f.Construct)
	}
	// What the lowering pass rewrites (range over n with :=, a closure
	// over a range variable or over a loop variable, which the body
	// leaves alone or assigns, a function literal deferred in a loop,
	// min, max) is not reported; what it leaves is.
	want := []string{
		"5:2: package",
		"22:17: range over func",
		"26:6: range assigning",
		"26:16: range over int",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Detect found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f := Detect(src); len(f) > 0 && strings.Contains(f[0].Message, "nil type") {
		t.Error("a finding must say what the construct is, not the interpreter's internals")
	}
}

func TestUnsupportedConstructsAreRefusedInWords(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tseq := func(yield func(int) bool) {}\n\tfor v := range seq {\n\t\tfmt.Println(v)\n\t}\n}\n"
	stdout, stderr, res := run(t, src, 5*time.Second)
	want := "7:17: range over a function (Go 1.23 iterators) is not supported by the interpreter\n"
	if res.Status != 1 || stdout != "" || stderr != want {
		t.Errorf("status %d, stdout %q, stderr:\n%s\nwant:\n%s", res.Status, stdout, stderr, want)
	}
	if strings.Contains(stderr, "nil type") {
		t.Error("the interpreter's internal message leaked")
	}
}

// A compile error after a lowered line is reported at the reader's
// column, not the lowered code's.
func TestErrorPositionsSurviveLowering(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := range 3 { fmt.Println(min(i, 1), undefinedName) }\n}\n"
	_, stderr, res := run(t, src, 5*time.Second)
	if res.Status != 1 || !strings.HasPrefix(stderr, "6:44: ") {
		t.Errorf("status %d, stderr %q; want an error at 6:44", res.Status, stderr)
	}
}

func TestExitFromAGoroutine(t *testing.T) {
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tdefer fmt.Println(\"deferred\")\n\tgo func() {\n\t\tos.Exit(4)\n\t}()\n\tselect {}\n}\n"
	stdout, _, res := run(t, src, 5*time.Second)
	if res.Status != 4 || res.Err != nil || stdout != "" {
		t.Errorf("want status 4 and nothing printed; got %+v, stdout %q", res, stdout)
	}
}

func TestRecoverDoesNotCatchExit(t *testing.T) {
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tdefer func() {\n\t\tfmt.Println(\"recovered:\", recover())\n\t}()\n\tos.Exit(5)\n}\n"
	stdout, _, res := run(t, src, 5*time.Second)
	if res.Status != 5 || stdout != "" {
		t.Errorf("want status 5 and no deferred call; got %+v, stdout %q", res, stdout)
	}
}

// runtime.NumGoroutine counts the program's goroutines as Go would: not
// the host's, nor those an earlier run left behind, and a goroutine from
// the moment its go statement ran.
func TestNumGoroutineCountsTheProgramsOwn(t *testing.T) {
	// An earlier run ends by os.Exit with a goroutine still blocked.
	leftover := "package main\n\nimport \"os\"\n\nfunc main() {\n\tgo func() { select {} }()\n\tos.Exit(0)\n}\n"
	if _, stderr, res := run(t, leftover, 5*time.Second); res.Status != 0 {
		t.Fatalf("the earlier run: status %d, %s", res.Status, stderr)
	}
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.NumGoroutine())\n\tfor range 3 {\n\t\tgo func() { select {} }()\n\t}\n\tfmt.Println(runtime.NumGoroutine())\n}\n"
	stdout, stderr, res := run(t, src, 5*time.Second)
	if res.Status != 0 || stdout != "1\n4\n" {
		t.Errorf("status %d, stdout %q (stderr %q); want \"1\\n4\\n\", as go run prints", res.Status, stdout, stderr)
	}
}

// What looks at the process's own frames is announced, not refused: the
// interpreter runs it, with the host's frames (runtime.Caller gave a line
// of yaegi's source where go run gives the program's).
func TestHostIntrospectionIsAnnounced(t *testing.T) {
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"runtime/debug\"\n)\n\nfunc main() {\n\t_, _, line, _ := runtime.Caller(0)\n\tfmt.Println(line, len(debug.Stack()) > 0)\n}\n"
	var got []string
	for _, f := range Detect(src) {
		got = append(got, fmt.Sprintf("%d:%d %s unsupported=%v", f.Line, f.Col, f.Construct, f.Unsupported))
	}
	want := []string{"10:19 host introspection unsupported=false", "11:24 host introspection unsupported=false"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Detect found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// cap of a slice the program grows with append is announced: go run gave
// 4 where the interpreter gave 1 (Go 1.26 puts a small first append on
// the stack when the slice does not escape). cap of a slice only made, or
// of a channel, is not.
func TestCapAfterAppendIsAnnounced(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\ntype bag struct{ items []int }\n\nfunc main() {\n\tvar s []int\n\ts = append(s, 1)\n\tb := bag{}\n\tb.items = append(b.items, 1)\n\tm := make([]int, 0, 5)\n\tch := make(chan int, 3)\n\tfmt.Println(cap(s), cap(b.items), cap(m), cap(ch))\n}\n"
	detectedAt(t, src, []string{"14:14 capacity", "14:22 capacity"})
}

// cap of a slice converted from a string, of such a conversion, or of a
// part of either, is announced: go run gave 5 for cap([]byte("hello"))
// and 31 for cap([]byte(s)[1:3]) where the interpreter gave 8 and 7 (a
// probe's program). cap of a slice only made is not.
func TestCapOfConversionIsAnnounced(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := \"hello\"\n\tb := []byte(s)\n\tvar r = []rune(s)\n\tm := make([]byte, 0, 5)\n\tfmt.Println(cap(b), cap(r[1:]), cap([]byte(s)[1:3]), cap(m), len(b))\n}\n"
	detectedAt(t, src, []string{"10:14 capacity", "10:22 capacity", "10:34 capacity"})
}

// cap of what the program's function that appends returns, directly or
// through a variable, is announced (a Filter appending to a nil slice:
// go run gave cap 3, the interpreter 4; a probe's program), and so is
// cap of a variable given part of a converted slice (31 and 7). cap of
// what a function that does not append returns is not.
func TestCapOfDerivedSlicesIsAnnounced(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nfunc Filter[T any](xs []T) (out []T) {\n\tfor _, x := range xs {\n\t\tout = append(out, x)\n\t}\n\treturn out\n}\n\nfunc mk() []int { return make([]int, 2, 9) }\n\nfunc main() {\n\ts := Filter([]int{2, 4, 6})\n\tb := []byte(\"hello\")\n\tb2 := b[1:3]\n\tm := mk()\n\tfmt.Println(cap(s), cap(Filter[int](nil)), cap(b2), cap(m), cap(mk()))\n}\n"
	detectedAt(t, src, []string{"19:14 capacity", "19:22 capacity", "19:45 capacity"})
}

// A review's programs whose capacity the check missed: a slice passed as
// a parameter (go run 5, the interpreter 8), returned by a function
// converting it, by a wrapper of a function that appends (3 and 4), as
// the first of two results, set in a composite literal's field, and an
// append to a slice kept by another (b1[1], b2[1] printed 3 3 under go
// run, 2 3 in the interpreter). A three-index slice's capacity is the
// program's, and a library function's result go run's.
func TestCapPassedOnIsAnnounced(t *testing.T) {
	src := `package main

import (
	"fmt"
	"strings"
)

type T struct{ b []byte }

func show(b []byte) { fmt.Println(cap(b)) }

func toBytes(s string) []byte { return []byte(s) }

func F(xs []int) (out []int) {
	for _, x := range xs {
		out = append(out, x)
	}
	return
}

func W(xs []int) []int { return F(xs) }

func F2(xs []int) ([]int, int) { return F(xs), len(xs) }

func main() {
	show([]byte("hello"))
	fmt.Println(cap(toBytes("hello")), cap(W([]int{1, 2, 3})))
	a, _ := F2([]int{1, 2, 3})
	t := T{b: []byte("hello")}
	fmt.Println(cap(a), cap(t.b))
	var q []int
	q = append(q, 1)
	b1 := append(q, 2)
	b2 := append(q, 3)
	fmt.Println(b1[1], b2[1], cap(q[:1:1]), cap(strings.Fields("a b")))
}
`
	detectedAt(t, src, []string{"10:35 capacity", "27:14 capacity", "27:37 capacity",
		"30:14 capacity", "30:22 capacity", "33:8 capacity after append", "34:8 capacity after append"})
}

// Sharing an array shows a capacity too (probes' programs, each silent
// before): a function appending to its parameter and writing s[0] changed
// the caller's s[0] under go run (cap 4), not in the interpreter (cap 3);
// a := s, then appends to both, printed 3 and 2; a part of an appended
// slice appended to, what a function gives back of its parameter appended
// to. cap of a conversion to the program's slice type
// (Bytes("hello"): 5 and 8) or of what a function literal returns (3 and
// 4) is announced, its making unknown. Not announced: a slice passed to a
// function that only reads it, a part of a library function's result or
// of a made one appended to (their capacity is the language's), a stack
// popping itself, a channel's and an array's cap.
func TestSharedArrayIsAnnounced(t *testing.T) {
	src := `package main

import (
	"fmt"
	"strings"
)

type Bytes []byte

func addAndChange(s []int) {
	s = append(s, 4)
	s[0] = 100
}

func sum(xs []int) (n int) {
	for _, x := range xs {
		n += x
	}
	return n
}

func main() {
	var s []int
	s = append(s, 1, 2, 3)
	addAndChange(s)
	fmt.Println(s[0], sum(s))
	a := s
	s = append(s, 2)
	a = append(a, 3)
	t := s[:2]
	t = append(t, 9)
	mk := func() []int { return append([]int(nil), 1, 2, 3) }
	fmt.Println(cap(Bytes("hello")), cap(mk()), a, t)
	parts := strings.Split("a,b,c", ",")
	first := append(parts[:1], "X")
	m := make([]int, 2, 10)
	m2 := m[:1]
	m2 = append(m2, 7)
	st := []int{1, 2, 3}
	st = st[:len(st)-1]
	ch := make(chan int, 3)
	var arr [4]int
	fmt.Println(first, m, m2, st, cap(ch), cap(arr))
	h := head(s, 1)
	h = append(h, 5)
	fmt.Println(s[1], h)
}

func head(xs []int, n int) []int { return xs[:n] }
`
	detectedAt(t, src, []string{"25:15 shared array", "27:7 shared array", "30:7 shared array", "33:14 capacity", "33:35 capacity", "44:12 shared array"})
}

// A review's programs the first capacities missed, each silent (go run's
// output first): a struct copied whole whose slice both copies append to
// (3 4 and 3 3), a value receiver's field appended (4 4, 3 4), a named
// slice type's value method, a struct param, a positional literal
// holding a slice, a conversion to a named slice type, a getter giving
// back its receiver's slice, an appending function called through a
// value or a literal (100, 1), a library Append (strconv.AppendInt: both
// a87654321, or a12345678 first), slices.Sort on a shared slice (the
// lowered helper), and a range variable named like a made slice.
// Not announced: a map of slices grown in place, a slice passed by the
// same name to a function that only reads it.
func TestSharedArraysOfTheReview(t *testing.T) {
	src := `package main

import (
	"fmt"
	"slices"
	"strconv"
)

type Bag struct{ items []int }

func (b Bag) With(x int) Bag {
	b.items = append(b.items, x)
	return b
}

func (b Bag) Items() []int { return b.items }

type Stack []int

func (s Stack) Push(v int) Stack { return append(s, v) }

type IntList []int

type Wrapper struct{ items []int }

func add(xs []int) {
	xs = append(xs, 4)
	xs[0] = 100
}

func sum(nums []int) (n int) {
	for _, x := range nums {
		n += x
	}
	return n
}

func main() {
	var a Bag
	a.items = append(a.items, 1, 2)
	b := a
	b.items = append(b.items, 3)
	var st Stack
	st = st.Push(1)
	var nums []int
	nums = append(nums, 1, 2)
	w := Wrapper{nums}
	w.items = append(w.items, 3)
	l := IntList(nums)
	l = append(l, 3)
	x := a.Items()
	x = append(x, 3)
	f := add
	f(nums)
	buf := []byte("a")
	y := strconv.AppendInt(buf[:1], 12345678, 10)
	c := nums
	nums = append(nums, 0)
	slices.Sort(nums)
	s := []int{1, 2, 3}
	for _, s := range [1][]int{nums} {
		fmt.Println(cap(s), len(s))
	}
	groups := map[int][]string{}
	groups[1] = append(groups[1], "a")
	fmt.Println(b, st, w, l, x, y, c, s, groups, sum(nums))
}
`
	detectedAt(t, src, []string{"12:12 shared array", "20:43 capacity after append", "20:43 shared array", "27:7 shared array",
		"41:7 shared array", "47:15 shared array", "49:15 shared array", "51:7 shared array", "56:7 capacity after append",
		"57:7 shared array", "62:15 capacity"})
}

// A closure or an address of a three-clause loop's variable in the loop's
// condition or post statement is announced (a probe's programs: closures
// made in the condition printed 2 2 2 for go run's 0 1 2, pointers taken
// in the post statement 3 3 3 for 1 2 3); a use of the variable there is
// not.
func TestLoopHeaderCaptureIsAnnounced(t *testing.T) {
	src := `package main

import "fmt"

func main() {
	var fs []func() int
	var ps []*int
	keep := func(f func() int) bool { fs = append(fs, f); return len(fs) < 3 }
	for i := 0; keep(func() int { return i }); i++ {
	}
	for i := 0; i < 3; fs = append(fs, func() int { return i }) {
		i++
	}
	next := func(p *int) int { ps = append(ps, p); return *p + 1 }
	for i := 0; i < 3; i = next(&i) {
	}
	for i := 0; i < len(fs); i++ {
	}
	for i := 0; func() bool { fs = append(fs, func() int { return i }); return i < 2 }(); i++ {
	}
	fmt.Println(len(fs), len(ps))
}
`
	detectedAt(t, src, []string{"9:39 loop variable capture", "11:57 loop variable capture", "15:30 address of a loop variable", "19:64 loop variable capture"})
}

// With Options.HandOver, a run stops when the program recovers a runtime
// error the interpreter words in its own way (an index out of range), so
// that the page runs it with the Go toolchain. A panic the program raises
// itself, or a runtime error that reads as in Go (a nil map write), is
// recovered as in Go, and the run goes on.
func TestHandOverOnARecoveredRuntimeError(t *testing.T) {
	runtimeErr := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer func() { fmt.Println(\"recovered:\", recover()) }()\n\tvar s []int\n\tfmt.Println(\"before\")\n\ts[5] = 1\n}\n"
	own := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer func() { fmt.Println(\"recovered:\", recover()) }()\n\tpanic(\"boom\")\n}\n"
	sameWords := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer func() { fmt.Println(\"recovered:\", recover()) }()\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}\n"
	var out bytes.Buffer
	res := Run(context.Background(), runtimeErr, Options{Stdout: &out, Timeout: 5 * time.Second, HandOver: true})
	if !strings.Contains(res.HandOver, "runtime error") {
		t.Errorf("a recovered index out of range: HandOver %q (status %d, stdout %q); want a reason", res.HandOver, res.Status, out.String())
	}
	out.Reset()
	res = Run(context.Background(), runtimeErr, Options{Stdout: &out, Timeout: 5 * time.Second})
	if res.HandOver != "" || res.Status != 0 {
		t.Errorf("without HandOver the run goes on: %+v", res)
	}
	out.Reset()
	res = Run(context.Background(), own, Options{Stdout: &out, Timeout: 5 * time.Second, HandOver: true})
	if res.HandOver != "" || out.String() != "recovered: boom\n" {
		t.Errorf("the program's own panic: HandOver %q, stdout %q; want none and \"recovered: boom\\n\"", res.HandOver, out.String())
	}
	out.Reset()
	res = Run(context.Background(), sameWords, Options{Stdout: &out, Timeout: 5 * time.Second, HandOver: true})
	if res.HandOver != "" || out.String() != "recovered: assignment to entry in nil map\n" {
		t.Errorf("a recovered nil map write: HandOver %q, stdout %q; want none and Go's words", res.HandOver, out.String())
	}
	if cr := RunInChild(context.Background(), runtimeErr, 5*time.Second); cr.HandOver == "" {
		t.Errorf("in a child: %+v; want the hand-over", cr)
	}
}

// fmt shows the interpreter's structs with an X before an unexported
// field's name under %+v, and without their names under %T and %#v: a
// verb is found with whatever flags and width it has, in types declared
// in a function and in struct types written out too. A struct embedding
// another is announced only when something prints fields' names.
func TestPrintedTypes(t *testing.T) {
	for _, c := range []struct {
		lit            string
		typeVerb, plus bool
	}{
		{`"%T"`, true, false}, {`"%-10T|"`, true, false}, {`"%#v"`, true, false}, {`"%# v"`, true, false},
		{`"%#x"`, false, false}, {`"%+d"`, false, false}, {`"a + b"`, false, false}, {`"%v %d"`, false, false},
		{`"%+v"`, false, true}, {`"%-+8v"`, false, true}, {`"%+[1]v"`, false, true}, {"`%+v`", false, true},
		{`"%+"`, false, true}, {`"%#"`, true, false},
	} {
		if typeVerb(c.lit) != c.typeVerb || verbFlag(c.lit) != c.plus {
			t.Errorf("%s: type verb %v, plus flag %v; want %v, %v", c.lit, typeVerb(c.lit), verbFlag(c.lit), c.typeVerb, c.plus)
		}
	}
	constructs := func(src string) string {
		var got []string
		for _, f := range Detect(src) {
			got = append(got, f.Construct)
		}
		return strings.Join(got, ", ")
	}
	local := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ttype pt struct{ x, y int }\n\tfmt.Printf(\"%-+8v\\n\", pt{1, 2})\n}\n"
	if got := constructs(local); got != "embedded struct printed" {
		t.Errorf("a type declared in main, under %%-+8v: Detect found %q", got)
	}
	// A struct type written out is named as reflect names it
	// (typeVerbs), unless a field is embedded or tagged.
	literal := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ta := struct{ name string }{\"ann\"}\n\tfmt.Printf(\"%T\\n\", a)\n}\n"
	if got := constructs(literal); got != "" {
		t.Errorf("a struct type written out, under %%T: Detect found %q", got)
	}
	if got := constructs(strings.Replace(literal, "name string }", "name string `json:\"n\"` }", 2)); got != "type names" {
		t.Errorf("a struct type written out with a tag, under %%T: Detect found %q", got)
	}
	// In a program go/types judges, %T and %#v of values whose types it
	// knows are not announced: the source pass writes the names the
	// interpreter lacks for %T, and hands %#v of the program's own types
	// to Show (typeVerbs); %T or %#v of an interface are. In a program it
	// does not judge (p unused: a compile error) they are all announced.
	for _, c := range []struct {
		call  string
		names bool
	}{
		{`fmt.Printf("%T %T %#v\n", p.Scale, twice, []int{p.x})`, false},
		{`fmt.Printf("%T\n", p.Move)`, false}, // func(int) main.point
		{`fmt.Printf("%-8T|%v\n", time.Second*2, p)`, false},
		{`fmt.Printf("%T\n", p)`, false},
		{`fmt.Printf("%T\n", &p)`, false},
		{`fmt.Printf("%T\n", any(1))`, true},
		{`fmt.Printf("%T\n", p.Move(1))`, false},
		{`fmt.Printf("%[1]T\n", twice)`, true},
		{`fmt.Printf("%T %d\n", twice)`, true},
		{`s := fmt.Sprintf("%T", strings.Fields("a")); fmt.Println(s)`, true},
		{`f := "%T\n"; fmt.Printf(f, twice)`, true},
		{`fmt.Printf("%T %#v\n", p, p)`, false},
		{`fmt.Printf("%T %#v\n", p, []any{p})`, true},
		{`fmt.Printf("%T %#v\n", p, []int{p.x})`, false},
	} {
		src := "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\t\"time\"\n)\n\nvar _ = strings.Fields\n\ntype point struct{ x int }\n\nfunc (p point) Move(d int) point { return point{p.x + d} }\n\nfunc (p point) Scale(k int) int { return p.x * k }\n\nfunc twice(n int) int { return 2 * n }\n\nfunc main() {\n\tp := point{1}\n\t_ = time.Second\n\t" + c.call + "\n}\n"
		if got := strings.Contains(constructs(src), "type names"); got != c.names {
			t.Errorf("%s: announced %v, want %v (%s)", c.call, got, c.names, constructs(src))
		}
	}
	// A value of a type parameter: the interpreter names the type it is
	// instantiated with as its own (int for a main.myint).
	// A name go/types spells otherwise than reflect: a type declared in
	// a generic function (main.box where reflect says main.box[int]).
	// (An alias, main.P for main.Point, is written as reflect has it:
	// []main.Point.)
	for _, src := range []string{
		"package main\n\nimport \"fmt\"\n\nfunc F[T any](v T) {\n\ttype box struct{ v T }\n\tfmt.Printf(\"%T\\n\", box{v})\n}\n\nfunc main() {\n\tF(1)\n}\n",
	} {
		if got := constructs(src); got != "type names" {
			t.Errorf("%s: Detect found %q", src, got)
		}
	}
	// min and max of a type without methods handed to fmt: %T of it is
	// written; kept in a variable, it has the underlying type.
	minMax := "package main\n\nimport \"fmt\"\n\ntype celsius float64\n\nfunc main() {\n\tt := celsius(2)\n\tfmt.Printf(\"%v %T\\n\", max(t, 1), min(t, 1))\n}\n"
	if got := constructs(minMax); got != "" {
		t.Errorf("min and max of a celsius printed by fmt: Detect found %q", got)
	}
	if got := constructs(strings.Replace(minMax, "min(t, 1))", "t)\n\tm := min(t, 1)\n\tfmt.Println(m)", 1)); got != "min/max of a named type" {
		t.Errorf("min of a celsius kept in a variable: Detect found %q", got)
	}
	generic := "package main\n\nimport \"fmt\"\n\ntype myint int\n\nfunc zero[T any]() {\n\tvar s T\n\tfmt.Printf(\"%T\\n\", s)\n}\n\nfunc main() {\n\tzero[myint]()\n}\n"
	if p, err := Prepare(generic); err != nil || !strings.Contains(p.HandOver(), "%T") {
		t.Errorf("%%T of a type parameter's value: HandOver %q, err %v", p.HandOver(), err)
	}
	embedded := "package main\n\nimport \"fmt\"\n\ntype base struct{ id int }\n\ntype item struct {\n\tbase\n\tname string\n}\n\nfunc main() {\n\tfmt.Println(item{base{1}, \"a\"})\n\tfmt.Printf(\"%v %d\\n\", item{}, 3)\n}\n"
	if got := constructs(embedded); got != "" {
		t.Errorf("a struct embedding another, printed with %%v: Detect found %q", got)
	}
}

// What fmt would print otherwise than Go because of how the interpreter
// builds the program's structs is handed over when it is printed
// (symbols.Printed), or announced when the program declares it. (A
// value whose type go/types knows is printed as Go does, by Show: here
// each is held in an any.)
func TestPrintedOtherwiseIsHandedOver(t *testing.T) {
	const head = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n"
	for _, c := range []struct{ name, src, handOver, construct string }{
		{"a Duration in an unexported field (Go prints 1000000000, the interpreter 1s)",
			head + "type job struct {\n\tid    int\n\tafter time.Duration\n}\n\nfunc main() {\n\tfmt.Println(\"start\")\n\tfmt.Println([]any{job{1, time.Second}})\n}\n",
			"time.Duration in an unexported field", ""},
		{"%+v of an unexported field (Go prints id:, the interpreter Xid:)",
			head + "type job struct{ id int }\n\nvar _ = time.Second\n\nfunc main() {\n\tvar x any = job{1}\n\tfmt.Printf(\"%+v\\n\", x)\n}\n",
			"(Xid)", ""},
		{"an any holding a value of a type with methods (the interpreter printed its wrapper, {0xc000... {...}})",
			head + "type word string\n\nfunc (w word) Shout() string { return string(w) + \"!\" }\n\nvar _ = time.Second\n\nfunc main() {\n\tvar x any = word(\"a\")\n\tfmt.Println(x)\n\tfmt.Println([]any{word(\"b\")})\n}\n",
			"the interpreter's wrapper", "interface holds a copy"},
		{"a struct embedding time.Duration (Go prints its String)",
			head + "type span struct {\n\ttime.Duration\n}\n\nfunc main() {\n\tfmt.Println(span{time.Second})\n}\n",
			"", "promoted method"},
	} {
		p, err := Prepare(c.src)
		if err != nil {
			t.Fatal(err)
		}
		found := ""
		for _, f := range p.Findings() {
			if !f.AtRunTime {
				found = f.Construct
			}
		}
		if found != c.construct {
			t.Errorf("%s: Prepare announces %q, want %q", c.name, found, c.construct)
		}
		if c.handOver == "" {
			continue
		}
		r := RunInChild(context.Background(), c.src, 10*time.Second)
		if !strings.Contains(r.HandOver, c.handOver) {
			t.Errorf("%s: the run was not handed over for it (status %d, hand over %q, stdout %q)", c.name, r.Status, r.HandOver, r.Stdout)
		}
	}
}

// Standard input reads as empty, as go run's with nothing to read: fmt.Scanln
// gets EOF, whatever the process's own standard input holds (the
// browser's has none, and reading it failed with "not implemented on
// js"). The test gives the process a standard input with a line on it.
func TestStandardInputIsEmpty(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := w.WriteString("gopher\n"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	src := `package main

import "fmt"

func main() {
	var name string
	n, err := fmt.Scanln(&name)
	fmt.Println(n, err, name == "")
	_, err = fmt.Scan(&name)
	fmt.Println(err)
}
`
	var out, errs bytes.Buffer
	res := Run(context.Background(), src, Options{Stdout: &out, Stderr: &errs, Timeout: 10 * time.Second})
	if want := "0 EOF true\nEOF\n"; out.String() != want || res.Status != 0 {
		t.Errorf("status %d (%v), stderr %q, printed %q; want %q (go run with nothing on standard input)", res.Status, res.Err, errs.String(), out.String(), want)
	}
}

// detectedAt fails t unless Detect finds in src exactly want, each
// "line:col construct", in order.
func detectedAt(t *testing.T, src string, want []string) {
	t.Helper()
	var got []string
	for _, f := range Detect(src) {
		got = append(got, fmt.Sprintf("%d:%d %s", f.Line, f.Col, f.Construct))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Detect found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A probe's shapes: a function giving back its parameter, or a method
// its receiver's field, through a local (r := s; return r), and an
// append to what bytes.TrimSpace or bytes.Cut gives back, share the
// caller's array; bytes' part of a slice has its capacity. A
// method giving back a package's variable gives nothing of its receiver
// (a review's: the receiver and "not a parameter" were one index).
func TestSharedArraysOfTheProbe(t *testing.T) {
	src := `package main

import (
	"bytes"
	"fmt"
)

var global = make([]int, 2, 10)

type Bag struct{ items []int }

func (b Bag) Items() []int { return global }

func keep(s []int) []int {
	r := s
	return r
}

type Greeting struct{ raw []byte }

func (g *Greeting) Bytes() []byte {
	b := g.raw
	return b
}

func main() {
	var s []int
	s = append(s, 1)
	x := keep(s)
	x = append(x, 2)
	x[0] = 9
	b := []byte(fmt.Sprint(" hi "))
	t := bytes.TrimSpace(b)
	t = append(t, '!')
	fmt.Println(s, string(b), cap(bytes.TrimPrefix([]byte("ab"), []byte("a"))))
	for _, bag := range []Bag{{}} {
		y := bag.Items()
		fmt.Println(cap(y))
	}
	g := &Greeting{raw: []byte("hello")}
	left := g.Bytes()
	left = append(left, '!')
	fmt.Println(string(left))
	line := []byte(fmt.Sprint("a = 1234"))
	_, val, _ := bytes.Cut(line, []byte("="))
	val = append(val, ';')
	fmt.Println(string(line), string(val))
}
`
	detectedAt(t, src, []string{"29:12 shared array", "33:23 shared array", "35:28 capacity", "41:10 shared array", "45:25 shared array"})
}
