package io.switchboard.gateway.webhook;

/** A signed, valid event on its way to the call tracker, with whether the connection stays open. */
record PostedEvent(WebhookEvent event, boolean keepAlive) {}
