package engine

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// A program whose goroutines all block with nothing left to wake them is
// told at once, in Go's words and with Go's status, long before its time
// limit; with HandOver it is handed to Go, whose report has the traces.
func TestDeadlockIsToldAtOnce(t *testing.T) {
	programs := map[string]string{
		"send":      "package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n",
		"receive":   "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"before\")\n\tch := make(chan int)\n\t<-ch\n}\n",
		"mutex":     "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tmu.Lock()\n}\n",
		"waitgroup": "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tch := make(chan int)\n\tfor i := 0; i < 3; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tch <- i\n\t\t}()\n\t}\n\twg.Wait()\n}\n",
		"select":    "package main\n\nfunc main() {\n\tselect {}\n}\n",
		// A timer that fired does not keep the program awake.
		"after a timer": "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\t<-time.After(50 * time.Millisecond)\n\tfmt.Println(\"woke\")\n\tselect {}\n}\n",
		// A timer with a channel wakes only a receiver, and since Go
		// 1.23 go run calls goroutines blocked elsewhere asleep at once.
		"unused timer":  "package main\n\nimport \"time\"\n\nfunc main() {\n\tt := time.NewTimer(time.Hour)\n\tdefer t.Stop()\n\tch := make(chan int)\n\tch <- 1\n}\n",
		"unused ticker": "package main\n\nimport (\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\t_ = time.NewTicker(time.Second)\n\t_ = time.After(time.Hour)\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\twg.Wait()\n}\n",
	}
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, stderr, res := run(t, src, time.Minute)
			if res.Err != ErrAsleep || res.Status != 2 || res.TimedOut || stderr != "fatal error: all goroutines are asleep - deadlock!\n" {
				t.Errorf("got %+v, stderr %q; want Go's deadlock verdict", res, stderr)
			}
			// A wide guard for a busy machine: the point is that the
			// minute's limit did not come.
			if d := time.Since(start); d > 15*time.Second {
				t.Errorf("told after %v", d)
			}
			res = Run(context.Background(), src, Options{Timeout: time.Minute, HandOver: true})
			if !strings.Contains(res.HandOver, "deadlock") {
				t.Errorf("with HandOver: %+v; want it handed over", res)
			}
		})
	}
}

// Goroutines blocked while a timer of the program is pending are not
// asleep: the timer wakes them, as in Go.
func TestWaitingOnATimerIsNotADeadlock(t *testing.T) {
	programs := map[string]string{
		"after":     "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tch := make(chan int)\n\tselect {\n\tcase <-ch:\n\tcase <-time.After(400 * time.Millisecond):\n\t\tfmt.Println(\"timeout\")\n\t}\n}\n",
		"context":   "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)\n\tdefer cancel()\n\t<-ctx.Done()\n\tfmt.Println(\"timeout\")\n}\n",
		"timer":     "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tt := time.NewTimer(time.Hour)\n\tt.Reset(400 * time.Millisecond)\n\t<-t.C\n\tfmt.Println(\"timeout\")\n}\n",
		"ticker":    "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tt := time.NewTicker(200 * time.Millisecond)\n\t<-t.C\n\t<-t.C\n\tfmt.Println(\"timeout\")\n}\n",
		"afterfunc": "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tch := make(chan string)\n\ttime.AfterFunc(400*time.Millisecond, func() { ch <- \"timeout\" })\n\tfmt.Println(<-ch)\n}\n",
		// main blocked on a send while a goroutine waits on the timer.
		"timer elsewhere": "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tt := time.NewTimer(400 * time.Millisecond)\n\tch := make(chan int)\n\tgo func() {\n\t\t<-t.C\n\t\tfmt.Println(\"timeout\")\n\t\t<-ch\n\t}()\n\tch <- 1\n}\n",
		"sleeper":         "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tch := make(chan string)\n\tgo func() {\n\t\ttime.Sleep(400 * time.Millisecond)\n\t\tch <- \"timeout\"\n\t}()\n\tfmt.Println(<-ch)\n}\n",
	}
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			res := Run(context.Background(), src, Options{Stdout: &out, Timeout: time.Minute, HandOver: true})
			if res.Status != 0 || res.Err != nil || res.HandOver != "" || out.String() != "timeout\n" {
				t.Errorf("got %+v, stdout %q; want \"timeout\"", res, out.String())
			}
		})
	}
}

// A program that keeps a ticker may be woken any time: blocked at its
// limit, it gets the limit's diagnosis.
func TestBlockedWithATickerMeetsTheLimit(t *testing.T) {
	src := "package main\n\nimport \"time\"\n\nfunc main() {\n\t_ = time.NewTicker(time.Hour)\n\tch := make(chan int)\n\t<-ch\n}\n"
	_, _, res := run(t, src, 500*time.Millisecond)
	if res.Err != ErrDeadlock || !res.TimedOut {
		t.Errorf("got %+v; want ErrDeadlock at the limit", res)
	}
}

