package symbols

import (
	"io"
	"reflect"
)

// OS is the little of package os a program here may use, bound to one
// run: its output streams and how it ends.
//
// Exit hands the status to exit and then blocks its goroutine for good, so
// no deferred call runs and no recover can catch it, as with Go's os.Exit.
// (yaegi's own table makes Exit a panic, which runs deferred calls; a
// panic with a private sentinel would too, and a program's recover would
// swallow it.) The blocked goroutine is never resumed: the host is expected
// to end the run when exit is called, as playground/engine does.
//
// Stdout and Stderr are io.Writer values rather than *os.File: a program
// may print to them (fmt.Fprintln(os.Stderr, ...)), not call File methods.
// Args is just the program's name and Getenv finds nothing: a program in a
// page has no command line and no environment.
func OS(stdout, stderr io.Writer, exit func(code int)) map[string]map[string]reflect.Value {
	var out, errw io.Writer = stdout, stderr
	args := []string{"main"}
	return map[string]map[string]reflect.Value{
		"os/os": {
			"Exit": reflect.ValueOf(func(code int) {
				exit(code)
				select {}
			}),
			"Stdout": reflect.ValueOf(&out).Elem(),
			"Stderr": reflect.ValueOf(&errw).Elem(),
			"Args":   reflect.ValueOf(&args).Elem(),
			"Getenv": reflect.ValueOf(func(string) string { return "" }),
		},
	}
}
