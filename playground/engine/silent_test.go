package engine

import (
	"context"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/goexpert/gointernals/playground/corpus"
)

// TestFoundSilent runs testdata/silent: programs on which the fast engine
// once printed something other than go run with nothing said (found by
// strangers and reviewers, each as small as it was found). Each must now
// be handed over, before the run (Prepare) or during it, or print what go
// run prints; its trailing // Output: is checked against go run first, so
// the expectation is Go's, not the engine's.
func TestFoundSilent(t *testing.T) {
	programs, err := corpus.Load(filepath.Join("testdata", "silent", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	if len(programs) == 0 {
		t.Fatal("no program in testdata/silent")
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.NumCPU())
	for _, p := range programs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if g := goRun(t, p.Source); g.Stdout != p.Want || g.Status != p.Exit {
				t.Errorf("%s: go run printed (status %d)\n%s\nbut its // Output: says (status %d)\n%s", p.Name, g.Status, g.Stdout, p.Exit, p.Want)
				return
			}
			prep, err := Prepare(p.Source)
			if err == nil && prep.HandOver() != "" {
				return // announced: Automatic runs it with Go
			}
			r := RunInChild(context.Background(), p.Source, 15*time.Second)
			if r.HandOver != "" || r.Stdout == p.Want && r.Status == p.Exit {
				return
			}
			t.Errorf("%s: silent: the fast engine prints (status %d)\n%s\nwhere go run prints (status %d)\n%s", p.Name, r.Status, r.Stdout, p.Exit, p.Want)
		}()
	}
	wg.Wait()
}
