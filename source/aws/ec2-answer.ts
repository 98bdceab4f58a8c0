// Is this HTTP answer from EC2? The SDK parses whatever arrives: a captive portal's HTML page, an empty
// 200 or JSON all read as "no images", and an audit of nothing passes. So every answer is checked
// before the SDK sees it: a 2xx must be the action's own XML document (<DescribeImagesResponse>...
// </DescribeImagesResponse>), an error status must carry EC2's <Response><Errors>, and a redirect is
// reported, never followed (it would send signed requests elsewhere). Pure; the middleware that feeds it
// is in ec2-answer-check.ts.

export interface AnswerFacts {
  status: number;
  contentType?: string;
  /** The body as text. */
  text: string;
  /** The Query API action, e.g. DescribeImages. */
  action: string;
  location?: string;
}

export type AnswerProblem =
  | { kind: 'redirect'; status: number; location?: string }
  | { kind: 'not-ec2'; status: number; contentType?: string };

export function answerProblem(answer: AnswerFacts): AnswerProblem | undefined {
  const { status } = answer;
  if (status >= 300 && status < 400)
    return { kind: 'redirect', status, ...(answer.location ? { location: answer.location } : {}) };
  // EC2's errors are <Response><Errors>; other AWS query services use <ErrorResponse>.
  const roots = status >= 200 && status < 300 ? [`${answer.action}Response`] : ['Response', 'ErrorResponse'];
  const document = rootOf(answer.text);
  if (document && roots.includes(document.name) && isComplete(document)) return undefined;
  return { kind: 'not-ec2', status, ...(answer.contentType ? { contentType: answer.contentType } : {}) };
}

// Before the root: the XML declaration, comments, white space. Not a DOCTYPE: that is where HTML
// pages begin, and EC2 never sends one.
const PROLOG = /^\s*(?:<\?xml[^>]*\?>)?(?:\s|<!--[\s\S]*?-->)*/;
const START_TAG = /^<([A-Za-z_][\w.-]*)(?=[\s/>])/;

interface RootElement {
  name: string;
  /** The text from the root's start tag on, white space at the end trimmed. */
  text: string;
}

/** The document's root element, or undefined when the text does not start like XML. */
function rootOf(text: string): RootElement | undefined {
  const rest = text.slice(PROLOG.exec(text)![0].length).trimEnd();
  const name = START_TAG.exec(rest)?.[1];
  return name ? { name, text: rest } : undefined;
}

/** It ends with the root's end tag, or the root closes itself: an answer cut short is not complete. */
const isComplete = (root: RootElement) => root.text.endsWith(`</${root.name}>`) || /^<[^<>]*\/>$/.test(root.text);

/** The Query protocol names the action in the form-encoded body: Action=DescribeImages&Version=... */
export function queryAction(body: unknown): string | undefined {
  return typeof body === 'string' ? /(?:^|&)Action=([A-Za-z0-9]+)(?:&|$)/.exec(body)?.[1] : undefined;
}
