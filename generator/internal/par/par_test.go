package par

import (
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnceWithinItsWorkers(t *testing.T) {
	const workers = 3
	var running, most atomic.Int32
	seen := make([]atomic.Int32, 100)
	Each([]int{5, 7, 99, 0, 42}, workers, func(i int) {
		n := running.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		seen[i].Add(1)
		running.Add(-1)
	})
	for i := range seen {
		want := int32(0)
		switch i {
		case 5, 7, 99, 0, 42:
			want = 1
		}
		if got := seen[i].Load(); got != want {
			t.Errorf("index %d: called %d times, want %d", i, got, want)
		}
	}
	if most.Load() > workers {
		t.Errorf("%d calls at once, past %d workers", most.Load(), workers)
	}
	var n atomic.Int32
	N(10, func(int) { n.Add(1) })
	if n.Load() != 10 {
		t.Errorf("N(10) made %d calls", n.Load())
	}
	N(0, func(int) { t.Error("N(0) made a call") })
}
