package snippet

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goexpert/gointernals/playground/engine"
)

// runProgram runs the program with the toolchain and, when the page would
// run it in the interpreter, with the interpreter too, and checks both
// against the expected output and exit status. res.Engine says which
// engine the page uses.
func (v *validator) runProgram(ctx context.Context, sn *Snippet, pr *problem, res *Result) {
	if sn.Expected == nil {
		pr.at(0, 0, "a program needs its expected output: add an ```output block right after it (or {norun=\"why\"} if it cannot run)")
		return
	}
	want := *sn.Expected
	expLine := sn.ExpectedLine

	goOut, goStatus, goErr := v.goRun(ctx, sn.Code, sn.Attrs.GoDebug)
	v.count(func(s *Stats) { s.Toolchain++ })
	if goErr != nil {
		pr.at(0, 0, "%v", goErr)
		return
	}
	res.Output, res.Exit = goOut, goStatus
	if goStatus != sn.Attrs.Exit {
		pr.at(0, 0, "go run exited with status %d, want %d%s", goStatus, sn.Attrs.Exit, exitHint(sn.Attrs.Exit))
	}
	switch {
	case sn.Attrs.Pattern:
		// The figures vary: the output block is a pattern, and what this
		// run printed is the page's sample (cached with the result, so a
		// build that finds it cached shows the same one).
		if err := MatchPattern(want, goOut); err != nil {
			pe := err.(*PatternError)
			pr.errs.Add(sn.Page, expLine+pe.Line-1, sn.ExpectedCol+pe.Col-1, "snippet %d: %s; go run printed\n%s", sn.Index, pe.Msg, indent(goOut))
		}
	case !sameOutput(goOut, want, sn.Attrs.Unordered):
		pr.errs.Add(sn.Page, expLine, 0, "snippet %d: go run printed\n%s\nbut the output block says\n%s", sn.Index, indent(goOut), indent(want))
	}

	// The page's choice of engine on Automatic, made by the same code
	// (engine.BeforeRun, then ChildResult.HandedOver once the run ended):
	// what the interpreter would run differently, or refuses, goes to the
	// Go toolchain. The toolchain is go run's own compiler, so go run's
	// output above is what the page prints.
	res.Engine = EngineGo
	if sn.Attrs.Exact {
		return // {engine="exact"}: the page never gives it to the interpreter
	}
	if engine.BeforeRun(engine.Prepare(sn.Code)) != "" {
		return
	}
	start := time.Now()
	er := v.opts.Sandbox.RunInChild(ctx, sn.Code, v.opts.Timeout)
	v.count(func(s *Stats) { s.Engine++; s.EngineTime += time.Since(start) })
	if er.HandedOver() != "" {
		return
	}
	res.Engine = EngineInterpreter
	switch {
	case er.TimedOut:
		pr.at(0, 0, "the interpreter did not end within the %v time limit; go run did%s", v.opts.Timeout, silent)
	case er.Status != goStatus:
		msg := ""
		if er.Err != nil {
			msg = ": " + inFile(sn, er.Err.Error())
		}
		pr.at(0, 0, "the interpreter exited with status %d, go run with %d%s%s", er.Status, goStatus, msg, silent)
	case !sameOutput(er.Stdout, goOut, sn.Attrs.Unordered):
		pr.at(0, 0, "the interpreter printed\n%s\nbut go run printed\n%s%s", indent(er.Stdout), indent(goOut), silent)
	}
}

func exitHint(want int) string {
	if want == 0 {
		return " (declare an intended status with {exit=N})"
	}
	return ""
}

// silent follows a disagreement the page would not catch: Detect found
// nothing, so the page runs the interpreter and shows its output.
const silent = "\nthe playground would show the interpreter's output, which Detect (playground/engine/detect.go) does not announce: teach Detect this construct or change the snippet"

// inFile rewrites the "line:col: " prefixes of the engine's messages,
// which count in the snippet's code, to positions in the file.
func inFile(sn *Snippet, msg string) string {
	return codePos.ReplaceAllStringFunc(msg, func(m string) string {
		var line, col int
		fmt.Sscanf(m, "%d:%d:", &line, &col)
		return fmt.Sprintf("%s:%d:%d:", sn.Page, sn.Line+line-1, sn.Col+col-1)
	})
}

var codePos = regexp.MustCompile(`(?m)^\d+:\d+:`)

