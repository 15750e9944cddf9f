package main

// An interface that embeds two others requires every method of both, and converts freely to either part.
import "fmt"

type Opener interface{ Open() string }

type Closer interface{ Close() string }

type OpenCloser interface {
	Opener
	Closer
}

type Door struct{ name string }

func (d Door) Open() string  { return d.name + " opened" }
func (d Door) Close() string { return d.name + " closed" }

type Window struct{}

func (Window) Open() string { return "window opened" }

func cycle(oc OpenCloser) {
	fmt.Println(oc.Open())
	fmt.Println(oc.Close())
}

func main() {
	var oc OpenCloser = Door{"front door"}
	cycle(oc)

	// The wider interface value assigns to the narrower one without a conversion.
	var c Closer = oc
	fmt.Println("via Closer:", c.Close())

	// Going back from the narrower to the wider interface needs an assertion.
	back, ok := c.(OpenCloser)
	fmt.Println("Closer back to OpenCloser:", ok, back.Open())

	for _, v := range []any{Door{"back door"}, Window{}} {
		_, isO := v.(Opener)
		_, isOC := v.(OpenCloser)
		fmt.Printf("%T: Opener=%v OpenCloser=%v\n", v, isO, isOC)
	}
}

// Output:
// front door opened
// front door closed
// via Closer: front door closed
// Closer back to OpenCloser: true front door opened
// main.Door: Opener=true OpenCloser=true
// main.Window: Opener=true OpenCloser=false
