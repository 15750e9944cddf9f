// The playground's words, in the page's language (<html lang>).
const STRINGS = {
  pt: {
    run: 'Executar', stop: 'Parar', reset: 'Restaurar', format: 'Formatar', copy: 'Copiar', share: 'Compartilhar',
    toolbar: 'Ações do exemplo', editor: 'Código Go editável. Ctrl+Enter executa; Esc e depois Tab sai do editor.',
    output: 'Saída', expected: 'Saída esperada', loading: 'Carregando o interpretador Go…',
    running: 'Executando…', stopped: 'Parado.', timeout: (s) => `Parado: o programa não terminou em ${s} s (um laço sem fim, ou goroutines todas esperando umas pelas outras: um deadlock).`,
    buildTimeout: (s) => `Parado: a compilação não terminou em ${s} s.`,
    tooLarge: (kb) => `O programa passa de ${kb} KB: o playground não o executa nem formata.`,
    shareTooLarge: (kb) => `Este link de compartilhamento traz mais de ${kb} KB de código: o playground mostra o programa original.`,
    flood: 'Parado: a saída passou de 1 MiB ou de 10.000 linhas.',
    slowOutput: 'Parado: a saída deste programa custa demais para o navegador mostrar (texto que mistura direções, ou acentos empilhados).', exit: (c, ms) => `status de saída ${c} · ${ms} ms`,
    copied: 'Código copiado.', shared: 'Link copiado: ele abre esta página com o seu código.', formatted: 'Código formatado.',
    crashed: 'O interpretador parou de responder; ele será recarregado na próxima execução.',
    loadFailed: 'Não foi possível carregar o interpretador: ',
    oneThread: 'No navegador, o Go roda em uma só thread: GOMAXPROCS é 1 aqui, então não há paralelismo real.',
    limit: (s) => `Limite de tempo: ${s} s.`,
    engine: 'Motor:', auto: 'Automático', fast: 'Interpretador (rápido)', exact: 'Compilador Go (exato)',
    exactLoading: 'Carregando o compilador Go (cerca de 18 MB, só na primeira vez)…',
    building: 'Compilando com o compilador Go…',
    exactFailed: 'Não foi possível carregar o compilador Go: ',
    exactPicked: 'Executado com o compilador Go (motor exato).',
    exactBecause: (why) => `Executado com o compilador Go (motor exato), porque o interpretador rodaria este programa de outro jeito:\n${why}`,
    notAvailable: (p) => `o pacote ${p} não está disponível no playground`,
  },
  en: {
    run: 'Run', stop: 'Stop', reset: 'Reset', format: 'Format', copy: 'Copy', share: 'Share',
    toolbar: 'Example actions', editor: 'Editable Go code. Ctrl+Enter runs it; Esc then Tab leaves the editor.',
    output: 'Output', expected: 'Expected output', loading: 'Loading the Go interpreter…',
    running: 'Running…', stopped: 'Stopped.', timeout: (s) => `Stopped: the program did not end within ${s} s (a loop that never ends, or goroutines all waiting for each other: a deadlock).`,
    buildTimeout: (s) => `Stopped: the build did not end within ${s} s.`,
    tooLarge: (kb) => `The program is over ${kb} KB: the playground neither runs nor formats it.`,
    shareTooLarge: (kb) => `This share link carries more than ${kb} KB of code: the playground shows its original program.`,
    flood: 'Stopped: the output went past 1 MiB or 10,000 lines.',
    slowOutput: 'Stopped: this program’s output costs the browser too much to show (text mixing directions, or stacked accents).', exit: (c, ms) => `exit status ${c} · ${ms} ms`,
    copied: 'Code copied.', shared: 'Link copied: it opens this page with your code.', formatted: 'Code formatted.',
    crashed: 'The interpreter stopped answering; it will be reloaded on the next run.',
    loadFailed: 'Could not load the interpreter: ',
    oneThread: 'In the browser Go runs on one thread: GOMAXPROCS is 1 here, so there is no real parallelism.',
    limit: (s) => `Time limit: ${s} s.`,
    engine: 'Engine:', auto: 'Automatic', fast: 'Interpreter (fast)', exact: 'Go toolchain (exact)',
    exactLoading: 'Loading the Go toolchain (about 18 MB, only the first time)…',
    building: 'Compiling with the Go toolchain…',
    exactFailed: 'Could not load the Go toolchain: ',
    exactPicked: 'Run with the Go toolchain (exact engine).',
    exactBecause: (why) => `Run with the Go toolchain (exact engine), because the interpreter would run this program differently:\n${why}`,
    notAvailable: (p) => `package ${p} is not available in the playground`,
  },
};

export function strings() {
  const lang = (document.documentElement.lang || 'en').slice(0, 2);
  return STRINGS[lang] || STRINGS.en;
}
