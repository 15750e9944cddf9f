package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestGenerate is the differential test on programs nobody in the project
// wrote: TestCorpus's question (does Automatic show what "go run" shows?)
// asked of programs made from seeds (gen_test.go): mutants of the corpus,
// and programs put together from templates of the site's topics. Each is
// built by the toolchain, run twice (GOMAXPROCS=1 the second time; a
// program whose output differs is not deterministic and is dropped), then
// taken as the page takes it on Automatic: Prepare, the toolchain when
// HandOver() names a reason, else the interpreter in a child process,
// handed to the toolchain when the run says so. A fast engine that
// neither hands over nor is refused, yet prints another stdout or exit
// status, is a silent disagreement, and fails the test unless knownSilent
// lists it.
//
//	go test ./playground/engine -run TestGenerate                       # the seed set
//	go test ./playground/engine -run TestGenerate -gen.n=2000 -gen.seed=1000 -timeout=1h
//	go test ./playground/engine -run TestGenerate -gen.n=1 -gen.seed=N -v   # one program again
//	... -gen.min                                                        # and minimise what is silent
var (
	genN    = flag.Int("gen.n", 0, "how many programs TestGenerate makes (0: the seed set)")
	genSeed = flag.Int64("gen.seed", 1, "the seed of TestGenerate's first program")
	genMin  = flag.Bool("gen.min", false, "TestGenerate minimises each silent disagreement it finds")
	genDump = flag.String("gen.dump", "", "a directory where TestGenerate writes every program with its verdict")
)

// seedSet is what plain "go test" generates: under a minute on two busy
// CPUs.
const seedSet = 100

// knownSilent holds silent disagreements found and not fixed yet, by kind
// (why the fast engine differs, with a minimal program in a comment),
// then by the ids of the programs that show it (seed, base, mutations),
// so that a large run fails on new ones only. They are reported with
// t.Log rather than failing; a run that makes one and finds it agreeing
// says so, and its id (or its whole kind, once none is left) is to be
// deleted then. The eleven kinds the first runs found (seeds 1 to 100 and
// 1000 to 3999, 27 programs) are fixed in the source pass or announced by
// Detect; testdata/generated_kinds.go holds the fixed ones to go run.
var knownSilent = map[string][]string{}

// knownWhy says why the program of id is in knownSilent, if it is.
func knownWhy(id string) (string, bool) {
	for why, ids := range knownSilent {
		if slices.Contains(ids, id) {
			return why, true
		}
	}
	return "", false
}

// genVerdict is how one program came out.
type genVerdict int

const (
	vDiscarded genVerdict = iota
	vAgree
	vHandedStatic
	vHandedRun
	vRefused
	vSilent
	vKnown // silent, and in knownSilent
	vFlaky // silent once, agreeing on both reruns
)

type genCase struct {
	p       genProgram
	pkg     string // directory in the batch module
	discard string // why it is not a test
	goRes   runResult
	static  string
	fast    ChildResult
	verdict genVerdict
	note    string
	cached  bool // goRes and discard come from the cache
}

func TestGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every program with the toolchain")
	}
	n := *genN
	if n <= 0 {
		n = seedSet
	}
	start := time.Now()
	g, err := newGenerator()
	if err != nil {
		t.Fatal(err)
	}
	cases := make([]*genCase, n)
	for i := range cases {
		p := g.make(*genSeed + int64(i))
		cases[i] = &genCase{p: p, pkg: fmt.Sprintf("p%06d", p.seed)}
	}
	// Batches keep a module's build short enough to report progress and a
	// failed run's temporary files small.
	const batch = 200
	for lo := 0; lo < len(cases); lo += batch {
		runBatch(t, cases[lo:min(lo+batch, len(cases))])
		if len(cases) > batch {
			t.Logf("generate: %d of %d programs done after %s", min(lo+batch, len(cases)), len(cases), time.Since(start).Round(time.Second))
		}
	}

	counts := map[genVerdict]int{}
	discards := map[string]int{}
	made := map[string]bool{}
	seenKnown := map[string]bool{}
	rejected := 0
	for _, c := range cases {
		rejected += c.p.rejected
		counts[c.verdict]++
		made[c.p.id()] = true
		switch c.verdict {
		case vDiscarded:
			discards[strings.SplitN(c.discard, ":", 2)[0]]++
		case vSilent:
			t.Errorf("SILENT %s\n%s", c.p.id(), c.report())
			if *genMin {
				t.Logf("minimised %s:\n%s", c.p.id(), minimise(t, c))
			}
		case vKnown:
			seenKnown[c.p.id()] = true
			why, _ := knownWhy(c.p.id())
			t.Logf("known silent (%s) %s\n%s", why, c.p.id(), c.report())
		case vFlaky:
			t.Logf("silent once, agreeing when run again: %s\n%s", c.p.id(), c.report())
		}
		if *genDump != "" {
			dump(t, c)
		}
	}
	for _, ids := range knownSilent {
		for _, id := range ids {
			if made[id] && !seenKnown[id] {
				t.Logf("knownSilent %q no longer disagrees silently: delete its entry", id)
			}
		}
	}
	var why []string
	for k, v := range discards {
		why = append(why, fmt.Sprintf("%d %s", v, k))
	}
	sort.Strings(why)
	compared := n - counts[vDiscarded]
	silent := counts[vSilent] + counts[vKnown]
	rate := 0.0
	if compared > 0 {
		rate = 1000 * float64(silent) / float64(compared)
	}
	t.Logf("generate: %d programs (seeds %d to %d; %d mutations rejected by go/types on the way), %d discarded (%s); of %d compared: %d agree, %d handed over (%d before the run, %d during it), %d refused, %d silent (%d of them known), %d silent once only; %.1f silent per 1,000; %s",
		n, *genSeed, *genSeed+int64(n)-1, rejected, counts[vDiscarded], strings.Join(why, ", "), compared,
		counts[vAgree], counts[vHandedStatic]+counts[vHandedRun], counts[vHandedStatic], counts[vHandedRun],
		counts[vRefused], silent, counts[vKnown], counts[vFlaky], rate, time.Since(start).Round(time.Second))
}

func (c *genCase) report() string {
	return fmt.Sprintf("reproduce: go test ./playground/engine -run TestGenerate -gen.n=1 -gen.seed=%d -v\n--- program ---\n%s--- go run (status %d) ---\n%s--- fast engine (status %d%s) ---\n%s--- fast engine's stderr ---\n%s",
		c.p.seed, c.p.src, c.goRes.Status, c.goRes.Stdout, c.fast.Status, c.note, c.fast.Stdout, c.fast.Stderr)
}

func dump(t *testing.T, c *genCase) {
	names := map[genVerdict]string{vDiscarded: "discarded", vAgree: "agree", vHandedStatic: "handed-static", vHandedRun: "handed-run", vRefused: "refused", vSilent: "SILENT", vKnown: "known", vFlaky: "flaky"}
	head := fmt.Sprintf("// %s\n// verdict: %s %s%s\n", c.p.id(), names[c.verdict], c.discard, c.static)
	if c.verdict == vHandedRun {
		head += "// hand over: " + c.fast.HandOver + "\n"
	}
	if err := os.MkdirAll(*genDump, 0o755); err != nil {
		t.Fatal(err)
	}
	out := head + c.p.src
	if c.verdict != vDiscarded {
		out += fmt.Sprintf("\n/* go run (status %d):\n%s*/\n", c.goRes.Status, c.goRes.Stdout)
		if c.verdict != vHandedStatic {
			out += fmt.Sprintf("/* fast (status %d):\n%s*/\n", c.fast.Status, c.fast.Stdout)
		}
	}
	os.WriteFile(filepath.Join(*genDump, fmt.Sprintf("%06d-%s.go", c.p.seed, names[c.verdict])), []byte(out), 0o644)
}

// goEnv is the toolchain's environment for the batch module: no
// workspace, no download of another toolchain.
func goEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-buildvcs=false")
}

var pkgMessage = regexp.MustCompile(`(?m)(p\d{6})/main\.go:\d+:\d+: (.*)$`)

