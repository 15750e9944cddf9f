package engine

import (
	"context"
	"sync"
	"time"
)

// afterFuncs are the functions a run's program left to timers
// (time.AfterFunc, context.AfterFunc). They have no goroutine until they
// fire, so nothing counts them as the program's when it ends; in Go they
// die with the process. In a process that runs one program after another
// (the page's interpreter) they would fire into the next one, to spin or
// to panic there. The run stops them as it ends, and one that fires all
// the same (stopped too late) calls nothing.
type afterFuncs struct {
	mu    sync.Mutex
	over  bool
	stops []func() bool
}

func (a *afterFuncs) timeAfterFunc(d time.Duration, f func()) *time.Timer {
	t := time.AfterFunc(d, a.guard(f))
	a.add(t.Stop)
	return t
}

func (a *afterFuncs) contextAfterFunc(ctx context.Context, f func()) (stop func() bool) {
	stop = context.AfterFunc(ctx, a.guard(f))
	a.add(stop)
	return stop
}

func (a *afterFuncs) guard(f func()) func() {
	return func() {
		a.mu.Lock()
		over := a.over
		a.mu.Unlock()
		if !over {
			f()
		}
	}
}

func (a *afterFuncs) add(stop func() bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.over {
		stop()
		return
	}
	a.stops = append(a.stops, stop)
}

// end stops every timer of the run.
func (a *afterFuncs) end() {
	a.mu.Lock()
	a.over = true
	stops := a.stops
	a.stops = nil
	a.mu.Unlock()
	for _, stop := range stops {
		stop()
	}
}
