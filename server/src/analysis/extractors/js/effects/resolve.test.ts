import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { collectEffects } from './index';
import { findHandler, parse, run } from './test-support';

describe('effects: finding the handler and what it calls', () => {
  const store = `
const projects = new Map<string, Project>();
`;

  it('resolves a handler named by a const arrow, a function declaration, or wrapped in asyncHandler', () => {
    const arrow = run(`${store}
const updateProject = async (req, res) => { projects.set(req.params.id, req.body); res.sendStatus(204); };
router.put('/projects/:id', updateProject);`, 'put');
    assert.deepEqual(arrow.lines, ['full-replace: projects.set(req.params.id, req.body)', 'status 204: res.sendStatus(204)']);
    const declared = run(`${store}
router.put('/projects/:id', updateProject);
function updateProject(req, res) { projects.set(req.params.id, req.body); res.end(); }`, 'put');
    assert.deepEqual(declared.lines, ['full-replace: projects.set(req.params.id, req.body)']);
    const wrapped = run(`${store}
const updateProject = asyncHandler(async (req, res) => { projects.set(req.params.id, req.body); });
router.put('/projects/:id', authenticate, updateProject);`, 'put');
    assert.deepEqual(wrapped.lines, ['full-replace: projects.set(req.params.id, req.body)']);
  });

  it('resolves controller.update on an object literal and on a class instance (with .bind)', () => {
    const literal = run(`${store}
const projectController = {
  async update(req, res) { projects.set(req.params.id, { ...projects.get(req.params.id), ...req.body }); res.json({}); },
};
router.patch('/projects/:id', projectController.update);`, 'patch');
    assert.deepEqual(literal.effects.map((e) => e.kind), ['partial-update']);
    const instance = run(`${store}
class ProjectController {
  remove = (req, res) => { projects.delete(req.params.id); res.status(204).end(); };
}
const controller = new ProjectController();
router.delete('/projects/:id', controller.remove.bind(controller));`, 'delete');
    assert.deepEqual(instance.lines, ['delete: projects.delete(req.params.id)', 'status 204: res.status(204)']);
  });

  it('follows a same-file helper and judges its writes by the caller\'s arguments', () => {
    const r = run(`${store}
function saveProject(id: string, data: unknown) {
  projects.set(id, data);
}
router.post('/projects/:id', (req, res) => {
  saveProject(req.params.id, req.body);
  res.json({ ok: true });
});`, 'post');
    assert.deepEqual(r.lines, ['full-replace: projects.set(id, data)']);
    assert.equal(r.effects[0].description, 'projects.set() stores the whole request body as the item');
  });

  it('follows NestJS controller -> injected service in the same file', () => {
    const sf = parse(`
@Injectable()
export class TodosService {
  private todos = new Map<number, Todo>();
  private seq = 0;
  create(dto: CreateTodoDto) {
    const todo = { id: ++this.seq, ...dto };
    this.todos.set(todo.id, todo);
    return todo;
  }
}
@Controller('todos')
export class TodosController {
  constructor(private readonly todosService: TodosService) {}
  @Put()
  @HttpCode(201)
  create(@Body() dto: CreateTodoDto) {
    return this.todosService.create(dto);
  }
}`);
    const controller = sf.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === 'TodosController');
    const method = controller?.members.find((m) => ts.isMethodDeclaration(m));
    assert.ok(method);
    const effects = collectEffects(method, { sourceFile: sf, filePath: sf.fileName });
    assert.deepEqual(effects.map((e) => `${e.kind}: ${sf.text.slice(e.span.start, e.span.end)}`), [
      'mints-id: ++this.seq', 'insert: this.todos.set(todo.id, todo)', 'status: @HttpCode(201)',
    ]);
  });

  it('resolves an imported handler through the caller\'s resolver and reports the other file', () => {
    const routes = parse(`
import { replaceUser } from './users.controller';
router.put('/users/:id', replaceUser);`, '/app/src/routes.ts');
    const controller = parse(`
import { users } from '../db/users';
export async function replaceUser(req, res) {
  await users.replaceOne({ _id: req.params.id }, req.body);
  res.status(200).json(req.body);
}`, '/app/src/users.controller.ts');
    const asked: string[] = [];
    const resolveImported = (specifier: string, exportName: string) => {
      asked.push(`${specifier}#${exportName}`);
      const node = findHandler(controller, exportName);
      return { node, sourceFile: controller, filePath: controller.fileName };
    };
    const effects = collectEffects(findHandler(routes, 'put'), { sourceFile: routes, filePath: routes.fileName, resolveImported });
    assert.deepEqual(asked, ['./users.controller#replaceUser']);
    assert.deepEqual(effects.map((e) => `${e.filePath} ${e.kind}: ${controller.text.slice(e.span.start, e.span.end)}`), [
      '/app/src/users.controller.ts full-replace: users.replaceOne({ _id: req.params.id }, req.body)',
      '/app/src/users.controller.ts status: res.status(200)',
    ]);
  });

  it('stops on recursion and on a resolver that throws', () => {
    const r = run(`${store}
function a(id, body) { projects.set(id, body); b(id, body); }
function b(id, body) { a(id, body); }
router.put('/projects/:id', (req, res) => { a(req.params.id, req.body); });`, 'put');
    assert.deepEqual(r.lines, ['full-replace: projects.set(id, body)']);
    const sf = parse(`import { handler } from './h';\nrouter.put('/x/:id', handler);`);
    const effects = collectEffects(findHandler(sf, 'put'), {
      sourceFile: sf, filePath: sf.fileName, resolveImported: () => { throw new Error('resolver broke'); },
    });
    assert.deepEqual(effects, []);
  });
});
