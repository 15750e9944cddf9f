//go:build !js

package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// Confinement of the programs the build runs for content authors (the
// interpreter's child here, the toolchain's binary in generator/snippet).
// A program runs on the build machine as the build's user, next to the
// build's secrets and caches; a Sandbox takes away what a program needs
// none of to print its output:
//
//   - the environment: the build's process is made not dumpable, so its
//     /proc/<pid>/environ is closed to a program of the same user (Linux);
//     a command gets the variables its caller names, and
//     HOME and TMPDIR pointing at a directory made for the run and removed
//     after it (its working directory too, unless Dir says otherwise). A
//     deploy token in the build's environment is not there, and
//     os.UserCacheDir is not the build's cache;
//   - time: at the limit, and again as soon as the command ends, its whole
//     process group is killed, so nothing it started outlives the run
//     (exec.CommandContext kills the direct child only);
//   - memory, on Linux: each process may map at most MemoryLimit bytes of
//     data (RLIMIT_DATA, which a Go program's heap counts against), so a
//     compiler kept busy by a string constant doubled thirty times crashes
//     out of memory instead of taking the machine's. The limit is set on
//     the command's process right after it starts (Go's exec cannot set it
//     before), milliseconds before the go command starts a compiler, which
//     inherits it; it bounds each process, not their sum;
//   - on Linux, with Isolate, the network and the other processes: new
//     user, network and PID namespaces. The network namespace holds only a
//     loopback interface, down. In the PID namespace the program is
//     process 1, and when it ends the kernel kills every process it
//     started, even one that left the process group (setsid). The user
//     namespace maps the build's user to itself, so ids and file owners
//     read the same; it lets an unprivileged user make the other two, and
//     keeps a build running as root from joining the host's network
//     namespace again (that needs privilege over the host's namespaces).
//
// It does not stop a program from reading or writing any file the build's
// user may, by absolute path, nor from using CPU until its limit.

// A Sandbox runs commands confined. The zero value is ready to use. One
// Sandbox serves a whole build (DefaultSandbox, unless a caller makes its
// own): a kernel's refusal of namespaces is found at the first run, said
// once, and not asked again.
type Sandbox struct {
	// Warn receives, once, the line saying that programs run with the
	// network because the kernel refused namespaces (nil: os.Stderr).
	Warn io.Writer
	// MemoryLimit is the data each process of a command may map, in
	// bytes (Linux; 0: no limit).
	MemoryLimit int64
	// FakeRefusal asks the kernel for namespaces in a way it always
	// refuses (EINVAL), as a host that forbids unprivileged namespaces
	// would refuse them: tests run the fallback with it.
	FakeRefusal bool

	refused atomic.Bool
	warned  sync.Once
}

// hideOnce hides the build's own environment (hideEnvironment) before
// the first program runs.
var hideOnce sync.Once

// DefaultSandbox confines RunInChild's runs, and the build's programs
// unless their caller brings its own Sandbox.
var DefaultSandbox = &Sandbox{MemoryLimit: DefaultMemoryLimit}

// DefaultMemoryLimit is far above what compiling or running a snippet
// takes, and below a build machine's memory. Measured on linux/amd64: the
// largest compiler process of go build -a (the whole standard library)
// peaked at 285 MB resident, and a small program maps 40 MB of data.
const DefaultMemoryLimit = 2 << 30

// Command is a command to run in a Sandbox.
type Command struct {
	Args           []string // the program and its arguments
	Dir            string   // the working directory; "" is the run's private directory
	Env            []string // the whole environment but HOME and TMPDIR
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Limit: at this time the command and its process group are killed
	// and Run returns ErrTimeout. Zero is no limit but ctx's.
	Limit time.Duration
	// Isolate runs the command in new user, network and PID namespaces
	// where the kernel gives them (Linux); elsewhere it runs without.
	Isolate bool
}

// Run runs c and returns nil, an *exec.ExitError, ErrTimeout when the
// limit killed it, ctx's error when ctx ended first, or why it could not
// start.
func (s *Sandbox) Run(ctx context.Context, c Command) error {
	hideOnce.Do(hideEnvironment)
	home, err := os.MkdirTemp("", "sandbox-")
	if err != nil {
		return err
	}
	defer removeAll(home)
	isolate := c.Isolate && canIsolate && !s.refused.Load()
	cmd, err := s.start(c, home, isolate)
	if err != nil && isolate && refusedNamespaces(err) {
		// The kernel may refuse namespaces (a host that restricts them
		// to privileged users). The build goes on without them, and says
		// so, once, if the command starts that way.
		var again error
		if cmd, again = s.start(c, home, false); again != nil {
			return again
		}
		s.refused.Store(true)
		s.warned.Do(func() {
			w := s.Warn
			if w == nil {
				w = os.Stderr
			}
			fmt.Fprintf(w, "snippets run with the network and may leave processes that escape their process group: the kernel refused namespaces (%v)\n", err)
		})
	} else if err != nil {
		return err
	}
	limitMemory(cmd.Process, s.MemoryLimit)
	rctx, cancel := ctx, context.CancelFunc(func() {})
	if c.Limit > 0 {
		rctx, cancel = context.WithTimeout(ctx, c.Limit)
	}
	defer cancel()
	stop := context.AfterFunc(rctx, func() { killGroup(cmd.Process) })
	err = cmd.Wait()
	killed := !stop()
	// Whatever the command started dies with it, even when it ended by
	// itself.
	killGroup(cmd.Process)
	switch {
	case killed && ctx.Err() != nil:
		return ctx.Err()
	case killed:
		return ErrTimeout
	case errors.Is(err, exec.ErrWaitDelay):
		// It exited with status 0, but a process it left behind held its
		// output open: that process is killed above.
		return nil
	}
	return err
}

func (s *Sandbox) start(c Command, home string, isolate bool) (*exec.Cmd, error) {
	cmd := exec.Command(c.Args[0], c.Args[1:]...)
	cmd.Dir = c.Dir
	if cmd.Dir == "" {
		cmd.Dir = home
	}
	cmd.Env = append([]string{"HOME=" + home, "TMPDIR=" + home}, c.Env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Stdin, c.Stdout, c.Stderr
	// Wait returns at most this long after the command's end even if a
	// process it left (outside the PID namespace) holds its output open.
	cmd.WaitDelay = time.Second
	setProcAttr(cmd, isolate, s.FakeRefusal)
	return cmd, cmd.Start()
}

// removeAll removes the run's directory even where the program took away
// its own permissions on what it made there.
func removeAll(dir string) {
	if os.RemoveAll(dir) == nil {
		return
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o700)
		}
		return nil
	})
	os.RemoveAll(dir)
}
