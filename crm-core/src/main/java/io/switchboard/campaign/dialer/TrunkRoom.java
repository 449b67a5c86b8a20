package io.switchboard.campaign.dialer;

import io.switchboard.campaign.CampaignSettings;
import io.switchboard.gateway.call.Pbxes.Trunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many more calls each PBX's trunk takes this round: its limit minus the calls in flight there, counted from the
 * database so that every campaign's calls count, and those placed by another node (a preview dial, a dialer that
 * just lost its lease) too. A PBX without a limit always has room. The dialer's thread only.
 */
final class TrunkRoom {

    private static final int UNLIMITED = Integer.MAX_VALUE;

    /** Room per PBX, in configuration order. */
    private final Map<String, Integer> room = new LinkedHashMap<>();

    private TrunkRoom() {}

    /** @param inFlight calls placed and not ended, per PBX id */
    static TrunkRoom of(List<Trunk> trunks, Map<String, Integer> inFlight) {
        TrunkRoom trunkRoom = new TrunkRoom();
        for (Trunk trunk : trunks) {
            int free = trunk.limited()
                    ? Math.max(0, trunk.maxConcurrentCalls() - inFlight.getOrDefault(trunk.pbx(), 0))
                    : UNLIMITED;
            trunkRoom.room.put(trunk.pbx(), free);
        }
        return trunkRoom;
    }

    /** The PBXes the campaign may use that have room, in configuration order. */
    List<String> usable(CampaignSettings campaign) {
        List<String> usable = new ArrayList<>();
        room.forEach((pbx, free) -> {
            if (free > 0 && campaign.mayUse(pbx)) {
                usable.add(pbx);
            }
        });
        return usable;
    }

    int room(String pbx) {
        return room.getOrDefault(pbx, 0);
    }

    /** One call more on {@code pbx}. */
    void take(String pbx) {
        room.computeIfPresent(pbx, (id, free) -> free == UNLIMITED ? free : free - 1);
    }
}
