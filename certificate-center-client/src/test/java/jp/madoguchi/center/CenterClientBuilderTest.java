package jp.madoguchi.center;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CenterClientBuilderTest {
    @Test
    void plainHttpCenterUrlIsRefused() {
        assertThatThrownBy(() -> CenterClient.builder().baseUrl("http://127.0.0.1:8443"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void zeroTimeoutsAreRefused() {
        assertThatThrownBy(() -> CenterClient.builder().issuanceTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientWithoutCredentialsIsRefused() {
        assertThatThrownBy(() ->
                        CenterClient.builder().baseUrl("https://127.0.0.1:8443").build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("credentials");
    }
}
