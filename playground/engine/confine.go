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
	"strings"
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
//     /proc/<pid>/environ is closed to a program of the same user (Linux;
//     but for the moments it starts a command with the view, below:
//     startAt);
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
//     read the same; it lets an unprivileged user make the others (with
//     the view only: startAt), and keeps a build running as root from
//     joining the host's network namespace again (that needs privilege
//     over the host's namespaces);
//   - on Linux, with Isolate, writing files: a new mount namespace, too,
//     in which every mount is read-only but the run's private directory
//     and the directories the command names (Writable: go build's output
//     and build cache), and /proc is the PID namespace's own (the host's
//     would lead to the root directory of the user's other processes,
//     writable). The program gets no capability, even where the build
//     runs as root, so it cannot make the view writable again. The view
//     is set up by the trampoline (trampoline.go), which needs the
//     executable to call Host first in main.
//
// It does not stop a program from reading any file the build's user may,
// by absolute path, nor from using CPU until its limit; nor, without the
// view, from writing any file that user may.

// A Sandbox runs commands confined. The zero value is ready to use. One
// Sandbox serves a whole build (DefaultSandbox, unless a caller makes its
// own): a kernel's refusal of namespaces is found at the first run, said
// once, and not asked again.
type Sandbox struct {
	// Warn receives, once each, the lines saying what programs may do
	// because the kernel refused namespaces, or the read-only view (nil:
	// os.Stderr).
	Warn io.Writer
	// MemoryLimit is the data each process of a command may map, in
	// bytes (Linux; 0: no limit).
	MemoryLimit int64
	// FakeRefusal asks the kernel for namespaces in a way it always
	// refuses (EINVAL), as a host that forbids unprivileged namespaces
	// would refuse them: tests run the fallback with it.
	FakeRefusal bool

	// Tests only: the trampoline refuses the view as a kernel that
	// forbids mounting in a user namespace would (fakeViewRefusal), or
	// makes it as on Linux before 5.12 (remountEach).
	fakeViewRefusal, remountEach bool

	noNamespaces, noView   atomic.Bool
	warnedNS, warnedNoView sync.Once
}

// A level is how much of the confinement a run gets. A refusal lowers it
// for the rest of the build.
type level int

const (
	bare       level = iota // the environment, the process group, the limits
	namespaced              // and user, network and PID namespaces
	viewed                  // and a mount namespace with the read-only view
)

// A refusal is the kernel's refusal of a level: the command did not
// start, and may at a lower level.
type refusal struct{ err error }

func (r *refusal) Error() string { return r.err.Error() }

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
	// Isolate runs the command in new user, network, PID and mount
	// namespaces where the kernel gives them (Linux); elsewhere it runs
	// without.
	Isolate bool
	// Writable are absolute directories, which must exist, that an
	// isolated command may write besides its private one. A GOCOVERDIR
	// in Env that exists is writable too: a binary built with -cover
	// writes its coverage there.
	Writable []string
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
	lv, why := s.level(c.Isolate)
	for {
		err = s.runAt(ctx, c, home, lv)
		var r *refusal
		if !errors.As(err, &r) {
			break
		}
		// The kernel may refuse namespaces (a host that restricts them
		// to privileged users), or mounting in them. The build goes on
		// with less, and says so, once.
		lv, why = s.lower(lv), r.err
	}
	if why != nil {
		s.warn(lv, why)
	}
	return err
}

// level is the most a command may get, and why it gets less than it
// asks for, if this is the first run to find out.
func (s *Sandbox) level(isolate bool) (level, error) {
	switch {
	case !isolate || !canIsolate || s.noNamespaces.Load():
		return bare, nil
	case s.noView.Load():
		return namespaced, nil
	case !trampolineHost.Load():
		s.noView.Store(true)
		return namespaced, errNoTrampoline
	}
	return viewed, nil
}

// lower remembers that lv was refused and says what to try next.
func (s *Sandbox) lower(lv level) level {
	if lv == viewed {
		s.noView.Store(true)
		return namespaced
	}
	s.noNamespaces.Store(true)
	return bare
}

func (s *Sandbox) warn(lv level, why error) {
	w := s.Warn
	if w == nil {
		w = os.Stderr
	}
	if lv == bare {
		s.warnedNS.Do(func() {
			fmt.Fprintf(w, "snippets run with the network, may write every file the build's user may, and may leave processes that escape their process group: the kernel refused namespaces (%v)\n", why)
		})
		return
	}
	s.warnedNoView.Do(func() {
		if why == errNoTrampoline {
			fmt.Fprintf(w, "snippets may write every file the build's user may: %v\n", why)
			return
		}
		fmt.Fprintf(w, "snippets may write every file the build's user may: the kernel refused a read-only view of the file system (%v)\n", why)
	})
}

// runAt runs c at level lv; a *refusal means that the command did not
// start.
func (s *Sandbox) runAt(ctx context.Context, c Command, home string, lv level) error {
	cmd, l, err := s.start(c, home, lv)
	if err != nil {
		if lv > bare && refusedNamespaces(err) {
			return &refusal{err}
		}
		return err
	}
	if l != nil {
		defer l.closeAll()
	}
	limitMemory(cmd.Process, s.MemoryLimit)
	rctx, cancel := ctx, context.CancelFunc(func() {})
	if c.Limit > 0 {
		rctx, cancel = context.WithTimeout(ctx, c.Limit)
	}
	defer cancel()
	stop := context.AfterFunc(rctx, func() { killGroup(cmd.Process) })
	if l != nil {
		if err := l.wait(); err != nil {
			stop()
			cmd.Wait()
			var se *setupError
			if errors.As(err, &se) && !se.exec && refusedNamespaces(se.errno) {
				return &refusal{err}
			}
			return err
		}
	}
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

// start starts c at level lv; with the view, through the trampoline,
// whose launch the caller waits for.
func (s *Sandbox) start(c Command, home string, lv level) (*exec.Cmd, *launch, error) {
	cmd := exec.Command(c.Args[0], c.Args[1:]...)
	if cmd.Err != nil {
		return nil, nil, cmd.Err
	}
	cmd.Dir = c.Dir
	if cmd.Dir == "" {
		cmd.Dir = home
	}
	cmd.Env = append([]string{"HOME=" + home, "TMPDIR=" + home}, c.Env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Stdin, c.Stdout, c.Stderr
	// Wait returns at most this long after the command's end even if a
	// process it left (outside the PID namespace) holds its output open.
	cmd.WaitDelay = time.Second
	setProcAttr(cmd, lv, s.FakeRefusal)
	var l *launch
	if lv == viewed {
		var err error
		if l, err = viaTrampoline(cmd, writable(home, c), s.fakeViewRefusal, s.remountEach); err != nil {
			return nil, nil, err
		}
	}
	err := startAt(cmd, lv)
	if l != nil {
		l.started()
		if err != nil {
			l.closeAll()
		}
	}
	return cmd, l, err
}

// writable lists what c may write with the view: its private directory,
// the directories it names, and its coverage directory.
func writable(home string, c Command) []string {
	dirs := append([]string{home}, c.Writable...)
	for _, kv := range c.Env {
		if dir, ok := strings.CutPrefix(kv, "GOCOVERDIR="); ok && filepath.IsAbs(dir) {
			if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
				dirs = append(dirs, dir)
			}
		}
	}
	return dirs
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
