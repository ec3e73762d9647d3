package io.trackstream.cassandra;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageLayoutTests {

    @Test
    void lastMillisecondOfADayAndMidnightFallInTwoDayBuckets() {
        Instant late = Instant.parse("2024-03-01T23:59:59.999Z");
        Instant midnight = Instant.parse("2024-03-02T00:00:00.000Z");

        assertThat(BucketSize.DAY.bucketOf(late)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(BucketSize.DAY.bucketOf(midnight)).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
    }

    @Test
    void anEventAtThreeInIndiaBelongsToThePreviousUtcDay() {
        Instant event = java.time.OffsetDateTime.parse("2024-03-02T03:00:00+05:30").toInstant();

        assertThat(BucketSize.DAY.bucketOf(event)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    }

    @Test
    void hourBucketsStartOnTheUtcHour() {
        assertThat(BucketSize.HOUR.bucketOf(Instant.parse("2024-03-01T10:59:59.999Z")))
                .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
    }

    @Test
    void theBucketIndexOutlivesItsRowsByOneBucket() {
        StorageLayout layout = new StorageLayout(BucketSize.DAY, Duration.ofDays(7));

        assertThat(layout.eventTtlSeconds()).isEqualTo(7 * 86_400);
        assertThat(layout.bucketTtlSeconds()).isEqualTo(8 * 86_400);
    }

    @Test
    void rejectsARetentionThatIsNotAValidTtl() {
        assertThatThrownBy(() -> new StorageLayout(BucketSize.DAY, Duration.ZERO)).hasMessageContaining("retention");
        assertThatThrownBy(() -> new StorageLayout(BucketSize.DAY, Duration.ofDays(365L * 100))).hasMessageContaining("retention");
    }
}
