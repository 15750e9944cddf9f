package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The rewrites' cases, in the manner of cmd/fix's: each rewrite's test
// file, lower_<name>_test.go, adds cases of a program, the code the source
// pass lowers it to, and what it prints. TestRewriteCases holds each case
// to all three: the lowered code exactly, and the output under both
// engines, the interpreter running the lowered code and the Go toolchain
// running the program (all cases in one go build; results are cached by
// the program's text and Go's version, as the corpus's are).

// rewriteCase is a program: declarations, then main with body (both
// written without their indentation; the body gets a tab a line). It
// imports the packages of imported that its code names (pkg.Name).
type rewriteCase struct {
	decls, body string
	// lowered is body as the pass lowers it, loweredDecls the
	// declarations ("" when they stay as they are).
	lowered, loweredDecls string
	out                   string // what the program prints
	exit                  int    // its exit status
	// preempted, when set, names the browser test that holds the case's
	// output exactly, and says why this process cannot: here the
	// interpreter runs under sysmon, which preempts main's goroutine
	// when a loaded machine stalls its thread for 10 ms, and the
	// goroutines it started may then print before main's last line (go
	// run may too, but its main lasts microseconds). In the browser's Go
	// nothing preempts. The native run is then held to what no
	// preemption can change: the status, and go run's output as the
	// output's end.
	preempted string
}

// printCases prints, for a new case, what the pass lowers it to and what
// go run prints, as JSON lines starting "CASE ".
var printCases = flag.Bool("cases.print", false, "print each rewrite case's lowered code and go run's output")

// rewriteCases are the cases by rewrite name, added by the test files.
var rewriteCases = map[string][]rewriteCase{}

func addCases(rewrite string, cases ...rewriteCase) bool {
	rewriteCases[rewrite] = append(rewriteCases[rewrite], cases...)
	return true
}

// imported are the packages a case's program may use.
var imported = []string{"cmp", "context", "errors", "fmt", "maps", "math", "runtime", "slices", "sort", "strconv", "strings", "sync", "time", "unicode/utf8"}

// program returns the case's source, and the lines where its
// declarations and main's body start (1-based).
func (c rewriteCase) program() (src string, declLine, bodyLine int) {
	code := c.decls + "\n" + c.body
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n")
	for _, p := range imported {
		if regexp.MustCompile(`\b` + packageName(p) + `\.`).MatchString(code) {
			b.WriteString("\t\"" + p + "\"\n")
		}
	}
	b.WriteString(")\n\n")
	declLine = strings.Count(b.String(), "\n") + 1
	if c.decls != "" {
		b.WriteString(strings.TrimRight(c.decls, "\n") + "\n\n")
	}
	b.WriteString("func main() {\n")
	bodyLine = strings.Count(b.String(), "\n") + 1
	b.WriteString(indent(strings.TrimRight(c.body, "\n")) + "\n}\n")
	return b.String(), declLine, bodyLine
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "\t" + l
		}
	}
	return strings.Join(lines, "\n")
}

func unindent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "\t")
	}
	return strings.Join(lines, "\n")
}

// linesOf returns n lines of s from line from (1-based).
func linesOf(s string, from, n int) string {
	lines := strings.Split(s, "\n")
	if from-1+n > len(lines) {
		return ""
	}
	return strings.Join(lines[from-1:from-1+n], "\n")
}

