// stdout and stderr written to their descriptors until Node's stream is needed: every byte arrives
// once and in order, whichever way it goes, and a reader gone away ends the output quietly.
import { EventEmitter } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directOutput, isTerminal } from '../../source/output/direct-output.ts';

const errno = (code: string) => Object.assign(new Error(code), { code });

/** A stand-in for Node's stream: what it was given, in order. */
class RecordingStream extends EventEmitter {
  chunks: string[] = [];
  write(data: Uint8Array | string) {
    this.chunks.push(Buffer.from(data).toString());
    return true;
  }
}

/** A descriptor that takes `accepts[k]` bytes at the k-th call, or throws the error named there. */
function descriptor(accepts: (number | string)[]) {
  const written: string[] = [];
  let call = 0;
  const write = (_fd: number, data: Uint8Array, offset: number) => {
    const step = accepts[call++] ?? Number.POSITIVE_INFINITY;
    if (typeof step === 'string') throw errno(step);
    const end = Math.min(data.length, offset + step);
    written.push(Buffer.from(data.subarray(offset, end)).toString());
    return end - offset;
  };
  return { written, write, calls: () => call };
}

describe('directOutput', () => {
  it('writes to the descriptor and never opens the stream while the descriptor takes every write', () => {
    const fd = descriptor([]);
    let opened = 0;
    const out = directOutput(1, () => (opened++, new RecordingStream()), { direct: true, write: fd.write });
    out.write('one\n');
    out.write('two\n');
    expect(fd.written.join('')).toBe('one\ntwo\n');
    expect(opened).toBe(0);
    expect(out.streamed).toBeUndefined();
  });

  it('finishes a write the descriptor took in parts', () => {
    const fd = descriptor([2, 1, 5]);
    const out = directOutput(1, () => new RecordingStream(), { direct: true, write: fd.write });
    out.write('abcdefghij');
    expect(fd.written).toEqual(['ab', 'c', 'defgh', 'ij']);
  });

  it('hands the rest to the stream when the descriptor would block, and every later write too', () => {
    const fd = descriptor([3, 'EAGAIN']);
    const stream = new RecordingStream();
    const out = directOutput(1, () => stream, { direct: true, write: fd.write });
    out.write('abcdef');
    out.write('ghi');
    expect(fd.written.join('') + stream.chunks.join('')).toBe('abcdefghi');
    expect(stream.chunks).toEqual(['def', 'ghi']);
    expect(fd.calls()).toBe(2);
    expect(out.streamed).toBe(stream);
  });

  it('writes through the stream once something asked for it, so nothing overtakes what it holds', () => {
    const fd = descriptor([]);
    const stream = new RecordingStream();
    const out = directOutput(1, () => stream, { direct: true, write: fd.write });
    out.write('before ');
    expect(out.stream()).toBe(stream);
    out.write('after');
    expect(fd.written).toEqual(['before ']);
    expect(stream.chunks).toEqual(['after']);
  });

  it('drops the rest quietly once the reader has gone (EPIPE), from the descriptor or the stream', () => {
    const fd = descriptor(['EPIPE']);
    const out = directOutput(1, () => new RecordingStream(), { direct: true, write: fd.write });
    expect(() => out.write('lost')).not.toThrow();
    out.write('also lost');
    expect(fd.calls()).toBe(1);

    const stream = new RecordingStream();
    const later = directOutput(1, () => stream, { direct: true, write: descriptor([]).write });
    later.stream();
    stream.emit('error', errno('EPIPE'));
    later.write('dropped');
    expect(stream.chunks).toEqual([]);
  });

  it('hands the rest to the stream when a write takes nothing, instead of trying again forever', () => {
    const fd = descriptor([2, 0]);
    const stream = new RecordingStream();
    directOutput(1, () => stream, { direct: true, write: fd.write }).write('abcdef');
    expect(fd.written.join('') + stream.chunks.join('')).toBe('abcdef');
    expect(fd.calls()).toBe(2);
  });

  it('writes through the stream from the start where it must (a Windows console is written as UTF-16)', () => {
    const fd = descriptor([]);
    const stream = new RecordingStream();
    directOutput(1, () => stream, { direct: false, write: fd.write }).write('héllo');
    expect(fd.calls()).toBe(0);
    expect(stream.chunks).toEqual(['héllo']);
  });

  it('lets any other failure through', () => {
    const out = directOutput(1, () => new RecordingStream(), { direct: true, write: descriptor(['ENOSPC']).write });
    expect(() => out.write('x')).toThrow('ENOSPC');
    const stream = new RecordingStream();
    directOutput(1, () => stream, { direct: true, write: descriptor([]).write }).stream();
    expect(() => stream.emit('error', errno('EIO'))).toThrow('EIO');
  });
});

describe('isTerminal', () => {
  it("is false for a file and for /dev/null, without asking Node's stream", () => {
    const file = openSync(new URL(import.meta.url), 'r');
    const devNull = openSync('/dev/null', 'r');
    const stream = () => {
      throw new Error('the stream was asked');
    };
    try {
      expect(isTerminal(file, stream)).toBe(false);
      expect(isTerminal(devNull, stream)).toBe(false);
    } finally {
      closeSync(file);
      closeSync(devNull);
    }
  });

  // engines allows Node 22.0 to 22.2, which have no process.getBuiltinModule.
  it('answers for a character device other than /dev/null from the stream, on a Node without getBuiltinModule', () => {
    const zero = openSync('/dev/zero', 'r');
    const getBuiltinModule = process.getBuiltinModule;
    Reflect.deleteProperty(process, 'getBuiltinModule');
    try {
      expect(isTerminal(zero, () => ({ isTTY: false }))).toBe(false);
      expect(isTerminal(zero, () => ({ isTTY: true }))).toBe(true);
    } finally {
      process.getBuiltinModule = getBuiltinModule;
      closeSync(zero);
    }
  });
});
