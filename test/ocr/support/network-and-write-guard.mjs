// Preloaded (node --import) into a process and, through the inherited execArgv, into each of its worker
// threads. Reports every attempt to reach the network and every file opened for writing on stderr, so a test
// can prove that OCR starts and reads offline and writes nothing. Network attempts also fail at once.
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isMainThread } from 'node:worker_threads';

const report = (what, detail) => fs.writeSync(2, `OCR-GUARD ${what} ${detail}\n`);
report('loaded', isMainThread ? 'main' : 'worker');

const refuse = (what) =>
  function guarded(...args) {
    report('network', `${what} ${JSON.stringify(args[0] ?? '')?.slice(0, 120)}`);
    throw new Error(`network access refused by test guard (${what})`);
  };
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // A Unix-domain socket (tsx talks to its own process over one) is not the network.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object' && 'path' in first) return connect.apply(this, args);
  if (typeof first === 'string' && first.startsWith('/')) return connect.apply(this, args);
  return refuse('socket.connect')(first);
};
dns.lookup = refuse('dns.lookup');
dns.promises.lookup = refuse('dns.promises.lookup');
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
globalThis.fetch = async (url) => refuse('fetch')(String(url));

const writes = (flags) => typeof flags === 'string' && /[wa+]/.test(flags);
const wrap = (name, isWrite) => {
  const original = fs[name];
  fs[name] = function patched(path, ...rest) {
    if (isWrite(rest)) report('write', `${name} ${String(path)}`);
    return original.call(this, path, ...rest);
  };
};
wrap('writeFileSync', () => true);
wrap('writeFile', () => true);
wrap('appendFileSync', () => true);
wrap('appendFile', () => true);
wrap('createWriteStream', () => true);
wrap('mkdirSync', () => true);
wrap('mkdir', () => true);
wrap('openSync', (rest) => writes(rest[0]));
wrap('open', (rest) => writes(rest[0]));
const promises = fs.promises;
for (const name of ['writeFile', 'appendFile', 'mkdir']) {
  const original = promises[name];
  promises[name] = function patched(path, ...rest) {
    report('write', `promises.${name} ${String(path)}`);
    return original.call(this, path, ...rest);
  };
}
