package diagram

import "fmt"

func init() {
	register("alloc-path",
		"O caminho de uma alocação no Go: do G ao sistema operacional, com as classes de tamanho.",
		"The path of an allocation in Go: from the G to the operating system, with the size classes.",
		allocPath)
	register("gc-cycle",
		"As fases de um ciclo do garbage collector, alinhadas com os números da linha do gctrace.",
		"The phases of a garbage collection cycle, lined up with the numbers of the gctrace line.",
		gcCycle)
	register("tricolor",
		"A marcação tri-color do exemplo das notas, passo a passo.",
		"Tri-color marking of the notes' example, step by step.",
		tricolor)
}

func allocPath(lang string) *canvas {
	c := newCanvas("alloc-path", lang, Width, 560,
		tr(lang, "O caminho da alocação: mallocgc", "The allocation path: mallocgc"),
		tr(lang, "Uma goroutine (G) aloca pelo seu P; objetos minúsculos sem ponteiros (menos de 16 B) e pequenos (até 32 KB) saem do mcache do P, que pede spans ao mcentral da sua classe de span (uma classe de tamanho, com ou sem ponteiros), que os pede à mheap, que pede páginas ao sistema operacional. Objetos grandes (mais de 32 KB) vão direto à mheap.",
			"A goroutine (G) allocates through its P; tiny objects without pointers (under 16 B) and small ones (up to 32 KB) come from the P's mcache, which asks the mcentral of their span class (a size class, with or without pointers) for spans, which asks the mheap, which asks the operating system for pages. Large objects (over 32 KB) go straight to the mheap."))
	chain := []struct{ cls, label string }{
		{"g", tr(lang, "G\ngoroutine", "G\ngoroutine")},
		{"p", tr(lang, "P\nprocessador lógico", "P\nlogical processor")},
		{"q", tr(lang, "mcache\ncache local do P", "mcache\nthe P's local cache")},
		{"q", tr(lang, "mcentral\num por classe de span", "mcentral\none per span class")},
		{"q", tr(lang, "mheap\nspans de páginas", "mheap\nspans of pages")},
		{"os", tr(lang, "SO", "OS")},
	}
	const x, w, h, step = 20, 330, 66, 92
	for i, b := range chain {
		y := 16 + float64(i)*step
		c.box(x, y, w, h, b.cls, b.label, small)
		if i > 0 {
			c.arrow(x+w/2, y-step+h+2, x+w/2, y-3, "")
		}
	}
	mid := func(i int) float64 { return 16 + float64(i)*step + h/2 }
	classes := []struct {
		label  string
		target int
		y      float64
	}{
		{tr(lang, "minúsculos (tiny)\n< 16 B, sem ponteiros", "tiny\n< 16 B, no pointers"), 2, 150},
		{tr(lang, "pequenos (small)\n16 B – 32 KB", "small\n16 B – 32 KB"), 2, 260},
		{tr(lang, "grandes (large)\n> 32 KB", "large\n> 32 KB"), 4, 390},
	}
	for _, k := range classes {
		c.box(430, k.y, 270, 66, "g", k.label, small)
		c.arrow(428, k.y+33, x+w+4, mid(k.target), "")
	}
	return c
}

