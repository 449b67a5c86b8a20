package io.switchboard.gateway.webhook;

/**
 * A POST to the events path, taken out of Netty's reference-counted request: the signature headers (null when
 * absent), the raw body, and whether the connection stays open after the answer.
 */
record WebhookRequest(String timestamp, String signature, byte[] body, boolean keepAlive) {}
