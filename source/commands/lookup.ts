// `ami-wizard lookup --os OS --arch ARCH [--region R]`: the current base AMI, live from EC2.
// --answers FILE fills in os, architecture and build region; flags win over it.
import { ARCHITECTURES, OPERATING_SYSTEMS, orList } from '../../questionnaire/answer-values.ts';
import { ANSWER_DEFAULTS } from '../../questionnaire/answer-defaults.ts';
import type { Architecture, OperatingSystem } from '../../questionnaire/answer-values.ts';
import { platformFacts } from '../../generators/platforms.ts';
import type { CliArgs } from '../cli-options.ts';
import { EXIT, InputError } from '../errors.ts';
import { findBaseImage } from '../aws/find-base-image.ts';
import type { BaseImageQuery } from '../aws/find-base-image.ts';
import { baseImageJson, baseImageText } from '../aws/lookup-text.ts';
import { progress } from '../aws/progress.ts';
import type { CommandIO } from './context.ts';

export async function lookupCommand(args: CliArgs, io: CommandIO): Promise<number> {
  const query = await lookupQuery(args);
  const spinner = progress(io.status);
  spinner.update('Loading the AWS SDK');
  let image;
  try {
    image = await findBaseImage(query, {
      timeoutMs: args.awsTimeoutMs,
      onRequest: (region) => spinner.update(`Looking up the current base image in ${region}`),
    });
  } finally {
    spinner.stop();
  }
  io.stdout(args.json ? baseImageJson(image) : baseImageText(image, platformFacts(image.os, image.architecture).label));
  return EXIT.ok;
}

async function lookupQuery(args: CliArgs): Promise<BaseImageQuery> {
  if (args.regions.length > 1) throw new InputError('lookup takes one --region; run it once per region.');
  const platform = args.answers
    ? (await (await import('../answers/read.ts')).loadAnswers(args.answers)).platform
    : undefined;
  const os = args.os ?? platform?.os;
  const architecture = args.arch ?? platform?.architecture ?? ANSWER_DEFAULTS.platform.architecture;
  if (!os)
    throw new InputError(
      `lookup needs --os (${OPERATING_SYSTEMS.join(', ')}), e.g. ami-wizard lookup --os ${ANSWER_DEFAULTS.platform.os} --arch arm64`,
    );
  if (!(OPERATING_SYSTEMS as readonly string[]).includes(os))
    throw new InputError(`--os ${JSON.stringify(os)} is not supported; use one of ${OPERATING_SYSTEMS.join(', ')}.`);
  if (!(ARCHITECTURES as readonly string[]).includes(architecture))
    throw new InputError(`--arch ${JSON.stringify(architecture)} is not supported; use ${orList(ARCHITECTURES)}.`);
  const region = args.regions[0] ?? platform?.regions[0];
  return { os: os as OperatingSystem, architecture: architecture as Architecture, ...(region ? { region } : {}) };
}
