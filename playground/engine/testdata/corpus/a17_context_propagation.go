package main

// Cancellation flows from parent to children, never upward; WithoutCancel detaches, Cause explains.
import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	root, cancelRoot := context.WithCancelCause(context.Background())
	child, cancelChild := context.WithCancel(root)
	grandchild, cancelGrand := context.WithTimeout(child, time.Hour)
	defer cancelGrand()
	sibling, cancelSibling := context.WithCancel(root)
	defer cancelSibling()
	detached := context.WithoutCancel(root)
	fired := make(chan string)
	context.AfterFunc(root, func() { fired <- "AfterFunc ran" })

	cancelChild()
	fmt.Println("child:", child.Err(), "| grandchild:", grandchild.Err())
	fmt.Println("root:", root.Err(), "| sibling:", sibling.Err())

	cancelRoot(errors.New("shutdown requested"))
	fmt.Println(<-fired)
	fmt.Println("sibling:", sibling.Err(), "| cause:", context.Cause(sibling))
	fmt.Println("root cause:", context.Cause(root), "| grandchild cause:", context.Cause(grandchild))
	fmt.Println("detached:", detached.Err(), detached.Done() == nil)
}

// Output:
// child: context canceled | grandchild: context canceled
// root: <nil> | sibling: <nil>
// AfterFunc ran
// sibling: context canceled | cause: shutdown requested
// root cause: shutdown requested | grandchild cause: context canceled
// detached: <nil> true
