// Preloaded (`node -r`) into each timed process of the lint benchmark: at exit it writes the process's own CPU time
// (user + system, in milliseconds) as the last line of stderr, a figure that other load on a shared machine does
// not inflate the way it inflates wall-clock time.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${((user + system) / 1000).toFixed(1)}\n`);
});
