package diagram

func init() {
	register("process-states",
		"Os estados de um processo e as transições entre eles.",
		"The states of a process and the transitions between them.",
		processStates)
	register("mn",
		"O padrão M:N: muitas goroutines multiplexadas em poucas threads do sistema operacional, que rodam nos núcleos.",
		"The M:N pattern: many goroutines multiplexed onto a few operating-system threads, which run on the cores.",
		mn)
	register("memory-layout",
		"A memória de um processo, e a stack de uma thread ao lado da stack inicial de uma goroutine, em escala.",
		"A process's memory, and a thread's stack beside a goroutine's initial stack, to scale.",
		memoryLayout)
}

func processStates(lang string) *canvas {
	c := newCanvas("process-states", lang, Width, 380,
		tr(lang, "Ciclo de vida de um processo", "Life cycle of a process"),
		tr(lang, "Um processo é criado e admitido como pronto; o scheduler o despacha para executar; em execução ele pode ser preemptado de volta a pronto, esperar por E/S ou um evento e voltar a pronto quando ele termina, ou sair e terminar.",
			"A process is created and admitted as ready; the scheduler dispatches it to run; while running it can be preempted back to ready, wait for I/O or an event and return to ready when it completes, or exit and terminate."))
	// Four states in a row, waiting below the middle.
	const w, h, y = 152, 60, 80
	xs := []float64{3, 190, 377, 564}
	names := []string{tr(lang, "Criado", "Created"), tr(lang, "Pronto", "Ready"), tr(lang, "Executando", "Running"), tr(lang, "Terminado", "Terminated")}
	classes := []string{"os", "p", "g", "os"}
	for i, x := range xs {
		c.box(x, y, w, h, classes[i], names[i], small)
	}
	edges := []string{tr(lang, "admitido", "admitted"), tr(lang, "despacho", "dispatch"), tr(lang, "sai", "exits")}
	for i := 0; i < 3; i++ {
		c.arrow(xs[i]+w+2, y+h/2, xs[i+1]-3, y+h/2, "")
		c.text((xs[i]+w+xs[i+1])/2, 50, edges[i], small, "mu", "middle", 0)
	}
	c.box(285, 300, 150, h, "m", tr(lang, "Esperando", "Waiting"), small)
	// Preemption: back from running to ready, under the row.
	c.path("M420 140Q360 200 300 140", "", true)
	c.text(360, 196, tr(lang, "preempção", "preempted"), small, "mu", "middle", 0)
	c.arrow(470, 142, 412, 296, "")
	c.text(480, 235, tr(lang, "espera E/S", "waits for I/O"), small, "mu", "start", 0)
	c.arrow(308, 298, 252, 144, "")
	c.text(240, 235, tr(lang, "E/S pronta", "I/O done"), small, "mu", "end", 0)
	return c
}

func mn(lang string) *canvas {
	c := newCanvas("mn", lang, Width, 440,
		tr(lang, "O padrão M:N", "The M:N pattern"),
		tr(lang, "Seis goroutines distribuídas em três threads do sistema operacional, que o sistema coloca em dois núcleos de CPU: M tarefas sobre N threads.",
			"Six goroutines spread over three operating-system threads, which the system places on two CPU cores: M tasks over N threads."))
	c.text(110, 28, "goroutines (M)", small, "b", "middle", 200)
	c.text(360, 28, tr(lang, "threads do SO (N)", "OS threads (N)"), small, "b", "middle", 240)
	c.text(610, 28, tr(lang, "núcleos da CPU", "CPU cores"), small, "b", "middle", 200)
	gy := []float64{85, 140, 195, 250, 305, 360}
	my := []float64{112, 222, 332}
	for i, y := range gy {
		c.arrow(136, y, 286, my[i/2], "")
		c.circle(110, y, 25, "g", "G"+string(rune('1'+i)), small)
	}
	cy := []float64{160, 285}
	for i, y := range my {
		c.box(290, y-25, 140, 50, "m", "T"+string(rune('1'+i)), small)
		if i < 2 {
			c.arrow(432, y, 548, cy[i], "")
		} else {
			c.arrow(432, y, 548, cy[0]+20, "dash")
		}
	}
	for i, y := range cy {
		c.box(550, y-30, 120, 60, "os", "CPU "+string(rune('0'+i)), small)
	}
	c.text(360, 410, tr(lang, "o runtime multiplexa M goroutines em N threads", "the runtime multiplexes M goroutines onto N threads"), small, "mu", "middle", 700)
	return c
}

func memoryLayout(lang string) *canvas {
	c := newCanvas("memory-layout", lang, Width, 560,
		tr(lang, "Layout da memória e custo das stacks", "Memory layout and the cost of stacks"),
		tr(lang, "À esquerda, as regiões da memória de um processo, dos endereços altos aos baixos: stack, espaço livre, heap, dados estáticos, literais e instruções. À direita, em escala, os 8 MB que a glibc reserva por padrão para a stack de uma thread no Linux (o limite ulimit -s comum) ao lado da stack inicial de 2 KB de uma goroutine, que é 4096 vezes menor.",
			"On the left, the regions of a process's memory, from high addresses to low: stack, free space, heap, static data, literals and instructions. On the right, to scale, the 8 MB glibc reserves by default for a thread's stack on Linux (the common ulimit -s limit) beside a goroutine's 2 KB initial stack, 4096 times smaller."))
	c.text(160, 22, tr(lang, "endereços altos", "high addresses"), small, "mu", "middle", 280)
	regions := []struct {
		h     float64
		cls   string
		label string
	}{
		{80, "m", tr(lang, "stack ↓", "stack ↓")},
		{80, "area", tr(lang, "espaço livre", "free space")},
		{80, "g", tr(lang, "heap ↑", "heap ↑")},
		{60, "p", tr(lang, "dados estáticos", "static data")},
		{60, "q", tr(lang, "literais", "literals")},
		{60, "os", tr(lang, "instruções", "instructions")},
	}
	y := 45.0
	for _, r := range regions {
		c.box(20, y, 280, r.h, r.cls, r.label, small)
		y += r.h
	}
	c.text(160, y+25, tr(lang, "endereços baixos", "low addresses"), small, "mu", "middle", 280)

	// To scale: 8 MB (glibc's usual default, not a Go figure) is 400
	// units, so 2 KB is 0.1: drawn as the thinnest visible line, and
	// pointed at.
	const top, full = 70.0, 400.0
	c.text(470, 30, "thread", small, "b", "middle", 140)
	c.box(420, top, 100, full, "m", "8 MB", small)
	c.text(610, 30, "goroutine", small, "b", "middle", 140)
	sliver := full * 2 / 8192
	c.box(560, top+full-sliver-1, 100, sliver+1, "g", "", small)
	c.arrow(610, top+full-70, 610, top+full-6, "")
	c.text(610, top+full-90, "2 KB", small, "b", "middle", 130)
	c.text(540, top+full+40, tr(lang, "em escala: 4096 vezes menor", "to scale: 4096 times smaller"), small, "mu", "middle", 340)
	return c
}
