package io.switchboard.contact.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FieldPathTest {

    static final JsonNode RECORD = JsonMapper.builder()
            .build()
            .readTree("{\"org\": {\"name\": \"Engines\"}, \"phones\": [{\"number\": \"+49 30 1\"}], \"a/b\": 1}");

    @Test
    void dottedPathAndJsonPointerFindTheSameValue() {
        assertThat(FieldPath.of("org.name").in(RECORD).asString()).isEqualTo("Engines");
        assertThat(FieldPath.of("/org/name").in(RECORD).asString()).isEqualTo("Engines");
    }

    @Test
    void numericSegmentOfADottedPathPicksAnArrayElement() {
        assertThat(FieldPath.of("phones.0.number").in(RECORD).asString()).isEqualTo("+49 30 1");
    }

    @Test
    void slashInADottedSegmentIsAPropertyName() {
        assertThat(FieldPath.of("a/b").in(RECORD).asInt()).isEqualTo(1);
    }

    @Test
    void blankPathIsTheNodeItselfAndAMissingOneIsMissing() {
        assertThat(FieldPath.of(" ").in(RECORD)).isSameAs(RECORD);
        assertThat(FieldPath.of("org.street").in(RECORD).isMissingNode()).isTrue();
    }

    @Test
    void emptySegmentIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> FieldPath.of("org..name"));
    }
}
