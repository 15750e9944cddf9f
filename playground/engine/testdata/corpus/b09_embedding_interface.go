package main

// Embedding an interface in a struct makes the struct satisfy it; override one method and the rest delegate.
import (
	"fmt"
	"strings"
)

type Store interface {
	Get(key string) string
	Put(key, val string)
}

type mapStore struct{ m map[string]string }

func (s *mapStore) Get(key string) string { return s.m[key] }
func (s *mapStore) Put(key, val string)   { s.m[key] = val }

// upperStore overrides Get; Put is delegated to the embedded Store.
type upperStore struct{ Store }

func (u upperStore) Get(key string) string { return strings.ToUpper(u.Store.Get(key)) }

// countingStore overrides Put to count calls, then delegates.
type countingStore struct {
	Store
	puts int
}

func (c *countingStore) Put(key, val string) {
	c.puts++
	c.Store.Put(key, val)
}

func main() {
	base := &mapStore{m: map[string]string{}}
	counter := &countingStore{Store: base}
	var s Store = upperStore{counter}

	s.Put("a", "apple")
	s.Put("b", "banana")
	fmt.Println(s.Get("a"), s.Get("b"), "| base has:", base.Get("a"))
	fmt.Println("puts counted:", counter.puts)

	// A nil embedded interface compiles fine but panics when a delegated method is called.
	defer func() { fmt.Println("recovered:", recover()) }()
	var broken upperStore
	broken.Put("x", "y")
}

// Output:
// APPLE BANANA | base has: apple
// puts counted: 2
// recovered: runtime error: invalid memory address or nil pointer dereference
