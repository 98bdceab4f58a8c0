// At most N AWS calls in flight at once, whatever asks for them: the organization audit's accounts
// and regions share one limiter, so --concurrency bounds what AWS (and its throttling) sees. First come,
// first served; a call holds its slot through the SDK's retries.

export interface Limiter {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Calls running now. */
  readonly active: number;
}

export function limiter(size: number): Limiter {
  if (!Number.isInteger(size) || size < 1) throw new Error(`limiter size ${size}`);
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    get active() {
      return active;
    },
    async run(work) {
      if (active < size) active++;
      // The slot passes straight from the call that ends to the one that waited longest.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
