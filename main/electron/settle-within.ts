/**
 * Settles when `work` does, or after `ms`, whichever comes first; never rejects (a failure of
 * `work` is logged after `failurePrefix`). For waits that must not hold up something else for
 * long, like quitting.
 */
export function settleWithin(work: Promise<unknown>, ms: number, failurePrefix: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, (error: unknown) => {
      console.error(failurePrefix, error);
      done();
    });
  });
}
