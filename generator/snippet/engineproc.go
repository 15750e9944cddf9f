package snippet

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/goexpert/gointernals/playground/engine"
)

// engineEnv, set in a child's environment, turns the process into a host
// for one engine run: the program on stdin, its output on stdout and
// stderr, its status as the process's.
const engineEnv = "GOINTERNALS_SNIPPET_ENGINE"

// The child side of runEngine. It runs before main (or the test runner) so
// that any binary linking this package can serve as the engine's host.
func init() {
	if os.Getenv(engineEnv) != "1" {
		return
	}
	src, err := io.ReadAll(os.Stdin)
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(3)
	}
	// No time limit here: the parent kills the process at the limit. With
	// no timer of its own the process is left to the program alone, so the
	// Go runtime itself reports a deadlock, at once and in Go's words.
	res := engine.Run(context.Background(), string(src), engine.Options{Stdout: os.Stdout, Stderr: os.Stderr})
	os.Exit(res.Status)
}

// engineRun is how the interpreter ran a program.
type engineRun struct {
	stdout, stderr string
	status         int
	timedOut       bool
	err            error // why it did not end normally, when known
}

// runEngine runs code with playground/engine in a child process, the
// current executable started again as an engine host. A process, unlike a
// goroutine, can be killed: a program spinning in a tight loop would
// otherwise hold a CPU until the build ends, and a panic in one of its
// goroutines would end the build itself. Where the executable cannot be
// found, the engine runs in this process.
func runEngine(ctx context.Context, code string, limit time.Duration) engineRun {
	self, err := os.Executable()
	if err != nil {
		return runEngineHere(ctx, code, limit)
	}
	rctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd := exec.CommandContext(rctx, self)
	cmd.Env = append(os.Environ(), engineEnv+"=1")
	cmd.Stdin = bytes.NewReader([]byte(code))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.WaitDelay = time.Second
	err = cmd.Run()
	r := engineRun{stdout: out.String(), stderr: errb.String()}
	var exit *exec.ExitError
	switch {
	case rctx.Err() == context.DeadlineExceeded:
		r.status, r.timedOut, r.err = 2, true, engine.ErrTimeout
	case errors.As(err, &exit):
		r.status = exit.ExitCode()
		r.err = firstLineError(r.stderr)
	case err != nil:
		r.status, r.err = 2, err
	}
	return r
}

func runEngineHere(ctx context.Context, code string, limit time.Duration) engineRun {
	var out, errb bytes.Buffer
	res := engine.Run(ctx, code, engine.Options{Stdout: &out, Stderr: &errb, Timeout: limit})
	return engineRun{stdout: out.String(), stderr: errb.String(), status: res.Status, timedOut: res.TimedOut, err: res.Err}
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
