package io.switchboard.gateway.call;

/**
 * Finds the agent extension in a channel or queue member interface name: {@code Local/1001@agent-sim-0000a;1},
 * {@code Local/1001@agent-sim/n}, {@code PJSIP/1001-0000001f} and {@code SIP/1001} all name agent 1001, while a
 * trunk such as {@code IAX2/carrier-8969} names none.
 */
final class AgentNames {

    private final int maxExtensionLength;
    private final Interner interner;

    AgentNames(int maxExtensionLength, Interner interner) {
        this.maxExtensionLength = maxExtensionLength;
        this.interner = interner;
    }

    String extensionOf(String channelOrInterface) {
        if (channelOrInterface == null) {
            return null;
        }
        int slash = channelOrInterface.indexOf('/');
        if (slash < 0) {
            return null;
        }
        int start = slash + 1;
        int end = start;
        while (end < channelOrInterface.length() && Character.isDigit(channelOrInterface.charAt(end))) {
            end++;
        }
        int length = end - start;
        if (length < 2 || length > maxExtensionLength) {
            return null;
        }
        if (end < channelOrInterface.length()) {
            char next = channelOrInterface.charAt(end);
            if (next != '@' && next != '-' && next != '/' && next != ';') {
                return null;
            }
        }
        return interner.intern(channelOrInterface.substring(start, end));
    }

    /** A number longer than any extension is an outside number. */
    boolean isExternalNumber(String number) {
        if (number == null) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < number.length(); i++) {
            if (Character.isDigit(number.charAt(i))) {
                digits++;
            }
        }
        return digits > maxExtensionLength;
    }
}
