import { Router } from 'express';
import { Session } from '../models/session';

export const sessions = Router();

sessions.get('/:id', async (req, res) => {
  const session = await Session.findById(req.params.id);
  if (!session) return res.sendStatus(404);
  res.json(session);
});

// unsafe-get: a link that revokes a session; mail scanners and prefetchers will follow it.
sessions.get('/:id/revoke', async (req, res) => {
  await Session.deleteOne({ _id: req.params.id });
  res.redirect('/account/sessions');
});

// The correct twin: revoking is DELETE.
sessions.delete('/:id', async (req, res) => {
  await Session.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});
