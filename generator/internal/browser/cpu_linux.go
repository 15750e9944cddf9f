package browser

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// CPU is the CPU time, user and system, that the processes this one
// started and has not waited for have used, with that of the processes
// they waited for: after the tests, Chromium's, its renderers and workers
// included. getrusage and time(1) cannot count it: the test process never
// waits for those processes, which end with it. -1 where /proc cannot say.
func CPU() time.Duration {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return -1
	}
	parent := map[int]int{}
	ticks := map[int]int64{}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue // ended since
		}
		// After the command's closing parenthesis: state, ppid, ... (proc(5)).
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) < 15 {
			continue
		}
		parent[pid], _ = strconv.Atoi(f[1])
		for _, v := range f[11:15] { // utime, stime, cutime, cstime
			n, _ := strconv.ParseInt(v, 10, 64)
			ticks[pid] += n
		}
	}
	me := os.Getpid()
	var sum int64
	for pid, n := range ticks {
		for p := parent[pid]; p > 1; p = parent[p] {
			if p == me {
				sum += n
				break
			}
		}
	}
	// Clock ticks: 100 a second on Linux (sysconf(_SC_CLK_TCK)).
	return time.Duration(sum) * (time.Second / 100)
}
