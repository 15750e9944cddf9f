package main

// context.WithValue: lookups walk up the parent chain; an unexported key type avoids collisions.
import (
	"context"
	"fmt"
)

type ctxKey string

const (
	userKey  ctxKey = "user"
	traceKey ctxKey = "trace"
)

func describe(ctx context.Context) {
	user, ok := ctx.Value(userKey).(string)
	trace, _ := ctx.Value(traceKey).(int)
	fmt.Printf("user=%q ok=%v trace=%d plain=%v\n", user, ok, trace, ctx.Value("user"))
}

func main() {
	base := context.Background()
	describe(base)
	withUser := context.WithValue(base, userKey, "gopher")
	withTrace := context.WithValue(withUser, traceKey, 42)
	describe(withTrace)
	shadow := context.WithValue(withTrace, userKey, "admin")
	describe(shadow)
	describe(withUser)
	fmt.Println(withTrace)
}

// Output:
// user="" ok=false trace=0 plain=<nil>
// user="gopher" ok=true trace=42 plain=<nil>
// user="admin" ok=true trace=42 plain=<nil>
// user="gopher" ok=true trace=0 plain=<nil>
// context.Background.WithValue(main.ctxKey, gopher).WithValue(main.ctxKey, int)
