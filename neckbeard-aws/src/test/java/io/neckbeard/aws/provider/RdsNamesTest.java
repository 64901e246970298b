package io.neckbeard.aws.provider;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RdsNamesTest {

    @Test
    void aNameWithinTheRulesIsKeptAsItIs() {
        assertThat(RdsNames.instance("shop", "production", 12, "db-1")).isEqualTo("shop-production-g12-db-1");
    }

    @Test
    void aNameOutsideTheRulesIsFittedAndKeptApartByAHash() {
        String underscored = RdsNames.instance("my_shop", "production", 1, "db-1");
        String hyphenated = RdsNames.instance("my-shop", "production", 1, "db-1");
        String numeric = RdsNames.instance("2shop", "Production", 1, "db-1");

        assertThat(underscored).matches("my-shop-production-g1-db-1-[0-9a-f]{8}");
        assertThat(hyphenated).isEqualTo("my-shop-production-g1-db-1");
        assertThat(numeric).matches("nb-2shop-production-g1-db-1-[0-9a-f]{8}");
        assertThat(RdsNames.instance("my_shop", "production", 1, "db-1")).isEqualTo(underscored);
    }

    @Test
    void aLongNameIsCutTo63CharactersWithItsHashAndNoDoubleOrTrailingHyphen() {
        String app = "a-very-long-application-name-that-goes-on";
        String first = RdsNames.instance(app, "production-eu-west", 123, "db-1");
        String second = RdsNames.instance(app, "production-eu-west", 123, "db-2");

        assertThat(first).hasSizeLessThanOrEqualTo(63).matches("[a-z][a-z0-9-]*[a-z0-9]").doesNotContain("--");
        assertThat(first).isNotEqualTo(second);
        assertThat(first).startsWith("a-very-long-application-name-that-goes-on-production");
    }

    @Test
    void snapshotsAreNamedAfterTheirDatabaseAndTheFinalOneAfterTheTime() {
        assertThat(RdsNames.seedSnapshot("shop-production-g2-db-1")).isEqualTo("shop-production-g2-db-1-seed");
        assertThat(RdsNames.finalSnapshot("shop-production-g2-db-1", Instant.parse("2026-12-02T03:15:00Z")))
                .isEqualTo("shop-production-g2-db-1-final-20261202-031500");
        assertThat(RdsNames.parameterGroup("shop", "production", "db")).isEqualTo("shop-production-db");
    }
}
