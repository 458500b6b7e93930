// Runs the garbage collector and lets finalizers run, for tests that check that what is
// collected gives its core memory back.
import v8 from 'node:v8';
import vm from 'node:vm';

export async function collectGarbage(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
