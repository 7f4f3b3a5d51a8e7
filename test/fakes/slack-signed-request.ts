import { createHmac } from 'node:crypto';

/** Headers Slack sends with an HTTP event: `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function slackSignatureHeaders(secret: string, body: string, timestampSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': `v0=${signature}`,
  };
}

/** POSTs an Events API body to a Bolt HTTP endpoint with the given headers; returns the status code. */
export async function postSlackEvent(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers, body });
  await response.text();
  return response.status;
}