func gcCycle(lang string) *canvas {
	c := newCanvas("gc-cycle", lang, Width, 560,
		tr(lang, "Um ciclo do GC no tempo", "A GC cycle over time"),
		tr(lang, "Quatro fases, de cima para baixo: sweep termination (stop the world, liga o write barrier), marcação concorrente (25% da CPU e mark assists), mark termination (stop the world, desliga o write barrier) e varredura concorrente. Os três números do tempo de relógio do gctrace, 0.014+0.56+0.010 ms, são as três primeiras fases.",
			"Four phases, top to bottom: sweep termination (stop the world, write barrier on), concurrent mark (25% of the CPU and mark assists), mark termination (stop the world, write barrier off) and concurrent sweep. The three wall-clock numbers of the gctrace line, 0.014+0.56+0.010 ms, are the first three phases."))
	c.text(360, 26, "gc 1 @0.019s 0%: 0.014+0.56+0.010 ms clock", small, "b", "middle", 700)
	phases := []struct {
		cls, name, detail, clock string
	}{
		{"stw", tr(lang, "1. sweep termination", "1. sweep termination"), tr(lang, "STW · liga o write barrier", "STW · write barrier on"), "0.014 ms"},
		{"conc", tr(lang, "2. marcação concorrente", "2. concurrent mark"), tr(lang, "25% da CPU · mark assists", "25% of CPU · mark assists"), "0.56 ms"},
		{"stw", tr(lang, "3. mark termination", "3. mark termination"), tr(lang, "STW · desliga o write barrier", "STW · write barrier off"), "0.010 ms"},
		{"conc", tr(lang, "4. varredura concorrente", "4. concurrent sweep"), tr(lang, "em segundo plano e ao alocar", "in the background and on allocation"), "—"},
	}
	for i, p := range phases {
		y := 60 + float64(i)*120
		c.box(20, y, 44, 100, p.cls, "", small)
		c.text(84, y+28, p.name, normal, "b", "start", 470)
		c.text(84, y+68, p.detail, small, "mu", "start", 470)
		c.text(700, y+28, p.clock, normal, "b", "end", 130)
	}
	c.text(42, 545, tr(lang, "vermelho: programa parado (STW) · verde: concorrente", "red: program stopped (STW) · green: concurrent"), small, "mu", "start", 670)
	return c
}

func tricolor(lang string) *canvas {
	const panel = 104.0
	c := newCanvas("tricolor", lang, Width, 6*panel+70,
		tr(lang, "Marcação tri-color, passo a passo", "Tri-color marking, step by step"),
		tr(lang, "A variável global globalVar referencia A, A referencia B e B referencia C; nada referencia D. Passo 1: todos brancos. 2: a partir da raiz, A fica cinza. 3: A fica preto e B cinza. 4: B preto e C cinza. 5: C preto; a marcação termina e D continua branco, inalcançável. 6: a varredura libera D.",
			"The global variable globalVar references A, A references B and B references C; nothing references D. Step 1: all white. 2: from the root, A turns grey. 3: A turns black and B grey. 4: B black and C grey. 5: C black; marking ends and D is still white, unreachable. 6: the sweep frees D."))
	captions := []string{
		tr(lang, "1. início: todos brancos", "1. start: all white"),
		tr(lang, "2. raízes: A fica cinza", "2. roots: A turns grey"),
		tr(lang, "3. A preto, B cinza", "3. A black, B grey"),
		tr(lang, "4. B preto, C cinza", "4. B black, C grey"),
		tr(lang, "5. C preto: fim da marcação; D segue branco", "5. C black: marking done; D still white"),
		tr(lang, "6. varredura: D é liberado", "6. sweep: D is freed"),
	}
	// Colour of A, B, C, D at each step: w(hite), g(rey), b(lack), f(reed).
	states := []string{"wwww", "gwww", "bgww", "bbgw", "bbbw", "bbbf"}
	cls := map[byte]string{'w': "white", 'g': "grey", 'b': "black", 'f': "freed"}
	xs := []float64{260, 380, 500, 650}
	for s, st := range states {
		y := 8 + float64(s)*panel
		c.group("step", fmt.Sprintf(` data-step="%d"`, s+1))
		c.text(10, y+14, captions[s], small, "b", "start", 700)
		cy := y + 66
		c.box(10, cy-24, 150, 48, "os", "globalVar", small)
		c.arrow(162, cy, xs[0]-32, cy, "")
		c.arrow(xs[0]+30, cy, xs[1]-32, cy, "")
		c.arrow(xs[1]+30, cy, xs[2]-32, cy, "")
		for i, x := range xs {
			c.circle(x, cy, 28, cls[st[i]], string(rune('A'+i)), normal)
		}
		c.end()
	}
	// The legend is a group of its own: step by step, the page's script
	// moves it under the step shown.
	c.group("legend", "")
	c.text(10, 6*panel+36, tr(lang, "branco: não visto · cinza: a explorar · preto: explorado", "white: not seen · grey: to scan · black: scanned"), small, "mu", "start", 700)
	c.end()
	return c
}
