//go:build !js

package engine

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// The read-only view of the file system (confine.go) is set up by the
// confined process itself, between the clone that gives it its
// namespaces and the exec of the command: Go's exec cannot mount there.
// That process is this executable started again with trampolineArg, the
// trampoline, which mounts, drops what it needed to mount, and execs the
// command in its place.
//
// The trampoline is entered from main, not from an init function: the
// executable says it can serve (Host), and a Sandbox in an executable
// that never said so does not start it that way, so no program's main is
// ever handed arguments it does not know. The interpreter's child
// (child.go) is entered the same way.

// trampolineArg, the first argument, asks for the trampoline. A normal
// run never passes it, and the trampoline also refuses to mount where it
// is not the first process of a namespace a Sandbox made (asTrampoline).
const trampolineArg = "-gointernals-sandbox-trampoline"

// trampolineHost says Host was called: this executable may be started as
// the trampoline or as the interpreter's child.
var trampolineHost atomic.Bool

// Host must be the first call of main (and of TestMain) in every
// executable that runs programs: Sandbox commands with Isolate, or the
// interpreter in a child (RunInChild). In a normal run it returns at
// once. Started again by this package with an argument only it passes,
// it plays the part asked for and never returns: as the trampoline it
// sets up the command's view of the file system and becomes the command;
// as a child it runs one program in the interpreter. Without it, programs
// run without the read-only view (the Sandbox says so once), and
// RunInChild refuses.
func Host() {
	if len(os.Args) >= 2 {
		switch os.Args[1] {
		case trampolineArg:
			runTrampoline(os.Args[2:])
		case childArg:
			serveChild()
		}
	}
	trampolineHost.Store(true)
}

// A trampolineSpec is what the trampoline is to do, as its second
// argument (JSON): the command's own environment and arguments are not
// the trampoline's, so that nothing of the command (the interpreter's
// child, child.go, is this executable too) runs before the view is in
// place.
type trampolineSpec struct {
	Path     string   // the program, as exec.Cmd resolved it
	Args     []string // its arguments, Args[0] included
	Env      []string
	Dir      string   // entered again once mounted: the old one is read-only
	Writable []string // the directories that stay writable

	// Tests only: refuse as a host that forbids mounting in a user
	// namespace does, or remount mount by mount as on Linux before 5.12.
	FakeRefusal, RemountEach bool
}

// statusFd carries the trampoline's failure to the Sandbox; it is closed
// on exec, so reading nothing from it means the command runs.
const statusFd = 3

// A setupError is the trampoline's report of why the command did not
// start.
type setupError struct {
	exec  bool // the exec itself failed, not the view
	errno syscall.Errno
	msg   string
}

func (e *setupError) Error() string { return e.msg }
func (e *setupError) Unwrap() error { return e.errno }

// readReport reads the trampoline's report; nil means the command runs.
func readReport(r io.Reader) error {
	b, _ := io.ReadAll(r)
	if len(b) == 0 {
		return nil
	}
	stage, rest, _ := strings.Cut(string(b), " ")
	num, msg, _ := strings.Cut(rest, " ")
	n, _ := strconv.Atoi(num)
	return &setupError{exec: stage == "exec", errno: syscall.Errno(n), msg: "sandbox: " + msg}
}

var executable = sync.OnceValues(os.Executable)

// A launch is the Sandbox's side of a command started through the
// trampoline.
type launch struct {
	report, status *os.File // statusFd: read end, and the trampoline's end
	// The command's input goes to it only once it runs: a trampoline
	// that fails reads none, and the command started again another way
	// gets all of it.
	stdin          io.Reader
	stdinR, stdinW *os.File // the command's end, the Sandbox's
}

// viaTrampoline turns cmd, ready to start its program, into the
// trampoline that runs it with only writable (absolute directories)
// writable.
func viaTrampoline(cmd *exec.Cmd, writable []string, fakeRefusal, remountEach bool) (*launch, error) {
	self, err := executable()
	if err != nil {
		// No trampoline to start: the command may run without the view.
		return nil, &refusal{err}
	}
	dir, err := filepath.Abs(cmd.Dir)
	if err != nil {
		return nil, err
	}
	sp := trampolineSpec{Path: cmd.Path, Args: cmd.Args, Env: cmd.Env, Dir: dir, Writable: writable, FakeRefusal: fakeRefusal, RemountEach: remountEach}
	b, err := json.Marshal(sp)
	if err != nil {
		return nil, err
	}
	l := &launch{stdin: cmd.Stdin}
	if l.report, l.status, err = os.Pipe(); err != nil {
		return nil, err
	}
	if l.stdin != nil {
		if l.stdinR, l.stdinW, err = os.Pipe(); err != nil {
			l.closeAll()
			return nil, err
		}
		cmd.Stdin = l.stdinR
	}
	cmd.Path, cmd.Args, cmd.Env = self, []string{self, trampolineArg, string(b)}, []string{}
	cmd.ExtraFiles = []*os.File{l.status}
	return l, nil
}

// started closes what only the trampoline holds now.
func (l *launch) started() {
	l.status.Close()
	if l.stdinR != nil {
		l.stdinR.Close()
	}
}

// wait waits for the trampoline to exec the command, or to fail, and
// returns its report; once the command runs, its input starts to flow.
func (l *launch) wait() error {
	if err := readReport(l.report); err != nil {
		return err
	}
	if l.stdinW != nil {
		go func() {
			io.Copy(l.stdinW, l.stdin)
			l.stdinW.Close()
		}()
	}
	return nil
}

// closeAll ends the launch once the command has ended: input it did not
// read stays unread (the copy's write fails on the closed pipe).
func (l *launch) closeAll() {
	for _, f := range []*os.File{l.report, l.status, l.stdinR, l.stdinW} {
		if f != nil {
			f.Close()
		}
	}
}

// errNoTrampoline is why programs run without the view in an executable
// that does not call Host.
var errNoTrampoline = errors.New("this executable does not call engine.Host first in main")
