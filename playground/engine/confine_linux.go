package engine

import (
	"errors"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

const canIsolate = true

// setProcAttr puts the command in a process group of its own, killed if
// the build dies, and, from level namespaced, in new user, network and
// PID namespaces; viewed adds a mount namespace. The user namespace maps
// the build's uid and gid to themselves: an unprivileged user may map
// only its own, and the program sees the ids it would see outside.
func setProcAttr(cmd *exec.Cmd, lv level, fakeRefusal bool) {
	// Pdeathsig: a build that dies (interrupted, or killed at CI's limit)
	// takes the command with it instead of leaving it to run on.
	attr := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if lv >= namespaced {
		uid, gid := os.Getuid(), os.Getgid()
		attr.Cloneflags = syscall.CLONE_NEWUSER | syscall.CLONE_NEWNET | syscall.CLONE_NEWPID
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: uid, HostID: uid, Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: gid, HostID: gid, Size: 1}}
		// An unprivileged user may write its gid map only once setgroups
		// is denied in the new namespace.
		attr.GidMappingsEnableSetgroups = false
		if lv == viewed {
			attr.Cloneflags |= syscall.CLONE_NEWNS
			// The trampoline mounts the view, and drops what it needs
			// for that and for dropping the rest (PR_CAPBSET_DROP)
			// before it execs the command. A user other than root keeps
			// no capability across its exec without these ambient ones;
			// they hold in the new user namespace only.
			attr.AmbientCaps = []uintptr{unix.CAP_SYS_ADMIN, unix.CAP_SETPCAP}
		}
		if fakeRefusal {
			// A new user namespace cannot share the file system
			// attributes of its parent: clone fails with EINVAL.
			attr.Cloneflags |= syscall.CLONE_FS
		}
	}
	cmd.SysProcAttr = attr
}

// startAt starts cmd. With the view, a build running as a user other
// than root is dumpable while it does: a child is as dumpable as its
// parent until it execs, and the kernel gives the uid_map of a child that
// is not dumpable to root, so that user could not map itself into the
// namespace. The programs that run meanwhile cannot see the build's
// process: with the view each has the /proc of its own PID namespace.
// Without the view the build stays not dumpable, and only root gets
// namespaces.
func startAt(cmd *exec.Cmd, lv level) error {
	if lv != viewed || os.Geteuid() == 0 {
		return cmd.Start()
	}
	starting.Lock()
	if starting.n == 0 {
		syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_DUMPABLE, 1, 0)
	}
	starting.n++
	starting.Unlock()
	defer func() {
		starting.Lock()
		if starting.n--; starting.n == 0 {
			hideEnvironment()
		}
		starting.Unlock()
	}()
	return cmd.Start()
}

// starting counts the commands being started with the build dumpable.
var starting struct {
	sync.Mutex
	n int
}

// killGroup kills the process group that p leads.
func killGroup(p *os.Process) {
	syscall.Kill(-p.Pid, syscall.SIGKILL)
}

// limitMemory sets p's RLIMIT_DATA (prlimit(2), which the syscall package
// has no wrapper for).
func limitMemory(p *os.Process, bytes int64) {
	if bytes <= 0 {
		return
	}
	lim := syscall.Rlimit{Cur: uint64(bytes), Max: uint64(bytes)}
	syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(p.Pid), syscall.RLIMIT_DATA, uintptr(unsafe.Pointer(&lim)), 0, 0, 0)
}

// hideEnvironment makes the build's process not dumpable. A program runs
// as the build's user, and /proc/<pid>/environ of a process of the same
// user is open to it, deploy tokens and all, unless that process is not
// dumpable: then only a user with CAP_SYS_PTRACE over it may read it,
// which a program in its own user namespace is not. (Nor can a debugger
// attach to the build without that capability.)
func hideEnvironment() {
	syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_DUMPABLE, 0, 0)
}

// refusedNamespaces tells a kernel that refuses namespaces (a host that
// keeps them to privileged users, or has used up its quota) from a start
// that failed for another reason, such as a moment without memory: only
// the former turns namespaces off for the rest of the build.
func refusedNamespaces(err error) bool {
	for _, errno := range []syscall.Errno{syscall.EPERM, syscall.EACCES, syscall.EINVAL, syscall.ENOSPC, syscall.EUSERS} {
		if errors.Is(err, errno) {
			return true
		}
	}
	return false
}
