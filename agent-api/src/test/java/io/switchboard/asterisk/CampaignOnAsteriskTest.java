package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.testing.Api;
import io.switchboard.testing.Desktop;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A progressive campaign on a real Asterisk running the sample {@code campaign-out} / {@code campaign-connect}
 * dialplan: a person (AMD hears a short hello), a busy line, no answer, congestion and an answering machine.
 */
class CampaignOnAsteriskTest extends ApplicationOnAsterisk {

    @Autowired
    MeterRegistry meters;

    @Test
    void everyLeadIsOneOutboundActivityWithItsOutcomeAndAFailedOriginateIsNoCall() {
        rig.phone("3001", "1", 3);
        double notACallBefore = notACall();
        try (Desktop desktop = desktop(agent("3001"))) {
            long campaign = campaignOf(
                    // failures first, a machine last: an answered call nobody takes counts against the abandon cap
                    "+49 30 555662,Bruno Busy",
                    "+49 30 555663,Nina Noanswer",
                    "+49 30 555664,Conrad Congested",
                    "+49 30 555661,Paula Person",
                    "+49 30 555665,Max Machine");
            HttpResponse<String> started = call("POST", "/api/v1/campaigns/" + campaign + "/start", "manager", null);
            assertThat(started.statusCode()).as(started.body()).isBetween(200, 204);

            Map<String, Map<String, Object>> byNumber = assertOnlyNewActivities(5).stream()
                    .collect(
                            Collectors.toMap(activity -> (String) activity.get("callee_number"), activity -> activity));
            assertThat(byNumber.keySet())
                    .containsExactlyInAnyOrder(
                            "+4930555661", "+4930555662", "+4930555663", "+4930555664", "+4930555665");
            byNumber.values().forEach(activity -> assertThat(activity).containsEntry("direction", "OUTBOUND"));
            assertThat(byNumber.get("+4930555661"))
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("agent_extension", "3001")
                    .containsEntry("queue", "campaign");
            assertThat((Integer) byNumber.get("+4930555661").get("talk_seconds"))
                    .isBetween(1, 5);
            assertThat(byNumber.get("+4930555662")).containsEntry("outcome", "BUSY");
            assertThat(byNumber.get("+4930555663")).containsEntry("outcome", "NO_ANSWER");
            assertThat(byNumber.get("+4930555664")).containsEntry("outcome", "FAILED");
            assertThat(byNumber.get("+4930555665"))
                    .as("a machine is answered, and hung up before any agent")
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("agent_extension", null);

            // the person was popped to the agent who took them, with the lead's name
            String personCall = (String) byNumber.get("+4930555661").get("call_id");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> poppedCalls(desktop).contains(personCall));
            assertThat(poppedCalls(desktop)).containsExactly(personCall);
            // the sample campaign-connect has no "failed" extension: Asterisk ran none for the failed originates
            assertThat(notACall()).isEqualTo(notACallBefore);
            assertThat(rig.pbxCli("dialplan show failed@campaign-connect")).contains("There is no existence");

            // the dialer's own record of each attempt, as its retry rules read it
            Map<String, Object> attempts = jdbc
                    .queryForList(
                            "select l.e164, a.outcome from lead_attempts a join leads l on l.id = a.lead_id"
                                    + " where a.campaign_id = ?",
                            campaign)
                    .stream()
                    .collect(Collectors.toMap(
                            row -> (String) row.get("e164"), row -> String.valueOf(row.get("outcome"))));
            assertThat(attempts)
                    .containsEntry("+4930555662", "BUSY")
                    .containsEntry("+4930555663", "NO_ANSWER")
                    .containsEntry("+4930555664", "FAILED")
                    .containsEntry("+4930555665", "MACHINE")
                    .hasSize(5);
            JsonNode progress = Api.json(call("GET", "/api/v1/campaigns/" + campaign + "/progress", "manager", null));
            // every lead had its one attempt; the person's stays open until the agent records a disposition
            assertThat(progress.path("leads").path("done").asLong()).isEqualTo(4);
        }
    }

    @Test
    void aCampaignCallIsTransferredAndHungUpFromSwitchboardLikeAnyOther() {
        rig.phone("3001", "1", 60);
        rig.phone("1002", "1", 60);
        try (Desktop campaignAgent = desktop(agent("3001"));
                Desktop colleague = desktop(agent("1002"))) {
            // a person who stays on the line (the carrier's numbers ending in 6)
            long campaign = campaignOf("+49 30 555666,Stella Stays");
            HttpResponse<String> started = call("POST", "/api/v1/campaigns/" + campaign + "/start", "manager", null);
            assertThat(started.statusCode()).as(started.body()).isBetween(200, 204);
            String callId = firstPop(campaignAgent);

            awaitAccepted("/api/v1/agents/me/call/transfer", agent("3001"), "{\"extension\":\"1002\"}");
            assertThat(firstPop(colleague)).as("the colleague's pop").isEqualTo(callId);
            awaitAccepted("/api/v1/agents/me/call/hangup", agent("1002"), null);

            awaitEnded(colleague, callId);
            assertThat(theActivityOf(callId))
                    .containsEntry("direction", "OUTBOUND")
                    .containsEntry("outcome", "ANSWERED")
                    .containsEntry("agent_extension", "1002");
            assertThat(legs(callId)).containsExactly("campaign/3001 transferred", "null/1002");
            assertOnlyNewActivities(1);
        }
    }

    private double notACall() {
        Counter counter = meters.find("switchboard.calls.events.skipped")
                .tag("reason", "not_a_call")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** A progressive campaign on the sample queue {@code campaign}, worked by agent 3001, with one attempt a lead. */
    private long campaignOf(String... leads) {
        HttpResponse<String> created = call(
                "POST",
                "/api/v1/campaigns",
                "manager",
                "{\"name\":\"Rig campaign " + System.nanoTime()
                        + "\",\"dialMode\":\"PROGRESSIVE\",\"queue\":\"campaign\","
                        + "\"callerId\":\"+4930999000\",\"agents\":[\"" + agent("3001") + "\"],"
                        + "\"callWindow\":{\"hours\":[\"MON-SUN 00:00-24:00\"]},\"maxAttempts\":1}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Api.json(created).path("id").asLong();
        HttpResponse<String> upload = api.upload(
                "/api/v1/campaigns/" + id + "/leads",
                "manager",
                PASSWORD,
                "leads.csv",
                "number,name\n" + String.join("\n", List.of(leads)) + "\n");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Api.json(call("GET", "/api/v1/campaigns/" + id + "/progress", "manager", null))
                                .path("leads")
                                .path("total")
                                .asLong()
                        == leads.length);
        return id;
    }
}
