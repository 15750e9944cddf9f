package snippet

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// site is about the size of the site's snippet set: 30 snippets, two
// thirds of them programs.
func site() []*Snippet {
	var sns []*Snippet
	for i := range 30 {
		var sn *Snippet
		switch {
		case i%3 != 0:
			sn = snip(fmt.Sprintf("package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tch := make(chan int, 1)\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tch <- %d\n\t}()\n\twg.Wait()\n\tfmt.Println(<-ch)\n}\n", i), str(fmt.Sprintf("%d\n", i)))
		case i%2 == 0:
			sn = snip(fmt.Sprintf("import \"sync\"\n\nvar mu sync.Mutex\nmu.Lock()\nn := %d\nmu.Unlock()\n_ = n\n", i), nil)
		default:
			sn = snip(fmt.Sprintf("package runtime\n\ntype hchan%d struct {\n\tqcount uint\n\tbuf    []byte\n}\n", i), nil)
		}
		sn.ID, sn.Index = fmt.Sprintf("pt-x-%d", i+1), i+1
		sns = append(sns, sn)
	}
	return sns
}

func report(b *testing.B, st Stats, n int) {
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/validate")
	if st.Toolchain > 0 {
		b.ReportMetric(float64(st.BuildTime.Milliseconds())/float64(st.Toolchain), "ms/go-build")
		b.ReportMetric(float64(st.RunTime.Milliseconds())/float64(st.Toolchain), "ms/binary-run")
		b.ReportMetric(float64(st.EngineTime.Milliseconds())/float64(st.Engine), "ms/engine-run")
	}
	b.ReportMetric(float64(n), "snippets")
}

func BenchmarkValidateCold(b *testing.B) {
	sns := site()
	var st Stats
	for b.Loop() {
		_, errs, s := Validate(context.Background(), sns, Options{CacheDir: b.TempDir(), Timeout: 10 * time.Second})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		st = s
	}
	report(b, st, len(sns))
}

func BenchmarkValidateWarm(b *testing.B) {
	sns := site()
	dir := b.TempDir()
	if _, errs, _ := Validate(context.Background(), sns, Options{CacheDir: dir}); len(errs) > 0 {
		b.Fatal(errs)
	}
	for b.Loop() {
		_, errs, st := Validate(context.Background(), sns, Options{CacheDir: dir})
		if len(errs) > 0 || st.Cached != len(sns) {
			b.Fatalf("warm run did work: %+v %v", st, errs)
		}
	}
	report(b, Stats{}, len(sns))
}
