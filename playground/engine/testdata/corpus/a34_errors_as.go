package main

// errors.As finds a custom error type anywhere in a wrapped chain and fills the target.
import (
	"errors"
	"fmt"
	"strconv"
)

type HTTPError struct {
	Status int
	Path   string
}

func (e *HTTPError) Error() string { return "http " + strconv.Itoa(e.Status) + " at " + e.Path }

func fetch(path string) error {
	if path == "/missing" {
		return fmt.Errorf("fetch failed: %w", &HTTPError{404, path})
	}
	_, err := strconv.Atoi(path)
	return fmt.Errorf("fetch %s: %w", path, err)
}

func main() {
	for _, p := range []string{"/missing", "abc"} {
		err := fetch(p)
		var he *HTTPError
		var ne *strconv.NumError
		switch {
		case errors.As(err, &he):
			fmt.Println("HTTP status", he.Status, "path", he.Path)
		case errors.As(err, &ne):
			fmt.Println("NumError func", ne.Func, "input", ne.Num, "err", ne.Err)
		}
		fmt.Println("  full:", err)
	}
}

// Output:
// HTTP status 404 path /missing
//   full: fetch failed: http 404 at /missing
// NumError func Atoi input abc err invalid syntax
//   full: fetch abc: strconv.Atoi: parsing "abc": invalid syntax
