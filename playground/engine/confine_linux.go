package engine

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
	"unsafe"
)

const canIsolate = true

// setProcAttr puts the command in a process group of its own, killed if
// the build dies, and, with
// isolate, in new user, network and PID namespaces. The user namespace
// maps the build's uid and gid to themselves: an unprivileged user may
// map only its own, and the program sees the ids it would see outside.
func setProcAttr(cmd *exec.Cmd, isolate, fakeRefusal bool) {
	// Pdeathsig: a build that dies (interrupted, or killed at CI's limit)
	// takes the command with it instead of leaving it to run on.
	attr := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if isolate {
		uid, gid := os.Getuid(), os.Getgid()
		attr.Cloneflags = syscall.CLONE_NEWUSER | syscall.CLONE_NEWNET | syscall.CLONE_NEWPID
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: uid, HostID: uid, Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: gid, HostID: gid, Size: 1}}
		// An unprivileged user may write its gid map only once setgroups
		// is denied in the new namespace.
		attr.GidMappingsEnableSetgroups = false
		if fakeRefusal {
			// A new user namespace cannot share the file system
			// attributes of its parent: clone fails with EINVAL.
			attr.Cloneflags |= syscall.CLONE_FS
		}
	}
	cmd.SysProcAttr = attr
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
