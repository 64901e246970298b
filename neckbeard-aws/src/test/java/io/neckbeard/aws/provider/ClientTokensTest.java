package io.neckbeard.aws.provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientTokensTest {

    @Test
    void aTokenThatFitsEc2sLimitIsUsedAsItIs() {
        assertThat(ClientTokens.of("shop-production-g3-web-2")).isEqualTo("shop-production-g3-web-2");
    }

    @Test
    void aLongerTokenBecomes64CharactersThatStayTheSameForTheSameNodeAndAttempt() {
        String node = "a-rather-long-application-name-production-eu-west-g123-background-worker-12";
        String token = ClientTokens.of(node);

        assertThat(token).hasSize(ClientTokens.MAX_LENGTH).matches("[0-9a-f]{64}").isEqualTo(ClientTokens.of(node));
        assertThat(ClientTokens.of(node + "-r1a2b")).isNotEqualTo(token);
    }
}
