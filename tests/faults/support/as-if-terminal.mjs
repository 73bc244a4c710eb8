// Preloaded (`node --import`) into a spawned CLI so that it believes its stderr is a terminal and draws
// the import progress bar there: the test reads the bar to know the import has started writing rows.
process.stderr.isTTY = true;
