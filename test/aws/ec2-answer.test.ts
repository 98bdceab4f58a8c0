// The shape check every EC2 answer passes before the SDK parses it (pure), and the bounded body read.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { answerProblem, queryAction } from '../../source/aws/ec2-answer.ts';
import { readBody } from '../../source/aws/ec2-answer-check.ts';

const answer = (status: number, text: string, extra: { contentType?: string; location?: string } = {}) =>
  answerProblem({ status, text, action: 'DescribeImages', ...extra });
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

describe('answerProblem', () => {
  it.each([
    [
      'the action document',
      `${DECLARATION}<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><imagesSet/></DescribeImagesResponse>\n`,
    ],
    ['without a declaration', '<DescribeImagesResponse><imagesSet/></DescribeImagesResponse>'],
    ['a root that closes itself', '<DescribeImagesResponse xmlns="x"/>'],
    [
      'comments before the root (as in the documented examples)',
      `${DECLARATION}<!-- example -->\n<!-- two -->\n<DescribeImagesResponse></DescribeImagesResponse>`,
    ],
  ])('a 200 with %s is EC2', (_label, text) => {
    expect(answer(200, text)).toBeUndefined();
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>Log in</body></html>'],
    ['HTML without a DOCTYPE', '<html><body>Log in</body></html>'],
    ['nothing', ''],
    ['JSON', '{"Images":[]}'],
    ['another action', `${DECLARATION}<DescribeRegionsResponse></DescribeRegionsResponse>`],
    ['an error document', `${DECLARATION}<Response><Errors/></Response>`],
    ['a prefix of the name', '<DescribeImagesResponseX></DescribeImagesResponseX>'],
    ['an answer cut short', `${DECLARATION}<DescribeImagesResponse><imagesSet>`],
  ])('a 200 with %s is not', (_label, text) => {
    expect(answer(200, text, { contentType: 'text/html' })).toEqual({
      kind: 'not-ec2',
      status: 200,
      contentType: 'text/html',
    });
  });

  it('an error status needs EC2 error XML (<Response>, or <ErrorResponse>)', () => {
    expect(
      answer(400, `${DECLARATION}<Response><Errors><Error><Code>X</Code></Error></Errors></Response>`),
    ).toBeUndefined();
    expect(answer(403, '<ErrorResponse><Error/></ErrorResponse>')).toBeUndefined();
    expect(answer(502, '<html>Bad Gateway</html>')).toEqual({ kind: 'not-ec2', status: 502 });
  });

  it('any 3xx is a redirect, with its target when there is one', () => {
    expect(answer(301, '', { location: 'https://elsewhere/' })).toEqual({
      kind: 'redirect',
      status: 301,
      location: 'https://elsewhere/',
    });
    expect(answer(304, '')).toEqual({ kind: 'redirect', status: 304 });
  });
});

describe('queryAction', () => {
  it('reads Action from the form-encoded Query body', () => {
    expect(queryAction('Action=DescribeImages&Version=2016-11-15&Owner.1=self')).toBe('DescribeImages');
    expect(queryAction('Version=2016-11-15&Action=DescribeRegions')).toBe('DescribeRegions');
    expect(queryAction('NoAction=1')).toBeUndefined();
    expect(queryAction(undefined)).toBeUndefined();
  });
});

describe('readBody', () => {
  it('collects a stream into one array', async () => {
    const bytes = await readBody(Readable.from([Buffer.from('<a>'), Buffer.from('</a>')]), 100);
    expect(new TextDecoder().decode(bytes)).toBe('<a></a>');
  });

  it('stops, and destroys the stream, past the limit', async () => {
    const stream = Readable.from(
      (function* () {
        for (;;) yield Buffer.alloc(1024);
      })(),
    );
    expect(await readBody(stream, 10_000)).toBeUndefined();
    expect(stream.destroyed).toBe(true);
  });

  it('takes an array or nothing as it is', async () => {
    expect(await readBody(new Uint8Array([60]), 1)).toEqual(new Uint8Array([60]));
    expect(await readBody(undefined, 1)).toEqual(new Uint8Array());
    expect(await readBody(new Uint8Array(5), 4)).toBeUndefined();
  });
});
