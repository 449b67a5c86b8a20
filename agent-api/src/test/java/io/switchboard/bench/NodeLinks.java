package io.switchboard.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which node owns which PBX link, read from each node's {@code switchboard_ami_link_owned} gauge. */
final class NodeLinks {

    private NodeLinks() {}

    /** Each PBX whose link some node owns now, with that node's index (the first one, should two say so). */
    static Map<String, Integer> owners(List<BenchApi> apis) {
        Map<String, Integer> owners = new TreeMap<>();
        for (int node = apis.size() - 1; node >= 0; node--) {
            for (String pbx : owned(apis.get(node))) {
                owners.put(pbx, node);
            }
        }
        return owners;
    }

    /**
     * Waits until every PBX's link has exactly one owner and no node holds more than its share, {@code ceil(links /
     * nodes)}: the links spread over the nodes ({@code switchboard.link-lease.rebalance-after}).
     */
    static Map<String, Integer> awaitSpread(List<BenchApi> apis, Duration timeout) throws InterruptedException {
        long share = (NodesBenchmark.PBXES.size() + apis.size() - 1) / apis.size();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Map<String, Integer> holders = new HashMap<>();
            boolean withinShare = true;
            for (int node = 0; node < apis.size(); node++) {
                List<String> owned = owned(apis.get(node));
                withinShare &= owned.size() <= share;
                owned.forEach(pbx -> holders.merge(pbx, 1, Integer::sum));
            }
            boolean oneEach = NodesBenchmark.PBXES.stream().allMatch(pbx -> holders.getOrDefault(pbx, 0) == 1);
            if (oneEach && withinShare) {
                return owners(apis);
            }
            last = holders.toString();
            Thread.sleep(200);
        }
        throw new IllegalStateException("The links did not spread over the nodes within " + timeout + ": " + last);
    }

    static String describe(Map<String, Integer> owners) {
        StringBuilder text = new StringBuilder();
        owners.forEach((pbx, node) -> text.append(text.length() == 0 ? "" : ", ")
                .append("PBX ")
                .append(pbx)
                .append(" on node-")
                .append(node + 1));
        return text.toString();
    }

    /** The PBXes {@code node} owns, from its Prometheus scrape. */
    static List<String> owned(BenchApi node) {
        return node.prometheus()
                .lines()
                .filter(line -> line.startsWith("switchboard_ami_link_owned{") && line.endsWith(" 1.0"))
                .map(line -> line.replaceAll(".*pbx=\"([^\"]+)\".*", "$1"))
                .toList();
    }

    static List<String> ownedBy(Map<String, Integer> owners, int node) {
        return owners.entrySet().stream()
                .filter(owner -> owner.getValue() == node)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Waits until no node follows a call any more (the load's last call ended). */
    static void awaitNoCalls(Collection<BenchApi> apis, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && apis.stream()
                                .mapToDouble(api -> api.metric("switchboard.calls.active", null))
                                .sum()
                        > 0) {
            Thread.sleep(500);
        }
    }
}
