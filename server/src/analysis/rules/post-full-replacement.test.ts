import * as assert from 'node:assert/strict';
import { applyFix, at, findingsOf, http } from '../testing/lint';

const RULE = 'post-full-replacement';
const found = (text: string) => findingsOf(text, RULE).map((f) => at(text, f.span));

describe(RULE, () => {
  it('reports a POST to an item whose body repeats the id', () => {
    const text = http`
      @baseUrl = https://api.example.com
      @userId = 42

      ### Update user
      POST {{baseUrl}}/api/users/{{userId}}
      Content-Type: application/json

      { "id": {{userId}}, "name": "Ada" }
    `;
    const [f] = findingsOf(text, RULE);
    assert.equal(at(text, f.span), '5:POST');
    assert.equal(f.message, 'POST to the item /api/users/{{userId}} sends a full representation of it: the body repeats its id ("id": {{userId}}); replacing the item at its own URI is what PUT means, and PUT makes retries safe.');
    assert.equal(at(text, f.evidence[0].span), '8:"id": {{userId}}');
    assert.equal(f.fixes[0].title, 'Change POST to PUT: replacing the item at its own URI is idempotent');
    assert.match(applyFix(text, f.fixes[0]), /\nPUT \{\{baseUrl\}\}\/api\/users\/\{\{userId\}\}\n/);
  });

  it('matches a literal id and a prefixed id key', () => {
    assert.deepEqual(found('POST /api/users/42\n\n{ "id": 42, "name": "Ada" }\n'), ['1:POST']);
    assert.deepEqual(found('POST /api/orders/{{orderId}}\n\n{ "orderId": "{{orderId}}", "total": 3 }\n'), ['1:POST']);
    assert.deepEqual(found('post /api/users/42\n\n{ "id": "42" }\n'), ['1:post']);
  });

  it('keeps the written case when changing the method', () => {
    const text = 'post /api/users/42\n\n{ "id": 42 }\n';
    assert.equal(applyFix(text, findingsOf(text, RULE)[0].fixes[0]), 'put /api/users/42\n\n{ "id": 42 }\n');
  });

  it('reports a complete object sent to an item', () => {
    const text = http`
      POST https://api.example.com/api/products/{{product_id}}
      Content-Type: application/json

      {
        "name": "Lamp",
        "price": 19.9,
        "stock": 3
      }
    `;
    const [f] = findingsOf(text, RULE);
    assert.equal(at(text, f.span), '1:POST');
    assert.match(f.message, /the body is a complete object \(name, price, stock\), not a command/);
  });

  const silent: Array<[string, string]> = [
    ['a POST to a collection', 'POST /api/users\n\n{ "id": 42, "name": "Ada", "email": "a@x.io" }'],
    ['an action under an item', 'POST /orders/{{orderId}}/cancel\n\n{ "reason": "late", "notify": true, "refund": "full" }'],
    ['a sub-collection under an item', 'POST /articles/{{slug}}/comments\n\n{ "author": "ada", "text": "hi", "at": 1 }'],
    ['login', 'POST /auth/login\n\n{ "user": "ada", "password": "x", "otp": "1" }'],
    ['a token endpoint under an item', 'POST /clients/{{clientId}}/token\n\n{ "grant_type": "x", "scope": "y", "aud": "z" }'],
    ['search', 'POST /api/search\n\n{ "q": "lamp", "page": 1, "size": 10 }'],
    ['graphql', 'POST /graphql\nContent-Type: application/json\n\n{ "query": "{ a }", "variables": {}, "operationName": "A" }'],
    ['a command body', 'POST /api/users/42\n\n{ "action": "resend-invite", "channel": "email", "lang": "en" }'],
    ['a short body that does not repeat the id', 'POST /api/users/42\n\n{ "note": "hello" }'],
    ['a different id in the body', 'POST /api/users/42\n\n{ "id": 43 }'],
    ['a form body', 'POST /api/users/42\nContent-Type: application/x-www-form-urlencoded\n\nname=a&email=b&role=c'],
    ['a PUT', 'PUT /api/users/42\n\n{ "id": 42, "name": "Ada", "email": "a@x.io" }'],
    ['no body', 'POST /api/users/42'],
  ];
  for (const [name, text] of silent) {
    it(`stays silent on ${name}`, () => assert.deepEqual(found(text + '\n'), []));
  }

  it('can be switched off through options', async () => {
    const { lint } = await import('../testing/lint');
    const text = 'POST /api/users/42\n\n{ "id": 42 }\n';
    assert.equal(lint(text, 'a.http', { rules: { [RULE]: 'off' } }).findings.length, 0);
    assert.equal(lint(text, 'a.http', { rules: { [RULE]: 'error' } }).findings[0].severity, 'error');
  });
});
