package io.switchboard.asterisk;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * Two real Asterisk instances on loopback, as in production: the contact centre's PBX, configured by the project's
 * own {@code config/} samples ({@link SampleConfiguration}), and a carrier (the PSTN) linked to it by IAX2. Every
 * port is picked free; every file lives in a scratch folder. One rig is shared by the suite's classes (started on
 * first use, stopped when the test run ends or the JVM exits).
 *
 * <p>The carrier places customers' calls ({@link #callIn}); the numbers the PBX dials answer, are busy, never answer,
 * are congested, are a machine or stay on the line by their last digit (1 to 6, see
 * {@code asterisk/carrier/extensions.conf}). Agents' phones are steered through AstDB ({@link #phone}).
 */
public final class AsteriskRig implements AutoCloseable {

    /** The agents' extensions in config/queues.conf. */
    public static final List<String> PHONES = List.of("1001", "1002", "1003", "1004", "1005", "3001");

    private static AsteriskRig shared;

    // not final: close() runs on whatever part of the rig started when a later part fails to
    private Path scratch;
    private AsteriskInstance pbx;
    private AsteriskInstance carrier;
    private AmiProxy proxy;
    private ManagerConnection carrierAmi;
    private int pbxAmiPort;

    /** The suite's rig, started on first use. */
    public static synchronized AsteriskRig shared() {
        if (shared == null) {
            Path binary = AsteriskSetting.binary()
                    .orElseThrow(() -> new IllegalStateException(AsteriskSetting.missingMessage()));
            shared = new AsteriskRig(binary);
            Runtime.getRuntime().addShutdownHook(new Thread(AsteriskRig::stopShared, "asterisk-rig-stop"));
        }
        return shared;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    private AsteriskRig(Path binary) {
        try {
            scratch = Files.createTempDirectory("sbrig");
            Path prefix = binary.toAbsolutePath().getParent().getParent();
            pbxAmiPort = freeTcpPort();
            int carrierAmiPort = freeTcpPort();
            Map<String, String> values = new HashMap<>(Map.of(
                    "PREFIX", prefix.toString(),
                    "DATA", dataFolder(prefix, scratch).toString(),
                    "IAX_PORT", Integer.toString(freeUdpPort()),
                    "CARRIER_IAX_PORT", Integer.toString(freeUdpPort()),
                    "CARRIER_AMI_PORT", Integer.toString(carrierAmiPort)));
            pbx = instance("pbx", binary, values, List.of("iax.conf", "amd.conf"));
            SampleConfiguration.writeInto(scratch.resolve("pbx/etc"), pbxAmiPort);
            SampleConfiguration.copyResource("pbx/stand-ins.conf", scratch.resolve("pbx/etc/stand-ins.conf"), values);
            carrier = instance("carrier", binary, values, List.of("iax.conf", "manager.conf", "extensions.conf"));
            pbx.start();
            carrier.start();
            resetPhones();
            proxy = new AmiProxy(pbxAmiPort);
            carrierAmi = new ManagerConnectionFactory("127.0.0.1", carrierAmiPort, "carrier", "rigsecret")
                    .createManagerConnection();
            carrierAmi.login();
        } catch (Exception e) {
            close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException("rig did not start", e);
        }
    }

    /**
     * Asterisk's data folder: the installation's, unless it has no sound files (the shared build has none). Then a
     * scratch one that links the installation's folders and adds an empty {@code pbx-transfer} prompt: Asterisk
     * plays it while it collects an attended transfer's digits (AMI Atxfer) and abandons the transfer without it.
     */
    private static Path dataFolder(Path prefix, Path scratch) throws IOException {
        Path installed = prefix.resolve("var/lib/asterisk");
        if (Files.isDirectory(installed.resolve("sounds/en"))) {
            return installed;
        }
        Path data = Files.createDirectories(scratch.resolve("data"));
        try (var entries = Files.list(installed)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals("sounds")) {
                    Files.createSymbolicLink(data.resolve(entry.getFileName()), entry);
                }
            }
        }
        Path sounds = Files.createDirectories(data.resolve("sounds/en"));
        Files.write(sounds.resolve("pbx-transfer.ulaw"), new byte[0]);
        return data;
    }

    private AsteriskInstance instance(String name, Path binary, Map<String, String> values, List<String> own)
            throws IOException {
        Path etc = Files.createDirectories(scratch.resolve(name + "/etc"));
        Path run = scratch.resolve(name);
        for (String folder : List.of("lib", "spool", "run", "log")) {
            Files.createDirectories(run.resolve(folder));
        }
        Map<String, String> mine = new HashMap<>(values);
        mine.put("ETC", etc.toString());
        mine.put("RUN", run.toString());
        SampleConfiguration.copyResource("asterisk.conf", etc.resolve("asterisk.conf"), mine);
        for (String file : List.of(
                "modules.conf", "logger.conf", "cdr.conf", "cdr_manager.conf", "cel.conf", "musiconhold.conf")) {
            SampleConfiguration.copyResource(name + "/" + file, etc.resolve(file), mine);
        }
        for (String file : own) {
            SampleConfiguration.copyResource(name + "/" + file, etc.resolve(file), mine);
        }
        return new AsteriskInstance(name, binary, etc.resolve("asterisk.conf"), run.resolve("console.log"));
    }

    /** Where the application connects: the relay in front of the PBX's AMI port (see {@link #cutAmiLink()}). */
    public int amiPort() {
        return proxy.port();
    }

    /** The PBX's own AMI port (the sample manager.conf's, swapped to a free one). */
    public int pbxAmiPort() {
        return pbxAmiPort;
    }

    /** The AMI secret of config/manager.conf, as a user who did not change it would have it. */
    public String amiSecret() {
        return "change-me";
    }

    /** Starts recording the PBX's AMI stream into an {@code .ami} trace file; close the recorder to end it. */
    public AutoCloseable recordTrace(Path trace) {
        return new TraceRecorder(pbxAmiPort, "switchboard", amiSecret(), trace);
    }

    /** Runs a PBX CLI command and returns its output. */
    public String pbxCli(String command) {
        return pbx.cli(command);
    }

    /**
     * A customer calls the contact centre: the carrier sends a call to the PBX's DID; the customer stays
     * {@code holdSeconds} after the PBX answers, then hangs up.
     */
    public void callIn(String did, String callerNumber, String callerName, int holdSeconds) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel("IAX2/pbx/" + did);
        originate.setContext("caller");
        originate.setExten("hold");
        originate.setPriority(1);
        originate.setCallerId("\"" + callerName + "\" <" + callerNumber + ">");
        originate.setVariables(Map.of("HOLD", Integer.toString(holdSeconds)));
        originate.setAsync(true);
        originate.setTimeout(60_000L);
        try {
            ManagerResponse response = carrierAmi.sendAction(originate, 10_000);
            if (!"Success".equalsIgnoreCase(response.getResponse())) {
                throw new IllegalStateException("carrier refused the call: " + response.getMessage());
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** Hangs up every channel of the carrier (the customers' side of every call). */
    public void hangUpEveryCustomer() {
        carrier.cli("channel request hangup all");
    }

    /**
     * How an agent's phone behaves from now on: rings {@code ring} seconds ("never": never answers, "busy": busy),
     * then talks {@code talkSeconds} and hangs up.
     */
    public void phone(String extension, String ring, int talkSeconds) {
        pbx.cli("database put rig/" + extension + " ring " + ring);
        pbx.cli("database put rig/" + extension + " talk " + talkSeconds);
    }

    /** Every phone idle and back to the defaults; nothing left of an earlier test's calls. */
    public void resetPhones() {
        pbx.cli("channel request hangup all");
        carrier.cli("channel request hangup all");
        pbx.cli("database deltree rig");
        for (String extension : PHONES) {
            pbx.cli("devstate change Custom:" + extension + " NOT_INUSE");
        }
    }

    /** Channels the PBX has up now (its {@code core show channels count} figure). */
    public int activeChannels() {
        String output = pbx.cli("core show channels count");
        for (String line : output.split("\n")) {
            if (line.contains("active channel")) {
                return Integer.parseInt(line.trim().split(" ")[0]);
            }
        }
        throw new IllegalStateException("unexpected 'core show channels count': " + output);
    }

    /** Cuts the AMI link between the application and the PBX (calls go on; the application reconnects). */
    public void cutAmiLink() {
        proxy.cut();
    }

    /** Cuts the AMI link and keeps it down for a while (calls go on; the application reconnects afterwards). */
    public void cutAmiLinkFor(java.time.Duration outage) {
        proxy.cutFor(outage.toMillis());
    }

    /** Kills the PBX as a crash would, then starts it again on the same ports with the same configuration. */
    public void crashAndRestartPbx() {
        pbx.kill();
        startPbxAgain();
    }

    /** Stops the PBX as an operator would ({@code core stop now}: calls are hung up), then starts it again. */
    public void restartPbx() {
        pbx.close();
        startPbxAgain();
    }

    private void startPbxAgain() {
        pbx.start();
        for (String extension : PHONES) {
            pbx.cli("devstate change Custom:" + extension + " NOT_INUSE");
        }
    }

    @Override
    public void close() {
        if (carrierAmi != null) {
            try {
                carrierAmi.logoff();
            } catch (Exception e) {
                // the carrier is stopped below anyway
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        if (carrier != null) {
            carrier.close();
        }
        if (pbx != null) {
            pbx.close();
        }
        if (scratch != null) {
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a scratch folder under the system's temporary directory: left for the OS to clean
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
