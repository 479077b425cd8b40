// Preloaded into a CLI process under test (`node --import`): prints its peak memory as it exits, for the test's log.
process.on('exit', () => process.stderr.write(`max-rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`));