// runBatch builds the cases as main packages of one module (one go vet,
// one go build), then runs them on a pool as wide as the CPUs. What the
// toolchain made of a program is kept in the user's cache, by the
// program's text and Go's version, so that a second run of the seed set
// only runs the fast engine.
func runBatch(t *testing.T, cases []*genCase) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module gen\n\ngo 1.26\n")
	byPkg := map[string]*genCase{}
	for _, c := range cases {
		if strings.Contains(c.p.src, "\n// generator: ") {
			c.discard = "template does not type-check: " + c.p.src[strings.LastIndex(c.p.src, "// generator: "):]
			t.Errorf("%s: %s", c.p.id(), c.discard)
			continue
		}
		if r, ok := genCacheGet(c.p.src); ok {
			c.goRes, c.discard, c.cached = r.runResult, r.Discard, true
			continue
		}
		write(filepath.Join(c.pkg, "main.go"), c.p.src)
		byPkg[c.pkg] = c
	}
	toolchain := func(why string, args ...string) {
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Env = dir, goEnv()
		out, _ := cmd.CombinedOutput()
		for _, m := range pkgMessage.FindAllStringSubmatch(string(out), -1) {
			if c := byPkg[m[1]]; c != nil && c.discard == "" {
				c.discard = why + ": " + m[2]
				genCachePut(c)
				os.RemoveAll(filepath.Join(dir, m[1]))
			}
		}
	}
	if len(byPkg) > 0 {
		toolchain("go vet", "vet", "./...")
		// Without symbols the linker takes half the time; stdout and the
		// exit status do not change.
		toolchain("go build", "build", "-ldflags=-s -w", "-o", "bin/", "./...")
	}

	var wg sync.WaitGroup
	work := make(chan *genCase)
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for c := range work {
				judge(t, c, filepath.Join(dir, "bin", c.pkg))
			}
		})
	}
	for _, c := range cases {
		if c.discard == "" && !c.cached {
			if _, err := os.Stat(filepath.Join(dir, "bin", c.pkg)); err != nil {
				c.discard = "go build: no binary"
			}
		}
		if c.discard == "" {
			work <- c
		}
	}
	close(work)
	wg.Wait()
}

type genCached struct {
	runResult
	Discard string
}

func genCacheFile(src string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(runtime.Version() + "\x00" + src))
	return filepath.Join(dir, "gointernals", "generate", hex.EncodeToString(sum[:12])+".json")
}

func genCacheGet(src string) (genCached, bool) {
	var r genCached
	f := genCacheFile(src)
	if f == "" {
		return r, false
	}
	b, err := os.ReadFile(f)
	return r, err == nil && json.Unmarshal(b, &r) == nil
}

// genCachePut keeps what the toolchain said of c: its output, or why it
// is no test. A time limit or a failed start may be the machine's doing,
// and is not kept.
func genCachePut(c *genCase) {
	f := genCacheFile(c.p.src)
	if f == "" || strings.HasPrefix(c.discard, "timeout") || strings.HasPrefix(c.discard, "run:") {
		return
	}
	b, _ := json.Marshal(genCached{runResult: c.goRes, Discard: c.discard})
	if os.MkdirAll(filepath.Dir(f), 0o755) != nil {
		return
	}
	tmp := f + ".tmp" + strconv.Itoa(os.Getpid())
	if os.WriteFile(tmp, b, 0o644) == nil {
		os.Rename(tmp, f)
	}
}

// buildOne builds a single program into dir, for a check that needs its
// binary when the batch's came from the cache.
func buildOne(dir, src string, flags ...string) (string, error) {
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module one\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644)
	args := append(append([]string{"build"}, flags...), "-o", "prog", ".")
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Env = dir, goEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%v: %s", err, out)
	}
	return filepath.Join(dir, "prog"), nil
}

// address matches a pointer fmt printed: it changes from run to run of
// the interpreter, not always of the toolchain's binary.
var address = regexp.MustCompile(`0xc[0-9a-f]{9}`)

// runBinary runs a built program with extra environment, stopped after
// 10 s, its output kept up to 1 MB.
func runBinary(bin string, env ...string) (runResult, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, bin)
	c.Env = append(os.Environ(), env...)
	var out, errb capped
	c.Stdout, c.Stderr = &out, &errb
	c.WaitDelay = time.Second
	err := c.Run()
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return runResult{}, "timeout: past 10 s"
	case out.over:
		return runResult{}, "output: more than 1 MB"
	case errors.As(err, &exit):
		return runResult{Stdout: out.String(), Status: exit.ExitCode()}, ""
	case err != nil:
		return runResult{}, "run: " + err.Error()
	}
	return runResult{Stdout: out.String()}, ""
}

