package engine

import (
	"context"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// stuckHorizon: a timer due within it is waited for rather than handed
// over (watchAsleep); the page's time limit is 10 s.
const stuckHorizon = 5 * time.Second

// Go's runtime reports a deadlock ("all goroutines are asleep") the
// moment no goroutine of the process can run and no timer is pending. A
// program run by the interpreter shares its process with the host's own
// goroutines and timers (the page's message loop, the output's batching),
// so that verdict never comes, and a reader's `ch <- 1` without a
// receiver would wait for the time limit. The run watches for it instead:
// when every goroutine of the program is parked on a channel, a select
// or a lock, and the program has no timer that could wake one of them,
// twice in a row with nothing changed in between, nothing can ever wake
// the program, and it is over as Go's would be.

// wakers are the timers a program started, the only thing outside its
// goroutines that can wake one of them. time.After and context deadlines
// fire once, at a time known when they are made. A *time.Timer or
// *time.Ticker can be reset, and a function left to time.AfterFunc can do
// anything: a function timer is pending until the time limit (whose
// diagnosis, ErrDeadlock with TimedOut, still comes).
//
// A timer with a channel (time.After, NewTimer, NewTicker, Tick) wakes
// only a goroutine receiving from that channel: since Go 1.23 it is in
// the runtime's timer heap only while one is blocked on it (or, once one
// was, until it fires or the heap is next cleaned), so go run reports a
// deadlock of goroutines blocked on sends, locks or WaitGroups beside an
// unused timer, at once or by the time such a timer would have fired.
// The chan fields are those timers; they keep the program awake while
// one of its goroutines may be parked on a channel (which channel, and
// whether to send or to receive, the interpreter's traces do not say), a
// select{} or a stopped timer's receive among them, which then meet the
// limit where go run reports the deadlock.
//
// What the run knows of a timer's time serves one decision only, whether
// a parked program waits for a timer due soon or goes to the Go toolchain
// (onlyLater); the deadlock verdict never rests on it, since a Reset can
// move a *time.Timer's or *time.Ticker's time in ways no reading of the
// code is sure to see (a method value, a call through a variable).
type wakers struct {
	mu        sync.Mutex
	until     time.Time // the last time a once-only timer without a channel fires
	forever   bool      // a function timer that may be reset or never stopped
	chanUntil time.Time // the same, for timers with a channel
	chanEver  bool      // a *time.Timer, *time.Ticker or time.Tick's ticker
	// For onlyLater: resets, the code names Reset, and then no
	// *time.Timer's or *time.Ticker's time is known; soon, the times
	// timers with a channel fire, up to soonLimit of them (past it, the
	// latest time of those due within the horizon when made, soonUntil,
	// and whether any was later, someLater); tickEvery, the shortest
	// period of the program's tickers.
	resets    bool
	soon      []time.Time
	soonUntil time.Time
	someLater bool
	tickEvery time.Duration
}

// soonLimit bounds what wakers keeps of a program that makes timers in a
// loop.
const soonLimit = 256

// once notes, for onlyLater, a timer with a channel that fires once, at t.
func (w *wakers) once(t time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.soon = slices.DeleteFunc(w.soon, func(at time.Time) bool { return time.Until(at) < -timerSlack })
	switch {
	case len(w.soon) < soonLimit:
		w.soon = append(w.soon, t)
	case time.Until(t) > stuckHorizon:
		w.someLater = true
	case t.After(w.soonUntil):
		w.soonUntil = t
	}
}

// ticks notes, for onlyLater, a ticker of period d (one of d <= 0 panics).
func (w *wakers) ticks(d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if d > 0 && (w.tickEvery == 0 || d < w.tickEvery) {
		w.tickEvery = d
	}
}

// onlyLater says the program has a timer with a channel and none of them
// is due within horizon: none will wake a goroutine soon, if any does. A
// *time.Timer whose time has passed may have been reset without the run
// seeing it: it counts as later, never as due.
func (w *wakers) onlyLater(horizon time.Duration) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.tickEvery > 0 && w.tickEvery <= horizon && !w.resets || time.Until(w.soonUntil) > -timerSlack {
		return false // a ticker ticks soon, or a timer is due
	}
	later := w.someLater || w.resets && w.chanEver || w.tickEvery > horizon
	for _, at := range w.soon {
		if d := time.Until(at); d > -timerSlack && d <= horizon {
			return false // due soon
		}
		later = true
	}
	return later
}

// fires notes a timer that fires once at t (*until: w.until, or
// w.chanUntil for one with a channel).
func (w *wakers) fires(until *time.Time, t time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if t.After(*until) {
		*until = t
	}
}

// mayFire notes a timer whose time the run cannot know (*ever:
// w.forever, or w.chanEver for one with a channel).
func (w *wakers) mayFire(ever *bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	*ever = true
}

// A timer fires a moment after its time: give it that moment.
const timerSlack = 50 * time.Millisecond

// pending says a timer of the program without a channel may still fire.
func (w *wakers) pending() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.forever || time.Until(w.until) > -timerSlack
}

// chanPending says a timer with a channel may still wake one of gs: a
// goroutine of gs may be parked on a channel. (A timer without one is
// pending's; the watch asks it first.)
func (w *wakers) chanPending(gs []goroutineState) bool {
	w.mu.Lock()
	chans := w.chanEver || time.Until(w.chanUntil) > -timerSlack
	w.mu.Unlock()
	return chans && slices.ContainsFunc(gs, onChannel)
}

