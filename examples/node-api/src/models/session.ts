import { Schema, model } from 'mongoose';

const sessionSchema = new Schema({
  user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  userAgent: String,
  expiresAt: Date,
});

export const Session = model('Session', sessionSchema);
