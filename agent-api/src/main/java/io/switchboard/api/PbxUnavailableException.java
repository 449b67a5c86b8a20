package io.switchboard.api;

/** No PBX that takes commands is configured (the webhook feeds events only). */
class PbxUnavailableException extends RuntimeException {

    PbxUnavailableException() {
        super("No PBX that takes commands is connected: configure the AMI link (switchboard.ami.*)");
    }

    PbxUnavailableException(String message) {
        super(message);
    }
}