type capped struct {
	bytes.Buffer
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if c.Len()+len(p) > 1<<20 {
		c.over = true
		return len(p), nil
	}
	return c.Buffer.Write(p)
}

// goRuns runs bin once per environment and says why its output is not a
// reference when two runs differ.
func goRuns(bin string, envs ...string) (runResult, string) {
	var first runResult
	for i, env := range envs {
		var r runResult
		var why string
		if env == "" {
			r, why = runBinary(bin)
		} else {
			r, why = runBinary(bin, env)
		}
		if why != "" {
			return r, why
		}
		if i == 0 {
			first = r
		} else if r != first {
			return r, fmt.Sprintf("nondeterministic: %s prints another output", env)
		}
	}
	if address.MatchString(first.Stdout) {
		return first, "address: prints a pointer"
	}
	return first, ""
}

// judge compares one program's two engines.
func judge(t *testing.T, c *genCase, bin string) {
	if !c.cached {
		c.goRes, c.discard = goRuns(bin, "", "GOMAXPROCS=1")
		genCachePut(c)
		if c.discard != "" {
			return
		}
	}
	c.verdict = fastVerdict(c, 10*time.Second)
	if c.verdict != vSilent {
		return
	}
	if _, known := knownWhy(c.p.id()); known {
		c.verdict = vKnown
		return
	}
	// A silent disagreement fails the test: first make sure it is one. The
	// toolchain's output must not change with more threads, nor under the
	// race detector's scheduler (which also finds a data race)...
	if c.cached {
		var err error
		if bin, err = buildOne(t.TempDir(), c.p.src, "-ldflags=-s -w"); err != nil {
			t.Errorf("%s: building again: %v", c.p.id(), err)
			return
		}
	}
	if _, why := goRuns(bin, "", "GOMAXPROCS=2", "GOMAXPROCS=4", "GOMAXPROCS=8"); why != "" {
		c.verdict, c.discard = vDiscarded, why+" (when confirming)"
		return
	}
	if why := raceCheck(t, c); why != "" {
		c.verdict, c.discard = vDiscarded, why
		return
	}
	// ...and the interpreter must disagree again, given time (a loaded
	// machine slows it more than the binary).
	first := c.fast
	again := 0
	for range 2 {
		if fastVerdict(c, 30*time.Second) == vSilent {
			again++
		}
	}
	c.fast = first
	if again == 0 {
		c.verdict = vFlaky
	} else {
		c.verdict = vSilent
	}
}

// fastVerdict takes the program as Automatic does.
func fastVerdict(c *genCase, limit time.Duration) (v genVerdict) {
	defer func() {
		if r := recover(); r != nil {
			// Prepare runs in the page's and the build's own process:
			// its panic is no hand-over.
			c.note = fmt.Sprintf(", Prepare panicked: %v", r)
			v = vSilent
		}
	}()
	p, err := Prepare(c.p.src)
	if err != nil {
		c.note = ", Prepare: " + err.Error()
		return vSilent
	}
	if c.static = p.HandOver(); c.static != "" {
		return vHandedStatic
	}
	c.fast = RunInChild(context.Background(), c.p.src, limit)
	c.note = ""
	if c.fast.TimedOut {
		c.note = ", timed out"
	}
	switch {
	case c.fast.HandOver != "":
		return vHandedRun
	case c.fast.Refused:
		return vRefused
	case c.fast.Stdout == c.goRes.Stdout && c.fast.Status == c.goRes.Status:
		return vAgree
	}
	return vSilent
}

// raceCheck builds the program with the race detector, whose scheduler
// varies the order of goroutines, and runs it three times: a data race,
// or another output, means the program's output is not forced by its
// synchronisation.
func raceCheck(t *testing.T, c *genCase) string {
	bin, err := buildOne(t.TempDir(), c.p.src, "-race")
	if err != nil {
		return "" // no race detector here: the other checks stand
	}
	for range 3 {
		r, why := runBinary(bin, "GORACE=exitcode=66")
		switch {
		case why != "":
			return why + " (race build)"
		case r.Status == 66:
			return "nondeterministic: a data race"
		case r != c.goRes:
			return "nondeterministic: the race build prints another output"
		}
	}
	return ""
}

