package main

import (
	"fmt"
	"io"
)

// io.WriteString, and an assertion to io.StringWriter, find the
// WriteString method of the value an io.Writer holds: Go's interface
// upgrade.
type buffer struct{ data []byte }

func (b *buffer) Write(p []byte) (int, error) {
	b.data = append(b.data, p...)
	return len(p), nil
}

func (b *buffer) WriteString(s string) (int, error) {
	fmt.Println("WriteString:", s)
	return b.Write([]byte(s))
}

func main() {
	b := &buffer{}
	var w io.Writer = b
	io.WriteString(w, "one")
	if sw, ok := w.(io.StringWriter); ok {
		sw.WriteString("two")
	}
	fmt.Println(string(b.data))
}

// Output:
// WriteString: one
// WriteString: two
// onetwo
