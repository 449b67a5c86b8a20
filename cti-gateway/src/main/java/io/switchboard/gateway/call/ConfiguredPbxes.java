package io.switchboard.gateway.call;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which PBXes this installation has, by id, read from {@code switchboard.pbxes[n].id} alone (the links' other settings
 * are the AMI adapter's business): what a user's extension and a queue may belong to. Without a list there is one
 * PBX, {@link PbxCallIds#DEFAULT_PBX}. With one PBX, listed or not, nothing shows a PBX to people.
 */
@ConfigurationProperties("switchboard")
public record ConfiguredPbxes(List<Listed> pbxes) {

    /** One entry of {@code switchboard.pbxes}, of which only the id matters here. */
    public record Listed(String id) {}

    public ConfiguredPbxes {
        pbxes = pbxes == null ? List.of() : List.copyOf(pbxes);
    }

    /** The one default PBX: an installation without {@code switchboard.pbxes}. */
    public static ConfiguredPbxes single() {
        return new ConfiguredPbxes(List.of());
    }

    /** The PBXes of these ids, as if listed. */
    public static ConfiguredPbxes of(String... ids) {
        return new ConfiguredPbxes(List.of(ids).stream().map(Listed::new).toList());
    }

    /** The PBXes' ids in their configured order: the list's, or {@code default} alone. */
    public List<String> ids() {
        return pbxes.isEmpty()
                ? List.of(PbxCallIds.DEFAULT_PBX)
                : pbxes.stream().map(Listed::id).toList();
    }

    public boolean isKnown(String pbx) {
        return ids().contains(pbx);
    }

    /** Whether there are several, the only case in which people see which PBX an extension or a queue is on. */
    public boolean several() {
        return ids().size() > 1;
    }

    /** The PBX a user gets when nobody says which: the only one, or the first listed. */
    public String first() {
        return ids().get(0);
    }

    /**
     * A queue or an agent ({@link PbxName#key}) for people: {@code support (b)} with several PBXes, {@code support}
     * with one, whatever its PBX is called.
     */
    public String label(String key) {
        if (key == null) {
            return null;
        }
        PbxName named = PbxName.of(key);
        return several() ? named.label() : named.name();
    }
}
