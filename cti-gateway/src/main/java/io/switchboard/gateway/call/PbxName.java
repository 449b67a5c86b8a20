package io.switchboard.gateway.call;

import java.util.Objects;

/**
 * A name that belongs to one PBX: an agent's extension or a queue. Extension 1001 on PBX {@code a} and 1001 on PBX
 * {@code b} are two agents, and a queue {@code support} on each PBX two queues, so what leaves a PBX's tracker names
 * them as call ids are named ({@link PbxCallIds}): {@code <pbx>:<name>}, e.g. {@code b:1001} or {@code b:support};
 * the {@code default} PBX keeps the bare name, so an installation with one PBX, and what it stored, read as before.
 *
 * @param pbx the PBX's id ({@link PbxCallIds#DEFAULT_PBX} for the single {@code switchboard.ami} link)
 * @param name the PBX's own name for it: the extension or the queue as the PBX knows it
 */
public record PbxName(String pbx, String name) {

    private static final char SEPARATOR = ':';

    public PbxName {
        Objects.requireNonNull(name, "name");
        pbx = pbx == null || pbx.isBlank() ? PbxCallIds.DEFAULT_PBX : pbx;
    }

    /** The name as events and the rest of Switchboard carry it: {@code <pbx>:<name>}, bare on the default PBX. */
    public static String key(String pbx, String name) {
        if (name == null) {
            return null;
        }
        return pbx == null || PbxCallIds.DEFAULT_PBX.equals(pbx) ? name : pbx + SEPARATOR + name;
    }

    /** Reads a {@link #key}: {@code b:1001} is 1001 on PBX {@code b}, a bare {@code 1001} is on the default PBX. */
    public static PbxName of(String key) {
        Objects.requireNonNull(key, "key");
        int colon = key.indexOf(SEPARATOR);
        return colon <= 0
                ? new PbxName(PbxCallIds.DEFAULT_PBX, key)
                : new PbxName(key.substring(0, colon), key.substring(colon + 1));
    }

    /** Whether this is on the default PBX (its key is the bare name). */
    public boolean onDefaultPbx() {
        return PbxCallIds.DEFAULT_PBX.equals(pbx);
    }

    public String key() {
        return key(pbx, name);
    }

    /** For people: {@code support (b)}; the bare name on the default PBX. */
    public String label() {
        return onDefaultPbx() ? name : name + " (" + pbx + ")";
    }

    /** The {@link #label} of a key, e.g. {@code b:support} shown as {@code support (b)}. */
    public static String label(String key) {
        return key == null ? null : of(key).label();
    }

    @Override
    public String toString() {
        return key();
    }
}
