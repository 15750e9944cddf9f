package main

// os.Exit terminates immediately: deferred calls in main do not run, and the status is 3.
import (
	"fmt"
	"os"
)

func cleanup(name string) { fmt.Println("cleanup", name) }

func run() int {
	defer cleanup("run")
	fmt.Println("running")
	return 3
}

func main() {
	defer cleanup("main")
	code := run()
	fmt.Println("exiting with", code)
	os.Exit(code)
}

// Exit: 3
// Output:
// running
// cleanup run
// exiting with 3
