import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import type { InboxService } from '../services/InboxService';

export interface InboxRoutesOptions {
  httpAuth: HttpAuthService;
  inbox: InboxService;
}

/** `GET /v1/inbox`: the waivers and reviews the signed-in user may decide. */
export function createInboxRoutes(options: InboxRoutesOptions): express.Router {
  const { httpAuth, inbox } = options;
  const router = Router();
  router.get('/v1/inbox', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await inbox.getInbox(credentials));
  });
  return router;
}
