package snippet

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/goexpert/gointernals/playground/engine"
)

// listen opens a TCP listener on loopback and counts the connections it
// accepts. It uses no package net: linking net links runtime/cgo (with
// CGO_ENABLED=1), and in a binary with cgo the Go runtime never reports a
// deadlock, which the interpreter's child, this test binary started again,
// is expected to report (TestValidateCases).
func listen(t *testing.T) (addr string, accepted *atomic.Int32) {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Listen(fd, 16); err != nil {
		t.Fatal(err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	accepted = new(atomic.Int32)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			if c, _, err := syscall.Accept4(fd, syscall.SOCK_CLOEXEC); err == nil {
				accepted.Add(1)
				syscall.Close(c)
				continue
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	t.Cleanup(func() {
		close(done)
		wg.Wait()
		syscall.Close(fd)
	})
	return fmt.Sprintf("127.0.0.1:%d", sa.(*syscall.SockaddrInet4).Port), accepted
}

// dialer is a snippet that connects to addr and says whether it could.
func dialer(t *testing.T, addr string) string {
	return gofmtted(t, `package main

import (
	"fmt"
	"net"
	"time"
)

func main() {
	c, err := net.DialTimeout("tcp", "`+addr+`", 5*time.Second)
	if err != nil {
		fmt.Println("no network")
		return
	}
	c.Close()
	fmt.Println("connected")
}
`)
}

// In its network namespace a snippet reaches nothing, not even the build
// machine's loopback.
func TestSandboxNetwork(t *testing.T) {
	addr, accepted := listen(t)
	_, errs, _ := validate(t, Options{Sandbox: &engine.Sandbox{}}, snip(dialer(t, addr), str("no network\n")))
	if errs != "" {
		t.Fatalf("errors:\n%s", errs)
	}
	time.Sleep(time.Second) // a connection that got through would be accepted by now
	if n := accepted.Load(); n != 0 {
		t.Errorf("the listener accepted %d connections from the snippet", n)
	}
}

// Where the kernel refuses namespaces the build goes on, with the network,
// and says so once.
func TestSandboxFallback(t *testing.T) {
	addr, accepted := listen(t)
	var warn bytes.Buffer
	sb := &engine.Sandbox{FakeRefusal: true, Warn: &warn}
	hello := snip(program("\tfmt.Println(\"hi\")\n"), str("hi\n"))
	hello.ID, hello.Index = "pt-x-2", 2
	_, errs, _ := validate(t, Options{Sandbox: sb}, snip(dialer(t, addr), str("connected\n")), hello)
	if errs != "" {
		t.Fatalf("errors:\n%s", errs)
	}
	// The connection waits in the listener's queue until accepted.
	for deadline := time.Now().Add(10 * time.Second); accepted.Load() == 0 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if accepted.Load() == 0 {
		t.Error("without a namespace the snippet should have reached the listener")
	}
	if n := strings.Count(warn.String(), "\n"); n != 1 || !strings.HasPrefix(warn.String(), "snippets run with the network") {
		t.Errorf("want one line saying snippets run with the network, got %q", warn.String())
	}
}

// A build running as root could, from a network namespace alone, join the
// namespace of any of its processes again: open /proc/PID/ns/net, then
// setns. In the user namespace it has no privilege over them, and the
// open already fails, root or not.
func TestSandboxNoWayBack(t *testing.T) {
	code := gofmtted(t, `package main

import (
	"fmt"
	"os"
)

func main() {
	if _, err := os.Open("/proc/`+fmt.Sprint(os.Getpid())+`/ns/net"); err != nil {
		fmt.Println("no way back")
		return
	}
	fmt.Println("the build's network namespace is open")
}
`)
	if _, errs, _ := validate(t, Options{Sandbox: &engine.Sandbox{}}, snip(code, str("no way back\n"))); errs != "" {
		t.Errorf("errors:\n%s", errs)
	}
}