// minimise removes what it can from a silent program, statement by
// statement and declaration by declaration, while it stays silent.
func minimise(t *testing.T, c *genCase) string {
	g, err := newGenerator()
	if err != nil {
		t.Fatal(err)
	}
	// outcome builds and runs src in both engines; ok when it still is a
	// test, and silent.
	outcome := func(src string) (*genCase, bool) {
		mc := &genCase{p: genProgram{src: src}}
		if _, err := g.check(src); err != nil {
			return mc, false
		}
		dir := t.TempDir()
		bin, err := buildOne(dir, src, "-ldflags=-s -w")
		if err != nil {
			return mc, false
		}
		vet := exec.Command("go", "vet", ".")
		vet.Dir, vet.Env = dir, goEnv()
		if vet.Run() != nil {
			return mc, false
		}
		if mc.goRes, mc.discard = goRuns(bin, "", "GOMAXPROCS=1"); mc.discard != "" {
			return mc, false
		}
		return mc, fastVerdict(mc, 10*time.Second) == vSilent
	}
	src := c.p.src
	for changed := true; changed; {
		changed = false
		for k := 0; ; k++ {
			next, ok := cut(src, k)
			if !ok {
				break
			}
			next = dropUnusedImports(g, next)
			if _, silent := outcome(next); silent {
				src, changed = next, true
				k--
			}
		}
	}
	mc, _ := outcome(src)
	return fmt.Sprintf("%s--- go run (status %d) ---\n%s--- fast engine (status %d) ---\n%s", src, mc.goRes.Status, mc.goRes.Stdout, mc.fast.Status, mc.fast.Stdout)
}

// cut makes the k-th smaller program: a statement or a declaration
// removed, or a compound statement replaced by its body.
func cut(src string, k int) (string, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.SkipObjectResolution)
	if err != nil {
		return "", false
	}
	m := &mutant{fset: fset, file: f}
	i := 0
	done := false
	// Declarations other than main.
	for j, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "main" && fd.Recv == nil {
			continue
		}
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		if i == k {
			f.Decls = append(f.Decls[:j], f.Decls[j+1:]...)
			done = true
			break
		}
		i++
	}
	if !done {
		ast.Inspect(f, func(n ast.Node) bool {
			if done {
				return false
			}
			b, ok := n.(*ast.BlockStmt)
			if !ok {
				return true
			}
			for j, st := range b.List {
				if i == k {
					b.List = append(b.List[:j], b.List[j+1:]...)
					done = true
					return false
				}
				i++
				var inner *ast.BlockStmt
				switch s := st.(type) {
				case *ast.BlockStmt:
					inner = s
				case *ast.IfStmt:
					inner = s.Body
				case *ast.ForStmt:
					inner = s.Body
				case *ast.RangeStmt:
					inner = s.Body
				}
				if inner != nil {
					if i == k {
						b.List = append(b.List[:j], append(append([]ast.Stmt{}, inner.List...), b.List[j+1:]...)...)
						done = true
						return false
					}
					i++
				}
			}
			return true
		})
	}
	if !done {
		return "", false
	}
	out, err := m.format()
	return out, err == nil
}

// dropUnusedImports removes the imports go/types says are unused.
func dropUnusedImports(g *generator, src string) string {
	for range 10 {
		_, err := g.check(src)
		if err == nil {
			return src
		}
		msg := err.Error()
		i := strings.Index(msg, "\"")
		if !strings.Contains(msg, "imported and not used") || i < 0 {
			return src
		}
		path := msg[i+1:]
		path = path[:strings.Index(path, "\"")]
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "main.go", src, parser.SkipObjectResolution)
		if err != nil {
			return src
		}
		m := &mutant{fset: fset, file: f}
		deleteImport(f, path)
		if src, err = m.format(); err != nil {
			return ""
		}
	}
	return src
}

func deleteImport(f *ast.File, path string) {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for j, sp := range gd.Specs {
			if sp.(*ast.ImportSpec).Path.Value == fmt.Sprintf("%q", path) {
				gd.Specs = append(gd.Specs[:j], gd.Specs[j+1:]...)
				return
			}
		}
	}
}
