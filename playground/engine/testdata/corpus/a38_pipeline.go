package main

// A three-stage pipeline of goroutines connected by channels preserves order end to end.
import (
	"fmt"
	"strings"
)

func stage[In, Out any](in <-chan In, f func(In) (Out, bool)) <-chan Out {
	out := make(chan Out)
	go func() {
		defer close(out)
		for v := range in {
			if r, ok := f(v); ok {
				out <- r
			}
		}
	}()
	return out
}

func main() {
	words := make(chan string)
	go func() {
		defer close(words)
		for _, w := range strings.Fields("go is fun and channels compose nicely") {
			words <- w
		}
	}()
	long := stage(words, func(w string) (string, bool) { return w, len(w) > 2 })
	upper := stage(long, func(w string) (string, bool) { return strings.ToUpper(w), true })
	sized := stage(upper, func(w string) (string, bool) { return fmt.Sprintf("%s:%d", w, len(w)), true })
	for s := range sized {
		fmt.Println(s)
	}
}

// Output:
// FUN:3
// AND:3
// CHANNELS:8
// COMPOSE:7
// NICELY:6
