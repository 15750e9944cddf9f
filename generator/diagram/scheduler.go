package diagram

func init() {
	register("mpg",
		"O modelo M:P:G: cada M (thread) segura um P, que tem sua fila local de Gs; um P sem trabalho procura na fila global e depois rouba de outro P, e o sysmon tira o P de uma M bloqueada em syscall e o passa a outra M.",
		"The M:P:G model: each M (thread) holds a P, which has its local run queue of Gs; a P out of work looks in the global queue, then steals from another P, and sysmon takes the P of an M blocked in a syscall and passes it to another M.",
		mpg)
	register("hchan",
		"A estrutura interna de um channel bufferizado (hchan): o buffer circular com sendx e recvx, as filas de goroutines e o lock.",
		"The inside of a buffered channel (hchan): the circular buffer with sendx and recvx, the queues of goroutines and the lock.",
		hchan)
}

func mpg(lang string) *canvas {
	c := newCanvas("mpg", lang, Width, 560,
		tr(lang, "O modelo M:P:G do scheduler", "The scheduler's M:P:G model"),
		tr(lang, "No alto, a fila global de goroutines. M1 segura P1, executa G0 e tem G1 e G2 na fila local; 1 vez em 61, ao escolher a próxima goroutine, P1 olha a fila global antes da local. M2 segura P2, cuja fila local está vazia: P2 procura primeiro na fila global e, só quando ela também está vazia, rouba metade da fila de outro P, como G2 da fila de P1. Embaixo, M3 está bloqueada numa syscall com G4; o sysmon tira P3 dela e o entrega a M4, que continua executando Go; P4 espera no conjunto de Ps ociosos.",
			"At the top, the global run queue. M1 holds P1, runs G0 and has G1 and G2 in its local queue; 1 time in 61, when choosing the next goroutine, P1 looks at the global queue before its local one. M2 holds P2, whose local queue is empty: P2 looks in the global queue first and, only when that is empty too, steals half of another P's queue, like G2 from P1's. At the bottom, M3 is blocked in a syscall with G4; sysmon takes P3 from it and hands it to M4, which goes on running Go; P4 waits in the pool of idle Ps."))
	// Global run queue.
	c.box(10, 10, 700, 64, "q", "", small)
	c.text(26, 42, tr(lang, "fila global", "global run queue"), small, "b", "start", 300)
	c.box(560, 20, 64, 44, "g", "G7", small)
	c.box(634, 20, 64, 44, "g", "G8", small)

	// Two Ms with their Ps and local queues.
	c.box(10, 130, 140, 56, "m", "M1", small)
	c.box(170, 130, 170, 56, "p", "P1", small)
	c.line(150, 158, 170, 158, "em")
	c.box(10, 200, 140, 48, "g strong", "G0", small)
	c.text(80, 268, tr(lang, "executando", "running"), small, "mu", "middle", 150)
	c.text(255, 222, tr(lang, "fila local", "local queue"), small, "mu", "middle", 170)
	c.box(180, 246, 70, 44, "g", "G1", small)
	c.box(260, 246, 70, 44, "g", "G2", small)

	c.box(380, 130, 140, 56, "m", "M2", small)
	c.box(540, 130, 170, 56, "p", "P2", small)
	c.line(520, 158, 540, 158, "em")
	c.box(560, 246, 140, 44, "area", tr(lang, "vazia", "empty"), small)
	// The global queue is looked at by a busy P now and then, for
	// fairness (findRunnable: schedtick%61), and by an idle P first;
	// stealing is the idle P's last resort.
	c.arrow(300, 128, 300, 77, "dash")
	c.text(312, 102, tr(lang, "1 vez em 61", "1 time in 61"), small, "mu", "start", 150)
	c.path("M330 268C420 268 470 268 556 268", "em", true)
	c.text(445, 312, tr(lang, "senão, roubo", "else, stealing"), small, "b", "middle", 240)
	c.arrow(625, 128, 625, 77, "dash")
	c.text(612, 102, tr(lang, "primeiro", "first"), small, "mu", "end", 150)

	// A syscall hands the P over.
	c.box(10, 370, 140, 56, "m", "M3", small)
	c.box(10, 440, 140, 48, "g", "G4", small)
	c.text(80, 510, "syscall", small, "mu", "middle", 150)
	c.box(200, 370, 140, 56, "p", "P3", small)
	c.line(150, 398, 200, 398, "dash")
	c.box(200, 470, 140, 56, "m", "M4", small)
	c.arrow(270, 428, 270, 466, "em")
	c.text(292, 448, tr(lang, "entrega o P", "hands off P"), small, "mu", "start", 170)

	c.box(460, 370, 250, 120, "area", "", small)
	c.text(585, 396, tr(lang, "Ps ociosos", "idle Ps"), small, "b", "middle", 230)
	c.box(545, 420, 80, 50, "p", "P4", small)
	return c
}

func hchan(lang string) *canvas {
	c := newCanvas("hchan", lang, Width, 470,
		tr(lang, "Dentro de um channel: hchan", "Inside a channel: hchan"),
		tr(lang, "Um buffer circular de cinco posições (dataqsiz = 5) com três valores (qcount = 3), da posição recvx = 1, onde o próximo recebimento lê, até antes de sendx = 4, onde o próximo envio escreve. Abaixo, recvq e sendq, as filas de goroutines bloqueadas esperando receber ou enviar, vazias neste estado: uma goroutine só espera para receber com o buffer vazio, e para enviar com ele cheio. Um lock protege tudo.",
			"A circular buffer of five slots (dataqsiz = 5) holding three values (qcount = 3), from slot recvx = 1, where the next receive reads, up to before sendx = 4, where the next send writes. Below, recvq and sendq, the queues of goroutines blocked waiting to receive or to send, empty in this state: a goroutine waits to receive only when the buffer is empty, and to send only when it is full. A lock guards it all."))
	c.box(10, 10, 200, 52, "os strong", "lock (mutex)", small)
	c.text(230, 36, "qcount = 3 · dataqsiz = 5", small, "b", "start", 480)
	c.text(360, 96, tr(lang, "buf: fila circular", "buf: circular queue"), small, "mu", "middle", 400)
	values := []string{"", "v1", "v2", "v3", ""}
	for i, v := range values {
		x := 60 + float64(i)*120
		cls := "" // an empty slot: the plain box of the scheme
		if v != "" {
			cls = "g"
		}
		c.box(x, 116, 110, 70, cls, v, normal)
		c.text(x+55, 206, string(rune('0'+i)), small, "mu", "middle", 0)
	}
	c.arrow(235, 262, 235, 222, "em")
	c.text(235, 282, "recvx = 1", small, "b", "middle", 230)
	c.arrow(595, 262, 595, 222, "em")
	c.text(595, 282, "sendx = 4", small, "b", "middle", 230)

	rows := []struct{ name, what string }{
		{"recvq", tr(lang, "Gs esperando para receber", "Gs waiting to receive")},
		{"sendq", tr(lang, "Gs esperando para enviar", "Gs waiting to send")},
	}
	for i, r := range rows {
		y := 320 + float64(i)*74
		c.text(10, y+26, r.name, normal, "b", "start", 90)
		c.box(110, y, 600, 52, "q", r.what, small)
	}
	return c
}
