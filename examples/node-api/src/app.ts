import express from 'express';
import { sessions } from './routes/sessions';
import users from './routes/users';

const app = express();
app.use(express.json());

// Routers live in their own files; the linter follows these mounts to report full paths.
app.use('/api/users', users);
app.use('/api/sessions', sessions);

app.listen(Number(process.env.PORT ?? 3000));
