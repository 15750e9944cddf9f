package main

// Package io: its errors, its interfaces and its helpers.
import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

func readAll(r io.Reader) (string, error) {
	var b strings.Builder
	buf := make([]byte, 4)
	for {
		n, err := r.Read(buf)
		b.Write(buf[:n])
		if errors.Is(err, io.EOF) {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
	}
}

func main() {
	s, err := readAll(strings.NewReader("hello, reader"))
	fmt.Println(s, err)
	all, err := io.ReadAll(io.LimitReader(strings.NewReader("abcdefgh"), 5))
	fmt.Println(string(all), err)
	n, err := io.WriteString(os.Stdout, "to stdout\n")
	fmt.Println(n, err)
	n64, err := io.Copy(upper{os.Stdout}, strings.NewReader("copied\n"))
	fmt.Println(n64, err)
	fmt.Fprintln(io.Discard, "never seen")
	_, err = io.ReadFull(strings.NewReader("ab"), make([]byte, 3))
	fmt.Println(err, errors.Is(err, io.ErrUnexpectedEOF), err == io.EOF)
	var w io.Writer = os.Stdout
	fmt.Fprintf(w, "%d %s\n", 42, "done")
}

// Output:
// hello, reader <nil>
// abcde <nil>
// to stdout
// 10 <nil>
// COPIED
// 7 <nil>
// unexpected EOF true false
// 42 done
