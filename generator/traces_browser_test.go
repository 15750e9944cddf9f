package generator

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// linkGOROOT is the GOROOT the exact engine's linker is given (exact.js),
// as go run gives its own: the standard library's file names in a trace
// start with it.
const linkGOROOT = "/usr/local/go"

// TestBrowserExactTraces runs, with the Go toolchain picked, programs
// that end the ways a reader's program ends (a panic of an error type of
// its own, a panic in a goroutine, a nil map write, an index out of
// range, deadlocks of goroutines in a channel send and receive, a select,
// a WaitGroup, a Mutex, a Cond, a Once and an RWMutex, os.Exit(3), log.Fatal,
// runtime.Goexit in main), and holds the page to go run: its output (what
// the program printed, then Go's report) and its exit status. What
// js/wasm cannot give the same is left out of the comparison and named
// here: goroutine numbers, addresses and argument words, code offsets
// (traceShape), the directory of main.go, and the inlining of the
// functions listed in notInlined. The standard library's file names must
// be go run's, under its GOROOT, not "$GOROOT/src/...".
func TestBrowserExactTraces(t *testing.T) {
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	pickEngine(t, tab, id, "exact")
	goroot := ""
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		goroot = strings.TrimSpace(string(out))
	}
	// notInlined: under GOARCH=wasm the compiler has no intrinsics for
	// sync/atomic, so a call to one costs the inliner 57 where amd64's one
	// instruction costs next to nothing: internal/sync's Mutex.Lock costs
	// 123 on wasm and 66 on amd64, against a budget of 80, Once.Do 127 and
	// 70, RWMutex.RLock 134 and 77 (go build -gcflags=sync=-m=2, Go
	// 1.26.8), and they are inlined on amd64 alone, as is Mutex.Unlock.
	// go run's trace says "(...)" for such an inlined frame and gives no
	// offset; the page shows it as the call it is under wasm, with its
	// argument words. (d207651 took Once.Do and RLock out of this list
	// after a run that saw them inlined in the page, on a machine where
	// a compiler with wasm intrinsics had been tried for the archives;
	// on a fresh machine they are not, as -m says. Should a run see
	// them inlined, look first at what built the archives.)
	notInlined := map[string]string{
		"internal/sync.(*Mutex).Lock(0x…)":   "internal/sync.(*Mutex).Lock(...)",
		"internal/sync.(*Mutex).Unlock(0x…)": "internal/sync.(*Mutex).Unlock(...)",
		"sync.(*Once).Do(0x…, 0x…)":          "sync.(*Once).Do(...)",
		"sync.(*RWMutex).RLock(0x…)":         "sync.(*RWMutex).RLock(...)",
	}
	cases := []struct {
		name, code string
		wasm       []string // the frames of notInlined the page shows
	}{
		{"custom error", "package main\n\nimport \"fmt\"\n\ntype MyErr struct{ Code int }\n\nfunc (e *MyErr) Error() string { return fmt.Sprintf(\"my error %d\", e.Code) }\n\nfunc main() {\n\tvar err error = &MyErr{42}\n\tfmt.Println(\"failing\")\n\tpanic(err)\n}\n", nil},
		{"panic in a goroutine", "package main\n\nimport \"time\"\n\nfunc work(n int) {\n\tif n > 2 {\n\t\tpanic(\"too big\")\n\t}\n}\n\nfunc main() {\n\tgo work(3)\n\ttime.Sleep(time.Second)\n}\n", nil},
		{"nil map", "package main\n\nfunc main() {\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}\n", nil},
		{"index out of range", "package main\n\nimport \"fmt\"\n\nfunc pick(s []int, i int) int { return s[i] }\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\tfmt.Println(pick(s, 5))\n}\n", nil},
		{"deadlock of several goroutines", "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tvar wg sync.WaitGroup\n\ta, b, c := make(chan int), make(chan int), make(chan int)\n\twg.Add(5)\n\tgo func() { defer wg.Done(); a <- 1 }()\n\tgo func() { defer wg.Done(); <-b }()\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tselect {\n\t\tcase <-c:\n\t\tcase b <- 2:\n\t\t}\n\t}()\n\tmu.Lock()\n\tgo func() { defer wg.Done(); mu.Lock() }()\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tvar m sync.Mutex\n\t\tm.Lock()\n\t\tsync.NewCond(&m).Wait()\n\t}()\n\tfmt.Println(\"waiting\")\n\twg.Wait()\n}\n",
			[]string{"internal/sync.(*Mutex).Lock(0x…)"}},
		{"Mutex locked twice", "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tfmt.Println(\"locked\")\n\tmu.Lock()\n}\n",
			[]string{"internal/sync.(*Mutex).Lock(0x…)"}},
		{"Once within itself", "package main\n\nimport \"sync\"\n\nvar once sync.Once\n\nfunc main() {\n\tonce.Do(func() {\n\t\tonce.Do(func() {})\n\t})\n}\n",
			[]string{"internal/sync.(*Mutex).Lock(0x…)", "sync.(*Once).Do(0x…, 0x…)"}},
		{"RLock of a locked RWMutex", "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.RWMutex\n\tmu.Lock()\n\tmu.RLock()\n}\n",
			[]string{"sync.(*RWMutex).RLock(0x…)"}},
		{"unlock of an unlocked Mutex", "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tmu.Unlock()\n}\n",
			[]string{"internal/sync.(*Mutex).Unlock(0x…)"}},
		{"os.Exit(3)", "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tdefer fmt.Println(\"never\")\n\tfmt.Println(\"bye\")\n\tos.Exit(3)\n}\n", nil},
		{"log.Fatal", "package main\n\nimport \"log\"\n\nfunc main() {\n\tlog.Fatal(\"cannot go on\")\n}\n", nil},
		{"Goexit in main", "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc main() {\n\tgo func() {\n\t\ttime.Sleep(10 * time.Millisecond)\n\t\tfmt.Println(\"other\")\n\t}()\n\tdefer fmt.Println(\"deferred\")\n\truntime.Goexit()\n}\n", nil},
	}
	// log's default prefix, the date and time, differs between any two runs.
	stamp := regexp.MustCompile(`(?m)^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d `)
	exitLine := regexp.MustCompile(`exit status (\d+)\n$`)
	stdFiles := regexp.MustCompile(`(?m)^\t(\S*)/src/(?:runtime|sync|internal)/\S+\.go:\d+`)
	for _, c := range cases {
		setCode(t, tab, id, c.code)
		_, output, status := runPlayground(t, tab, id, 120*time.Second)
		stdout, stderr, err := runGoCode(t, c.code)
		if err == nil {
			t.Fatalf("%s: go run succeeded", c.name)
		}
		m := exitLine.FindStringSubmatch(stderr)
		if m == nil {
			t.Fatalf("%s: go run's stderr ends without its exit status: %q", c.name, stderr)
		}
		if want := "exit status " + m[1] + " "; !strings.HasPrefix(status, want) {
			t.Errorf("%s: the page says %q, go run %q", c.name, status, strings.TrimSpace(want))
		}
		got := traceShape(stamp.ReplaceAllString(output, "TIME "))
		want := traceShape(stamp.ReplaceAllString(stdout+strings.TrimSuffix(stderr, m[0]), "TIME "))
		for _, frame := range c.wasm {
			if !strings.Contains(got, "\n"+frame+"\n") {
				t.Errorf("%s: the page no longer shows %s as wasm's compiler leaves it: if it is inlined now, drop it from notInlined and the README", c.name, frame)
			}
			got = strings.ReplaceAll(got, "\n"+frame+"\n", "\n"+notInlined[frame]+"\n")
		}
		if got != want {
			t.Errorf("%s: the page's output differs from go run's (%s):\n%s\ngo run:\n%s", c.name, "goroutine numbers, addresses, offsets and main.go's directory aside", got, want)
		}
		// The standard library's files, where the trace has any: under
		// the GOROOT the linker was given, which is go run's here.
		for _, f := range stdFiles.FindAllStringSubmatch(output, -1) {
			if f[1] != linkGOROOT {
				t.Errorf("%s: the page names %s, not under %s/src", c.name, strings.TrimSpace(f[0]), linkGOROOT)
				break
			}
		}
		if goroot == linkGOROOT && len(stdFiles.FindAllString(output, -1)) != len(stdFiles.FindAllString(stderr, -1)) {
			t.Errorf("%s: the page names %d files of the standard library, go run %d", c.name, len(stdFiles.FindAllString(output, -1)), len(stdFiles.FindAllString(stderr, -1)))
		}
	}
	// runtime.GOROOT() is the linker's GOROOT, as under go run.
	code := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.GOROOT())\n}\n"
	setCode(t, tab, id, code)
	if state, output, _ := runPlayground(t, tab, id, 120*time.Second); state != "done" || output != linkGOROOT+"\n" {
		t.Errorf("runtime.GOROOT(): state %s, output %q, want %q", state, output, linkGOROOT+"\n")
	} else if goroot == linkGOROOT && goRun(t, code) != output {
		t.Errorf("runtime.GOROOT(): go run prints %q, the page %q", goRun(t, code), output)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
