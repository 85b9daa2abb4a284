/**
 * Fetching a capture by URL (share links, ?capture=, examples) with errors
 * that say what happened: the URL, the HTTP status, or the content type the
 * server sent instead of a capture (an HTML error page must not be read as
 * "bytes 3c 21 64 6f"), or that the request itself failed (offline, or a
 * server on another origin that does not allow this page to read it: CORS).
 */

/** Content types that are never a capture: a web page or other text the server sent in its place. */
const NOT_A_CAPTURE = /^(text\/|application\/(xhtml\+xml|json|xml|javascript)\b)/i;

/** Why a response cannot be read as a capture, or null when it can. */
export function responseProblem(url: string, status: number, statusText: string, contentType: string | null): string | null {
  if (status < 200 || status > 299) return `cannot open ${url}: the server answered HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  const type = (contentType ?? '').split(';')[0]!.trim();
  if (NOT_A_CAPTURE.test(type)) {
    const what = /html/i.test(type) ? 'a web page' : 'text';
    return `cannot open ${url}: the server sent ${what} (Content-Type: ${type}), not a capture; is the address the capture file itself?`;
  }
  return null;
}

/** fetch() of a capture URL: the Response when it holds a capture, else an Error saying why. */
export async function fetchCapture(url: string, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new Error(`cannot open ${url}: the request failed (the network is down, the name does not resolve, or the server does not let this page read it: cross-origin requests need CORS)`, { cause: err });
  }
  const problem = responseProblem(url, res.status, res.statusText, res.headers.get('content-type'));
  if (problem) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(problem);
  }
  return res;
}