func TestRewriteCases(t *testing.T) {
	type named struct {
		rewrite string
		i       int
		c       rewriteCase
	}
	var all []named
	var srcs []string
	for _, r := range rewrites {
		if len(rewriteCases[r.name]) == 0 {
			t.Errorf("rewrite %s has no cases (lower_%s_test.go)", r.name, strings.ToLower(r.name))
		}
		for i, c := range rewriteCases[r.name] {
			all = append(all, named{r.name, i, c})
			src, _, _ := c.program()
			srcs = append(srcs, src)
		}
	}
	if len(rewriteCases) != len(rewrites) {
		t.Errorf("cases for %d rewrites, and %d rewrites", len(rewriteCases), len(rewrites))
	}
	goRes := goRunAll(t, srcs)
	for k, n := range all {
		t.Run(fmt.Sprintf("%s/%d", n.rewrite, n.i), func(t *testing.T) {
			// A case may set runtime.GOMAXPROCS, which the interpreter
			// runs in this process.
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
			c := n.c
			src, declLine, bodyLine := c.program()
			p, err := Prepare(src)
			if err != nil {
				t.Fatal(err)
			}
			bodyLines := strings.Count(strings.TrimRight(c.body, "\n"), "\n") + 1
			lowered := unindent(linesOf(p.Code, bodyLine, bodyLines))
			decls := strings.TrimRight(c.decls, "\n")
			loweredDecls := linesOf(p.Code, declLine, strings.Count(decls, "\n")+1)
			if decls == "" {
				loweredDecls = ""
			}
			wantDecls := c.loweredDecls
			if wantDecls == "" {
				wantDecls = decls
			}
			if lowered != strings.TrimRight(c.lowered, "\n") || loweredDecls != strings.TrimRight(wantDecls, "\n") {
				t.Errorf("lowered to\n%s\n\nmain's body:\n%s\n\nwant declarations:\n%s\n\nwant main's body:\n%s", p.Code, lowered, wantDecls, c.lowered)
			}
			if lowered == strings.TrimRight(c.body, "\n") && loweredDecls == decls {
				t.Errorf("the pass changes nothing in\n%s", src)
			}
			if *printCases {
				j, _ := json.Marshal(map[string]any{"rewrite": n.rewrite, "i": n.i, "lowered": lowered, "loweredDecls": loweredDecls, "out": goRes[k].Stdout, "exit": goRes[k].Status})
				fmt.Printf("CASE %s\n", j)
			}
			if g := goRes[k]; g.Stdout != c.out || g.Status != c.exit {
				t.Errorf("go run: status %d, printed\n%s\nwant status %d,\n%s", g.Status, g.Stdout, c.exit, c.out)
			}
			var o, e bytes.Buffer
			res := Run(context.Background(), src, Options{Stdout: &o, Stderr: &e, Timeout: 10 * time.Second})
			if c.preempted != "" && strings.HasSuffix(o.String(), c.out) && res.Status == c.exit {
				if o.String() != c.out {
					t.Logf("interpreter printed %q before go run's output; %s", strings.TrimSuffix(o.String(), c.out), c.preempted)
				}
			} else if o.String() != c.out || res.Status != c.exit {
				t.Errorf("interpreter: status %d (%v), stderr %q, printed\n%s\nwant status %d,\n%s", res.Status, res.Err, e.String(), o.String(), c.exit, c.out)
			}
		})
	}
}

// goRunAll runs each program with the Go toolchain: those not in the
// cache are built together, one package each, in one go build.
func goRunAll(t *testing.T, srcs []string) []runResult {
	t.Helper()
	out := make([]runResult, len(srcs))
	cacheDir := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cacheDir = filepath.Join(dir, "gointernals", "corpus")
	}
	key := func(src string) string {
		sum := sha256.Sum256([]byte(runtime.Version() + "\x00" + src))
		return hex.EncodeToString(sum[:12])
	}
	dir := t.TempDir()
	var missing []int
	for i, src := range srcs {
		if cacheDir != "" {
			if b, err := os.ReadFile(filepath.Join(cacheDir, key(src)+".json")); err == nil && json.Unmarshal(b, &out[i]) == nil {
				continue
			}
		}
		pkg := filepath.Join(dir, "p"+strconv.Itoa(i))
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		missing = append(missing, i)
	}
	if len(missing) == 0 {
		return out
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module cases\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-ldflags=-s -w", "-o", "bin/", "./...")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	for _, i := range missing {
		out[i] = runProgram(t, filepath.Join(dir, "bin", "p"+strconv.Itoa(i)))
		if cacheDir != "" && os.MkdirAll(cacheDir, 0o755) == nil {
			b, _ := json.Marshal(out[i])
			tmp := filepath.Join(cacheDir, key(srcs[i])+".tmp"+strconv.Itoa(os.Getpid()))
			if os.WriteFile(tmp, b, 0o644) == nil {
				os.Rename(tmp, filepath.Join(cacheDir, key(srcs[i])+".json"))
			}
		}
	}
	return out
}
