/**
 * What the request log may say. Fastify logs every request URL: slip ids (`/b/…`) and
 * query strings are cut out, and nothing else about a request is logged.
 */
export function redactUrl(url: string): string {
  const path = url.split('?')[0]!.split('#')[0]!;
  return path.replace(/^\/b\/[^/]*/, '/b/[slip]');
}

export const logSerializers = {
  req(request: { method: string; url: string }) {
    return { method: request.method, url: redactUrl(request.url) };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
};
