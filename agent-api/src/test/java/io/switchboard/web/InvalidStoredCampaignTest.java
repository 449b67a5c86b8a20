package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.Api;
import io.switchboard.testing.ApplicationOnPostgres;
import io.switchboard.testing.Browser;
import io.switchboard.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A campaign whose stored settings today's checks refuse (here a maximum of 0 attempts, as an older version or a hand
 * edit could leave it) no longer turns everyone's campaign list into a 400: it is listed, flagged, cannot start, and
 * its page says what is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidStoredCampaignTest extends ApplicationOnPostgres {

    @Autowired
    private JdbcTemplate jdbc;

    private long broken;
    private long fine;
    private final String brokenName = "Broken " + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void aCampaignWithAnInvalidStoredSetting() {
        broken = create(brokenName);
        fine = create("Fine " + UUID.randomUUID().toString().substring(0, 6));
        jdbc.update("update campaigns set max_attempts = 0 where id = ?", broken);
    }

    @AfterAll
    void correctedForTheOtherTests() {
        jdbc.update("update campaigns set max_attempts = 5 where id = ?", broken);
    }

    @Test
    void theListShowsEveryCampaignWithTheInvalidOneFlagged() {
        HttpResponse<String> listed = call("GET", "/api/v1/campaigns", TestUser.CAMPAIGN_MANAGER, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode campaigns = Api.json(listed);
        assertThat(find(campaigns, fine).path("invalidSettings")).isEmpty();
        JsonNode flagged = find(campaigns, broken).path("invalidSettings");
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0).path("field").asText()).isEqualTo("maxAttempts");
        assertThat(flagged.get(0).path("message").asText()).contains("between 1 and 100");

        HttpResponse<String> one = call("GET", "/api/v1/campaigns/" + broken, TestUser.CAMPAIGN_MANAGER, null);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(Api.json(one).path("invalidSettings").get(0).path("field").asText())
                .isEqualTo("maxAttempts");
    }

    @Test
    void itCannotStartUntilCorrected() {
        HttpResponse<String> start =
                call("POST", "/api/v1/campaigns/" + broken + "/start", TestUser.CAMPAIGN_MANAGER, null);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(400);
        assertThat(Api.json(start).path("errors").get(0).path("field").asText()).isEqualTo("maxAttempts");
    }

    @Test
    void itsPageSaysWhatIsWrong() {
        Browser.assumeInstalled();
        try (Browser manager = Browser.open(port)) {
            manager.logIn(TestUser.CAMPAIGN_MANAGER.username, TestUser.PASSWORD);
            manager.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/campaigns"));
            WebElement row = manager.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#campaign-list tr[data-campaign='" + broken + "']")));
            assertThat(row.getAttribute("class")).contains("invalid");
            assertThat(row.getText()).contains(brokenName, "invalid settings");
            row.click();
            WebElement problem = manager.waiting(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#campaign-invalid li[data-field='maxAttempts']")));
            assertThat(problem.getText()).contains("maxAttempts", "between 1 and 100");
            manager.screenshot("campaign-invalid-settings");
        }
    }

    private long create(String name) {
        HttpResponse<String> created = call(
                "POST",
                "/api/v1/campaigns",
                TestUser.CAMPAIGN_MANAGER,
                "{\"name\":\"" + name + "\",\"dialMode\":\"PREVIEW\",\"queue\":\"campaign\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created).path("id").asLong();
    }

    private static JsonNode find(JsonNode campaigns, long id) {
        for (JsonNode campaign : campaigns) {
            if (campaign.path("id").asLong() == id) {
                return campaign;
            }
        }
        throw new AssertionError("campaign " + id + " not listed: " + campaigns);
    }
}
