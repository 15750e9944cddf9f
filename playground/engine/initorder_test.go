package engine

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// A package variable whose initializer reaches, through a function or a
// method of the file, a variable declared after it with an initializer
// is announced (go run initializes that one first: 20 2, the interpreter
// 0 2); a dependency in the initializer itself, or through a literal
// called there, the interpreter orders as Go does, and is not.
func TestInitOrderIsAnnounced(t *testing.T) {
	for _, c := range []struct {
		decls     string
		announced bool
	}{
		{"var a = f()\n\nvar b = 2\n\nfunc f() int { return b * 10 }\n", true},
		{"var a = f()\n\nvar b = 2\n\nfunc f() int { return g() }\n\nfunc g() int { return b }\n", true},
		{"type cfg struct{ n int }\n\nfunc (c cfg) get() int { return c.n + b }\n\nvar a = cfg{1}.get()\n\nvar b = 2\n", true},
		{"var a = b * 10\n\nvar b = 2\n", false},
		{"var a = func() int { return b * 10 }()\n\nvar b = 2\n", false},
		{"var b = 2\n\nvar a = f()\n\nfunc f() int { return b * 10 }\n", false},
		{"var a = f()\n\nvar b int\n\nfunc f() int { return b * 10 }\n", false},
		// Values not yet set in yaegi, whatever the order: a declaration
		// reading its own names, a variable read before var w, h = f()
		// (an attack's: go run 3 6 and 6, the interpreter 3 0 and 0).
		{"var a, b = 3, a * 2\n", true},
		{"var a = w * h\n\nvar w, h = pair()\n\nvar b = 0\n\nfunc pair() (int, int) { return 2, 3 }\n", true},
		{"var w, h = pair()\n\nvar a = w * h\n\nvar b = 0\n\nfunc pair() (int, int) { return 2, 3 }\n", false},
		// yaegi zeroes a variable without a value where it is declared,
		// after the initializers before it (counter 0, go run 2), and
		// runs every blank declaration after the last (2 1, go run 1 2):
		// a third attack's.
		{"var a = next()\n\nvar b = next()\n\nvar counter int\n\nfunc next() int { counter++; return counter }\n", true},
		{"var counter int\n\nvar a = next()\n\nvar b = next()\n\nfunc next() int { counter++; return counter }\n", false},
		{"var _ = f(1)\n\nvar _ = f(2)\n\nvar a, b = 0, 0\n\nfunc f(n int) int { fmt.Println(n); return n }\n", true},
	} {
		src := "package main\n\nimport \"fmt\"\n\n" + c.decls + "\nfunc main() {\n\tfmt.Println(a, b)\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range p.Findings() {
			got = got || f.Construct == "package initialization order"
		}
		if got != c.announced {
			t.Errorf("announced %v, want %v (HandOver %q)\n%s", got, c.announced, p.HandOver(), src)
		}
		if c.announced && !strings.Contains(p.HandOver(), "initialized in the interpreter in another order") {
			t.Errorf("not handed over for it: %q\n%s", p.HandOver(), src)
		}
	}
}

// Package variables whose initializers print, declared in every kind of
// order (a variable read before or after its declaration, through
// another, by one without an initializer, two in one declaration), some
// naming another variable where Go sees none (a struct literal's key, a
// function literal's own local), which yaegi takes for a dependency:
// where initSequence says the interpreter's order is Go's, the
// interpreter prints what go run prints; where it says another, the
// interpreter prints another order (the model of yaegi's order is exact,
// not only cautious). Both kinds must occur. A program yaegi refuses (a
// loop of such false dependencies) goes to Go at run time, and is left.
func TestInitSequenceIsAnnounced(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	var srcs []string
	for range 60 {
		n := 3 + r.IntN(4)
		rank := r.Perm(n) // a variable reads only lower ranks: no cycle in Go
		var b strings.Builder
		b.WriteString("package main\n\nimport \"fmt\"\n\nfunc v(name string, xs ...int) int {\n\tfmt.Println(name)\n\ts := 1\n\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn s\n}\n\ntype T struct{ a, b, c, d, e, f int }\n\n")
		value := func(i int) string {
			name := string(rune('a' + i))
			args := []string{fmt.Sprintf("%q", name)}
			for j := range n {
				if rank[j] < rank[i] && r.IntN(2) == 0 {
					args = append(args, string(rune('a'+j)))
				}
			}
			other := string(rune('a' + r.IntN(n)))
			switch r.IntN(5) {
			case 0:
				return fmt.Sprintf("v(%s, T{%s: 1}.%s)", strings.Join(args, ", "), other, other)
			case 1:
				return fmt.Sprintf("func() int { %s := 1; return v(%s) + %s }()", other, strings.Join(args, ", "), other)
			}
			return fmt.Sprintf("v(%s)", strings.Join(args, ", "))
		}
		for i := 0; i < n; i++ {
			name := string(rune('a' + i))
			switch {
			case r.IntN(6) == 0:
				fmt.Fprintf(&b, "var %s int\n", name)
			case i+1 < n && r.IntN(5) == 0:
				fmt.Fprintf(&b, "var %s, %c = %s, %s\n", name, 'a'+i+1, value(i), value(i+1))
				i++
			default:
				fmt.Fprintf(&b, "var %s = %s\n", name, value(i))
			}
		}
		b.WriteString("\nfunc main() {\n\tfmt.Println(\"main\"")
		for i := range n {
			b.WriteString(", " + string(rune('a'+i)))
		}
		b.WriteString(")\n}\n")
		srcs = append(srcs, b.String())
	}
	goRes := goRunAll(t, srcs)
	announced, same, refused := 0, 0, 0
	for k, src := range srcs {
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		said := false
		for _, f := range p.Findings() {
			said = said || f.Construct == "package initialization order"
		}
		var out bytes.Buffer
		res := Run(context.Background(), src, Options{Stdout: &out, Timeout: 10 * time.Second})
		if res.Refused {
			refused++
			continue
		}
		if res.Err != nil {
			t.Fatalf("interpreter: %v\n%s", res.Err, src)
		}
		agree := out.String() == goRes[k].Stdout
		if said == agree {
			t.Errorf("announced %v, and the interpreter printed\n%s\nwhere go run printed\n%s\n%s", said, out.String(), goRes[k].Stdout, src)
		}
		if said {
			announced++
		} else if !strings.HasPrefix(goRes[k].Stdout, "a\n") || strings.Contains(src, "var a int") {
			same++ // not simply in the order of declaration
		}
	}
	if announced == 0 || same == 0 {
		t.Errorf("of %d programs, %d announced and %d in an order not of declaration run right: the programs do not try both", len(srcs), announced, same)
	}
	t.Logf("%d programs: %d announced, %d others not in the order of declaration, %d refused by the interpreter", len(srcs), announced, same, refused)
}
