package io.switchboard.gateway.call;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares one String instance per agent extension and queue name. Every AMI event carries fresh copies of them;
 * thousands of live calls would otherwise hold thousands of copies of the same few names. Bounded so that a PBX
 * sending unexpected names cannot grow it without end.
 */
final class Interner {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, String> names = new HashMap<>();

    String intern(String name) {
        if (name == null) {
            return null;
        }
        String known = names.get(name);
        if (known != null) {
            return known;
        }
        if (names.size() < MAX_ENTRIES) {
            names.put(name, name);
        }
        return name;
    }
}
