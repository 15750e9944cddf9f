//go:build !js

package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// A run in a process of its own. The interpreter cannot be preempted in a
// tight loop, and a panic in one of its goroutines ends its process: in a
// child both cost nothing but the child, killed at the time limit. The
// child is the current executable started again with childArg: a binary
// whose main calls Host first serves as the engine's host. The child runs
// confined (confine.go): an author's program gets neither the
// build's environment nor its network. Not in the browser's build (js),
// which has no processes.

// childArg, the first argument, makes the process a host for one run
// (Host): the program on stdin, its output on stdout and stderr, its
// status as the process's. An argument, not the environment: a variable
// set for one process is inherited by all it starts, and any binary that
// links this package would serve; an argument reaches only the process
// it is given to, and only one whose main asked to serve.
const childArg = "-gointernals-engine-child"

// endMark, the child's last line on stderr, says the run ended there,
// whatever way the program did; before it, refusedMark says
// Result.Refused and handOverMark starts the line that says
// Result.HandOver. A child that ends without endMark and was not killed
// at its limit was ended by the interpreter itself failing (a panic in a
// goroutine it does not guard ends the whole process): the page then
// loses its interpreter's worker and, on Automatic, runs the program with
// the Go toolchain, and the build says the same (whyCrash).
const (
	endMark      = "engine: end"
	refusedMark  = "engine: refused"
	handOverMark = "engine: hand over: "
)

const whyCrash = "the interpreter itself failed on this program"

// serveChild runs the program on stdin and exits with its status.
func serveChild() {
	src, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	// No time limit here: the parent kills the process at the limit.
	// A child runs as the page runs a program on Automatic.
	res := Run(context.Background(), string(src), Options{Stdout: os.Stdout, Stderr: os.Stderr, HandOver: true})
	if res.Refused {
		fmt.Fprintln(os.Stderr, refusedMark)
	}
	if res.HandOver != "" {
		fmt.Fprintln(os.Stderr, handOverMark+res.HandOver)
	}
	fmt.Fprintln(os.Stderr, endMark)
	os.Exit(res.Status)
}

// ChildResult is how a run in a child process ended.
type ChildResult struct {
	Stdout, Stderr string
	Status         int
	TimedOut       bool   // killed at the time limit (Status 2)
	Refused        bool   // see Result.Refused
	HandOver       string // see Result.HandOver
	// Err says why the program did not end normally, when known: the line
	// of stderr that says it (a compile error, "panic: ...", "fatal error:
	// ..."), ErrTimeout, or why the child could not run.
	Err error
}

// HandedOver is Result.HandedOver for a run in a child.
func (r ChildResult) HandedOver() string {
	return handedOver(r.HandOver, r.Refused, r.Err)
}

// RunInChild runs code in a child process confined by DefaultSandbox,
// killed at limit.
func RunInChild(ctx context.Context, code string, limit time.Duration) ChildResult {
	return DefaultSandbox.RunInChild(ctx, code, limit)
}

// errNotHost is why RunInChild refuses in an executable whose main did
// not call Host.
var errNotHost = errors.New("engine: this executable cannot start the interpreter's child: its main (or TestMain) must call engine.Host first")

// RunInChild runs code in a child process confined by s (no network, no
// inherited environment, nothing left running: see Sandbox), killed at
// limit. Where the executable cannot be found, it runs in this process,
// unconfined. In an executable that did not call Host it runs nothing
// and says so (Err, status 2).
func (s *Sandbox) RunInChild(ctx context.Context, code string, limit time.Duration) ChildResult {
	if !trampolineHost.Load() {
		return ChildResult{Status: 2, Stderr: errNotHost.Error() + "\n", Err: errNotHost}
	}
	self, err := os.Executable()
	if err != nil {
		var out, errb bytes.Buffer
		res := Run(ctx, code, Options{Stdout: &out, Stderr: &errb, Timeout: limit, HandOver: true})
		return ChildResult{Stdout: out.String(), Stderr: errb.String(), Status: res.Status, TimedOut: res.TimedOut, Refused: res.Refused, HandOver: res.HandOver, Err: res.Err}
	}
	var env []string
	if dir := os.Getenv("GOCOVERDIR"); dir != "" {
		// A binary built with -cover (go test -cover) writes its
		// coverage there, and without it warns on stderr.
		env = append(env, "GOCOVERDIR="+dir)
	}
	var out, errb bytes.Buffer
	err = s.Run(ctx, Command{
		Args:    []string{self, childArg},
		Env:     env,
		Stdin:   strings.NewReader(code),
		Stdout:  &out,
		Stderr:  &errb,
		Limit:   limit,
		Isolate: true,
	})
	r := ChildResult{Stdout: out.String(), Stderr: errb.String()}
	ended := false
	r.Stderr, ended = strings.CutSuffix(r.Stderr, endMark+"\n")
	if rest, ok := strings.CutSuffix(r.Stderr, refusedMark+"\n"); ok {
		r.Stderr, r.Refused = rest, true
	}
	if i := strings.LastIndex(r.Stderr, handOverMark); i >= 0 && strings.HasSuffix(r.Stderr, "\n") && !strings.Contains(r.Stderr[i:len(r.Stderr)-1], "\n") {
		r.Stderr, r.HandOver = r.Stderr[:i], r.Stderr[i+len(handOverMark):len(r.Stderr)-1]
	}
	var exit *exec.ExitError
	switch {
	case errors.Is(err, ErrTimeout):
		r.Status, r.TimedOut, r.Err = 2, true, ErrTimeout
	case errors.As(err, &exit):
		r.Status = exit.ExitCode()
		r.Err = firstLineError(r.Stderr)
	case err != nil:
		r.Status, r.Err = 2, err
	}
	if !ended && !r.TimedOut && r.HandOver == "" {
		r.HandOver = whyCrash
	}
	return r
}

// firstLineError keeps the line of stderr that says why the program
// ended (a compile error, "panic: ...", "fatal error: ..."), without the
// interpreter's position trace and the runtime's goroutine dump.
func firstLineError(stderr string) error {
	first := ""
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return errors.New(l)
		}
		if first == "" {
			first = l
		}
	}
	if first == "" {
		return nil
	}
	return errors.New(first)
}
