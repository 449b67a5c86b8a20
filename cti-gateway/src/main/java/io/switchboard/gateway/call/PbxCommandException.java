package io.switchboard.gateway.call;

/** The PBX refused a command, or could not be asked (link down, no response in time). */
public class PbxCommandException extends RuntimeException {

    public PbxCommandException(String message) {
        super(message);
    }

    public PbxCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
