// Mollie's own code judges what it gets: SignatureValidator on the raw body and X-Mollie-Signature, and the SDK's
// models (entityWebhookEventFromJSON, entityWebhookFromJSON) on the body. One JSON verdict per request, on stdout
// and as the answer: 200 when every check passed, else 400.
import http from "node:http";
import { SignatureValidator } from "mollie-api-typescript/utils/webhooks/index.js";
import { entityWebhookEventFromJSON } from "mollie-api-typescript/models/entitywebhookevent.js";
import { entityWebhookFromJSON } from "mollie-api-typescript/models/entitywebhook.js";

const secret = process.argv[2];

async function signatureVerdict(body, header) {
  try {
    return await SignatureValidator.validate(body, secret, header ?? null);
  } catch (e) {
    return false;
  }
}

function parsed(result) {
  return result.ok ? { parsed: true, value: result.value } : { parsed: false, error: String(result.error) };
}

const server = http.createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) {
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  let verdict;
  if (request.url === "/subscription") {
    verdict = { kind: "subscription", ...parsed(entityWebhookFromJSON(body)) };
  } else {
    const signature = request.headers["x-mollie-signature"];
    verdict = { kind: "event", path: request.url, signatureHeader: signature ?? null,
      signatureValid: await signatureVerdict(body, signature), ...parsed(entityWebhookEventFromJSON(body)) };
  }
  const ok = verdict.parsed && verdict.signatureValid !== false;
  process.stdout.write(JSON.stringify(verdict) + "\n");
  response.writeHead(ok ? 200 : 400, { "content-type": "application/json" });
  response.end(JSON.stringify(verdict));
});
server.listen(0, "127.0.0.1", () => process.stdout.write(JSON.stringify({ listening: server.address().port }) + "\n"));
