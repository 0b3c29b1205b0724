package jp.madoguchi.center.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeMessagesTest {
    private final ObjectMapper json = Protocol.newObjectMapper();

    @Test
    void plainOutcomeKeepsTheWireFormatOlderCentersKnow() throws Exception {
        String text = json.writeValueAsString(new OutcomeRequest(List.of("d1"), List.of()));
        assertThat(text).isEqualTo("{\"printed\":[\"d1\"],\"failed\":[]}");
        assertThat(json.readValue(text, OutcomeRequest.class).endsSession()).isFalse();
    }

    @Test
    void outcomeThatEndsTheSessionSaysSoOnTheWire() throws Exception {
        String text = json.writeValueAsString(new OutcomeRequest(List.of("d1"), List.of(), true));
        assertThat(text).contains("\"endSession\":true");
        assertThat(json.readValue(text, OutcomeRequest.class).endsSession()).isTrue();
    }

    @Test
    void answerOfACenterWithoutTheOptionMeansTheSessionIsStillOpen() throws Exception {
        OutcomeResponse old =
                json.readValue("{\"issuanceId\":\"i1\",\"issued\":[\"d1\"],\"voided\":[]}", OutcomeResponse.class);
        assertThat(old.endedSession()).isFalse();
        OutcomeResponse ended = json.readValue(
                json.writeValueAsBytes(new OutcomeResponse("i1", List.of("d1"), List.of(), true)),
                OutcomeResponse.class);
        assertThat(ended.endedSession()).isTrue();
        assertThat(json.writeValueAsString(new OutcomeResponse("i1", List.of(), List.of())))
                .doesNotContain("sessionEnded");
    }
}
