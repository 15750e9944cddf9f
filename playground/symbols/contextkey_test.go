package symbols

import (
	"context"
	"testing"
)

// A wrapped key is found by an equal key of its type only, and a context
// prints it by its type's name.
func TestContextKey(t *testing.T) {
	ctx := context.WithValue(context.Background(), ContextKey("user", "main.ctxKey", 1), "gopher")
	if v := ctx.Value(ContextKey("user", "main.ctxKey", 1)); v != "gopher" {
		t.Errorf("the same key found %v", v)
	}
	for _, k := range []any{"user", ContextKey("user", "main.other", 2), ContextKey("user", "main.ctxKey", 3), ContextKey("admin", "main.ctxKey", 1)} {
		if v := ctx.Value(k); v != nil {
			t.Errorf("key %v found %v", k, v)
		}
	}
	if got, want := ctx.(interface{ String() string }).String(), "context.Background.WithValue(main.ctxKey, gopher)"; got != want {
		t.Errorf("printed %s, want %s", got, want)
	}
}
