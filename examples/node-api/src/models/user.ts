import { Schema, model } from 'mongoose';

const userSchema = new Schema({
  email: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  role: { type: String, enum: ['member', 'admin'], default: 'member' },
});

export const User = model('User', userSchema);
