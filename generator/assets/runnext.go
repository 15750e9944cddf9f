package assets

// A goroutine made ready (by a go statement, a channel operation, an
// unlock, a timer) goes into its P's runnext slot and runs next, before
// the P's queue, sharing the time slice of the goroutine that made it
// ready (runtime.runqput, runqget's inheritTime). go run on one P so
// starts the newest goroutine first: runtime.GOMAXPROCS(1) and three
// go statements print 2 0 1, the order the scheduler page teaches.
// js/wasm's runtime never uses runnext: a ping-pong pair handing the
// slot to each other would starve every other goroutine, and only sysmon
// (a thread, which js/wasm lacks) ends a slice that lasts. So both
// engines printed 0 1 2.
//
// runnextOverlay writes a copy of runtime/proc.go whose runqput uses
// runnext on js/wasm too, until the goroutines sharing one time slice
// have made sliceReadies goroutines ready through it; for the rest of
// that slice a goroutine made ready goes behind the queue, as without
// runnext, and once the goroutine in runnext has run, the queue's first
// runs with a slice of its own: a pair cannot starve the others. sysmon
// ends a slice after 10 ms (forcePreemptNS); a count stands for that time
// so that a program prints the same on every run whatever the machine's
// load, which a clock would not. The count is kept in the P's sysmontick,
// which only sysmon reads and js/wasm has none to; the runtime's own
// readies count too.
//
// The interpreter runs every program of a page in one process, whose P
// has counted time slices (schedtick) for as long as the page has been
// open: where the count stood decided which of a program's turns looked
// at the global run queue first (while it stands at a multiple of 61,
// if the queue is not empty; runtime.Gosched puts a goroutine there),
// so three goroutines taking turns with Gosched printed w3.1 w3.2 w1.1
// in one run in four for go run's w3.1 w1.1 w2.1 (a probe's).
// playgroundStart, which the engine calls as a program starts, sets it
// where a new process's main finds it on js/wasm (2, the exact
// engine's, measured under Node; after runtime.GOMAXPROCS(1), go run's
// main found it at 0 to 5 on this machine, so a program that takes some
// 60 turns may print otherwise from one go run to the next, as no
// engine can follow).
//
// A goroutine a timer makes ready (time.Sleep's end, time.After's send)
// goes behind the queue, where go run puts it in runnext
// (timerReadyOverlay): the browser runs Go several times slower than go
// run, and a main that sleeps for its goroutines to finish, which go
// run's finish in time, woke into runnext before the rest of them had run
// (ten goroutines printing 50 lines each, main asleep 20 ms: 50 lines,
// then main's). So a sleep of a nanosecond beside a ready goroutine lets
// it run first, where go run wakes the sleeper first; the page's note
// says so. A goroutine a timer's function starts (time.AfterFunc's) is
// made as anywhere else, into runnext.
func runnextOverlay(goroot, dir string) (orig, dst string, err error) {
	return patch(goroot, dir, "runnext", "runtime/proc.go", []edit{
		{"\tif !haveSysmon && next {\n", "\tif !haveSysmon && next && (timerReadies || sliceReadied(pp) > sliceReadies) {\n"},
		{"\t\trunqput(pp, newg, true)\n", "\t\ttimed := timerReadies\n\t\ttimerReadies = false\n\t\trunqput(pp, newg, true)\n\t\ttimerReadies = timed\n"},
	}, `
// timerReadies: a timer's function is running (timerReadyOverlay).
var timerReadies bool

// sliceReadies is how many goroutines the goroutines sharing one time
// slice make ready through runnext, without sysmon, before the others'
// turn: about what go run's pair of goroutines handing a value back and
// forth makes in sysmon's 10 ms (a goroutine beside it got its turn after
// 30,000 to 48,000 rounds, two readies each, on the machine the site is
// built on; generator/assets/runnext.go).
const sliceReadies = 60000

// sliceReadied counts a goroutine made ready in pp's current time slice
// (a schedtick) and returns the count, in pp.sysmontick, which only
// sysmon uses.
func sliceReadied(pp *p) int64 {
	if t := &pp.sysmontick; t.schedtick != pp.schedtick {
		t.schedtick, t.schedwhen = pp.schedtick, 0
	}
	pp.sysmontick.schedwhen++
	return pp.sysmontick.schedwhen
}

// playgroundStart begins a program of the playground's interpreter as
// a new process begins its main: the P's schedtick, its count of time
// slices (at a multiple of 61 the scheduler looks at the global run
// queue first), is set to tick, and the time slice's count of readies
// starts again (generator/assets/runnext.go; playground/engine calls
// it).
//
//go:linkname playgroundStart
func playgroundStart(tick uint32) {
	mp := acquirem()
	pp := mp.p.ptr()
	pp.schedtick = tick
	pp.sysmontick.schedtick, pp.sysmontick.schedwhen = tick, 0
	releasem(mp)
}

// playgroundTick is the P's schedtick, which TestNewProcessTick
// (generator/assets) reads at a new process's main to hold the engine's
// newProcessTick to it. Nothing else calls it, so no build links it.
//
//go:linkname playgroundTick
func playgroundTick() uint32 {
	mp := acquirem()
	tick := mp.p.ptr().schedtick
	releasem(mp)
	return tick
}
`)
}

// timerReadyOverlay writes a copy of runtime/time.go that marks the run
// of a timer's function (timerReadies), for runnextOverlay.
func timerReadyOverlay(goroot, dir string) (orig, dst string, err error) {
	return patch(goroot, dir, "runnext", "runtime/time.go", []edit{
		{"\n\tf(arg, seq, delay)\n", "\n\ttimerReadies = true\n\tf(arg, seq, delay)\n\ttimerReadies = false\n"},
	}, "")
}
