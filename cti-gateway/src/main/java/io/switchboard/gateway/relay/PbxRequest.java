package io.switchboard.gateway.relay;

/**
 * A command for the owner of a PBX's link, on the {@link PbxRelay#REQUESTS} topic (every node hears it; only the
 * node owning {@code pbx} acts and answers).
 *
 * @param id the request's id, which the reply carries
 * @param pbx the PBX's id in configuration
 * @param from the node that asks, to which the reply is addressed
 */
public record PbxRequest(String id, String pbx, String from, PbxCommand<?> command) {}