func sameOutput(got, want string, unordered bool) bool {
	if !unordered {
		return got == want
	}
	a, b := strings.Split(got, "\n"), strings.Split(want, "\n")
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func indent(s string) string {
	if s == "" {
		return "\t(nothing)"
	}
	return "\t" + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n\t")
}

// goRun builds the program in a temporary module, within the build's
// time limit, and runs the binary confined, within the program's, returning
// its stdout and exit status. With godebug, the program runs with that
// GODEBUG, and output is its stdout and stderr through one pipe, in the
// order it wrote them (what the runtime's traces write is on stderr).
func (v *validator) goRun(ctx context.Context, code, godebug string) (output string, status int, err error) {
	env, err := toolchainEnv()
	if err != nil {
		return "", 0, err
	}
	dir, err := os.MkdirTemp("", "snippet-")
	if err != nil {
		return "", 0, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module snippet\n\ngo 1.26\n"), 0o644); err != nil {
		return "", 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(code), 0o644); err != nil {
		return "", 0, err
	}
	bin := filepath.Join(dir, "prog")
	// go build runs none of the author's code, but a few lines can keep
	// the compiler busy for minutes and gigabytes (a string constant
	// doubled thirty times is 16 GiB): it has a time limit too, each of
	// its processes the sandbox's memory limit, and what the go command
	// starts dies with it. Besides its private directory (where it
	// works) it may write its module's directory and the build's own Go
	// build cache only: a private cache would compile the standard
	// library again for every snippet (6.7 s for fmt, sync and time on 2
	// CPUs, against 0.06 s), and the author's program, which runs below,
	// cannot write the shared one.
	var out bytes.Buffer
	start := time.Now()
	err = v.opts.Sandbox.Run(ctx, engine.Command{
		Args:     []string{"go", "build", "-o", bin, "."},
		Dir:      dir,
		Env:      env,
		Stdout:   &out,
		Stderr:   &out,
		Limit:    v.opts.BuildTimeout,
		Isolate:  true,
		Writable: append([]string{dir}, goCache(env)...),
	})
	v.count(func(s *Stats) { s.BuildTime += time.Since(start) })
	switch {
	case errors.Is(err, engine.ErrTimeout):
		return "", 0, fmt.Errorf("go build did not finish within %v (a constant that grows without bound, such as a string doubled again and again, keeps the compiler busy)", v.opts.BuildTimeout)
	case err != nil && v.opts.Sandbox.MemoryLimit > 0 && compilerCrash.MatchString(out.String()):
		// The crash's first line, not the compiler's goroutines
		// (hundreds of lines of them).
		return "", 0, fmt.Errorf("go build crashed: %s\n(each of its processes may map %d MiB; a constant that grows without bound, such as a string doubled again and again, takes more)", compilerCrash.FindString(out.String()), v.opts.Sandbox.MemoryLimit>>20)
	case err != nil:
		return "", 0, fmt.Errorf("go build failed:\n%s", indent(out.String()))
	}
	start = time.Now()
	defer func() { v.count(func(s *Stats) { s.RunTime += time.Since(start) }) }()
	var stdout, stderr bytes.Buffer
	run := engine.Command{
		Args:    []string{bin},
		Stdout:  &stdout,
		Stderr:  &stderr,
		Limit:   v.opts.Timeout,
		Isolate: true,
	}
	if godebug != "" {
		// The same writer for both: os/exec gives the program one pipe.
		run.Stderr = &stdout
		run.Env = []string{"GODEBUG=" + godebug}
	}
	err = v.opts.Sandbox.Run(ctx, run)
	if errors.Is(err, engine.ErrTimeout) {
		return stdout.String(), 0, fmt.Errorf("the program did not end within %v (printed so far:\n%s)", v.opts.Timeout, indent(stdout.String()))
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return stdout.String(), exit.ExitCode(), nil
	}
	if err != nil {
		return "", 0, err
	}
	return stdout.String(), 0, nil
}

// compilerCrash is the first line of a Go runtime's crash, which is how
// the compiler ends at the memory limit: "fatal error: runtime: out of
// memory", "fatal error: runtime: cannot allocate memory", or a SIGSEGV
// where the runtime does not check what the kernel refused it.
var compilerCrash = regexp.MustCompile(`(?m)^(fatal error: |SIGSEGV: |unexpected fault address ).*$`)

// toolchainEnv is go build's whole environment. The go command needs the
// PATH (to find the C compiler the standard library may use) and its
// caches, which it is told where they are, as the build's go command
// resolves them, so that snippets share the build's compiled standard
// library; GOROOT and GOTOOLCHAIN pass when the build has them, so the same
// toolchain compiles. Nothing else of the build's environment passes, and
// the go command is kept offline. HOME and TMPDIR come from the sandbox.
var toolchainEnv = sync.OnceValues(func() ([]string, error) {
	cmd := exec.Command("go", "env", "-json", "GOCACHE", "GOMODCACHE", "GOPATH", "CGO_ENABLED")
	cmd.Dir = os.TempDir() // no go.mod there to switch toolchains
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v (is Go installed and on PATH?)", err)
	}
	var vars map[string]string
	if err := json.Unmarshal(out, &vars); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	env := []string{"GOWORK=off", "GOPROXY=off", "GOFLAGS="}
	for _, k := range slices.Sorted(maps.Keys(vars)) {
		env = append(env, k+"="+vars[k])
	}
	for _, k := range []string{"PATH", "GOROOT", "GOTOOLCHAIN"} {
		if val, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+val)
		}
	}
	// The sandbox makes it writable for go build only if it exists.
	for _, dir := range goCache(env) {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return nil, err
		}
	}
	return env, nil
})

// goCache is env's Go build cache, if it is a directory (not "off").
func goCache(env []string) []string {
	for _, kv := range env {
		if dir, ok := strings.CutPrefix(kv, "GOCACHE="); ok && filepath.IsAbs(dir) {
			return []string{dir}
		}
	}
	return nil
}
