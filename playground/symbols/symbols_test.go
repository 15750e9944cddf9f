package symbols

import (
	"io"
	"path"
	"slices"
	"testing"
)

// The table is the playground's sandbox: what it holds is what a reader's
// program can reach.
func TestOnlyThePagesPackages(t *testing.T) {
	want := []string{
		"bytes", "container/heap", "context", "errors", "fmt",
		"math", "math/rand", "runtime", "runtime/debug", "sort", "strconv",
		"strings", "sync", "sync/atomic", "time", "unicode/utf8",
	}
	var got []string
	for k := range Symbols {
		got = append(got, path.Dir(k)) // keys are "import/path/name"
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("packages:\n%v\nwant:\n%v", got, want)
	}
	for k, syms := range Symbols {
		if len(syms) == 0 {
			t.Errorf("%s: empty table", k)
		}
	}
}

func TestOSIsSmall(t *testing.T) {
	os := OS(io.Discard, io.Discard, func(int) {})["os/os"]
	var names []string
	for name := range os {
		names = append(names, name)
	}
	slices.Sort(names)
	if want := []string{"Args", "Exit", "Getenv", "Stderr", "Stdout"}; !slices.Equal(names, want) {
		t.Errorf("os exports %v, want %v", names, want)
	}
}