// symbols returns the functions of time and context that start timers,
// each noting its timer first, for the interpreter's Use.
func (w *wakers) symbols(after *afterFuncs) map[string]map[string]reflect.Value {
	fns := map[string]any{
		"time/time.After": func(d time.Duration) <-chan time.Time {
			at := time.Now().Add(d)
			w.fires(&w.chanUntil, at)
			w.once(at)
			return time.After(d)
		},
		"time/time.Tick": func(d time.Duration) <-chan time.Time {
			w.mayFire(&w.chanEver)
			w.ticks(d)
			return time.Tick(d)
		},
		"time/time.NewTimer": func(d time.Duration) *time.Timer {
			w.mayFire(&w.chanEver)
			w.once(time.Now().Add(d))
			return time.NewTimer(d)
		},
		"time/time.NewTicker": func(d time.Duration) *time.Ticker {
			w.mayFire(&w.chanEver)
			w.ticks(d)
			return time.NewTicker(d)
		},
		"time/time.AfterFunc": func(d time.Duration, f func()) *time.Timer {
			w.mayFire(&w.forever)
			return after.timeAfterFunc(d, f)
		},
		"context/context.WithTimeout": func(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
			w.fires(&w.until, time.Now().Add(d))
			return context.WithTimeout(parent, d)
		},
		"context/context.WithTimeoutCause": func(parent context.Context, d time.Duration, cause error) (context.Context, context.CancelFunc) {
			w.fires(&w.until, time.Now().Add(d))
			return context.WithTimeoutCause(parent, d, cause)
		},
		"context/context.WithDeadline": func(parent context.Context, t time.Time) (context.Context, context.CancelFunc) {
			w.fires(&w.until, t)
			return context.WithDeadline(parent, t)
		},
		"context/context.WithDeadlineCause": func(parent context.Context, t time.Time, cause error) (context.Context, context.CancelFunc) {
			w.fires(&w.until, t)
			return context.WithDeadlineCause(parent, t, cause)
		},
		"context/context.AfterFunc": after.contextAfterFunc,
	}
	syms := map[string]map[string]reflect.Value{}
	for name, f := range fns {
		pkg, fn, _ := strings.Cut(name, ".")
		if syms[pkg] == nil {
			syms[pkg] = map[string]reflect.Value{}
		}
		syms[pkg][fn] = reflect.ValueOf(f)
	}
	return syms
}

// watchLimit is the most goroutines a watch reads the states of: reading
// them stops the world, and its cost grows with their stacks. A program
// with more is left to its time limit.
const watchLimit = 1000

// watchAsleep closes the returned channel once the program is asleep: all
// its goroutines (but those in before) blocked, main's among them (main,
// the id of the goroutine that called ExecuteWithContext, whose goroutine
// runs main; "" until it is known), twice in a
// row, the same ones in the same states, with no timer of its own
// pending. Main's must be there: Go's deadlock always has main blocked
// (main running, or returned, is no deadlock), and goroutines an earlier
// run in the process left, which may start others after before was
// taken, are never the verdict on their own. It looks often at first and
// less often while the program runs, so a program that deadlocks is told
// within a few hundred milliseconds of its last goroutine blocking, and a
// long run pays a look every 200 ms.
//
// The second channel, with stuckAfter > 0, is closed once the program has
// been parked like that for stuckAfter, with nothing written (progress)
// and the same goroutines in the same states at every look, beside timers
// with a channel none of which is due within stuckHorizon (onlyLater): if
// no goroutine waits on one, go run has called it a deadlock at once (a
// stranger's program: NewTimer(time.Hour), then a receive from a channel
// no one sends on), and which channel a goroutine waits on only Go can
// tell. A timer due sooner is waited for: it fires, and then the program
// goes on or is asleep.
func watchAsleep(ctx context.Context, before map[string]bool, main func() string, w *wakers, stuckAfter time.Duration, progress func() int) (asleep, stuck <-chan struct{}) {
	asleepc, stuckc := make(chan struct{}), make(chan struct{})
	go func() {
		var last, still []goroutineState // still: the goroutines parked since since
		var since time.Time
		var wrote int
		wait := 10 * time.Millisecond
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			wait = min(2*wait, 200*time.Millisecond)
			if runtime.NumGoroutine() > watchLimit || w.pending() {
				last, still = nil, nil
				continue
			}
			gs := programGoroutines(before)
			parked := allParked(gs) && slices.ContainsFunc(gs, func(g goroutineState) bool { return g.evalBy != "" && g.evalBy == main() })
			if stuckAfter > 0 && parked && w.onlyLater(stuckHorizon) {
				switch n := progress(); {
				case still == nil || !slices.Equal(gs, still) || n != wrote:
					still, since, wrote = gs, time.Now(), n
				case time.Since(since) >= stuckAfter:
					close(stuckc)
					return
				}
			} else {
				still = nil
			}
			if !parked || w.chanPending(gs) {
				last = nil
				continue
			}
			if slices.Equal(gs, last) {
				close(asleepc)
				return
			}
			last = gs
			wait = 10 * time.Millisecond // look again soon
		}
	}()
	return asleepc, stuckc
}

func allParked(gs []goroutineState) bool {
	for _, g := range gs {
		if !g.blocked {
			return false
		}
	}
	return len(gs) > 0
}

// onChannel: g is parked where a timer's channel could wake it, a
// receive or a select, as far as its trace tells. The interpreter makes
// each of its sends and receives a select with its context's Done, so a
// send is told by its frame, and a select may hold a receive.
func onChannel(g goroutineState) bool {
	return (g.state == "select" || g.state == "chan receive") && !g.sending
}
