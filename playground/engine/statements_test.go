package engine

import (
	"strings"
	"testing"
)

// A goto from a select's case back to a label before the select makes
// the interpreter recurse until it dies (selectGotos in detect.go): the
// program is handed to Go. A goto forward, past the select, runs in the
// interpreter (testdata/select_branches.go runs one under both engines).
func TestGotoOutOfASelect(t *testing.T) {
	const head = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ti := 0\n\tch := make(chan int, 1)\ntop:\n\ti++\n\tch <- i\n\tselect {\n\tcase v := <-ch:\n\t\tfmt.Println(v)\n"
	for _, c := range []struct {
		name, body string
		announced  bool
	}{
		{"back, in an if", "\t\tif v < 3 {\n\t\t\tgoto top\n\t\t}\n\t\tgoto done\n\t}\n", true},
		{"back, the case's last statement", "\t\tif v >= 3 {\n\t\t\tgoto done\n\t\t}\n\t\tgoto top\n\t}\n", true},
		{"forward", "\t\tgoto done\n\t}\n\tgoto top\n", false},
	} {
		src := head + c.body + "done:\n\tfmt.Println(\"end\")\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		why := p.HandOver()
		if got := strings.Contains(why, "goto from a select"); got != c.announced {
			t.Errorf("%s: announced %v, want %v (HandOver %q)\n%s", c.name, got, c.announced, why, src)
		}
	}
}

// An assignment of several values that the source pass cannot rewrite
// (in an if's or a for's header, or one whose left side calls) is
// announced; one it rewrites is not.
func TestMultipleAssignmentsLeftAreAnnounced(t *testing.T) {
	const head = "package main\n\nimport \"fmt\"\n\nfunc f() int { return 7 }\n\nfunc main() {\n\ta, b := 1, 2\n\t"
	for _, c := range []struct {
		body      string
		announced bool
	}{
		{"if a, b = f(), 0; a > b {\n\t\tfmt.Println(a, b)\n\t}", true},
		{"for s := []int{}; a < 9; a, s = a+1, append(s, a) {\n\t\tfmt.Println(s, b)\n\t}", true},
		{"a, b = f(), 0\n\tfmt.Println(a, b)", false},
		{"a, b = b+1, a\n\tfmt.Println(a, b)", false},
		// Go calls the left side's f() first, the values' taken first
		// would run before it.
		{"xs := []int{0, 0}\n\txs[f()-6], b = f(), 0\n\tfmt.Println(xs, a, b)", true},
		{"xs := []int{0, 0}\n\txs[a], b = f(), 0\n\tfmt.Println(xs, b)", false},
	} {
		src := head + c.body + "\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		why := p.HandOver()
		if got := strings.Contains(why, "assignment of several values"); got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, why, src)
		}
	}
}

// A panic in a deferred call (a run-time error, a function of the file
// that may panic), with a call deferred before it in the same function
// that would recover it in Go, is announced: the interpreter lets the
// panic leave the function (a caller's recover got it, silently).
// Alone in its function it is not (testdata/repanic_caller.go).
func TestPanicInADeferredCallIsAnnounced(t *testing.T) {
	const head = "package main\n\nimport \"fmt\"\n\nfunc middle() {\n"
	const tail = "\tfmt.Println(\"working\")\n}\n\nfunc boom() { panic(\"boom\") }\n\nfunc main() {\n\tdefer func() { fmt.Println(\"main recovered\", recover()) }()\n\tmiddle()\n}\n"
	for _, c := range []struct {
		body      string
		announced bool
	}{
		{"\tdefer func() { fmt.Println(recover()) }()\n\tdefer func() { panic(\"second\") }()\n", true},
		{"\tdefer func() { fmt.Println(recover()) }()\n\tdefer panic(\"second\")\n", true},
		{"\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tpanic(r)\n\t\t}\n\t}()\n", false},
		{"\tdefer fmt.Println(\"first\")\n\tdefer func() { f := func() { panic(1) }; _ = f }()\n", false},
		// A run-time error, or a function of the file, may panic too.
		{"\tdefer func() { fmt.Println(recover()) }()\n\tdefer func() {\n\t\tvar m map[string]int\n\t\tm[\"a\"] = 1\n\t}()\n", true},
		{"\tdefer func() { fmt.Println(recover()) }()\n\tvar p *int\n\tdefer func() { fmt.Println(*p) }()\n", true},
		{"\tdefer func() { fmt.Println(recover()) }()\n\tdefer boom()\n", true},
		{"\tdefer fmt.Println(\"first\")\n\tdefer func() { fmt.Println(\"second\", recover() != nil, len(\"ab\")) }()\n", false},
		{"\tdefer fmt.Println(\"first\")\n\tdefer fmt.Println(\"second\")\n", false},
		// The second iteration's call runs first.
		{"\tfor _, d := range []int{1, 0} {\n\t\tdefer func() { fmt.Println(recover(), 1/d) }()\n\t}\n", true},
		{"\tfor _, d := range []int{1, 0} {\n\t\tdefer fmt.Println(d)\n\t}\n", false},
	} {
		src := head + c.body + tail
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		why := p.HandOver()
		if got := strings.Contains(why, "panic in a deferred call"); got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, why, src)
		}
	}
}

// A method call deferred in a loop, which the source pass defers as a
// function made at the defer (deferMethodCall: the receiver and the
// arguments are evaluated there, ts[i] among them), is announced as its
// method is: the deferred run is the method's.
func TestDeferredMethodInALoopIsAnnouncedAsItsMethod(t *testing.T) {
	for _, c := range []struct {
		method    string
		announced bool
	}{
		{"func (t *T) Show() { fmt.Println(t.n) }", false},
		{"func (t *T) Show() { panic(t.n) }", true},
	} {
		src := "package main\n\nimport \"fmt\"\n\ntype T struct{ n int }\n\n" + c.method + "\n\nfunc main() {\n\tdefer func() { fmt.Println(recover()) }()\n\tts := []T{{1}, {2}}\n\tfor i := range ts {\n\t\tdefer ts[i].Show()\n\t}\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Code, "func() func()") {
			t.Fatalf("the deferred call is not made at the defer; lowered:\n%s", p.Code)
		}
		why := p.HandOver()
		if got := strings.Contains(why, "panic in a deferred call"); got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, why, src)
		}
	}
}

// &i of a three-clause loop's variable gets the iteration's own i
// (perIterationRewrite, testdata/loop_address.go) and is not announced,
// unless the body declares another i, which a copy back would read: then
// it is. &v of a range's variable is not announced either: the source
// pass gives the body its own copy (testdata/loop_variables.go).
func TestLoopVariableAddressIsAnnounced(t *testing.T) {
	for _, c := range []struct {
		body      string
		announced bool
	}{
		{"var ps []*int\n\tfor i := 0; i < 3; i++ {\n\t\tps = append(ps, &i)\n\t}\n\tfmt.Println(*ps[0])", false},
		{"var ps []*int\n\tfor i := 0; i < 3; i++ {\n\t\tps = append(ps, &i)\n\t\tif i > 0 {\n\t\t\ti := 5\n\t\t\t_ = i\n\t\t}\n\t}\n\tfmt.Println(*ps[0])", true},
		{"var ps []*int\n\tfor _, v := range []int{1, 2} {\n\t\tps = append(ps, &v)\n\t}\n\tfmt.Println(*ps[0])", false},
	} {
		src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\t" + c.body + "\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		why := p.HandOver()
		if got := strings.Contains(why, "each iteration its own"); got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, why, src)
		}
	}
}
