import express from 'express';
import request from 'supertest';
import { describeRequestErrors, JSON_BODY_LIMIT } from './requestErrors';

function app() {
  const server = express();
  server.use(express.json({ limit: JSON_BODY_LIMIT }));
  server.post('/v1/things/:name', (req, res) => {
    res.json({ name: req.params.name, body: req.body });
  });
  server.use(describeRequestErrors);
  server.use(
    (
      error: Error & { status?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res
        .status(error.name === 'InputError' ? 400 : error.status ?? 500)
        .json({ name: error.name, message: error.message });
    },
  );
  return server;
}

describe('describeRequestErrors', () => {
  it.each(['{"comment":', '{comment: 1}', 'null', '{"a":1}}'])(
    'names the body and the fix for JSON that does not parse: %s',
    async body => {
      const res = await request(app())
        .post('/v1/things/x')
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.name).toBe('InputError');
      expect(res.body.message).toMatch(
        /^Invalid request body: it is not valid JSON \(.+\)\. Send one JSON object with Content-Type: application\/json/,
      );
    },
  );

  it('names the body when it is too large, keeping the 413', async () => {
    const res = await request(app())
      .post('/v1/things/x')
      .send({ comment: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(
      /^Invalid request body: it is larger than 100kb/,
    );
  });

  it.each(['%E0%A4%A', '%', '%zz', '%C0%80'])(
    'names the path segment that is not valid %%-encoding: %s',
    async segment => {
      const res = await request(app()).post(`/v1/things/${segment}`).send({});
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(
        `Invalid path: "${segment}" is not valid percent-encoding. Write each reserved or non-ASCII character as the %XX bytes of its UTF-8 encoding (a space is %20, "é" is %C3%A9).`,
      );
    },
  );

  it('passes other errors and good requests through', async () => {
    const ok = await request(app()).post('/v1/things/a%20b').send({ a: 1 });
    expect(ok.body).toEqual({ name: 'a b', body: { a: 1 } });
  });
});
