/** Request files as teams write them, shared by the protocol tests. */

/** One PUT under a random id and one POST that replaces an item: two findings. */
export const ORDERS_HTTP = `@host = https://api.example.com
@orderId = 1042

### Place an order under a random id
PUT {{host}}/orders/{{$guid}}
Content-Type: application/json

{ "sku": "A-7", "quantity": 2 }

### Update an order with POST
POST {{host}}/orders/{{orderId}}
Content-Type: application/json

{
  "sku": "A-7",
  "quantity": 3,
  "note": "gift wrap"
}

### List orders (correct)
GET {{host}}/orders?page=2
`;

/** Nothing to report: PUT at a client-chosen URI, POST to a collection, an action under an item. */
export const CLEAN_HTTP = `@host = https://api.example.com
@orderId = 1042

### Replace an order at its own URI
PUT {{host}}/orders/{{orderId}}
Content-Type: application/json

{ "id": {{orderId}}, "sku": "A-7", "quantity": 3 }

### Create an order
POST {{host}}/orders
Content-Type: application/json

{ "sku": "A-7", "quantity": 2 }

### Cancel an order
POST {{host}}/orders/{{orderId}}/cancel
`;

/** A single finding: a random id in a PUT URL. */
export const GUID_PUT_HTTP = `@baseUrl = http://localhost:8080

### Seed a user
PUT {{baseUrl}}/users/{{$guid}}
Content-Type: application/json

{ "name": "Test User" }
`;

/** A single finding: POST that replaces the item at its URI. */
export const POST_REPLACE_HTTP = `@host = http://localhost:3000
@userId = 42

### Update a user
POST {{host}}/users/{{userId}}
Content-Type: application/json

{
  "id": {{userId}},
  "name": "Ada Lovelace",
  "email": "ada@example.com"
}
`;
