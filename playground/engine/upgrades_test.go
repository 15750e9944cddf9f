package engine

import "testing"

// An interface of the library holding a value of the program's type is
// asked for another interface: announced where a type of the program
// implements it (w.(io.StringWriter), a case io.Closer), or where an
// upgrader looks for a method a type of the program has
// (io.WriteString), or, from an any, where a type of the program
// implements it with methods of its value (y.(fmt.Stringer)); left where
// no type of the program could answer (r.(io.WriterTo) of a
// strings.Reader, io.Copy without ReadFrom or WriteTo, y.(io.Writer)),
// where the value is the library's (io.WriteString(os.Stdout, s)), from
// an any to what only a pointer implements, and to a concrete type.
func TestInterfaceUpgrades(t *testing.T) {
	src := `package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type W struct{ n int }

func (w *W) Write(p []byte) (int, error)       { w.n += len(p); return len(p), nil }
func (w *W) WriteString(s string) (int, error) { return w.Write([]byte(s)) }

type V []int

func (V) String() string { return "v" }

func main() {
	var w io.Writer = &W{}
	_, ok := w.(io.StringWriter)
	var r io.Reader = strings.NewReader("abc")
	_, ok = r.(io.WriterTo)
	var x any = &W{}
	_, ok = x.(io.StringWriter)
	_, ok = w.(*W)
	switch w.(type) {
	case io.Closer, io.StringWriter:
	}
	io.WriteString(w, "s")
	io.Copy(w, r)
	io.WriteString(os.Stdout, "s")
	var y any = V{}
	_, ok = y.(fmt.Stringer)
	_, ok = y.(io.Writer)
	fmt.Fprintln(os.Stdout, ok)
}
`
	if got, want := findingsAt(t, src, "interface upgrade"), "21:14 28:18 30:17 34:13"; got != want {
		t.Errorf("announced at %q, want %q", got, want)
	}
}
