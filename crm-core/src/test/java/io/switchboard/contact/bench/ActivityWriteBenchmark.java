package io.switchboard.contact.bench;

import io.switchboard.activity.ActivityRecorder;
import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A burst of ended calls, as after a PBX link outage's resync or at a large centre's peak: how fast activities are
 * written, each with its contact looked up among all contacts and its agent resolved. Two thirds of the callers
 * are known contacts, the rest unknown numbers (the lookup's slowest case: every rank searched).
 */
final class ActivityWriteBenchmark {

    private static final int AGENTS = 50;
    /** Below the default buffer capacity (100,000), so that no call is refused. */
    private static final int BUFFER_HEADROOM = 90_000;

    private ActivityWriteBenchmark() {}

    static void run(ConfigurableApplicationContext context, int activities, int contacts, int firstNumber) {
        Directory directory = context.getBean(Directory.class);
        for (int agent = 0; agent < AGENTS; agent++) {
            directory.add(new NewUser(
                    "bench-agent-" + agent,
                    "Agent " + agent,
                    Role.AGENT,
                    directory.team("Bench"),
                    "2" + (100 + agent)));
        }
        ActivityRecorder recorder = context.getBean(ActivityRecorder.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        SplittableRandom random = new SplittableRandom(7);
        Instant start = Instant.parse("2026-11-02T08:00:00Z");

        CpuTime before = CpuTime.now();
        long started = System.nanoTime();
        for (int i = 0; i < activities; i++) {
            String caller = random.nextInt(3) < 2
                    ? "+4930" + (firstNumber + random.nextInt(contacts))
                    : "+4989" + (firstNumber + contacts + random.nextInt(contacts));
            CallEnded call = ended("bench." + i, caller, "2" + (100 + random.nextInt(AGENTS)), start.plusSeconds(i));
            // a burst larger than the buffer waits for the writer, as the bench measures writing, not refusing
            while (recorder.pending() >= BUFFER_HEADROOM) {
                LockSupport.parkNanos(1_000_000);
            }
            recorder.record(call);
        }
        while (recorder.pending() > 0) {
            LockSupport.parkNanos(1_000_000);
        }
        while (count(jdbc) < activities) { // the last batch is being written
            LockSupport.parkNanos(1_000_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuTime cpu = CpuTime.now().since(before);
        System.out.printf(
                Locale.ROOT,
                "Activities: %,d written in %.1f s = %,.0f activities/s (contact lookup and agent per call);"
                        + " CPU: JVM %.0f us/activity, PostgreSQL %.0f us/activity%n",
                activities,
                seconds,
                activities / seconds,
                cpu.jvmSeconds() * 1e6 / activities,
                cpu.postgresSeconds() * 1e6 / activities);
    }

    private static long count(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("select count(*) from activities", Long.class);
        return count == null ? 0 : count;
    }

    private static CallEnded ended(String callId, String caller, String agent, Instant startedAt) {
        return new CallEnded(
                callId,
                startedAt.plusSeconds(200),
                CallDirection.INBOUND,
                Party.of(caller, null),
                "500",
                "support",
                agent,
                agent,
                agent,
                startedAt,
                startedAt.plusSeconds(20),
                8,
                20,
                180,
                16,
                "Normal Clearing",
                CallOutcome.ANSWERED,
                false,
                List.of());
    }
}
