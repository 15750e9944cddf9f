package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/goexpert/gointernals/playground/corpus"
)

// The differential corpus: testdata/corpus holds small programs, one idea
// each, whose trailing comment says what "go run" prints (and, when not 0,
// its exit status):
//
//	// Exit: 2
//	// Output:
//	// first line
//
// TestCorpus checks each program's comment against the real toolchain,
// then runs it through the fast engine (lowering, yaegi) and reports how
// often the two agree. A disagreement that Detect does not announce is a
// silent one, the worst outcome for a reader, and fails the test.

// loadCorpus reads the corpus (playground/corpus parses each program).
func loadCorpus(t *testing.T) []corpus.Program {
	t.Helper()
	ps, err := corpus.Load(filepath.Join("testdata", "corpus", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

type runResult struct {
	Stdout string
	Status int
}

// goRun builds and runs src with the toolchain, cached by its hash and the
// Go version in the user cache directory.
func goRun(t *testing.T, src string) runResult {
	sum := sha256.Sum256([]byte(runtime.Version() + "\x00" + src))
	key := hex.EncodeToString(sum[:12])
	cacheDir := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cacheDir = filepath.Join(dir, "gointernals", "corpus")
		if b, err := os.ReadFile(filepath.Join(cacheDir, key+".json")); err == nil {
			var r runResult
			if json.Unmarshal(b, &r) == nil {
				return r
			}
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module corpus\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-o", "prog", ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	r := runProgram(t, filepath.Join(dir, "prog"))
	if cacheDir != "" && os.MkdirAll(cacheDir, 0o755) == nil {
		b, _ := json.Marshal(r)
		tmp := filepath.Join(cacheDir, key+".tmp"+strconv.Itoa(os.Getpid()))
		if os.WriteFile(tmp, b, 0o644) == nil {
			os.Rename(tmp, filepath.Join(cacheDir, key+".json"))
		}
	}
	return r
}

// runProgram runs a built program, stopped after 15 s (status -1).
func runProgram(t *testing.T, prog string) runResult {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, prog)
	var out bytes.Buffer
	c.Stdout = &out
	c.WaitDelay = time.Second
	err := c.Run()
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return runResult{Stdout: out.String(), Status: -1}
	case errors.As(err, &exit):
		return runResult{Stdout: out.String(), Status: exit.ExitCode()}
	case err != nil:
		t.Fatal(err)
	}
	return runResult{Stdout: out.String()}
}

func TestCorpus(t *testing.T) {
	programs := loadCorpus(t)
	if len(programs) == 0 {
		t.Fatal("no program in testdata/corpus")
	}
	if len(programs) < 80 {
		t.Errorf("the corpus has %d programs; it must keep at least 80, across the language and the site's topics", len(programs))
	}
	type outcome struct {
		p         corpus.Program
		goRes     runResult
		fast      ChildResult
		findings  []Finding
		announced string // Prepared.HandOver: Automatic runs it with Go
		agree     bool
		corpusBad bool
	}
	results := make([]outcome, len(programs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.NumCPU())
	for i, p := range programs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			o := outcome{p: p, goRes: goRun(t, p.Source), findings: Detect(p.Source)}
			if prep, err := Prepare(p.Source); err == nil {
				o.announced = prep.HandOver()
			}
			o.corpusBad = o.goRes.Stdout != p.Want || o.goRes.Status != p.Exit
			o.fast = RunInChild(context.Background(), p.Source, 15*time.Second)
			o.agree = o.fast.Stdout == o.goRes.Stdout && o.fast.Status == o.goRes.Status
			results[i] = o
		}()
	}
	wg.Wait()

	// A program agrees alone when the fast engine runs it on Automatic
	// (not announced before the run, not handed over during it) and
	// prints what go run prints. One announced that would in fact print
	// the same is counted apart: Automatic gives it to Go.
	alone, announcedSame, handed, detected, refused, silent := 0, 0, 0, 0, 0, 0
	var report strings.Builder
	for _, o := range results {
		if o.corpusBad {
			t.Errorf("%s: go run printed (status %d)\n%s\nbut its // Output: says (status %d)\n%s", o.p.Name, o.goRes.Status, o.goRes.Stdout, o.p.Exit, o.p.Want)
			continue
		}
		switch {
		case o.agree && o.announced == "":
			alone++
			continue
		case o.agree:
			announcedSame++
			fmt.Fprintf(&report, "\n  announced %s (the same output): %s", o.p.Name, strings.SplitN(o.announced, "\n", 2)[0])
		case o.fast.HandOver != "":
			// The run stopped for the toolchain, as Automatic does.
			handed++
			fmt.Fprintf(&report, "\n  handed    %s: %s", o.p.Name, o.fast.HandOver)
		case len(o.findings) > 0:
			detected++
			fmt.Fprintf(&report, "\n  detected  %s: %s", o.p.Name, o.findings[0])
		case o.fast.Refused:
			// The interpreter said it could not run the program: a reader
			// sees that, not a wrong output.
			refused++
			fmt.Fprintf(&report, "\n  refused   %s", o.p.Name)
		default:
			silent++
			t.Errorf("%s: the fast engine disagrees with go run and Detect says nothing:\n  go run (status %d): %q\n  engine (status %d): %q",
				o.p.Name, o.goRes.Status, o.goRes.Stdout, o.fast.Status, o.fast.Stdout)
			fmt.Fprintf(&report, "\n  SILENT    %s", o.p.Name)
		}
	}
	n := len(results)
	t.Logf("corpus: %d programs; the fast engine alone agrees with go run on %d (%.1f%%); of the %d others %d are announced though the fast engine prints the same, %d were handed over during the run, %d are announced by Detect, %d refused by the interpreter, %d silent%s",
		n, alone, 100*float64(alone)/float64(n), n-alone, announcedSame, handed, detected, refused, silent, report.String())
}
