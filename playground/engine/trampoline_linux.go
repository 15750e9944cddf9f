package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// The trampoline runs on its main thread from its start to its exec
// (the lock, taken while package initialisation holds the main goroutine
// there, lasts into main). The parent-death signal that ends the command
// with a build that dies (Pdeathsig) belongs to the thread the build's
// fork made, and a process that execs from another of its threads
// loses it, and runs on when the build is killed: 9 or 10 of 200
// commands did (TestSandboxKeepsTheParentDeathSignal), the trampoline
// having moved between threads on its way.
// Capabilities belong to a thread too: the one that drops them must be
// the one that execs.
func init() {
	if len(os.Args) >= 2 && os.Args[1] == trampolineArg {
		runtime.LockOSThread()
	}
}

// runTrampoline sets up the view and execs the command; where it cannot,
// it writes why to statusFd ("setup" or "exec", the errno, a message) and
// exits, writing nothing on the command's output, so the Sandbox may
// start the command again another way.
func runTrampoline(args []string) {
	status := os.NewFile(statusFd, "status")
	fail := func(stage string, err error) {
		var errno syscall.Errno
		if !errors.As(err, &errno) {
			errno = syscall.EINVAL
		}
		fmt.Fprintf(status, "%s %d %v", stage, int(errno), err)
		// Not os.Exit: nothing of this executable's (a -cover binary's
		// report) may write where the command's output goes.
		syscall.Exit(125)
	}
	if err := asTrampoline(); err != nil {
		// Started by hand: mounting here could make a whole container's
		// file system read-only.
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var sp trampolineSpec
	if len(args) != 1 || json.Unmarshal([]byte(args[0]), &sp) != nil {
		fail("setup", errors.New("bad trampoline arguments"))
	}
	syscall.CloseOnExec(statusFd)
	if err := enterView(&sp); err != nil {
		fail("setup", err)
	}
	err := syscall.Exec(sp.Path, sp.Args, sp.Env)
	fail("exec", &fs.PathError{Op: "exec", Path: sp.Path, Err: err})
}

// asTrampoline checks that this process is where a Sandbox starts the
// trampoline: the first process of a PID namespace, in a user namespace
// that maps one user to itself, with a pipe at statusFd.
func asTrampoline() error {
	m, err := os.ReadFile("/proc/self/uid_map")
	f := strings.Fields(string(m))
	var st unix.Stat_t
	pipe := unix.Fstat(statusFd, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFIFO
	if err != nil || !pipe || os.Getpid() != 1 || len(f) != 3 || f[0] != f[1] || f[2] != "1" {
		return errors.New(trampolineArg + " is for engine.Sandbox, which passes it in namespaces of its own")
	}
	return nil
}

// enterView makes every mount read-only but the bind mounts of
// sp.Writable, gives the command the /proc of its PID namespace, enters
// sp.Dir again and gives up the capabilities the mounts needed.
func enterView(sp *trampolineSpec) error {
	if sp.FakeRefusal {
		return os.NewSyscallError("mount", unix.EPERM)
	}
	// Private: a mount the host makes while the command runs would come
	// into its view writable.
	if err := mount("", "/", "", unix.MS_REC|unix.MS_PRIVATE); err != nil {
		return err
	}
	if err := readOnly(sp.RemountEach); err != nil {
		return err
	}
	// The host's /proc lists the user's other processes, and the root
	// directory of one of them (/proc/PID/root of a shell, or of the go
	// command that started the build) is the host's, writable.
	if err := mount("proc", "/proc", "proc", unix.MS_RDONLY|unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC); err != nil {
		return err
	}
	for _, dir := range sp.Writable {
		// A bind mount starts read-only like the mount it copies; only
		// its top is made writable, so mounts below dir stay read-only.
		if err := mount(dir, dir, "", unix.MS_BIND|unix.MS_REC); err != nil {
			return err
		}
		if err := setWritable(dir, sp.RemountEach); err != nil {
			return err
		}
	}
	// The working directory is still the one under the bind mounts.
	if err := os.Chdir(sp.Dir); err != nil {
		return err
	}
	return dropCapabilities()
}

func mount(source, target, fstype string, flags uintptr) error {
	if err := unix.Mount(source, target, fstype, flags, ""); err != nil {
		return &fs.PathError{Op: "mount", Path: target, Err: err}
	}
	return nil
}

// readOnly makes every mount read-only: at once with mount_setattr, or,
// on Linux before 5.12, one by one.
func readOnly(remountEach bool) error {
	if !remountEach {
		err := unix.MountSetattr(unix.AT_FDCWD, "/", unix.AT_RECURSIVE, &unix.MountAttr{Attr_set: unix.MOUNT_ATTR_RDONLY})
		if !errors.Is(err, unix.ENOSYS) {
			return os.NewSyscallError("mount_setattr", err)
		}
	}
	info, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return err
	}
	for line := range strings.Lines(string(info)) {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		err := remount(unescapeMountPoint(f[4]), unix.MS_RDONLY)
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Op == "statfs" && (errors.Is(err, unix.ENOENT) || errors.Is(err, unix.EACCES)) {
			// Hidden under another mount, or behind a directory the
			// build's user may not enter: the command cannot reach it
			// either.
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// setWritable makes the mount at dir writable, and that mount only.
func setWritable(dir string, remountEach bool) error {
	if !remountEach {
		err := unix.MountSetattr(unix.AT_FDCWD, dir, 0, &unix.MountAttr{Attr_clr: unix.MOUNT_ATTR_RDONLY})
		if !errors.Is(err, unix.ENOSYS) {
			if err != nil {
				return &fs.PathError{Op: "mount_setattr", Path: dir, Err: err}
			}
			return nil
		}
	}
	return remount(dir, 0)
}

// remount remounts the mount at dir with flags, keeping the flags the
// host mounted it with: the kernel locks those in a user namespace and
// refuses a remount that would drop one.
func remount(dir string, flags uintptr) error {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return &fs.PathError{Op: "statfs", Path: dir, Err: err}
	}
	// ST_ and MS_ flags have the same values.
	keep := uintptr(st.Flags) & (unix.MS_NOSUID | unix.MS_NODEV | unix.MS_NOEXEC | unix.MS_NOATIME | unix.MS_NODIRATIME | unix.MS_RELATIME)
	if st.Flags&(unix.ST_NOATIME|unix.ST_RELATIME) == 0 {
		keep |= unix.MS_STRICTATIME
	}
	return mount("", dir, "", unix.MS_BIND|unix.MS_REMOUNT|keep|flags)
}

// unescapeMountPoint undoes mountinfo's octal escapes (\040 for a space).
func unescapeMountPoint(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// dropCapabilities leaves the command none. In the user namespace a
// build running as root makes the command root there, with every
// capability at exec, CAP_SYS_ADMIN included, which would let it mount
// the view writable again; a build's user other than root keeps the two
// the trampoline was given (confine_linux.go) unless they are dropped.
func dropCapabilities() error {
	// Root's capabilities at exec are those of the bounding set and the
	// inheritable one; a user's, the ambient set.
	for c := 0; c < 64; c++ {
		err := unix.Prctl(unix.PR_CAPBSET_DROP, uintptr(c), 0, 0, 0)
		if errors.Is(err, unix.EINVAL) {
			break // past the kernel's last capability
		}
		if err != nil {
			return os.NewSyscallError("prctl", err)
		}
	}
	if err := unix.Prctl(unix.PR_CAP_AMBIENT, unix.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0); err != nil {
		return os.NewSyscallError("prctl", err)
	}
	hdr := unix.CapUserHeader{Version: unix.LINUX_CAPABILITY_VERSION_3}
	var data [2]unix.CapUserData
	if err := unix.Capget(&hdr, &data[0]); err != nil {
		return os.NewSyscallError("capget", err)
	}
	data[0].Inheritable, data[1].Inheritable = 0, 0
	return os.NewSyscallError("capset", unix.Capset(&hdr, &data[0]))
}
