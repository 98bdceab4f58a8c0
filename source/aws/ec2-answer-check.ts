// A middleware at the bottom of the deserialize step: it sees each raw HTTP answer before the SDK's own
// deserializer does, reads the body (bounded in size), checks it is EC2's (ec2-answer.ts), and hands the
// bytes on. An answer that is not EC2's becomes Ec2AnswerError, shaped like an SDK service error
// (HTTP status in $metadata, $fault) so the retry strategy still retries a 5xx from a gateway.
import type {
  DeserializeHandler,
  DeserializeHandlerArguments,
  DeserializeHandlerOutput,
  HandlerExecutionContext,
} from '@smithy/types';
import { answerProblem, queryAction } from './ec2-answer.ts';
import type { AnswerProblem } from './ec2-answer.ts';

/** A page of 1000 images is a few MB; far more than this is not an answer to wait for. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

interface HttpMessage {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  hostname?: string;
  port?: number;
  protocol?: string;
}

export class Ec2AnswerError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode: number; attempts?: number };
  constructor(
    readonly problem: AnswerProblem | { kind: 'too-large'; status: number; maxBytes: number },
    /** host[:port] of the endpoint that answered. */
    readonly endpoint: string,
    readonly action: string,
  ) {
    super(`the endpoint's answer to ${action} (HTTP ${problem.status}) is not EC2's: ${problem.kind}`);
    this.name =
      problem.kind === 'redirect'
        ? 'EndpointRedirect'
        : problem.kind === 'too-large'
          ? 'AnswerTooLarge'
          : 'NotEc2Answer';
    this.$fault = problem.status >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode: problem.status };
  }
}

export function ec2AnswerCheck<Input extends object, Output extends object>(
  next: DeserializeHandler<Input, Output>,
  context: HandlerExecutionContext,
): DeserializeHandler<Input, Output> {
  return async (args: DeserializeHandlerArguments<Input>): Promise<DeserializeHandlerOutput<Output>> => {
    const result = await next(args);
    const response = result.response as HttpMessage;
    const request = (args.request ?? {}) as HttpMessage;
    const action = queryAction(request.body) ?? context.commandName?.replace(/Command$/, '') ?? 'the request';
    const status = response.statusCode ?? 0;
    const endpoint = `${request.hostname ?? ''}${request.port ? `:${request.port}` : ''}`;
    const bytes = await readBody(response.body, MAX_ANSWER_BYTES);
    if (!bytes) throw new Ec2AnswerError({ kind: 'too-large', status, maxBytes: MAX_ANSWER_BYTES }, endpoint, action);
    response.body = bytes; // the SDK's deserializer takes a Uint8Array as it takes a stream
    const problem = answerProblem({
      status,
      text: new TextDecoder().decode(bytes),
      action,
      ...headerFields(response.headers ?? {}),
    });
    if (problem) throw new Ec2AnswerError(problem, endpoint, action);
    return result;
  };
}

function headerFields(headers: Record<string, string | undefined>): { contentType?: string; location?: string } {
  const get = (name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const contentType = get('content-type');
  const location = get('location');
  return { ...(contentType ? { contentType } : {}), ...(location ? { location } : {}) };
}

/** The whole body, or undefined once it passes maxBytes (the stream is then destroyed). */
export async function readBody(body: unknown, maxBytes: number): Promise<Uint8Array | undefined> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body.byteLength <= maxBytes ? body : undefined;
  if (typeof body === 'string') return readBody(new TextEncoder().encode(body), maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > maxBytes) {
      (body as { destroy?: () => void }).destroy?.();
      return undefined;
    }
    chunks.push(bytes);
  }
  // A fresh array, not a view into Node's shared buffer pool.
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) whole.set(chunk, (offset += chunk.byteLength) - chunk.byteLength);
  return whole;
}
