package main

// A type switch on an error dispatches on its concrete type, but only errors.As looks through wrapping.
import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Timeout struct{ Secs int }

func (e *Timeout) Error() string { return fmt.Sprintf("timeout after %ds", e.Secs) }

func classify(err error) string {
	switch e := err.(type) {
	case nil:
		return "ok"
	case NotFound:
		return "missing key " + e.Key
	case *Timeout:
		return fmt.Sprintf("retry in %ds", e.Secs*2)
	default:
		return "unclassified: " + e.Error()
	}
}

func main() {
	wrapped := fmt.Errorf("loading config: %w", NotFound{"db.host"})
	errs := []error{nil, NotFound{"user"}, &Timeout{3}, errors.New("disk full"), wrapped}
	for _, err := range errs {
		fmt.Println(classify(err))
	}

	var nf NotFound
	if errors.As(wrapped, &nf) {
		fmt.Println("errors.As unwrapped key:", nf.Key)
	}
	var to *Timeout
	fmt.Println("wrapped is a *Timeout:", errors.As(wrapped, &to))
}

// Output:
// ok
// missing key user
// retry in 6s
// unclassified: disk full
// unclassified: loading config: not found: db.host
// errors.As unwrapped key: db.host
// wrapped is a *Timeout: false
