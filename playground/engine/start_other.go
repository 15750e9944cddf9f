//go:build !(js && wasm)

package engine

// freshStart does nothing where the engine runs natively (the build's
// snippets, the tests): goroutines run on many Ps there, in an order no
// start fixes, and the collector marks beside the program
// (start_wasm.go says what the page's one P needs).
func freshStart() {}
