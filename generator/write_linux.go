package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// renameExchange swaps the entries at a and b in one step: at no time is
// either name missing.
func renameExchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}

// lockBeside marks a build writing beside the output "."+base in parent:
// it holds a shared flock on "."+base+".lock" there until unlock (or
// until it dies: the kernel drops its locks). A build that gets the lock
// exclusively first knows that no other is writing, so that every
// directory a build writes beside the output is a dead build's, and
// clears them (clearStale). A build makes its directories only once it
// holds the shared lock, so the moment between dropping the exclusive
// lock and taking the shared one (flock does not convert in one step)
// has nothing to lose.
func lockBeside(parent, base string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(parent, "."+base+".lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	fd := int(f.Fd())
	if flock(fd, unix.LOCK_EX|unix.LOCK_NB) == nil {
		clearStale(parent, base)
	}
	if err := flock(fd, unix.LOCK_SH); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// flock is unix.Flock, tried again when a signal interrupts it.
func flock(fd, how int) error {
	for {
		err := unix.Flock(fd, how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// idOf is fi's identity: device, inode, size and times.
func idOf(fi fs.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{
		Dev: uint64(st.Dev), Ino: st.Ino, Size: st.Size,
		Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano(),
	}, true
}

// bootID names this boot of the machine ("" when unknown).
func bootID() string {
	b, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
