//go:build !js

package engine

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestAfterFuncsEndWithTheRun: a function a program left to a timer does
// not fire after the run, where it would spin (or panic) in whatever the
// process runs next, as in the page's interpreter. Go drops it with its
// process.
func TestAfterFuncsEndWithTheRun(t *testing.T) {
	before := goroutinesNow()
	for _, call := range []string{
		"time.AfterFunc(50*time.Millisecond, spin)",
		"ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)\n\t_ = cancel\n\tcontext.AfterFunc(ctx, spin)",
	} {
		src := "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"time\"\n)\n\nvar _ = context.Background\n\nfunc spin() {\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}\n\nfunc main() {\n\t" + call + "\n\tfmt.Println(\"returns\")\n}\n"
		var out strings.Builder
		res := Run(context.Background(), src, Options{Stdout: &out, Stderr: &out, Timeout: 5 * time.Second})
		if res.Err != nil || out.String() != "returns\n" {
			t.Fatalf("%s: %v, printed %q", call, res.Err, out.String())
		}
		time.Sleep(300 * time.Millisecond)
		if n := goroutinesNow() - before; n > 0 {
			t.Errorf("%s: %d goroutines of the program run on after it ended", call, n)
		}
	}
}

func goroutinesNow() int { return len(programGoroutines(nil)) }
