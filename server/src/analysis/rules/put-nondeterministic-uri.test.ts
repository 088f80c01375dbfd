import * as assert from 'node:assert/strict';
import { applyFix, at, findingsOf, http } from '../testing/lint';

const RULE = 'put-nondeterministic-uri';
const found = (text: string) => findingsOf(text, RULE).map((f) => at(text, f.span));

describe(RULE, () => {
  describe('random and clock-based variables in the URL', () => {
    const cases: Array<[string, string]> = [
      ['REST Client $guid', 'PUT https://api.example.com/projects/{{$guid}}'],
      ['JetBrains $uuid', 'PUT http://localhost:8080/projects/{{$uuid}}'],
      ['JetBrains $random.uuid', 'PUT {{host}}/projects/{{$random.uuid}}'],
      ['$randomInt with arguments', 'PUT {{host}}/projects/{{$randomInt 1 1000}}'],
      ['$timestamp', 'PUT {{host}}/reports/{{$timestamp}}'],
      ['$isoTimestamp', 'PUT {{host}}/reports/{{$isoTimestamp}}'],
      ['$datetime with a format', 'PUT {{host}}/reports/{{$datetime iso8601}}'],
      ['$localDatetime', 'PUT {{host}}/reports/{{$localDatetime rfc1123}}'],
      ['httpYac JavaScript', 'PUT {{host}}/reports/{{Date.now()}}'],
      ['in the query string', 'PUT {{host}}/reports?key={{$guid}}'],
    ];
    for (const [name, line] of cases) {
      it(`reports ${name}, on the variable`, () => {
        const text = `${line}\nContent-Type: application/json\n\n{ "title": "x" }\n`;
        const variable = /\{\{[^}]*\$[^}]*\}\}|\{\{Date\.now\(\)\}\}/.exec(line)![0];
        assert.deepEqual(found(text), [`1:${variable}`]);
      });
    }

    it('explains the variable in the message', () => {
      const text = 'PUT https://api.example.com/projects/{{$guid}}\n';
      const [f] = findingsOf(text, RULE);
      assert.match(f.message, /^PUT URL contains \{\{\$guid\}\}: .*GUID on every send.*not idempotent/);
      assert.equal(f.severity, 'warning');
    });

    it('offers to replace the variable with a client-chosen id and defines it', () => {
      const text = http`
        ### Upsert a project
        # @name upsertProject
        PUT https://api.example.com/projects/{{$guid}}
        Content-Type: application/json

        { "name": "Apollo" }
      `;
      const [f] = findingsOf(text, RULE);
      const fix = f.fixes.find((x) => x.id === 'replace-dynamic-variable')!;
      assert.equal(fix.title, 'Replace {{$guid}} with a client-chosen id variable {{projectId}}');
      assert.equal(applyFix(text, fix).split('\n').slice(0, 5).join('\n'),
        '@projectId = choose-a-stable-id\n\n### Upsert a project\n# @name upsertProject\nPUT https://api.example.com/projects/{{projectId}}');
      const post = f.fixes.find((x) => x.id === 'change-method:POST-collection')!;
      assert.match(applyFix(text, post), /\nPOST https:\/\/api\.example\.com\/projects\nContent-Type/);
    });

    it('does not define the id variable again when the file has it', () => {
      const text = '@projectId = 1\n\n###\nPUT https://x.io/projects/{{$uuid}}\n';
      const fix = findingsOf(text, RULE)[0].fixes.find((x) => x.id === 'replace-dynamic-variable')!;
      assert.equal(fix.edits.length, 1);
    });

    it('stays silent on stable variables and random values in the body', () => {
      const text = http`
        @host = https://api.example.com
        ###
        PUT {{host}}/projects/{{projectId}}
        Authorization: Bearer {{$processEnv TOKEN}}
        Content-Type: application/json

        { "requestId": "{{$guid}}", "at": "{{$timestamp}}" }

        ###
        PUT {{host}}/config/{{$dotenv REGION}}
        ###
        PUT {{$processEnv API}}/users/{{ projectUUID }}
      `;
      assert.deepEqual(found(text), []);
    });

    it('ignores other methods', () => {
      assert.deepEqual(found('POST https://api.example.com/projects/{{$guid}}\n'), []);
      assert.deepEqual(found('GET https://api.example.com/projects?nonce={{$randomInt}}\n'), []);
    });
  });

  describe('collection targets', () => {
    it('reports a PUT to a plural collection with one object, on the method token', () => {
      const text = http`
        @baseUrl = https://api.example.com
        ### Create a project
        PUT {{baseUrl}}/api/v1/projects
        Content-Type: application/json

        { "name": "Apollo", "owner": "ada" }
      `;
      const [f] = findingsOf(text, RULE);
      assert.equal(at(text, f.span), '3:PUT');
      assert.equal(f.message, "PUT targets the collection /api/v1/projects with a single object; the server, not the client, chooses the new item's URI. Put the item's id in the URI or use POST.");
      assert.deepEqual(f.fixes.map((x) => x.title), [
        "Change PUT to POST: the server assigns the new item's URI",
        "Put the item's id in the URI: PUT /api/v1/projects/{{projectId}}",
        'Suppress put-nondeterministic-uri for this request',
      ]);
      assert.match(applyFix(text, f.fixes[0]), /\nPOST \{\{baseUrl\}\}\/api\/v1\/projects\n/);
      assert.match(applyFix(text, f.fixes[1]), /\nPUT \{\{baseUrl\}\}\/api\/v1\/projects\/\{\{projectId\}\}\n/);
    });

    it('uses the id the body already carries when adding it to the URI', () => {
      const text = 'PUT /api/categories?dryRun=true\nContent-Type: application/json\n\n{ "id": "{{categoryId}}", "label": "Tools" }\n';
      const [f] = findingsOf(text, RULE);
      const add = f.fixes.find((x) => x.id === 'add-id-to-uri')!;
      assert.equal(applyFix(text, add).split('\n')[0], 'PUT /api/categories/{{categoryId}}?dryRun=true');
    });

    it('treats a singular segment as a collection only when the file addresses its items', () => {
      const body = 'Content-Type: application/json\n\n{ "name": "Apollo" }\n';
      const alone = `PUT https://api.example.com/api/v1/project\n${body}`;
      assert.deepEqual(found(alone), []);
      const withItems = `${alone}\n###\nGET https://api.example.com/api/v1/project/{{projectId}}\n`;
      const [f] = findingsOf(withItems, RULE);
      assert.equal(at(withItems, f.span), '1:PUT');
      assert.ok(f.evidence.some((e) => e.message.startsWith('GET /api/v1/project/{{projectId}} addresses single items')));
    });

    it('resolves file variables before judging the shape', () => {
      const text = '@resource = users\n@id = 42\n\n###\nPUT /v2/{{resource}}\nContent-Type: application/json\n\n{"name":"a"}\n\n###\nPUT /v2/{{resource}}/{{id}}\nContent-Type: application/json\n\n{"name":"a"}\n';
      assert.deepEqual(found(text), ['5:PUT']);
    });

    const silent: Array<[string, string]> = [
      ['an item URI', 'PUT /api/v1/projects/{{projectId}}\n\n{ "name": "a" }'],
      ['an item URI with a literal id', 'PUT /api/v1/projects/42\n\n{ "name": "a" }'],
      ['an array replacing the collection', 'PUT /api/v1/projects\n\n[{ "name": "a" }, { "name": "b" }]'],
      ['the current user', 'PUT /user\n\n{ "name": "Ada" }'],
      ['me', 'PUT /api/me\n\n{ "name": "Ada" }'],
      ['settings', 'PUT /api/settings\n\n{ "theme": "dark" }'],
      ['a sub-resource of an item', 'PUT /customers/{{id}}/status\n\n{ "status": "active" }'],
      ['a plural sub-resource of an item without corroboration', 'PUT /users/{{id}}/permissions\n\n{ "admin": true }'],
      ['a body from a file', 'PUT /api/v1/projects\n\n< ./project.json'],
      ['no body', 'PUT /api/v1/projects'],
      ['an action', 'PUT /api/v1/projects/{{id}}/archive\n\n{ "at": "now" }'],
    ];
    for (const [name, text] of silent) {
      it(`stays silent on ${name}`, () => assert.deepEqual(found(text + '\n'), []));
    }
  });

  describe('suppression', () => {
    it('honours a disable-next-line comment with a reason, for that request only', () => {
      const text = http`
        ###
        # @name createProject
        # http-method-lint-disable-next-line put-nondeterministic-uri -- legacy endpoint, fixed in v3
        PUT /api/projects/{{$guid}}

        ###
        PUT /api/projects/{{$guid}}
      `;
      assert.deepEqual(found(text), ['7:{{$guid}}']);
    });

    it('inserts the suppression comment above the request line', () => {
      const text = '###\n  PUT /api/projects/{{$guid}}\n';
      const fix = findingsOf(text, RULE)[0].fixes.find((x) => x.id === `suppress:${RULE}`)!;
      const fixed = applyFix(text, fix);
      assert.equal(fixed, '###\n  # http-method-lint-disable-next-line put-nondeterministic-uri\n  PUT /api/projects/{{$guid}}\n');
      assert.deepEqual(found(fixed), []);
    });

    it('keeps CRLF line endings in inserted lines', () => {
      const text = '###\r\nPUT /api/projects/{{$guid}}\r\n';
      const fix = findingsOf(text, RULE)[0].fixes.find((x) => x.id === `suppress:${RULE}`)!;
      assert.equal(applyFix(text, fix), '###\r\n# http-method-lint-disable-next-line put-nondeterministic-uri\r\nPUT /api/projects/{{$guid}}\r\n');
    });
  });
});
