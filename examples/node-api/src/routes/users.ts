import { Router } from 'express';
import { User } from '../models/user';

const users = Router();

users.post('/', async (req, res) => {
  const user = await User.create(req.body);
  res.status(201).location(`/api/users/${user.id}`).json(user);
});

users.get('/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) return res.sendStatus(404);
  res.json(user);
});

// post-full-replacement: the whole body overwrites the user at its own URI; that is PUT.
users.post('/:id', async (req, res) => {
  const user = await User.findByIdAndUpdate(req.params.id, req.body, { new: true, runValidators: true });
  res.json(user);
});

// The correct twin: the same replacement under PUT.
users.put('/:id', async (req, res) => {
  const user = await User.findOneAndReplace({ _id: req.params.id }, req.body, { new: true });
  res.json(user);
});

// An action under the item is a normal POST.
users.post('/:id/password-reset', async (req, res) => {
  await User.updateOne({ _id: req.params.id }, { resetRequestedAt: new Date() });
  res.sendStatus(202);
});

export default users;