// With HandOver, an unrecovered panic goes to Go, which alone prints it
// as Go does; without it, the interpreter reports it.
func TestPanicIsHandedOver(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"before\")\n\tvar s []int\n\t_ = s[5]\n}\n"
	goroutine := "package main\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() {\n\t\tpanic(\"boom\")\n\t}()\n\t<-done\n}\n"
	for _, code := range []string{src, goroutine} {
		res := Run(context.Background(), code, Options{Timeout: time.Minute, HandOver: true})
		if !strings.Contains(res.HandOver, "panicked") {
			t.Errorf("%q with HandOver: %+v; want it handed over", code, res)
		}
		_, stderr, res := run(t, code, time.Minute)
		if res.Status != 2 || !strings.HasPrefix(stderr, "panic: ") {
			t.Errorf("%q: %+v, stderr %q; want the panic reported", code, res, stderr)
		}
	}
}

// Result.Lingering says whether goroutines of the program outlived it:
// those it released as it ended are given their moment, with or without
// the source pass's count of them.
func TestLingering(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      bool
	}{
		{"released", "package main\n\nfunc main() {\n\trelease := make(chan struct{})\n\tfor i := 0; i < 300; i++ {\n\t\tgo func() { <-release }()\n\t}\n\tclose(release)\n}\n", false},
		{"blocked", "package main\n\nfunc main() {\n\tgo func() { select {} }()\n}\n", true},
		{"blocked, from a method value", "package main\n\ntype w struct{}\n\nfunc (w) wait() { select {} }\n\nfunc main() {\n\tgo w{}.wait()\n}\n", true},
		{"none", "package main\n\nfunc main() {}\n", false},
	} {
		if res := Run(context.Background(), c.src, Options{Timeout: time.Minute}); res.Lingering != c.want || res.Err != nil {
			t.Errorf("%s: %+v; want Lingering %v", c.name, res, c.want)
		}
	}
}

