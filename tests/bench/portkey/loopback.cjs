'use strict';
// Preloaded into the Portkey gateway by tests/bench/run.sh (`node --require`): Portkey listens on every
// interface, and the benchmark must stay on loopback. Every TCP listen() of the process is forced to host
// 127.0.0.1, whatever port or host it asked for; Unix-socket paths and inherited handles are left alone.
const net = require('node:net');

const HOST = '127.0.0.1';
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function loopbackListen(...args) {
  const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  const first = args[0];
  let options;
  if (first !== null && typeof first === 'object') {
    if ('_handle' in first || 'fd' in first || typeof first.path === 'string') return listen.apply(this, callback ? [...args, callback] : args);
    options = { ...first, host: HOST };
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    return listen.apply(this, callback ? [...args, callback] : args); // a Unix socket path
  } else {
    options = { port: first === undefined || first === null ? 0 : Number(first), host: HOST };
    const backlog = args.find((a, i) => i > 0 && typeof a === 'number');
    if (backlog !== undefined) options.backlog = backlog;
  }
  return callback ? listen.call(this, options, callback) : listen.call(this, options);
};
