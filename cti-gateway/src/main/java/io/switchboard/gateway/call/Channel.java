package io.switchboard.gateway.call;

/** One leg of a call as the tracker knows it. Mutable, owned by the tracker thread. */
final class Channel {

    final String uniqueid;
    /**
     * The channel's name, kept for real channels, agents' legs and a campaign originate's Local channel (the ones a
     * command may hang up, redirect or transfer from); null for the other Local channels, the most numerous.
     */
    final String name;
    /** The agent's extension when this channel is an agent's phone leg, else null. */
    final String agent;

    final boolean local;
    Call call;
    boolean up;
    String bridgeId;
    /** Seen in the resync listing that is being received, or created while it was received. */
    boolean listed;

    Channel(String uniqueid, String name, String agent, Call call, boolean up) {
        this(uniqueid, name, agent, call, up, false);
    }

    /** @param customerSide a Local channel that stands for the customer (a campaign's), whose name is kept */
    Channel(String uniqueid, String name, String agent, Call call, boolean up, boolean customerSide) {
        this.uniqueid = uniqueid;
        this.local = name != null && name.startsWith("Local/");
        this.agent = agent;
        this.name = local && agent == null && !customerSide ? null : name;
        this.call = call;
        this.up = up;
    }
}