// TestAsleepNeedsMain: goroutines of an earlier run, parked for good and
// not among before, are no deadlock of a run whose main is not (yet)
// among the blocked: Go's deadlock has main blocked. Once main is known
// and blocked with them, it is one. (A run in CI was called asleep, with
// nothing printed, while its main had not printed its first line.)
func TestAsleepNeedsMain(t *testing.T) {
	res := Run(context.Background(), "package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tgo func() { select {} }()\n\t}\n}\n", Options{Timeout: time.Minute})
	if !res.Lingering {
		t.Fatalf("the earlier run left no goroutine: %+v", res)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	select {
	case <-first(watchAsleep(ctx, map[string]bool{}, func() string { return "" }, &wakers{}, 0, nil)):
		t.Fatal("called asleep with no main among the goroutines")
	case <-time.After(500 * time.Millisecond):
	}
	// A deadlock of a run after them is still told.
	if res := Run(context.Background(), "package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n", Options{Timeout: time.Minute}); !errors.Is(res.Err, ErrAsleep) {
		t.Errorf("a send without a receiver after the earlier run: %+v; want ErrAsleep", res)
	}
}

func TestEvalBy(t *testing.T) {
	trace := []byte("goroutine 12 [chan send]:\nmain.main()\n\t/x.go:5\ncreated by github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext.func1 in goroutine 7\n\t/y.go:578 +0x9\n")
	if got := evalBy(trace); got != "7" {
		t.Errorf("evalBy = %q, want 7", got)
	}
	if got := evalBy([]byte("goroutine 3 [select]:\ncreated by main.f in goroutine 1\n")); got != "" {
		t.Errorf("evalBy of another goroutine = %q, want \"\"", got)
	}
}

// Go's trace says how long a goroutine has waited once it is a minute or
// more ("[select, 1 minutes]"); a run longer than that must still see it
// parked on a channel, where a timer with a channel may wake it.
func TestStateOfALongWait(t *testing.T) {
	g := goroutineStates([]byte("goroutine 7 [select, 3 minutes]:\nreflect.rselect(...)\n"))
	if len(g) != 1 || g[0].state != "select" || !onChannel(g[0]) {
		t.Errorf("states %+v; want one goroutine in select, on a channel", g)
	}
}

// A goroutine waiting on one of the runtime's semaphores (to stop the
// world for runtime.GOMAXPROCS while another goroutine stops it to read
// every stack) is not parked: the host releases it. The rehearsal of
// 2026-12-04 had TestRewriteCases's program that sets GOMAXPROCS(1)
// declared asleep before it printed a line, beside the package's other
// tests under load. The program's own locks are parked.
func TestRuntimeSemaphoreIsNoPark(t *testing.T) {
	for head, want := range map[string]bool{
		"goroutine 9 [semacquire]:":           false,
		"goroutine 9 [sync.Mutex.Lock]:":      true,
		"goroutine 9 [sync.WaitGroup.Wait]:":  true,
		"goroutine 9 [chan send, 2 minutes]:": true,
		"goroutine 9 [runnable]:":             false,
		"goroutine 9 [GC worker (idle)]:":     false,
	} {
		g := goroutineStates([]byte(head + "\nruntime.GOMAXPROCS(0x1)\n"))
		if len(g) != 1 || g[0].blocked != want {
			t.Errorf("%s: states %+v, want blocked %v", head, g, want)
		}
	}
}

// The same, live: a program that sets GOMAXPROCS over and over while
// other goroutines of the process read every stack (as the watchers of
// other runs do) prints its line. Before, each of five runs was declared
// asleep before it.
func TestAsleepLeavesTheRuntimesSemaphores(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	stop := make(chan struct{})
	defer close(stop)
	for range 4 {
		go func() {
			buf := make([]byte, 1<<16)
			for {
				select {
				case <-stop:
					return
				default:
					runtime.Stack(buf, true)
					// A breath between reads, as a watcher takes: four
					// readers back to back held the world's semaphore in
					// turn, and on a busy machine the program's
					// GOMAXPROCS waited past the run's limit for it.
					time.Sleep(100 * time.Microsecond)
				}
			}
		}()
	}
	// For 200 ms, however slow each call is on a busy machine.
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc main() {\n\tfor i, start := 0, time.Now(); time.Since(start) < 200*time.Millisecond; i++ {\n\t\truntime.GOMAXPROCS(1 + i%2)\n\t}\n\tfmt.Println(\"main returns\")\n}\n"
	for i := range 5 {
		var o, e bytes.Buffer
		res := Run(context.Background(), src, Options{Stdout: &o, Stderr: &e, Timeout: 30 * time.Second})
		if o.String() != "main returns\n" || res.Status != 0 {
			t.Errorf("run %d: status %d (%v), printed %q, want \"main returns\"", i, res.Status, res.Err, o.String())
		}
	}
}

func first(a, _ <-chan struct{}) <-chan struct{} { return a }

// A program parked beside timers with a channel none of which is due
// within stuckHorizon goes to Go with HandOver once it has stayed so,
// nothing written, for stuckFor: go run says deadlock at once when no
// goroutine waits on the timer (a stranger's program), and the page gave
// the time limit's words. One waiting for a timer due soon, or on a
// ticker's ticks, stays in the interpreter (a reviewer's programs).
func TestStuckBesideATimer(t *testing.T) {
	const imports = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nvar _ = fmt.Sprint\n\n"
	for _, c := range []struct{ name, main, want string }{
		{"an hour's timer", "func main() {\n\tt := time.NewTimer(time.Hour)\n\tdefer t.Stop()\n\t<-make(chan int)\n}\n", ""},
		{"an hour's After", "func main() {\n\t_ = time.After(time.Hour)\n\t<-make(chan int)\n}\n", ""},
		{"a timer due soon", "func main() {\n\tt := time.NewTimer(3 * time.Second)\n\t<-t.C\n\tfmt.Println(\"fired\")\n}\n", "fired\n"},
		{"a quiet ticker", "func main() {\n\tt := time.NewTicker(100 * time.Millisecond)\n\tfor i := 0; i < 30; i++ {\n\t\t<-t.C\n\t}\n\tfmt.Println(\"30 ticks\")\n}\n", "30 ticks\n"},
		{"After beside a ticker", "func main() {\n\tt := time.NewTicker(time.Hour)\n\tselect {\n\tcase <-t.C:\n\tcase <-time.After(3 * time.Second):\n\t\tfmt.Println(\"after\")\n\t}\n}\n", "after\n"},
		{"a ticker's loop", "func main() {\n\tt := time.NewTicker(300 * time.Millisecond)\n\tfor i := 0; i < 8; i++ {\n\t\t<-t.C\n\t\tfmt.Println(\"tick\")\n\t}\n}\n", strings.Repeat("tick\n", 8)},
	} {
		// One run at a time: a run's watch sees the goroutines of every run
		// started after it in the process.
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			res := Run(context.Background(), imports+c.main, Options{Stdout: &out, Timeout: 15 * time.Second, HandOver: true})
			switch {
			case c.want == "" && res.HandOver != whyStuck:
				t.Errorf("got %+v; want it handed over: %s", res, whyStuck)
			case c.want != "" && (res.HandOver != "" || res.Err != nil || out.String() != c.want):
				t.Errorf("got %+v, stdout %q; want %q in the interpreter", res, out.String(), c.want)
			}
		})
	}
}

// A timer reset where no reading of the code sees it (a method value, a
// comment before its parenthesis) still wakes its receiver: the deadlock
// verdict never rests on a timer's known time (a reviewer's programs,
// told "all goroutines are asleep" with the interpreter picked).
func TestTimerResetUnseen(t *testing.T) {
	for name, reset := range map[string]string{
		"method value": "f := t.Reset\n\tf(400 * time.Millisecond)",
		"comment":      "t.Reset /* later */ (400 * time.Millisecond)",
	} {
		src := "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tt := time.NewTimer(100 * time.Millisecond)\n\t" + reset + "\n\t<-t.C\n\tfmt.Println(\"fired\")\n}\n"
		for _, handOver := range []bool{false, true} {
			var out bytes.Buffer
			res := Run(context.Background(), src, Options{Stdout: &out, Timeout: 15 * time.Second, HandOver: handOver})
			if res.Err != nil || res.HandOver != "" || out.String() != "fired\n" {
				t.Errorf("%s, HandOver %v: got %+v, stdout %q; want \"fired\" from the interpreter", name, handOver, res, out.String())
			}
		}
	}
}
