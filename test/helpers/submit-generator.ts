// Random submit descriptions for the differential test against the real condor_submit: each
// draws a few commands from the families of HTCondor's manual with values a user would write
// (and some a user should not), and one queue statement. Seeded, so a run can be repeated.

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(list: readonly T[]) => T;

const words = ['alpha', 'beta', 'gamma 2', 'x=y', "it's", '$(Process)', '$(Cluster).$(Process)', '"quoted"', '', '-n 3'];
const memory = ['64', '1G', '512MB', '2 GB', '1.5G', '100M', '4096K', 'RequestCpus * 1024', '1T'];
const disk = ['100KB', '1G', '2048', '10M', '5 GB'];
const expressions = ['Memory > 1024', '(OpSys == "LINUX") && (Arch == "X86_64")', 'TARGET.HasFileTransfer', 'Cpus >= 2 || Memory > 4000', 'true'];
const booleans = ['true', 'false', 'True', 'FALSE', 'JobStatus == 5', 'NumJobStarts > 3'];

// One command family each: a line or a few lines of the description.
const families: ((pick: Pick, n: () => number) => string)[] = [
  (pick) => `universe = ${pick(['vanilla', 'local', 'scheduler', 'vanilla', 'Vanilla'])}`,
  (pick) => `arguments = ${pick(words)} ${pick(words)}`,
  (pick) => `arguments = "${pick(['a b', "'one two' three", 'x ""y""', '$(Item)', ''])}"`,
  (pick) => `environment = ${pick(['A=1;B=2', 'PATH=/bin', 'X=$(Process)'])}`,
  (pick) => `environment = "${pick(["A=1 B='x y'", 'ONE=1', "Q='it''s'"])}"`,
  (pick) => `request_cpus = ${pick(['1', '2', '4', '8'])}`,
  (pick) => `request_memory = ${pick(memory)}`,
  (pick) => `request_disk = ${pick(disk)}`,
  (pick) => `request_gpus = ${pick(['1', '2'])}`,
  (pick) => `output = ${pick(['out.$(Process)', 'job.out', 'logs/$(Cluster)_$(Process).txt'])}`,
  (pick) => `error = ${pick(['err.$(Process)', 'job.err'])}`,
  (pick) => `input = ${pick(['in.txt', '/dev/null'])}`,
  (pick) => `log = ${pick(['job.log', 'run_$(Cluster).log'])}`,
  (pick) => `should_transfer_files = ${pick(['YES', 'NO', 'IF_NEEDED'])}`,
  (pick) => `when_to_transfer_output = ${pick(['ON_EXIT', 'ON_EXIT_OR_EVICT'])}`,
  (pick) => `transfer_input_files = ${pick(['a.txt', 'a.txt, b.txt', 'dir/, c.dat'])}`,
  (pick) => `transfer_output_files = ${pick(['out.dat', 'results/'])}`,
  (pick) => `requirements = ${pick(expressions)}`,
  (pick) => `rank = ${pick(['Memory', 'Cpus * 2', 'KFlops'])}`,
  (pick) => `priority = ${pick(['0', '5', '-3', '10'])}`,
  (pick) => `notification = ${pick(['never', 'always', 'error', 'complete', 'Never'])}`,
  (pick) => `notify_user = ${pick(['someone@example.org', 'admin'])}`,
  (pick) => `+${pick(['Project', 'Custom', 'Tag'])} = ${pick(['"physics"', '42', 'true', '"a b"'])}`,
  (pick) => `MY.${pick(['Weight', 'Label'])} = ${pick(['3.5', '"x"', 'undefined'])}`,
  (pick) => `hold = ${pick(['true', 'false'])}`,
  (pick) => `periodic_remove = ${pick(booleans)}`,
  (pick) => `periodic_hold = ${pick(booleans)}`,
  (pick) => `periodic_release = ${pick(booleans)}`,
  (pick) => `on_exit_remove = ${pick(booleans)}`,
  (pick) => `on_exit_hold = ${pick(booleans)}`,
  (pick) => `accounting_group = ${pick(['group_physics', 'group_a.sub'])}`,
  (pick) => `accounting_group_user = ${pick(['alice', 'bob'])}`,
  (pick) => `concurrency_limits = ${pick(['license', 'db:2', 'a, b'])}`,
  (pick) => `job_max_vacate_time = ${pick(['60', '300'])}`,
  (pick) => `max_retries = ${pick(['3', '5'])}`,
  (pick) => `batch_name = ${pick(['run1', 'sweep $(Cluster)'])}`,
  (pick) => `want_graceful_removal = ${pick(['true', 'false'])}`,
  (pick) => `stream_output = ${pick(['true', 'false'])}`,
  (pick) => `nice_user = ${pick(['true', 'false'])}`,
  (pick) => `job_lease_duration = ${pick(['0', '1200'])}`,
  (pick) => `deferral_time = ${pick(['1800000000', 'CurrentTime + 60'])}`,
  (pick) => `coresize = ${pick(['0', '1024'])}`,
  (pick) => `kill_sig = ${pick(['SIGTERM', 'SIGKILL', '9'])}`,
  (pick) => `allowed_job_duration = ${pick(['3600', '60'])}`,
  (pick, n) => `x${n()} = ${pick(words)}`,
];

const queues: ((pick: Pick) => string)[] = [
  () => 'queue',
  (pick) => `queue ${pick(['1', '2', '3', '0'])}`,
  (pick) => `queue ${pick(['', '2 '])}v in (${pick(['a, b, c', 'one two', 'x'])})`,
  (pick) => `queue a,b from (\n  ${pick(['1 2', 'x y'])}\n  ${pick(['3 4', 'p q'])}\n)`,
  (pick) => `queue v in ${pick(['[1:]', '[:2]', '[::2]'])} (a, b, c, d)`,
];

export interface GeneratedDescription {
  readonly name: string;
  readonly text: string;
}

/** `count` descriptions from `seed`: an executable, two to eight other commands, one queue statement. */
export function generateDescriptions(seed: number, count: number): GeneratedDescription[] {
  const next = random(seed);
  const pick: Pick = (list) => list[Math.floor(next() * list.length)]!;
  let counter = 0;
  const n = () => counter++;
  return Array.from({ length: count }, (_, i) => {
    const lines = [`executable = ${pick(['/bin/echo', '/bin/true', 'run.sh'])}`];
    const commands = 2 + Math.floor(next() * 7);
    for (let c = 0; c < commands; c++) lines.push(pick(families)(pick, n));
    lines.push(pick(queues)(pick));
    return { name: `gen${String(i).padStart(4, '0')}`, text: `${lines.join('\n')}\n` };
  });
}
