package assets

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

// fileIdentity is what changes when anything writes to the file or puts
// another in its place: its device and inode, size, and change time,
// which the kernel sets on every write and which, unlike the
// modification time, no call can set back. changed is that time.
func fileIdentity(st os.FileInfo) (id string, changed time.Time, ok bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return "", time.Time{}, false
	}
	return fmt.Sprintf("%d %d %d %d.%d", s.Dev, s.Ino, s.Size, s.Ctim.Sec, s.Ctim.Nsec), time.Unix(int64(s.Ctim.Sec), int64(s.Ctim.Nsec)), true
}
